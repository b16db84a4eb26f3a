import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../../state/store';
import { addDroppedFiles } from './import-actions';
import { useImport } from './import-store';
import './drop-target.css';

/** True when a drag carries files (not text or a link dragged inside the page). */
function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
}

/**
 * Files dragged anywhere over the window: a full-window hint while dragging; dropping adds them to the
 * import and opens the import screen. Mount once, in the app shell.
 */
export function WindowDropTarget() {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file instead of dropping it here.
      e.preventDefault();
      if (e.dataTransfer)
        e.dataTransfer.dropEffect = useImport.getState().phase === 'committing' ? 'none' : 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      addDroppedFiles(files);
      useAtlas.getState().setView('import');
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-target" aria-hidden="true">
      <div className="drop-target__box">
        <span className="drop-target__icon">⤓</span>
        <p className="drop-target__title">{t('import.drop.title')}</p>
        <p className="drop-target__hint">{t('import.drop.hint')}</p>
      </div>
    </div>
  );
}
