import { useTranslation } from 'react-i18next';
import type { PivotValue } from '../../../../shared/pivot-spec';
import { startDrag } from './drag';
import { isAdditive } from './pivot-layout';

/** Props of ValueChip. */
export interface ValueChipProps {
  value: PivotValue;
  index: number;
  name: string;
  /** The catalogue aggregation of an indicator value (decides whether per/share apply). */
  catalogAggregation: string | undefined;
  first: boolean;
  last: boolean;
  only: boolean;
  onChange: (patch: Partial<PivotValue>) => void;
  onShift: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const AGGS = ['catalog', 'sum', 'mean', 'median', 'min', 'max'] as const;
const PERS = ['none', 'per10k', 'per_km2'] as const;
const SHARES = ['none', 'grand', 'row', 'column'] as const;

/** A value in the Values well with its options: aggregation, rate per residents / km², share of a total. */
export function ValueChip(p: ValueChipProps) {
  const { t } = useTranslation();
  const m = p.value.measure;
  const additive = isAdditive(m, p.catalogAggregation);
  const id = `pivot-value-${p.index}`;
  return (
    <li
      className="pivot-chip pivot-chip--value"
      draggable
      onDragStart={(e) => startDrag(e, { kind: 'measure', measure: m, from: p.index })}
      data-value-index={p.index}
    >
      <div className="pivot-chip__row">
        <span className="pivot-chip__label" id={id}>
          {p.name}
        </span>
        <span className="pivot-chip__actions">
          <button
            type="button"
            disabled={p.first}
            aria-label={t('pivot.moveUp', { name: p.name })}
            onClick={() => p.onShift(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={p.last}
            aria-label={t('pivot.moveDown', { name: p.name })}
            onClick={() => p.onShift(1)}
          >
            ↓
          </button>
          <button
            type="button"
            disabled={p.only}
            aria-label={t('pivot.remove', { name: p.name })}
            onClick={p.onRemove}
          >
            ×
          </button>
        </span>
      </div>
      <div className="pivot-chip__options">
        {m.type === 'indicator' && (
          <label>
            <span className="visually-hidden">{t('pivot.agg.label')}</span>
            <select
              aria-describedby={id}
              aria-label={t('pivot.agg.label')}
              value={m.agg ?? 'catalog'}
              onChange={(e) =>
                p.onChange({ measure: { ...m, agg: e.target.value as (typeof AGGS)[number] } })
              }
            >
              {AGGS.map((a) => (
                <option key={a} value={a}>
                  {t(`pivot.agg.${a}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <select
          aria-label={t('pivot.per.label')}
          aria-describedby={id}
          disabled={!additive}
          value={p.value.per ?? 'none'}
          onChange={(e) => p.onChange({ per: e.target.value as (typeof PERS)[number] })}
        >
          {PERS.map((x) => (
            <option key={x} value={x}>
              {x === 'none' ? t('pivot.per.label') : t(`pivot.per.${x}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('pivot.share.label')}
          aria-describedby={id}
          disabled={!additive}
          value={p.value.share ?? 'none'}
          onChange={(e) => p.onChange({ share: e.target.value as (typeof SHARES)[number] })}
        >
          {SHARES.map((x) => (
            <option key={x} value={x}>
              {x === 'none' ? t('pivot.share.label') : t(`pivot.share.${x}`)}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
}
