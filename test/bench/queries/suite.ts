/**
 * The query suite: specs the renderer really sends (Overview tiles and charts, the Models list and a
 * model's detail) and the pivots of the pivot view being built, each with and without the suite filter.
 * Each entry carries the same question as hand-written SQL on the normalised tables (models, units and
 * indicator_values joined at query time: the "no design" baseline) and, where a peer can express it, the
 * question for Perspective and Arquero (see peers.ts).
 */
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
}

const f = (on: boolean, filter: Filter = FILTER) => (on ? { filter } : {});
const sum = (indicator: string) => ({ type: 'indicator' as const, indicator, agg: 'sum' as const });

/** Specs not yet in the API: listed as "not yet implemented" rows. */
export const NOT_IMPLEMENTED = ['series (Trends view: SeriesSpec)', 'ranking (RankSpec)', 'map (MapSpec)'];

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
  ...variants((on) => ({
    id: 'map.funds-by-unit',
    source: 'map-like measure per unit (aggregate by unit; MapSpec not built yet)',
    spec: { kind: 'aggregate', by: 'unit', measures: [sum(FUNDS)], ...f(on) },
    shape: 'aggregate',
    baseline: b.sumBy('m.unit_code', FUNDS, on ? FILTER : undefined, 'ORDER BY key', true),
    peer: {
      table: 'values',
      rows: ['unit_code'],
      cols: [],
      agg: 'sum',
      indicator: FUNDS,
      levels: 'detail',
      ...f(on),
    },
  })),
  {
    id: 'models.list',
    source: 'Models view, whole list (modelListSpec)',
    filtered: false,
    spec: { kind: 'models', limit: 200_000 },
    shape: 'list',
    baseline: b.modelList('TRUE', 'model_id ASC', 200_000),
    peer: { na: 'a sorted row listing, not an aggregate' },
  },
  {
    id: 'models.search "cau"',
    source: 'Models view, global search',
    filtered: true,
    spec: { kind: 'models', filter: { search: SEARCH }, limit: 200_000 },
    shape: 'list',
    baseline: b.modelList(`contains(m.search_text, ${lit(SEARCH)})`, 'model_id ASC', 200_000),
    peer: { na: 'text search' },
  },
  {
    id: 'models.list +filter sort name desc',
    source: 'Models view, filtered and sorted',
    filtered: true,
    spec: { kind: 'models', filter: FILTER, sort: { by: 'name', dir: 'desc' }, limit: 200_000 },
    shape: 'list',
    baseline: b.modelList(sqlFilter(FILTER).models, 'name DESC', 200_000),
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
];

/** Keep the filter constants visible in reports. */
export const SUITE_FILTER = `field = ${FIELD}, period ${PERIOD.from}…${PERIOD.to}`;
