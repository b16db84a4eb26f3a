import { useTranslation } from 'react-i18next';
import { useAtlas } from '../state/store';
import { isSampleWorkspace, useWorkspace } from '../state/workspace';
import { SearchBox } from '../components/SearchBox';
import { DashboardTools } from '../export/DashboardTools';
import { PresentMode } from '../views/present/PresentMode';
import { LanguageSwitch } from './LanguageSwitch';
import '../components/filter-bar.css';

/**
 * The page header: page name, the global search, the presentation tools (present, slide deck, print),
 * the sample-data badge, the language switch.
 */
export function Header() {
  const { t } = useTranslation();
  const view = useAtlas((s) => s.view);
  const ws = useWorkspace((w) => w.state);
  const search = useAtlas((s) => s.filter.search ?? '');
  const setSearch = useAtlas((s) => s.setSearch);
  const ready = ws.status === 'ready' && (ws.info.counts.models ?? 0) > 0 && view !== 'import';
  const sample = ws.status === 'ready' && isSampleWorkspace(ws.info);
  return (
    <header className="page-header">
      <h1 className="page-header__title">{t(`nav.${view}`)}</h1>
      {ready && <SearchBox value={search} onSearch={setSearch} />}
      <div className="page-header__tools">
        {ready && <DashboardTools />}
        {sample && (
          <span className="sample-badge" title={t('app.sampleBadgeTitle')} data-testid="sample-badge">
            {t('app.sampleBadge')}
          </span>
        )}
        <LanguageSwitch />
      </div>
      {ready && <PresentMode />}
    </header>
  );
}
