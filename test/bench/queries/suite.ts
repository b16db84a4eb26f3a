/**
 * The query suite: specs the renderer really sends — Overview tiles and charts, the Models list pages and a
 * model's detail, pivots, the Trends view's series, the Map's units layer and a Ranking — each view's spec
 * built by the view's own spec function where it is pure (trendsSpec, unitsSpec, effectiveSpec), with and
 * without the suite filter. Each entry carries the same question as hand-written SQL on the normalised
 * tables (models, units and indicator_values joined at query time: the "no design" baseline) and, where a
 * peer can express it, the question for Perspective and Arquero (see peers.ts).
 */
import { DEFAULT_MAP_SETTINGS } from '../../../renderer/src/views/map/map-store';
import { unitsSpec } from '../../../renderer/src/views/map/map-specs';
import { effectiveSpec, PAGE as RANK_PAGE, pageSpec } from '../../../renderer/src/views/ranking/rank-state';
import {
  DEFAULT_SETTINGS as TRENDS_DEFAULT,
  trendsSpec,
  type TrendsSettings,
} from '../../../renderer/src/views/trends/trends-data';
import { RANK_PRESETS, type RankSpec } from '../../../shared/rank-spec';
import type { SeriesSpec } from '../../../shared/series-spec';
import type { Filter, Spec } from '../../../shared/specs';
import type { Shape } from './canon';
import {
  BENEFICIARIES,
  FIELD,
  FILTER,
  FILTER_NO_FIELD,
  FUNDS,
  lit,
  MODEL_ID,
  PERIOD,
  SEARCH,
  sqlFilter,
} from './filters';
import * as b from './baseline';

/** A pivot or group-by a peer computes on its own copy of the data (peers.ts). */
export interface PeerQuery {
  table: 'models' | 'values';
  rows: string[];
  cols: string[];
  /** Distinct count of models, or the sum of one indicator's values. */
  agg: 'distinct_models' | 'sum';
  indicator?: string;
  filter?: Filter;
  /** 'totals': every subtotal and total (pivot shape); 'detail': one row per group (aggregate shape). */
  levels: 'totals' | 'detail';
}

export interface SuiteEntry {
  id: string;
  /** Where the UI sends it. */
  source: string;
  filtered: boolean;
  spec: Spec;
  shape: Shape;
  baseline: string;
  peer?: PeerQuery | { na: string };
  /**
   * Timed on an engine that kept the ranking's first stage (percentiles per component) from an earlier
   * request with the same components, peers and filter (electron/engine/query/rank-cores.ts): what a weight
   * change, a sort, a flag filter or another page costs. Every other entry is timed cold. Left out of the
   * median ratio, which would otherwise count the ranking twice.
   */
  kept?: boolean;
}

const f = (on: boolean, filter: Filter = FILTER) => (on ? { filter } : {});
const sum = (indicator: string) => ({ type: 'indicator' as const, indicator, agg: 'sum' as const });

/** The Trends view's spec for its default settings changed by `patch`, under `filter`. */
function trends(patch: Partial<TrendsSettings>, filter: Filter): SeriesSpec {
  const spec = trendsSpec({ ...TRENDS_DEFAULT, ...patch }, filter);
  if (!spec) throw new Error('the Trends settings of the suite ask for no series');
  return spec;
}

/**
 * The ranking: the Ranking view's first preset (households supported per million VND ×3 and per month ×1,
 * peers by field) with three components added in its weight editor — beneficiaries per 10,000 residents ×2,
 * turnaround time (a weighted mean, lower is better) ×1 and the reporting share ×1 — sent as the view does
 * (`effectiveSpec`: the global filter over the spec's own). No preset has five components.
 */
const RANK_FIVE: RankSpec = (() => {
  const preset = RANK_PRESETS.find((p) => p.id === 'households_per_vnd');
  if (!preset) throw new Error('the households_per_vnd ranking preset is gone');
  return {
    ...preset.spec,
    components: [
      ...preset.spec.components,
      { type: 'indicator', indicator: BENEFICIARIES, per: 'per10k', weight: 2 },
      { type: 'indicator', indicator: 'turnaround_minutes', per: 'none', weight: 1 },
      { type: 'reporting_share', weight: 1 },
    ],
  };
})();

/** The Ranking view's default sort. */
const RANK_SORT = { by: 'rank', dir: 'asc' } as const;

/** Why the peers do not answer the Trends series: each needs the full month axis with NULL gap rows, and… */
const SERIES_NA = {
  yoy: 'a value 12 months back on the gap-filled month axis (a lag; Perspective has no window functions)',
  ma: 'a 3-month window over the gap-filled month axis, and a weighted mean (weight from another indicator of the same model and month)',
  top: 'top 5 groups with the rest merged into Others before aggregating, on the gap-filled month axis',
};
const MAP_NA = 'one row per registered unit (0 / NULL where nothing matches) with its model count';
const RANK_NA = 'percentile ranks within peer groups of per-model ratios';

/** The Models page's page size (the paged list fetches 500 rows at a time). */
const PAGE = 500;

/**
 * A period filter keeps the models that reported a value in the period: a semi-join on the values that the
 * peers' model table cannot express (it has no values), so model-level peer questions with one are n/a.
 */
const PERIOD_ON_MODELS = 'a period filter on models (models that reported in it) needs the values';

function variants(make: (on: boolean) => Omit<SuiteEntry, 'filtered'>): SuiteEntry[] {
  return [false, true].map((on) => {
    const e = make(on);
    const peer =
      e.peer && !('na' in e.peer) && e.peer.table === 'models' && e.peer.filter?.period
        ? { na: PERIOD_ON_MODELS }
        : e.peer;
    return { ...e, ...(peer ? { peer } : {}), filtered: on, id: `${e.id}${on ? ' +filter' : ''}` };
  });
}

export const SUITE: SuiteEntry[] = [
  ...variants((on) => ({
    id: 'overview.kpi',
    source: 'Overview KPI tiles (kpiSpec)',
    spec: {
      kind: 'aggregate',
      measures: [
        { type: 'count_models' },
        { type: 'count_units' },
        sum(FUNDS),
        sum(BENEFICIARIES),
        sum('households_supported'),
      ],
      ...f(on),
    },
    shape: 'aggregate',
    baseline: b.kpi(on ? FILTER : undefined),
    peer: { na: 'five measures over two tables in one answer' },
  })),
  ...variants((on) => ({
    id: 'overview.status',
    source: 'Overview active tile (statusSpec)',
    spec: { kind: 'aggregate', by: 'status', measures: [{ type: 'count_models' }], ...f(on) },
    shape: 'aggregate',
    baseline: b.countBy('status', on ? FILTER : undefined),
    peer: { table: 'models', rows: ['status'], cols: [], agg: 'distinct_models', levels: 'detail', ...f(on) },
  })),
  ...variants((on) => ({
    id: 'overview.fields',
    source: 'Overview models-by-field chart (fieldsSpec: own field filter dropped)',
    spec: {
      kind: 'aggregate',
      by: 'field',
      measures: [{ type: 'count_models' }],
      sort: 'value_desc',
      ...f(on, FILTER_NO_FIELD),
    },
    shape: 'aggregate',
    baseline: b.countBy('field', on ? FILTER_NO_FIELD : undefined, 'ORDER BY m0 DESC NULLS LAST, key'),
    peer: {
      table: 'models',
      rows: ['field'],
      cols: [],
      agg: 'distinct_models',
      levels: 'detail',
      ...f(on, FILTER_NO_FIELD),
    },
  })),
  ...variants((on) => ({
    id: 'overview.funds-by-month',
    source: 'Overview funds chart (fundsByMonthSpec)',
    spec: {
      kind: 'aggregate',
      by: 'period',
      grain: 'month',
      measures: [sum(FUNDS)],
      sort: 'label',
      ...f(on),
    },
    shape: 'aggregate',
    baseline: b.sumBy(
      `strftime(date_trunc('month', v.period_start), '%Y-%m-%d')`,
      FUNDS,
      on ? FILTER : undefined,
    ),
    peer: {
      table: 'values',
      rows: ['period'],
      cols: [],
      agg: 'sum',
      indicator: FUNDS,
      levels: 'detail',
      ...f(on),
    },
  })),
  ...variants((on) => {
    const spec = unitsSpec(DEFAULT_MAP_SETTINGS, on ? FILTER : {}, FUNDS);
    return {
      id: 'map.units count',
      source: 'Map view opened: units layer, default measure (models per unit; unitsSpec)',
      spec,
      shape: 'map',
      baseline: b.mapUnits(spec),
      peer: { na: MAP_NA },
    };
  }),
  ...variants((on) => {
    const spec = unitsSpec({ ...DEFAULT_MAP_SETTINGS, measure: 'indicator' }, on ? FILTER : {}, FUNDS);
    return {
      id: 'map.units funds',
      source: 'Map view: units coloured by funds mobilised (unitsSpec)',
      spec,
      shape: 'map',
      baseline: b.mapUnits(spec),
      peer: { na: MAP_NA },
    };
  }),
  ...variants((on) => {
    const spec = unitsSpec(
      { ...DEFAULT_MAP_SETTINGS, measure: 'indicator', per: 'per10k' },
      on ? FILTER : {},
      FUNDS,
    );
    return {
      id: 'map.units funds per 10k',
      source: 'Map view: funds per 10,000 residents per unit (unitsSpec)',
      spec,
      shape: 'map',
      baseline: b.mapUnits(spec),
      peer: { na: MAP_NA },
    };
  }),
  {
    id: 'models.page 1',
    source: 'Models view opened: first page of 500 (modelPageSpec)',
    filtered: false,
    spec: { kind: 'models', limit: PAGE, offset: 0 },
    shape: 'list',
    baseline: b.modelList('TRUE', 'model_id ASC', PAGE, 0),
    peer: { na: 'a sorted row listing, not an aggregate' },
  },
  {
    id: 'models.page @5000 sort name desc',
    source: 'Models view scrolled deep: rows 5,001–5,500 sorted by name, descending',
    filtered: false,
    spec: { kind: 'models', sort: { by: 'name', dir: 'desc' }, limit: PAGE, offset: 5000 },
    shape: 'list',
    baseline: b.modelList('TRUE', 'name COLLATE vi DESC', PAGE, 5000),
    peer: { na: 'a sorted row listing, not an aggregate' },
  },
  {
    id: 'models.search "cau"',
    source: 'Models view, global search: first page',
    filtered: true,
    spec: { kind: 'models', filter: { search: SEARCH }, limit: PAGE, offset: 0 },
    shape: 'list',
    baseline: b.modelList(`contains(m.search_text, ${lit(SEARCH)})`, 'model_id ASC', PAGE, 0),
    peer: { na: 'text search' },
  },
  {
    id: 'models.page 1 +filter sort name desc',
    source: 'Models view, filtered and sorted by name, descending: first page',
    filtered: true,
    spec: { kind: 'models', filter: FILTER, sort: { by: 'name', dir: 'desc' }, limit: PAGE, offset: 0 },
    shape: 'list',
    baseline: b.modelList(sqlFilter(FILTER).models, 'name COLLATE vi DESC', PAGE, 0),
    peer: { na: 'a sorted row listing, not an aggregate' },
  },
  {
    id: 'models.detail',
    source: 'Model detail header (modelDetailSpec)',
    filtered: false,
    spec: { kind: 'models', filter: { modelIds: [MODEL_ID] }, limit: 1 },
    shape: 'list',
    baseline: b.modelList(`m.model_id = ${lit(MODEL_ID)}`, 'model_id ASC', 1),
    peer: { na: 'a lookup' },
  },
  {
    id: 'models.detail values',
    source: 'Model detail sparklines (modelValuesSpec)',
    filtered: false,
    spec: { kind: 'model_values', modelId: MODEL_ID },
    shape: 'values',
    baseline: `SELECT indicator_code, period_start, value FROM indicator_values WHERE model_id = ${lit(MODEL_ID)} ORDER BY indicator_code, period_start`,
    peer: { na: 'a lookup' },
  },
  ...variants((on) => ({
    id: 'pivot unit×field count',
    source: 'Pivot view: models per unit and field, with totals',
    spec: {
      kind: 'pivot',
      rows: ['unit'],
      columns: ['field'],
      values: [{ measure: { type: 'count_models' } }],
      ...f(on),
    },
    shape: 'pivot',
    baseline: b.pivotModels(on ? FILTER : undefined),
    peer: {
      table: 'models',
      rows: ['unit_code'],
      cols: ['field'],
      agg: 'distinct_models',
      levels: 'totals',
      ...f(on),
    },
  })),
  ...variants((on) => ({
    id: 'pivot field×month funds',
    source: 'Pivot view: funds per field and month, with totals',
    spec: {
      kind: 'pivot',
      rows: ['field'],
      columns: ['period'],
      grain: 'month',
      values: [{ measure: sum(FUNDS) }],
      ...f(on),
    },
    shape: 'pivot',
    baseline: b.pivotValues(['m.field'], [b.periodKey('month')], FUNDS, on ? FILTER : undefined),
    peer: {
      table: 'values',
      rows: ['field'],
      cols: ['period'],
      agg: 'sum',
      indicator: FUNDS,
      levels: 'totals',
      ...f(on),
    },
  })),
  ...variants((on) => ({
    id: 'pivot field›unit×year subtotals',
    source: 'Pivot view: two row levels with subtotals',
    spec: {
      kind: 'pivot',
      rows: ['field', 'unit'],
      columns: ['period'],
      grain: 'year',
      values: [{ measure: sum(BENEFICIARIES) }],
      ...f(on),
    },
    shape: 'pivot',
    baseline: b.pivotValues(
      ['m.field', 'm.unit_code'],
      [b.periodKey('year')],
      BENEFICIARIES,
      on ? FILTER : undefined,
    ),
    peer: {
      table: 'values',
      rows: ['field', 'unit_code'],
      cols: ['year'],
      agg: 'sum',
      indicator: BENEFICIARIES,
      levels: 'totals',
      ...f(on),
    },
  })),
  ...variants((on) => ({
    id: 'pivot top-10 units×field',
    source: 'Pivot view: top 10 units by funds, the rest as Others',
    spec: {
      kind: 'pivot',
      rows: ['unit'],
      columns: ['field'],
      values: [{ measure: sum(FUNDS) }],
      topN: { n: 10 },
      sort: { by: 'value', dir: 'desc' },
      ...f(on),
    },
    shape: 'pivot',
    baseline: b.pivotTopN(10, FUNDS, on ? FILTER : undefined),
    peer: { na: 'no top-N with an Others bucket' },
  })),
  ...variants((on) => ({
    id: 'pivot per-capita by unit',
    source: 'Pivot view: beneficiaries per 10,000 inhabitants per unit',
    spec: {
      kind: 'pivot',
      rows: ['unit'],
      columns: [],
      values: [{ measure: sum(BENEFICIARIES), per: 'per10k' }],
      ...f(on),
    },
    shape: 'pivot',
    baseline: b.pivotPerCapita(BENEFICIARIES, on ? FILTER : undefined),
    peer: { na: 'no per-capita denominators over the units in scope' },
  })),
  ...variants((on) => {
    const spec = trends({ transform: 'yoy' }, on ? FILTER : {});
    return {
      id: 'series funds YoY',
      source: 'Trends view: its default (funds by month) with change vs a year earlier, in % (trendsSpec)',
      spec,
      shape: 'series',
      baseline: b.series(spec),
      peer: { na: SERIES_NA.yoy },
    };
  }),
  ...variants((on) => {
    const spec = trends(
      { indicators: [BENEFICIARIES, 'turnaround_minutes'], transform: 'ma3' },
      on ? FILTER : {},
    );
    return {
      id: 'series beneficiaries+turnaround MA3',
      source: 'Trends view: two indicators (a sum and a weighted mean), 3-month moving average (trendsSpec)',
      spec,
      shape: 'series',
      baseline: b.series(spec),
      peer: { na: SERIES_NA.ma },
    };
  }),
  ...variants((on) => {
    const spec = trends({ split: 'field' }, on ? FILTER : {});
    return {
      id: 'series funds by field top-5',
      source: 'Trends view: funds split by field, its default top 5 + Others (trendsSpec)',
      spec,
      shape: 'series',
      baseline: b.series(spec),
      peer: { na: SERIES_NA.top },
    };
  }),
  ...variants((on) => {
    const spec = trends({ grain: 'year', split: 'field', transform: 'yoy' }, on ? FILTER : {});
    return {
      id: 'series funds by field top-5, by year, YoY',
      source:
        'Trends view: funds split by field (top 5 + Others) at year grain, change vs the year before (trendsSpec)',
      spec,
      shape: 'series',
      baseline: b.series(spec),
      peer: { na: SERIES_NA.top },
    };
  }),
  ...variants((on) => {
    // The view asks for the page it shows (pageSpec): the first 100 rows in rank order, with the counts.
    const spec = pageSpec(effectiveSpec(RANK_FIVE, on ? FILTER : {}), RANK_SORT, null, RANK_PAGE);
    return {
      id: 'ranking 5 weighted, peers by field',
      source:
        'Ranking view: a preset plus three components (5 weighted), peer group = field (effectiveSpec), its first page of 100 rows with the counts',
      spec,
      shape: 'rank',
      baseline: b.rank(spec),
      peer: { na: RANK_NA },
    };
  }),
  ...variants((on) => {
    // The analyst moves a weight: same components, peers and filter, so the percentiles are kept.
    const moved: RankSpec = {
      ...RANK_FIVE,
      components: RANK_FIVE.components.map((c, i) => ({ ...c, weight: i === 1 ? 4 : c.weight })),
    };
    const spec = pageSpec(effectiveSpec(moved, on ? FILTER : {}), RANK_SORT, null, RANK_PAGE);
    return {
      id: 'ranking weight moved (percentiles kept)',
      source:
        'Ranking view: the same ranking after a weight change in the weight editor — the engine kept its percentiles from the previous request (rank-cores.ts); first page of 100 rows with the counts',
      spec,
      shape: 'rank',
      baseline: b.rank(spec),
      peer: { na: RANK_NA },
      kept: true,
    };
  }),
];

/**
 * Keep the filter constants visible in reports. The Trends view drops the period from its series (it shades
 * the period on the whole history instead), so its "+filter" variants filter by field only.
 */
export const SUITE_FILTER = `field = ${FIELD}, period ${PERIOD.from}…${PERIOD.to}`;
