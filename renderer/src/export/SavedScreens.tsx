import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../shared/api';
import { getApi } from '../api';
import { toUiError } from '../errors/ui-error';
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

/**
 * Save the current screen (view and filters) under a name, and reopen one: the saved name is what
 * `dvk export --view NAME` renders headless, so a monthly export is one command.
 */
export function SavedScreens({ view }: { view: ScreenView }) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const fail = useCallback(
    (e: unknown) => setStatus(t('export.saved.failed', { code: toUiError(e).code })),
    [t],
  );

  const refresh = useCallback(async () => {
    const api = await getApi();
    setViews((await api.call('views.list', { view })).filter((v) => screenHash(v.spec) !== null));
  }, [view]);
  useEffect(() => {
    refresh().catch(fail);
  }, [refresh, fail]);

  const save = async () => {
    const n = name.trim();
    if (!n) return;
    try {
      const api = await getApi();
      const spec: ScreenSpec = { hash: formatHash(useAtlas.getState()) };
      await api.call('views.save', { name: n, view, spec });
      setStatus(t('export.saved.savedAs', { name: n }));
      setName('');
      setChosen(n);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const open = () => {
    const hash = screenHash(views.find((v) => v.name === chosen)?.spec);
    if (hash) useAtlas.getState().applyUrl(parseHash(hash));
  };

  return (
    <fieldset className="dash-tools__saved">
      <legend>{t('export.saved.label')}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          className="input"
          value={name}
          maxLength={200}
          placeholder={t('export.saved.name')}
          aria-label={t('export.saved.name')}
          onChange={(e) => setName(e.target.value)}
          data-testid="screen-name"
        />
        <button type="submit" className="button" disabled={!name.trim()} data-testid="screen-save">
          {t('export.saved.save')}
        </button>
      </form>
      <div>
        <select
          aria-label={t('export.saved.label')}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">{views.length ? t('export.saved.label') : t('export.saved.none')}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!chosen} onClick={open}>
          {t('export.saved.open')}
        </button>
      </div>
      <p className="dash-tools__status" role="status">
        {status}
      </p>
    </fieldset>
  );
}
