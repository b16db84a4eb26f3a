import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldBandSpec } from '../../../../shared/series-spec';
import { toRows } from '../../api/arrow';
import { seriesChartHeight, seriesChartOption, type ChartPanel } from '../../charts/options/series-chart';
import { lightTheme } from '../../charts/theme';
import { DataState } from '../../components/DataState';
import { formatCompact, formatPeriod, formatValue } from '../../format/numbers';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import type { QueryState } from '../../state/use-query';
import { useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { bandOnMonths, seriesByIndicator, type BandRow, type MonthBand } from '../models/model-series';
import { SeriesCanvas } from './SeriesCanvas';
import { seriesFlags } from './series-flags';
import { seasonalIndices, tetIndices } from './trends-data';
import { indicatorName } from './trends-panels';

/** Props of ModelTrendChart. */
export interface ModelTrendChartProps {
  modelId: string;
  modelName: string;
  /** The model's field (its peers); null = no comparison band. */
  field: string | null;
  /** Result of the model's model_values spec. */
  values: QueryState;
}

/**
 * Every indicator a model reports, month by month over its own reporting span, one panel each, with its
 * field's median and top-decile (P90) lines from the engine's `field_band` spec; gaps, flags and Tết
 * months as in the Trends view.
 */
export function ModelTrendChart({ modelId, modelName, field, values }: ModelTrendChartProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const shaped = useMemo(() => {
    if (!values.data) return null;
    const rows = toRows(values.data).map((r) => ({
      code: String(r.indicator_code),
      period: String(r.period_start),
      value: typeof r.value === 'number' ? r.value : null,
    }));
    return seriesByIndicator(rows);
  }, [values.data]);
  const codes = useMemo(() => shaped?.series.map((s) => s.code).slice(0, 30) ?? [], [shaped]);
  const bandSpec = useMemo<FieldBandSpec | null>(
    () => (field && codes.length ? { kind: 'field_band', field, indicators: codes, grain: 'month' } : null),
    [field, codes],
  );
  const band = useQuery(bandSpec, 'models.band');

  const chart = useMemo(() => {
    if (!shaped || shaped.series.length === 0) return null;
    const lower = (code: string) =>
      catalog.indicators.find((x) => x.code === code)?.higher_is_better === false;
    const bands = band.data
      ? bandOnMonths(toRows(band.data) as unknown as BandRow[], shaped.months, lower)
      : new Map<string, MonthBand>();
    const periods = shaped.months.map((m) => `${m}-01`);
    const seasonal = seasonalIndices(periods, 'month');
    const panels: ChartPanel[] = shaped.series.map((s) => {
      const def = catalog.indicators.find((i) => i.code === s.code);
      const unit = def?.unit ? vocabLabel('unit', def.unit, lang) : null;
      const b = bands.get(s.code);
      return {
        title: unit
          ? `${indicatorName(s.code, catalog, lang)} (${unit})`
          : indicatorName(s.code, catalog, lang),
        format: (v: number | null) => formatValue(v, unit, lang),
        formatAxis: (v: number) => formatCompact(v, unit === '%' ? '%' : null, lang),
        lines: [
          {
            key: 'model',
            name: t('trends.thisModel'),
            values: s.values,
            flags: seriesFlags(s.values, seasonal),
          },
          ...(b
            ? [
                { key: 'p50', name: t('trends.median'), values: b.p50, flags: [], dashed: true },
                {
                  key: 'top',
                  name: lower(s.code) ? t('trends.p10') : t('trends.p90'),
                  values: b.top,
                  flags: [],
                  dashed: true,
                },
              ]
            : []),
        ],
      };
    });
    const panelHeight = 170;
    return {
      height: seriesChartHeight(panels.length, 1, panelHeight),
      option: seriesChartOption(
        {
          labels: shaped.months.map((m) => formatPeriod(m, lang)),
          panels,
          kind: 'line',
          sharedY: false,
          selected: null,
          tet: tetIndices(periods, 'month'),
          events: [],
          text: {
            tet: t('trends.tetMark'),
            jump: t('trends.jump'),
            flat: t('trends.flat'),
            selected: t('trends.selectedMark'),
            noValue: t('trends.noValue'),
          },
          columns: 1,
          panelHeight,
          brush: false,
        },
        lightTheme,
      ),
    };
  }, [shaped, band.data, catalog, lang, t]);

  return (
    <div className="model-trend" data-testid="model-trend" data-panels={shaped?.series.length ?? 0}>
      <p className="model-detail__hint">{field ? t('trends.detailHint', { field }) : null}</p>
      <DataState
        loading={values.loading}
        error={values.error ?? band.error}
        hasData={chart !== null}
        empty={!chart}
        onRetry={band.error ? band.retry : values.retry}
        compact
      >
        {chart && (
          <SeriesCanvas
            option={chart.option}
            height={chart.height}
            ariaLabel={t('trends.detailAria', { name: modelName })}
            renderKey={`${modelId}|${band.dataKey ?? ''}`}
          />
        )}
      </DataState>
    </div>
  );
}
