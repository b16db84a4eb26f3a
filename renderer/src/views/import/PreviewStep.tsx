import { useTranslation } from 'react-i18next';
import type { TargetField } from '../../../../shared/import-types';
import { chooseFiles, commitAll, resetImport } from './import-actions';
import { useImport } from './import-store';
import { FileCard } from './FileCard';
import { commitBlockers, type Blocker } from './readiness';

/** Step 2: every file's preview and mapping, with the Import button and what still blocks it. */
export function PreviewStep() {
  const { t } = useTranslation();
  const files = useImport((s) => s.files);
  const blockers = commitBlockers(files);
  const ready = blockers.length === 0;
  const label = (target: TargetField) => `“${t(`import.targets.${target}`)}”`;
  const text = (b: Blocker): string => {
    switch (b.type) {
      case 'busy':
        return t('import.blockers.busy', { file: b.file });
      case 'fileError':
        return t('import.blockers.fileError', { file: b.file });
      case 'nothing':
        return t('import.blockers.nothing');
      case 'sheet': {
        // CSV and the like hold one table named after the file: name the file only.
        const where =
          b.sheet === b.file
            ? t('import.blockers.whereFile', { file: b.file })
            : t('import.blockers.where', { file: b.file, sheet: b.sheet });
        const missing = b.issues.flatMap((i) =>
          i.type === 'missing' ? [i.targets.map(label).join('/')] : [],
        );
        return missing.length
          ? t('import.blockers.missing', { where, columns: missing.join(', ') })
          : t('import.blockers.sheet', { where });
      }
    }
  };
  const sheets = files.reduce((n, f) => n + f.drafts.filter((d) => !d.skip).length, 0);
  return (
    <div className="import-preview">
      <div className="import-toolbar card">
        <div className="import-toolbar__summary">
          <p className="import-toolbar__title">{t('import.preview.title', { count: files.length })}</p>
          <p className="import-toolbar__hint">{t('import.preview.hint')}</p>
        </div>
        <div className="import-toolbar__actions">
          <button
            type="button"
            className="button"
            onClick={() => void chooseFiles()}
            data-testid="import-add"
          >
            {t('import.preview.addFiles')}
          </button>
          <button type="button" className="button button--ghost" onClick={resetImport}>
            {t('import.preview.clear')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!ready}
            aria-describedby={ready ? undefined : 'import-blockers'}
            onClick={() => void commitAll()}
            data-testid="import-commit"
          >
            {t('import.preview.commit', { count: sheets })}
          </button>
        </div>
        {!ready && (
          <ul
            className="import-blockers"
            id="import-blockers"
            data-testid="import-blockers"
            aria-live="polite"
          >
            {blockers.map((b, i) => (
              <li key={i}>{text(b)}</li>
            ))}
          </ul>
        )}
      </div>
      {files.map((f) => (
        <FileCard key={f.key} file={f} />
      ))}
    </div>
  );
}
