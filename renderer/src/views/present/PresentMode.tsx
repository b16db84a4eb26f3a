import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../charts/EChart';
import { FilterBar } from '../../components/FilterBar';
import { decorateOption, PROJECTOR_LOOK } from '../../export/decorate';
import { orderedItems, useRegistry } from '../../export/registry';
import type { Presentable } from '../../export/types';
import { useExportMeta } from '../../export/use-export-meta';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { keyMove, usePresent } from './present-store';
import './present.css';

const TABLE_ROWS = 12;

/** One item, large: a chart in the projector look, or the first rows of a table. */
function Stage({ item }: { item: Presentable }) {
  const { t } = useTranslation();
  const lang = useLang();
  const metaFor = useExportMeta();
  const meta = useMemo(() => metaFor(item.title), [metaFor, item.title]);
  const option = useMemo(
    () =>
      item.kind === 'chart' && item.option
        ? decorateOption(item.option, meta, PROJECTOR_LOOK, window.innerWidth)
        : null,
    [item, meta],
  );
  if (item.kind === 'chart') {
    if (!option) return <p className="present__empty">{t('export.noData')}</p>;
    return (
      <div className="present__chart" data-present-chart={item.id} data-filters={meta.subtitle}>
        <EChart option={option} height="100%" ariaLabel={item.title} />
      </div>
    );
  }
  const table = item.getTable();
  if (!table) return <p className="present__empty">{t('export.noData')}</p>;
  return (
    <div className="present__table-wrap" data-present-table={item.id}>
      <h2 className="present__title">{item.title}</h2>
      <p className="present__subtitle">{meta.subtitle}</p>
      <table className="present__table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.name} scope="col">
                {c.unit ? `${c.name} (${c.unit})` : c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.slice(0, TABLE_ROWS).map((r, i) => (
            <tr key={i}>
              {table.columns.map((c, j) => {
                const v = r[j] ?? null;
                return (
                  <td key={c.name} className={c.kind === 'number' ? 'num' : undefined}>
                    {typeof v === 'number' ? formatNumber(v, lang) : (v ?? '')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Presentation mode: the page's charts and tables one per screen, full screen (Fullscreen API; in a
 * window when the browser refuses), projector type, arrow keys / PageUp / PageDown to move, Esc to
 * leave. The global filter bar stays on top and live: the view underneath stays mounted, re-queries,
 * and its registered items redraw here.
 */
export function PresentMode() {
  const { t } = useTranslation();
  const { open, index, stop, go } = usePresent();
  const items = orderedItems(useRegistry((s) => s.items));
  const root = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState('');
  const count = items.length;
  const at = Math.min(index, Math.max(0, count - 1));

  useEffect(() => {
    if (!open) return;
    const el = root.current;
    setNotice('');
    el?.focus();
    let entered = false;
    if (el?.requestFullscreen) {
      el.requestFullscreen().then(
        () => (entered = true),
        () => setNotice(t('export.present.fullscreenDenied')),
      );
    }
    const onFs = () => {
      // Esc in full screen is taken by the browser: leaving full screen leaves presentation mode.
      if (entered && !document.fullscreenElement) stop();
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [open, stop, t]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        stop();
        return;
      }
      const target = e.target as HTMLElement | null;
      // Keys typed into the filter bar's controls are theirs.
      if (target?.closest('input, select, textarea, [role="listbox"], .filter-bar')) return;
      const move = keyMove(e.key);
      if (move === null) return;
      e.preventDefault();
      go(Math.max(0, Math.min(count - 1, at + move)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, at, count, go, stop]);

  if (!open) return null;
  const item = items[at];
  return createPortal(
    <div
      ref={root}
      className="present"
      role="dialog"
      aria-modal="true"
      aria-label={t('export.present.label')}
      tabIndex={-1}
      data-testid="present"
    >
      <div className="present__bar">
        <FilterBar />
        <div className="present__nav">
          <button type="button" className="button" disabled={at <= 0} onClick={() => go(at - 1)}>
            {t('export.present.prev')}
          </button>
          <span className="present__position" data-testid="present-position">
            {t('export.present.position', { n: count ? at + 1 : 0, total: count })}
          </span>
          <button type="button" className="button" disabled={at >= count - 1} onClick={() => go(at + 1)}>
            {t('export.present.next')}
          </button>
          <button type="button" className="button button--primary" onClick={stop}>
            {t('export.present.exit')}
          </button>
        </div>
      </div>
      <p className="present__help">
        {t('export.present.help')} {notice}
      </p>
      <div className="present__stage">
        {item ? (
          <Stage key={item.id} item={item} />
        ) : (
          <p className="present__empty">{t('export.present.empty')}</p>
        )}
      </div>
    </div>,
    document.body,
  );
}
