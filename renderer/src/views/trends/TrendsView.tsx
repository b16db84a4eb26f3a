import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesRow } from '../../../../shared/series-spec';
import { toRows } from '../../api/arrow';
import {
  seriesChartHeight,
  seriesChartOption,
  type SeriesChartInput,
} from '../../charts/options/series-chart';
import { lightTheme } from '../../charts/theme';
import { DataState } from '../../components/DataState';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { ACTIVE_STATUS } from '../overview/overview-specs';
import { SeriesCanvas } from './SeriesCanvas';
import { TrendsExports } from './TrendsExports';
import { TrendsToolbar } from './TrendsToolbar';
import {
  brushPeriod,
  DEFAULT_SETTINGS,
  periodMonths,
  selectedRange,
  shapeSeries,
  tetIndices,
  trendsSpec,
  type TrendsSettings,
} from './trends-data';
import { trendsExportItems } from './trends-export';
import { buildPanels, indicatorName } from './trends-panels';
import { formatTrendsSettings, parseTrendsSettings, periodLabel } from './trends-settings';
import './trends.css';

/**
 * The Trends page: indicators over time under the global filter, split by a dimension or for chosen
 * models, as small multiples. Brushing the time axis sets the GLOBAL period filter (every view follows);
 * the chart itself keeps showing the whole history with the filtered period shaded.
 */
export function TrendsView() {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const setPeriod = useAtlas((s) => s.setPeriod);
  const trendsJson = useAtlas((s) => s.trends ?? null);
  const setTrends = useAtlas((s) => s.setTrends);
  const settings = useMemo(() => parseTrendsSettings(trendsJson) ?? DEFAULT_SETTINGS, [trendsJson]);
  const setSettings = useCallback(
    (next: TrendsSettings) => setTrends(formatTrendsSettings(next)),
    [setTrends],
  );

  const spec = useMemo(() => trendsSpec(settings, filter), [settings, filter]);
  const q = useQuery(spec, 'trends.series');
  const modelsSpec = useMemo(
    () =>
      settings.split === 'models' && settings.modelIds.length
        ? { kind: 'models' as const, filter: { modelIds: settings.modelIds.slice(0, 10) }, limit: 10 }
        : null,
    [settings.split, settings.modelIds],
  );
  const models = useQuery(modelsSpec, 'trends.models');

  const shaped = useMemo(() => {
    if (!q.data) return null;
    const rows = toRows(q.data) as unknown as SeriesRow[];
    return shapeSeries(rows, settings.transform === 'yoy_abs', settings.flags, settings.grain);
  }, [q.data, settings.transform, settings.flags, settings.grain]);

  const chart = useMemo(() => {
    if (!shaped || shaped.periods.length === 0) return null;
    const { periods, lines } = shaped;
    const { panels, total } = buildPanels(lines, settings, catalog, lang, t);
    const events: { index: number; label: string }[] = [];
    if (settings.split === 'models' && models.data) {
      for (const m of toRows(models.data)) {
        const id = String(m.model_id);
        const name = String(m.name ?? id);
        const startIso =
          typeof m.start_date === 'number' ? new Date(m.start_date).toISOString().slice(0, 7) : null;
        const at = startIso
          ? periods.findIndex((p) => {
              const pm = periodMonths(p, settings.grain);
              return pm.first <= startIso && pm.last >= startIso;
            })
          : -1;
        if (at >= 0) events.push({ index: at, label: t('trends.started', { name }) });
        if (m.status !== ACTIVE_STATUS) {
          const own = lines.filter((l) => l.series === id);
          const last = Math.max(-1, ...own.map((l) => l.raws.findLastIndex((v) => v !== null)));
          if (last >= 0) events.push({ index: last, label: t('trends.stopped', { name }) });
        }
      }
    }
    const columns = panels.length > 1 ? 2 : 1;
    const panelHeight = panels.length > 4 ? 200 : 260;
    const input: SeriesChartInput = {
      labels: periods.map((p) => periodLabel(p, settings.grain, lang, t)),
      panels,
      kind: settings.kind,
      sharedY: settings.sharedY,
      selected: selectedRange(periods, settings.grain, filter.period),
      tet: settings.tet ? tetIndices(periods, settings.grain) : [],
      events,
      text: {
        tet: t('trends.tetMark'),
        jump: t('trends.jump'),
        flat: t('trends.flat'),
        selected: t('trends.selectedMark'),
        noValue: t('trends.noValue'),
      },
      columns,
      panelHeight,
      brush: true,
    };
    return {
      option: seriesChartOption(input, lightTheme),
      exports: trendsExportItems(input, t('trends.title'), lightTheme),
      periods,
      total,
      shown: panels.length,
      height: seriesChartHeight(panels.length, columns, panelHeight),
    };
  }, [shaped, settings, catalog, lang, t, models.data, filter.period]);

  const onBrush = useCallback(
    (range: [number, number]) => {
      if (!chart) return;
      const p = brushPeriod(chart.periods, settings.grain, range);
      if (p) setPeriod(p.from, p.to);
    },
    [chart, settings.grain, setPeriod],
  );

  const from = filter.period?.from;
  const to = filter.period?.to;
  const periodText =
    from || to
      ? t('trends.period', {
          from: from ? periodLabel(`${from}-01`, 'month', lang, t) : '…',
          to: to ? periodLabel(`${to}-01`, 'month', lang, t) : '…',
        })
      : t('trends.noPeriod');
  const aria = t('trends.chartAria', {
    indicators: settings.indicators.map((c) => indicatorName(c, catalog, lang)).join(', '),
  });

  return (
    <div className="trends">
      <TrendsToolbar settings={settings} onChange={setSettings} catalog={catalog} />
      <section className="card trends__result" aria-labelledby="trends-title" data-testid="trends-result">
        <header className="trends__head">
          <h2 id="trends-title" className="card__title">
            {t('trends.title')}
          </h2>
          <p className="trends__period" data-testid="trends-period">
            {periodText}
          </p>
          {(from || to) && (
            <button type="button" className="button button--ghost" onClick={() => setPeriod(null, null)}>
              {t('trends.clearPeriod')}
            </button>
          )}
        </header>
        <p className="trends__hint">
          {t('trends.brushHint')} {t('trends.legendNote')}
        </p>
        {settings.split === 'models' && settings.modelIds.length === 0 ? (
          <p className="trends__hint">{t('trends.chooseModels')}</p>
        ) : (
          <DataState
            loading={q.loading}
            error={q.error}
            hasData={chart !== null}
            empty={!q.loading && (!shaped || shaped.periods.length === 0)}
            onRetry={q.retry}
          >
            {chart && (
              <>
                {chart.total > chart.shown && (
                  <p className="trends__hint">
                    {t('trends.tooMany', { shown: chart.shown, total: chart.total })}
                  </p>
                )}
                <SeriesCanvas
                  option={chart.option}
                  height={chart.height}
                  ariaLabel={aria}
                  onBrush={onBrush}
                  renderKey={q.dataKey ?? ''}
                />
                <TrendsExports items={chart.exports} />
              </>
            )}
          </DataState>
        )}
      </section>
    </div>
  );
}
