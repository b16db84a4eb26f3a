/**
 * Keeps the URL hash and the store in step: a store change writes the hash (a new history entry when
 * the page changes, a replaced one for filter edits, so Back goes to the previous page rather than
 * undoing every keystroke); a hash change (Back/Forward, an edited or pasted link) updates the store.
 * Filter edits are written after a short quiet time: `history.replaceState` costs a few ms in Chromium,
 * and a slider drag fires hundreds of edits (measured: ~1 s of main-thread time per 200 changes).
 */
import { useEffect } from 'react';
import { useAtlas } from './store';
import { formatHash, parseHash } from './url-hash';

/** Quiet time before a filter edit reaches the URL. */
const REPLACE_DELAY_MS = 250;

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
        trends: s.trends ?? null,
        map: s.map ?? null,
      });
    };
    const canonical = current();
    if (window.location.hash !== canonical) history.replaceState(null, '', canonical);

    let pending: ReturnType<typeof setTimeout> | null = null;
    // While an edit waits, <html data-hash-pending> says so (tests wait for the URL to settle on it).
    const root = document.documentElement;
    const cancelPending = () => {
      if (pending !== null) clearTimeout(pending);
      pending = null;
      delete root.dataset.hashPending;
    };
    const replaceNow = () => {
      pending = null;
      delete root.dataset.hashPending;
      const next = current();
      if (window.location.hash !== next) history.replaceState(null, '', next);
    };
    const unsubscribe = useAtlas.subscribe((s, prev) => {
      if (s.view !== prev.view) {
        // A page change is a new history entry, written at once (it carries any pending filter edit).
        cancelPending();
        const next = current();
        if (window.location.hash !== next) history.pushState(null, '', next);
        return;
      }
      cancelPending();
      pending = setTimeout(replaceNow, REPLACE_DELAY_MS);
      root.dataset.hashPending = '1';
    });
    const onHash = () => {
      // The user navigated (Back/Forward, an edited link): that wins over an edit not yet written.
      cancelPending();
      if (window.location.hash === current()) return;
      useAtlas.getState().applyUrl(parseHash(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('popstate', onHash);
    return () => {
      if (pending !== null) replaceNow();
      unsubscribe();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
    };
  }, []);
}
