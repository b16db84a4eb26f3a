import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiError } from '../errors/ui-error';
import { useLang } from '../i18n';
import { copyChart, exportChartPng, exportChartSvg, exportTableFile } from './actions';
import { useExportLook, useExportPrefs } from './prefs';
import type { Presentable } from './types';
import { useExportMeta } from './use-export-meta';
import './export.css';

/**
 * The export menu of one chart or table (ChartCard adds it to every chart automatically). It sits in the
 * top right corner of its card, or where it is placed in the flow when `inline`.
 */
export function ExportMenu({ item, inline = false }: { item: Presentable; inline?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const metaFor = useExportMeta();
  const look = useExportLook();
  const projector = useExportPrefs((s) => s.projector);
  const setProjector = useExportPrefs((s) => s.setProjector);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  // An open menu closes on a click outside it and on Esc (focus back on its button), like a native menu.
  useEffect(() => {
    const el = menu.current;
    if (!open || !el) return;
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      el.open = false;
      el.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onDown, true);
    el.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      el.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (action: () => Promise<string>) => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setStatus(t('export.working'));
    try {
      setStatus(await action());
    } catch (e) {
      setStatus(t('export.failed', { code: toUiError(e).code }));
    } finally {
      setBusy(false);
    }
  };
  const meta = () => metaFor(item.title);
  const chartDo = (
    f: (o: NonNullable<Extract<Presentable, { kind: 'chart' }>['option']>) => Promise<string>,
  ) =>
    run(async () => {
      if (item.kind !== 'chart' || !item.option) return t('export.noData');
      return f(item.option);
    });
  const tableDo = (format: 'xlsx' | 'csv') =>
    run(async () => {
      const table = item.kind === 'table' ? await (item.loadTable?.() ?? item.getTable()) : null;
      if (!table) return t('export.noData');
      return t('export.done', { file: await exportTableFile(table, meta(), format, lang) });
    });

  return (
    <div className={`export-menu${inline ? ' export-menu--inline' : ''}`} data-export-for={item.id}>
      <details ref={menu} className="export-menu__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary
          className="button button--ghost export-menu__button"
          aria-label={t('export.menuFor', { title: item.title })}
        >
          {busy ? t('export.working') : t('export.menu')}
        </summary>
        <div className="export-menu__list" role="menu">
          {item.kind === 'chart' ? (
            <>
              <button
                type="button"
                role="menuitem"
                data-export="png2"
                onClick={() =>
                  void chartDo(async (o) =>
                    t('export.done', { file: await exportChartPng(o, meta(), look, 2) }),
                  )
                }
              >
                {t('export.png2')}
              </button>
              <button
                type="button"
                role="menuitem"
                data-export="png3"
                onClick={() =>
                  void chartDo(async (o) =>
                    t('export.done', { file: await exportChartPng(o, meta(), look, 3) }),
                  )
                }
              >
                {t('export.png3')}
              </button>
              <button
                type="button"
                role="menuitem"
                data-export="svg"
                onClick={() =>
                  void chartDo(async (o) => t('export.done', { file: await exportChartSvg(o, meta(), look) }))
                }
              >
                {t('export.svg')}
              </button>
              <button
                type="button"
                role="menuitem"
                data-export="copy"
                onClick={() =>
                  void chartDo(async (o) => {
                    const failure = await copyChart(o, meta(), look);
                    if (failure === 'unsupported') return t('export.copyUnsupported');
                    return failure === 'denied' ? t('export.copyDenied') : t('export.copied');
                  })
                }
              >
                {t('export.copy')}
              </button>
              <label className="export-menu__check">
                <input type="checkbox" checked={projector} onChange={(e) => setProjector(e.target.checked)} />
                <span>{t('export.projector')}</span>
              </label>
            </>
          ) : (
            <>
              <button type="button" role="menuitem" data-export="xlsx" onClick={() => void tableDo('xlsx')}>
                {t('export.xlsx')}
              </button>
              <button type="button" role="menuitem" data-export="csv" onClick={() => void tableDo('csv')}>
                {t('export.csv')}
              </button>
            </>
          )}
        </div>
      </details>
      <p className="export-menu__status" role="status" data-testid={`export-status-${item.id}`}>
        {status}
      </p>
    </div>
  );
}
