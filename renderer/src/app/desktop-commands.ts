/**
 * Native menu commands from the Electron main process (absent in the web harness). Commands that
 * views don't handle yet are ignored; the language choice is reported back so the menu follows it.
 */
import { setLanguage } from '../i18n';
import { useAtlas } from '../state/store';
import { usePresent } from '../views/present/present-store';

/** Subscribe once to the desktop menu, if this page runs inside the app. */
export function listenToDesktopMenu(): void {
  const atlas = window.atlas;
  if (!atlas?.onCommand) return;
  atlas.onCommand((cmd) => {
    if (cmd === 'import') useAtlas.getState().setView('import');
    else if (cmd === 'presentation') usePresent.getState().start();
    // File ▸ Export current view opens the header's page export menu (deck, print, saved screens).
    else if (cmd === 'export-view') document.querySelector('.dash-tools__deck')?.setAttribute('open', '');
    else if (cmd === 'language-vi' || cmd === 'language-en') {
      const lang = cmd === 'language-vi' ? 'vi' : 'en';
      setLanguage(lang);
      atlas.setLanguage?.(lang);
    }
  });
}
