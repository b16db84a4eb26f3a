import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/api';
import {
  FLAG_CODES,
  RANK_PRESETS,
  RankSpecSchema,
  type FlagCode,
  type RankPeer,
} from '../../../../shared/rank-spec';
import { getApi } from '../../api';
import { toUiError } from '../../errors/ui-error';
import { useRankState } from './rank-state';

const SAVED = 'saved:';

/** Preset / saved-view picker, peer group, flag exclusions and "save as a view". */
export function RankControls() {
  const { t } = useTranslation();
  const spec = useRankState((s) => s.spec);
  const preset = useRankState((s) => s.preset);
  const setSpec = useRankState((s) => s.setSpec);
  const [views, setViews] = useState<SavedView[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');

  const refresh = useCallback(async () => {
    const api = await getApi();
    setViews(await api.call('views.list', { view: 'ranking' }));
  }, []);
  useEffect(() => {
    refresh().catch((e: unknown) => setStatus(t('ranking.save.failed', { code: toUiError(e).code })));
  }, [refresh, t]);

  const choose = (v: string) => {
    if (v.startsWith(SAVED)) {
      const saved = views.find((x) => x.name === v.slice(SAVED.length));
      const parsed = RankSpecSchema.safeParse(saved?.spec);
      if (parsed.success) setSpec(parsed.data, null);
      return;
    }
    const p = RANK_PRESETS.find((x) => x.id === v);
    if (p) setSpec(p.spec, p.id);
  };
  const save = async () => {
    const n = name.trim();
    if (!n) return;
    try {
      const api = await getApi();
      await api.call('views.save', { name: n, view: 'ranking', spec });
      setStatus(t('ranking.save.savedAs', { name: n }));
      setName('');
      await refresh();
    } catch (e) {
      setStatus(t('ranking.save.failed', { code: toUiError(e).code }));
    }
  };
  const toggleExclude = (code: FlagCode) => {
    const cur = spec.exclude ?? [];
    const next = cur.includes(code) ? cur.filter((c) => c !== code) : [...cur, code];
    setSpec({ ...spec, exclude: next }, preset);
  };

  return (
    <div className="rank-controls">
      <label className="rank-controls__field">
        <span>{t('ranking.preset')}</span>
        <select value={preset ?? ''} onChange={(e) => choose(e.target.value)} data-testid="rank-preset">
          {preset === null && <option value="">{t('ranking.presetCustom')}</option>}
          {RANK_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`ranking.presets.${p.id}`)}
            </option>
          ))}
          {views.length > 0 && (
            <optgroup label={t('ranking.save.open')}>
              {views.map((v) => (
                <option key={v.name} value={`${SAVED}${v.name}`}>
                  {v.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="rank-controls__field">
        <span>{t('ranking.peer')}</span>
        <select
          value={spec.peer ?? 'field'}
          onChange={(e) => setSpec({ ...spec, peer: e.target.value as RankPeer }, preset)}
          data-testid="rank-peer"
        >
          {(['field', 'unit_type', 'all'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`ranking.peers.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="rank-controls__exclude">
        <legend title={t('ranking.excludeHint')}>{t('ranking.exclude')}</legend>
        {FLAG_CODES.map((c) => (
          <label key={c} className="rank-controls__check">
            <input
              type="checkbox"
              checked={spec.exclude?.includes(c) ?? false}
              onChange={() => toggleExclude(c)}
            />
            {t(`ranking.flag.${c}.label`)}
          </label>
        ))}
      </fieldset>
      <div className="rank-controls__save">
        <label className="rank-controls__field">
          <span>{t('ranking.save.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="button" className="button" onClick={() => void save()} disabled={!name.trim()}>
          {t('ranking.save.button')}
        </button>
        <span role="status" className="rank-controls__status">
          {status}
        </span>
      </div>
    </div>
  );
}
