import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTRA_COMPONENTS, type RankComponent, type RankPer } from '../../../../shared/rank-spec';
import { useLang } from '../../i18n';
import { useReadyWorkspace } from '../../state/workspace';
import { componentLabel } from './rank-text';
import { useRankState } from './rank-state';

const PERS: readonly RankPer[] = ['none', 'per_month', 'per10k', 'per_million_vnd'];

/** The score's components: edit weights, remove one, add an indicator (with its basis) or an extra component. */
export function WeightEditor() {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const spec = useRankState((s) => s.spec);
  const preset = useRankState((s) => s.preset);
  const setSpec = useRankState((s) => s.setSpec);
  const [add, setAdd] = useState<string>(catalog.indicators[0]?.code ?? EXTRA_COMPONENTS[0]);
  const [per, setPer] = useState<RankPer>('none');

  const update = (components: RankComponent[]) => {
    if (components.length && components.some((c) => c.weight > 0)) setSpec({ ...spec, components }, null);
  };
  const addDef = catalog.indicators.find((i) => i.code === add);
  const canPer = addDef?.aggregation === 'sum';
  const addComponent = () => {
    const c: RankComponent = (EXTRA_COMPONENTS as readonly string[]).includes(add)
      ? { type: add as (typeof EXTRA_COMPONENTS)[number], weight: 1 }
      : { type: 'indicator', indicator: add, per: canPer ? per : 'none', weight: 1 };
    if (spec.components.length < 12) update([...spec.components, c]);
  };

  return (
    <details className="weights card" open={preset === null}>
      <summary className="weights__summary">{t('ranking.weights')}</summary>
      <ul className="weights__list">
        {spec.components.map((c, i) => {
          const label = componentLabel(c, t, catalog.indicators, lang);
          return (
            <li key={`${i}-${label}`} className="weights__item">
              <span className="weights__label">{label}</span>
              <input
                type="range"
                min={0}
                max={10}
                step={0.5}
                value={c.weight}
                aria-label={t('ranking.weightOf', { name: label })}
                onChange={(e) =>
                  update(
                    spec.components.map((x, k) => (k === i ? { ...x, weight: Number(e.target.value) } : x)),
                  )
                }
              />
              <output className="weights__value">{c.weight}</output>
              <button
                type="button"
                className="button button--ghost"
                aria-label={t('ranking.removeComponent', { name: label })}
                disabled={spec.components.length < 2}
                onClick={() => update(spec.components.filter((_, k) => k !== i))}
              >
                {t('ranking.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="weights__add">
        <label>
          <span>{t('ranking.add')}</span>
          <select value={add} onChange={(e) => setAdd(e.target.value)}>
            <optgroup label={t('ranking.addIndicator')}>
              {catalog.indicators.map((d) => (
                <option key={d.code} value={d.code}>
                  {lang === 'en' && d.name_en ? d.name_en : d.name_vi}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('ranking.weights')}>
              {EXTRA_COMPONENTS.map((c) => (
                <option key={c} value={c}>
                  {t(`ranking.component.${c}`)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {canPer && (
          <label>
            <span>{t('ranking.addPer')}</span>
            <select value={per} onChange={(e) => setPer(e.target.value as RankPer)}>
              {PERS.map((p) => (
                <option key={p} value={p}>
                  {t(`ranking.per.${p}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button" onClick={addComponent}>
          {t('ranking.addButton')}
        </button>
      </div>
    </details>
  );
}
