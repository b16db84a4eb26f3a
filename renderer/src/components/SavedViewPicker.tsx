import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, SavedViewKind } from '../../../shared/api';
import type { z } from 'zod';
import { getApi } from '../api';
import { toUiError } from '../errors/ui-error';

/** Props of SavedViewPicker. */
export interface SavedViewPickerProps {
  /** The kind of view saved and listed. */
  view: z.infer<typeof SavedViewKind>;
  /** i18n prefix of the words: label, none, name, save, open, delete, deleteNamed, savedAs, failed. */
  words: string;
  /** Class prefix: `${cls}` on the group, `${cls}__save|__open|__status` inside. */
  cls: string;
  /** The spec to save for the current state. */
  makeSpec: () => unknown;
  /** Reopen a saved view from its spec. */
  open: (spec: unknown) => void;
  /** Can this saved spec be opened here? Others of the same kind are not listed. */
  accepts?: (spec: unknown) => boolean;
  /** Prefix of data-testid attributes on the name field and the save button. */
  testId?: string;
}

/**
 * Save the current state of a view under a name, and open or delete saved ones (stored in the workspace,
 * so `dvk export --view NAME` can render them headless). One control for every view that saves by name.
 */
export function SavedViewPicker({ view, words, cls, makeSpec, open, accepts, testId }: SavedViewPickerProps) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const fail = useCallback(
    (e: unknown) => setStatus(t(`${words}.failed`, { code: toUiError(e).code })),
    [t, words],
  );

  const refresh = useCallback(async () => {
    const api = await getApi();
    const all = await api.call('views.list', { view });
    setViews(accepts ? all.filter((v) => accepts(v.spec)) : all);
  }, [view, accepts]);
  useEffect(() => {
    refresh().catch(fail);
  }, [refresh, fail]);

  const save = async () => {
    const n = name.trim();
    if (!n) return;
    try {
      const api = await getApi();
      await api.call('views.save', { name: n, view, spec: makeSpec() });
      setStatus(t(`${words}.savedAs`, { name: n }));
      setName('');
      setChosen(n);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  const reopen = () => {
    const v = views.find((x) => x.name === chosen);
    if (v) open(v.spec);
  };
  const remove = async () => {
    if (!chosen) return;
    try {
      const api = await getApi();
      await api.call('views.delete', { name: chosen, view });
      setChosen('');
      await refresh();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className={cls} role="group" aria-label={t(`${words}.label`)}>
      <form
        className={`${cls}__save`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          className="input"
          value={name}
          maxLength={200}
          placeholder={t(`${words}.name`)}
          aria-label={t(`${words}.name`)}
          onChange={(e) => setName(e.target.value)}
          {...(testId ? { 'data-testid': `${testId}-name` } : {})}
        />
        <button
          type="submit"
          className="button"
          disabled={!name.trim()}
          {...(testId ? { 'data-testid': `${testId}-save` } : {})}
        >
          {t(`${words}.save`)}
        </button>
      </form>
      <div className={`${cls}__open`}>
        <select aria-label={t(`${words}.label`)} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{views.length ? t(`${words}.label`) : t(`${words}.none`)}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!chosen} onClick={reopen}>
          {t(`${words}.open`)}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={!chosen}
          aria-label={chosen ? t(`${words}.deleteNamed`, { name: chosen }) : t(`${words}.delete`)}
          onClick={() => void remove()}
        >
          {t(`${words}.delete`)}
        </button>
      </div>
      <p className={`${cls}__status`} role="status">
        {status}
      </p>
    </div>
  );
}
