import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/api';
import { getApi } from '../../api';
import { toUiError } from '../../errors/ui-error';
import { useAtlas } from '../../state/store';
import { PivotSpecSchema } from '../../../../shared/pivot-spec';
import { formatLayout, layoutFromSpec, toSpec, type PivotLayout } from './pivot-layout';

/** Props of SavedViews. */
export interface SavedViewsProps {
  layout: PivotLayout;
}

/**
 * Save the current pivot under a name, with the global filter in force (so re-exporting next month's
 * data is one click, also from `dvk export`); open or delete saved pivots (stored in the workspace).
 */
export function SavedViews({ layout }: SavedViewsProps) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const filter = useAtlas((s) => s.filter);

  const refresh = useCallback(async () => {
    const api = await getApi();
    setViews(await api.call('views.list', { view: 'pivot' }));
  }, []);
  useEffect(() => {
    refresh().catch((e: unknown) => setStatus(t('pivot.saved.failed', { code: toUiError(e).code })));
  }, [refresh, t]);

  const save = async () => {
    const n = name.trim();
    if (!n) return;
    try {
      const api = await getApi();
      await api.call('views.save', { name: n, view: 'pivot', spec: toSpec(layout, filter) });
      setStatus(t('pivot.saved.savedAs', { name: n }));
      setName('');
      setChosen(n);
      await refresh();
    } catch (e) {
      setStatus(t('pivot.saved.failed', { code: toUiError(e).code }));
    }
  };
  const open = () => {
    const v = views.find((x) => x.name === chosen);
    const l = v ? layoutFromSpec(v.spec) : null;
    if (!l) return;
    // The saved filter comes back with the layout (none saved = no filter).
    const saved = PivotSpecSchema.safeParse(v?.spec);
    const st = useAtlas.getState();
    st.applyUrl({
      view: st.view,
      filter: saved.success ? (saved.data.filter ?? {}) : st.filter,
      modelSort: st.modelSort,
      selectedModel: st.selectedModel,
      pivot: formatLayout(l),
    });
  };
  const remove = async () => {
    if (!chosen) return;
    try {
      const api = await getApi();
      await api.call('views.delete', { name: chosen, view: 'pivot' });
      setChosen('');
      await refresh();
    } catch (e) {
      setStatus(t('pivot.saved.failed', { code: toUiError(e).code }));
    }
  };

  return (
    <div className="pivot-saved" role="group" aria-label={t('pivot.saved.label')}>
      <form
        className="pivot-saved__save"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          className="input"
          value={name}
          maxLength={200}
          placeholder={t('pivot.saved.name')}
          aria-label={t('pivot.saved.name')}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!name.trim()}>
          {t('pivot.saved.save')}
        </button>
      </form>
      <div className="pivot-saved__open">
        <select
          aria-label={t('pivot.saved.label')}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">{views.length ? t('pivot.saved.label') : t('pivot.saved.none')}</option>
          {views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!chosen} onClick={open}>
          {t('pivot.saved.open')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={!chosen}
          aria-label={chosen ? t('pivot.saved.deleteNamed', { name: chosen }) : t('pivot.saved.delete')}
          onClick={() => void remove()}
        >
          {t('pivot.saved.delete')}
        </button>
      </div>
      <p className="pivot-saved__status" role="status">
        {status}
      </p>
    </div>
  );
}
