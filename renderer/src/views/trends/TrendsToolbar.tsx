import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import { useLang } from '../../i18n';
import {
  ADDITIVE_CHOICES,
  SPLIT_CHOICES,
  TRANSFORM_CHOICES,
  type SplitChoice,
  type TransformChoice,
  type TrendsSettings,
} from './trends-data';
import { indicatorName } from './trends-panels';

/** Props of TrendsToolbar. */
export interface TrendsToolbarProps {
  settings: TrendsSettings;
  onChange: (s: TrendsSettings) => void;
  catalog: CatalogInfo;
}

/** The Trends settings: indicators, split (top-N or models), grain, transform and the chart's look. */
export function TrendsToolbar({ settings: s, onChange, catalog }: TrendsToolbarProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = (patch: Partial<TrendsSettings>) => {
    const next = { ...s, ...patch };
    // A transform that sums values does not apply to averages: fall back to the values.
    const averages = next.indicators.some(
      (c) => catalog.indicators.find((i) => i.code === c)?.aggregation !== 'sum',
    );
    if (averages && ADDITIVE_CHOICES.includes(next.transform)) next.transform = 'none';
    onChange(next);
  };
  const averages = s.indicators.some(
    (c) => catalog.indicators.find((i) => i.code === c)?.aggregation !== 'sum',
  );
  const [idsText, setIdsText] = useState(s.modelIds.join(', '));
  useEffect(() => setIdsText(s.modelIds.join(', ')), [s.modelIds]);
  const others = catalog.indicators.filter((i) => !s.indicators.includes(i.code));

  return (
    <section className="card trends__setup" aria-label={t('trends.settings')} data-testid="trends-toolbar">
      <div className="trends__row">
        <span className="trends__label">{t('trends.indicators')}</span>
        <ul className="trends__chips">
          {s.indicators.map((c) => (
            <li key={c} className="trends__chip" data-indicator={c}>
              {indicatorName(c, catalog, lang)}
              {s.indicators.length > 1 && (
                <button
                  type="button"
                  className="trends__chip-remove"
                  aria-label={t('trends.removeIndicator', { name: indicatorName(c, catalog, lang) })}
                  onClick={() => set({ indicators: s.indicators.filter((x) => x !== c) })}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
        {s.indicators.length < 8 && (
          <select
            aria-label={t('trends.addIndicator')}
            data-testid="trends-add-indicator"
            value=""
            onChange={(e) => e.target.value && set({ indicators: [...s.indicators, e.target.value] })}
          >
            <option value="">{t('trends.addIndicator')}</option>
            {others.map((i) => (
              <option key={i.code} value={i.code}>
                {indicatorName(i.code, catalog, lang)}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="trends__row">
        <label className="trends__field">
          {t('trends.split')}
          <select
            data-testid="trends-split"
            value={s.split}
            onChange={(e) => set({ split: e.target.value as SplitChoice })}
          >
            {SPLIT_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`trends.splitBy.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {s.split !== 'none' && s.split !== 'models' && (
          <label className="trends__field">
            {t('trends.topN')}
            <input
              type="number"
              min={1}
              max={50}
              data-testid="trends-topn"
              value={s.topN}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (n >= 1 && n <= 50) set({ topN: n });
              }}
            />
          </label>
        )}
        {s.split === 'models' && (
          <label className="trends__field">
            {t('trends.modelIds')}
            <input
              type="text"
              data-testid="trends-model-ids"
              placeholder={t('trends.modelIdsHint')}
              value={idsText}
              onChange={(e) => setIdsText(e.target.value)}
              onBlur={() =>
                set({
                  modelIds: [
                    ...new Set(
                      idsText
                        .split(/[,;\s]+/)
                        .map((x) => x.trim())
                        .filter(Boolean),
                    ),
                  ].slice(0, 10),
                })
              }
            />
          </label>
        )}
        <label className="trends__field">
          {t('trends.grain')}
          <select
            data-testid="trends-grain"
            value={s.grain}
            onChange={(e) => set({ grain: e.target.value as TrendsSettings['grain'] })}
          >
            {(['month', 'quarter', 'year'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`trends.grainOf.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="trends__field">
          {t('trends.transform')}
          <select
            data-testid="trends-transform"
            value={s.transform}
            onChange={(e) => set({ transform: e.target.value as TransformChoice })}
          >
            {TRANSFORM_CHOICES.map((c) => (
              <option
                key={c}
                value={c}
                disabled={averages && ADDITIVE_CHOICES.includes(c)}
                title={averages && ADDITIVE_CHOICES.includes(c) ? t('trends.additiveOnly') : undefined}
              >
                {t(`trends.transformOf.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="trends__row">
        <label className="trends__field">
          {t('trends.kind')}
          <select
            data-testid="trends-kind"
            value={s.kind}
            onChange={(e) => set({ kind: e.target.value as TrendsSettings['kind'] })}
          >
            {(['line', 'area', 'bar'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`trends.kindOf.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="trends__field">
          {t('trends.multiples')}
          <select
            data-testid="trends-multiples"
            value={s.multiples}
            onChange={(e) => set({ multiples: e.target.value as TrendsSettings['multiples'] })}
          >
            {(['indicator', 'series'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`trends.multiplesOf.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="trends__field">
          {t('trends.yAxis')}
          <select
            data-testid="trends-yaxis"
            value={s.sharedY ? 'shared' : 'independent'}
            onChange={(e) => set({ sharedY: e.target.value === 'shared' })}
          >
            {(['independent', 'shared'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`trends.yAxisOf.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="trends__check">
          <input type="checkbox" checked={s.flags} onChange={(e) => set({ flags: e.target.checked })} />
          {t('trends.flags')}
        </label>
        <label className="trends__check">
          <input type="checkbox" checked={s.tet} onChange={(e) => set({ tet: e.target.checked })} />
          {t('trends.tet')}
        </label>
      </div>
    </section>
  );
}
