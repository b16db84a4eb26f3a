/**
 * Keeps the URL hash and the store in step: a store change writes the hash (a new history entry when
 * the page changes, a replaced one for filter edits, so Back goes to the previous page rather than
 * undoing every keystroke); a hash change (Back/Forward, an edited or pasted link) updates the store.
 */
import { useEffect } from 'react';
import { useAtlas } from './store';
import { formatHash, parseHash } from './url-hash';

/** Mount once, in the app root. */
export function useHashSync(): void {
  useEffect(() => {
    const current = () => {
      const s = useAtlas.getState();
      return formatHash({
        view: s.view,
        filter: s.filter,
        modelSort: s.modelSort,
        selectedModel: s.selectedModel,
        pivot: s.pivot ?? null,
      });
    };
    const canonical = current();
    if (window.location.hash !== canonical) history.replaceState(null, '', canonical);

    const unsubscribe = useAtlas.subscribe((s, prev) => {
      const next = current();
      if (window.location.hash === next) return;
      if (s.view !== prev.view) history.pushState(null, '', next);
      else history.replaceState(null, '', next);
    });
    const onHash = () => {
      if (window.location.hash === current()) return;
      useAtlas.getState().applyUrl(parseHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    return () => {
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, []);
}
