import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { preparePrint, restoreAfterPrint } from '../charts/print-fit';
import { toUiError } from '../errors/ui-error';
import { useLang } from '../i18n';
import { useAtlas } from '../state/store';
import { usePresent } from '../views/present/present-store';
import { buildDeck } from './deck';
import { deckSlides } from './deck-items';
import { orderedItems, useRegistry } from './registry';
import { SavedScreens, SCREEN_VIEWS } from './SavedScreens';
import { fileNameFor, saveBytes } from './save';
import { useExportMeta } from './use-export-meta';
import './export.css';

const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The header's tools for the whole page: presentation mode, a slide deck of the page's charts and
 * tables (all, or the ones ticked), and print / PDF. A print-only frame gives the printout its title,
 * filters, data date and source.
 */
export function DashboardTools() {
  const { t } = useTranslation();
  const lang = useLang();
  const view = useAtlas((s) => s.view);
  const items = orderedItems(useRegistry((s) => s.items));
  const metaFor = useExportMeta();
  const start = usePresent((s) => s.start);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const viewTitle = t(`nav.${view}`);
  const pageMeta = useMemo(
    () => metaFor(t('export.tools.deckTitle', { view: viewTitle })),
    [metaFor, t, viewTitle],
  );

  const deck = async () => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setStatus(t('export.tools.building'));
    try {
      const chosen = items.filter((i) => !excluded.has(i.id));
      const slides = await deckSlides(chosen, metaFor, t);
      const bytes = await buildDeck(slides, {
        title: pageMeta.title,
        subtitle: pageMeta.subtitle,
        dataDate: pageMeta.dataDate,
        source: pageMeta.source,
        lang,
      });
      const name = fileNameFor(pageMeta.title, 'pptx');
      saveBytes(name, bytes, PPTX_MIME);
      setStatus(t('export.done', { file: name }));
    } catch (e) {
      setStatus(t('export.failed', { code: toUiError(e).code }));
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    const atlas = window.atlas;
    if (atlas?.printToPdf) {
      // printToPDF fires no beforeprint: fit the charts to the page ourselves.
      preparePrint();
      try {
        const file = await atlas.printToPdf(fileNameFor(pageMeta.title, 'pdf'));
        if (file) setStatus(t('export.print.saved', { file }));
      } catch (e) {
        setStatus(t('export.print.failed', { code: toUiError(e).code }));
      } finally {
        restoreAfterPrint();
      }
    } else {
      window.print();
    }
  };

  const none = items.length === 0;
  return (
    <div className="dash-tools" role="group" aria-label={t('export.tools.label')}>
      <button type="button" className="button" disabled={none} onClick={start} data-testid="present-open">
        {t('export.tools.present')}
      </button>
      <details ref={menu} className="export-menu__details dash-tools__deck">
        <summary className="button" aria-disabled={busy} data-testid="deck-menu">
          {busy ? t('export.tools.building') : t('export.tools.menu')}
        </summary>
        <div className="export-menu__list export-menu__list--wide">
          <fieldset className="dash-tools__choose">
            <legend>{t('export.tools.choose')}</legend>
            {none && <p>{t('export.tools.none')}</p>}
            {items.map((i) => (
              <label key={i.id} className="export-menu__check">
                <input
                  type="checkbox"
                  checked={!excluded.has(i.id)}
                  data-deck-item={i.id}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(i.id);
                    else next.add(i.id);
                    setExcluded(next);
                  }}
                />
                <span>{i.title}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button button--primary"
            disabled={none || busy || items.every((i) => excluded.has(i.id))}
            onClick={() => void deck()}
            data-testid="deck-download"
          >
            {t('export.tools.deck')}
          </button>
          <button type="button" className="button" onClick={() => void print()} data-testid="print">
            {t('export.tools.print')}
          </button>
          {(SCREEN_VIEWS as readonly string[]).includes(view) && (
            <SavedScreens view={view as (typeof SCREEN_VIEWS)[number]} />
          )}
        </div>
      </details>
      <span className="dash-tools__status" role="status" data-testid="dash-status">
        {status}
      </span>
      <div className="print-frame" aria-hidden="true">
        <p className="print-frame__title">{pageMeta.title}</p>
        <p>{pageMeta.subtitle}</p>
        <p>{[pageMeta.dataDate, pageMeta.source].filter(Boolean).join(' · ')}</p>
      </div>
    </div>
  );
}
