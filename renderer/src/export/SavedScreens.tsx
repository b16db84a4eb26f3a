import { SavedViewPicker } from '../components/SavedViewPicker';
import { useAtlas } from '../state/store';
import { formatHash, parseHash } from '../state/url-hash';

/** Views whose whole state is the URL hash (the pivot saves its layout in its own panel). */
export const SCREEN_VIEWS = ['overview', 'models'] as const;
type ScreenView = (typeof SCREEN_VIEWS)[number];

/** A saved screen's spec: the hash it reopens, filters included. */
export interface ScreenSpec {
  hash: string;
}

/** The hash of a saved screen spec, or null when it is not one. */
export function screenHash(spec: unknown): string | null {
  const h = (spec as Partial<ScreenSpec> | null)?.hash;
  return typeof h === 'string' && h.startsWith('#/') && h.length <= 8000 ? h : null;
}

/** Screens saved by name: the saved name is what `dvk export --view NAME` renders headless. */
export function SavedScreens({ view }: { view: ScreenView }) {
  return (
    <SavedViewPicker
      view={view}
      words="export.saved"
      cls="dash-tools__saved"
      testId="screen"
      makeSpec={(): ScreenSpec => ({ hash: formatHash(useAtlas.getState()) })}
      accepts={acceptsScreen}
      open={(spec) => {
        const hash = screenHash(spec);
        if (hash) useAtlas.getState().applyUrl(parseHash(hash));
      }}
    />
  );
}

const acceptsScreen = (spec: unknown) => screenHash(spec) !== null;
