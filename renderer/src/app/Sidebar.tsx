import { useTranslation } from 'react-i18next';
import { formatNumber, formatPeriod } from '../format/numbers';
import { useLang } from '../i18n';
import { useAtlas } from '../state/store';
import { formatHash, VIEW_IDS } from '../state/url-hash';
import { useWorkspace } from '../state/workspace';

const ICONS: Record<(typeof VIEW_IDS)[number], string> = {
  overview: '◧',
  pivot: '▦',
  map: '◈',
  trends: '↗',
  models: '☰',
  ranking: '⇅',
  shortlist: '★',
};

/** Brand, page navigation (hash links that keep the current filters) and a workspace summary. */
export function Sidebar() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useAtlas();
  const ws = useWorkspace((w) => w.state);
  return (
    <div className="sidebar">
      <div className="sidebar__brand">
        <p className="sidebar__title">{t('app.title')}</p>
        <p className="sidebar__subtitle">{t('app.subtitle')}</p>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="sidebar__nav">
          {VIEW_IDS.map((v) => (
            <li key={v}>
              <a
                href={formatHash({ ...state, view: v })}
                className={`sidebar__link${state.view === v ? ' sidebar__link--on' : ''}`}
                aria-current={state.view === v ? 'page' : undefined}
                data-view={v}
              >
                <span className="sidebar__icon" aria-hidden="true">
                  {ICONS[v]}
                </span>
                {t(`nav.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <a
        href={formatHash({ ...state, view: 'import' })}
        className={`sidebar__import${state.view === 'import' ? ' sidebar__import--on' : ''}`}
        aria-current={state.view === 'import' ? 'page' : undefined}
        data-view="import"
      >
        <span className="sidebar__icon" aria-hidden="true">
          ⤓
        </span>
        {t('import.nav.button')}
      </a>
      {ws.status === 'ready' && (
        <p className="sidebar__summary">
          {t('app.summary', {
            models: formatNumber(ws.info.counts.models ?? 0, lang),
            units: formatNumber(ws.info.counts.units ?? 0, lang),
            from: ws.info.periodRange.from ? formatPeriod(ws.info.periodRange.from, lang) : '–',
            to: ws.info.periodRange.to ? formatPeriod(ws.info.periodRange.to, lang) : '–',
          })}
        </p>
      )}
    </div>
  );
}
