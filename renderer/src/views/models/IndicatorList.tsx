import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../api/arrow';
import { Sparkline } from '../../charts/Sparkline';
import { DataState } from '../../components/DataState';
import { formatPeriod, formatValue } from '../../format/numbers';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import type { QueryState } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { seriesByIndicator } from './model-series';

/** Props of IndicatorList. */
export interface IndicatorListProps {
  /** Result of a model_values spec. */
  query: QueryState;
}

/** One line per indicator the model reports: name, unit, latest value and a sparkline with gaps. */
export function IndicatorList({ query }: IndicatorListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const byCode = useMemo(() => new Map(catalog.indicators.map((i) => [i.code, i])), [catalog]);
  const shaped = useMemo(() => {
    if (!query.data) return null;
    const rows = toRows(query.data).map((r) => ({
      code: String(r.indicator_code),
      period: String(r.period_start),
      value: typeof r.value === 'number' ? r.value : null,
    }));
    return seriesByIndicator(rows);
  }, [query.data]);

  const first = shaped?.months[0];
  const last = shaped?.months[shaped.months.length - 1];
  return (
    <DataState
      loading={query.loading}
      error={query.error}
      hasData={shaped !== null}
      empty={!shaped || shaped.series.length === 0}
      onRetry={query.retry}
    >
      {shaped && shaped.series.length === 0 ? (
        <p className="model-detail__missing">{t('models.detail.noValues')}</p>
      ) : (
        <ul className="indicator-list">
          {shaped?.series.map((s) => {
            const def = byCode.get(s.code);
            const name = (lang === 'en' ? def?.name_en : def?.name_vi) ?? def?.name_vi ?? s.code;
            const unit = def?.unit ? vocabLabel('unit', def.unit, lang) : null;
            const gaps = s.gaps ? t('models.detail.gaps', { count: s.gaps }) : t('models.detail.noGaps');
            return (
              <li key={s.code} className="indicator" data-indicator={s.code}>
                <div className="indicator__text">
                  <p className="indicator__name">{name}</p>
                  <p className="indicator__meta">
                    {unit && <span>{unit} · </span>}
                    <span>{gaps}</span>
                  </p>
                </div>
                <div className="indicator__figure">
                  <p className="indicator__latest">
                    {s.latest ? formatValue(s.latest.value, unit, lang) : '–'}
                  </p>
                  {s.latest && (
                    <p className="indicator__period">
                      {t('models.detail.latest', { period: formatPeriod(s.latest.month, lang) })}
                    </p>
                  )}
                </div>
                <Sparkline
                  values={s.values}
                  ariaLabel={t('models.detail.sparklineAria', {
                    name,
                    from: first ? formatPeriod(first, lang) : '',
                    to: last ? formatPeriod(last, lang) : '',
                    gaps,
                  })}
                />
              </li>
            );
          })}
        </ul>
      )}
    </DataState>
  );
}
