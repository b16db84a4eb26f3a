import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/ErrorState';
import { FilterBar } from '../components/FilterBar';
import { useHashSync } from '../state/hash-sync';
import { useAtlas } from '../state/store';
import { useWorkspace } from '../state/workspace';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import { ViewHost } from './ViewHost';
import { WindowDropTarget } from '../views/import/WindowDropTarget';
import './app.css';

/** The app shell: sidebar navigation, header, global filter bar and the current page. */
export function App() {
  const { t } = useTranslation();
  useHashSync();
  const view = useAtlas((s) => s.view);
  const ws = useWorkspace((w) => w.state);
  const load = useWorkspace((w) => w.load);
  useEffect(() => {
    void load();
  }, [load]);

  let content;
  if (ws.status === 'loading') {
    content = (
      <div className="state state--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('app.connecting')}</span>
      </div>
    );
  } else if (ws.status === 'error') {
    content = <ErrorState error={ws.error} onRetry={() => void load()} />;
  } else if ((ws.info.counts.models ?? 0) === 0 && view !== 'import') {
    content = (
      <div className="state state--empty" role="status">
        <p className="state__title">{t('app.emptyTitle')}</p>
        <p className="state__text">{t('app.emptyBody')}</p>
        <a className="button button--primary" href="#/import">
          {t('import.nav.emptyAction')}
        </a>
      </div>
    );
  } else {
    content = <ViewHost view={view} />;
  }

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash holds the route: move focus without navigating.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <aside className="shell__sidebar">
        <Sidebar />
      </aside>
      <div className="shell__main">
        <Header />
        {ws.status === 'ready' && (ws.info.counts.models ?? 0) > 0 && view !== 'import' && <FilterBar />}
        <main id="main" tabIndex={-1} className={`shell__content shell__content--${view}`}>
          {content}
        </main>
      </div>
      <WindowDropTarget />
    </div>
  );
}
