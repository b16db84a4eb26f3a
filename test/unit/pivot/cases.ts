/**
 * Pivot specs checked against the reference implementation (and EXPLAINed): each name is the behaviour
 * the case pins down. Filter values come from the dataset the cases run on.
 */
import type { PivotSpec } from '../../../shared/pivot-spec';
import type { Measure } from '../../../shared/specs';

const models: Measure = { type: 'count_models' };
const units: Measure = { type: 'count_units' };
const ind = (indicator: string, agg?: 'sum' | 'mean' | 'median' | 'min' | 'max'): Measure =>
  agg ? { type: 'indicator', indicator, agg } : { type: 'indicator', indicator };
const sat = ind('satisfaction_pct');
const tat = ind('turnaround_minutes');
const funds = ind('funds_mobilized_vnd');
const part = ind('participants');

export interface PivotCase {
  name: string;
  spec: PivotSpec;
}

/** Values of a dataset the filters refer to. */
export interface CaseData {
  /** Two field names. */
  fields: [string, string];
  /** A province of some units. */
  province: string;
  /** A few unit codes, ideally one without models. */
  units: string[];
  /** A search text (without diacritics) that matches some models. */
  search: string;
}

const pivot = (s: Omit<PivotSpec, 'kind'>): PivotSpec => ({ kind: 'pivot', ...s });

/** The cases, with filters on the values of `d`. */
export const pivotCases = (d: CaseData): PivotCase[] => [
  {
    name: 'counts models by unit type then unit, with subtotals and a grand total',
    spec: pivot({ rows: ['unit_type', 'unit'], columns: [], values: [{ measure: models }] }),
  },
  {
    name: 'counts each model and unit once in every subtotal of field × sponsor',
    spec: pivot({ rows: ['field'], columns: ['sponsor'], values: [{ measure: models }, { measure: units }] }),
  },
  {
    name: 'averages satisfaction over the underlying values at detail, subtotal and grand levels',
    spec: pivot({ rows: ['province', 'unit_type'], columns: ['status'], values: [{ measure: sat }] }),
  },
  {
    name: 'weights turnaround by records processed at every level',
    spec: pivot({
      rows: ['unit_type', 'field'],
      columns: ['period'],
      grain: 'year',
      values: [{ measure: tat }],
    }),
  },
  {
    name: 'sums funds by month with field columns',
    spec: pivot({ rows: ['period'], columns: ['field'], grain: 'month', values: [{ measure: funds }] }),
  },
  {
    name: 'groups periods by quarter for a sum and a mean side by side',
    spec: pivot({
      rows: ['field'],
      columns: ['period'],
      grain: 'quarter',
      values: [{ measure: part }, { measure: sat }],
    }),
  },
  {
    name: 'counts reporting models and units per indicator and year',
    spec: pivot({
      rows: ['indicator'],
      columns: ['period'],
      grain: 'year',
      values: [{ measure: models }, { measure: units }],
    }),
  },
  {
    name: 'divides funds by the grand total for a grand share',
    spec: pivot({
      rows: ['field'],
      columns: ['unit_type'],
      values: [{ measure: funds, share: 'grand' }, { measure: funds }],
    }),
  },
  {
    name: 'divides model counts by their row total for a row share, subtotal rows included',
    spec: pivot({
      rows: ['unit_type', 'field'],
      columns: ['status'],
      values: [{ measure: models, share: 'row' }],
    }),
  },
  {
    name: 'divides participants by their column total for a column share',
    spec: pivot({ rows: ['sponsor'], columns: ['province'], values: [{ measure: part, share: 'column' }] }),
  },
  {
    name: 'keeps the five units with most models and merges the rest into Others',
    spec: pivot({ rows: ['unit'], columns: ['field'], values: [{ measure: models }], topN: { n: 5 } }),
  },
  {
    name: 'averages the underlying values of a mean indicator in the Others bucket',
    spec: pivot({
      rows: ['unit'],
      columns: ['period'],
      grain: 'year',
      values: [{ measure: models }, { measure: sat }],
      topN: { n: 8, value: 0 },
    }),
  },
  {
    name: 'ranks topN by a per-capita rate and divides Others by the rest of the population',
    spec: pivot({
      rows: ['unit', 'status'],
      columns: [],
      values: [{ measure: models, per: 'per10k' }],
      topN: { n: 6 },
    }),
  },
  {
    name: 'divides counts and sums by each unit’s population per 10,000',
    spec: pivot({
      rows: ['unit'],
      columns: ['field'],
      values: [
        { measure: models, per: 'per10k' },
        { measure: funds, per: 'per10k' },
      ],
    }),
  },
  {
    name: 'divides by the area of the units in each province and unit type',
    spec: pivot({
      rows: ['province', 'unit_type'],
      columns: [],
      values: [{ measure: models, per: 'per_km2' }, { measure: models }],
    }),
  },
  {
    name: 'divides by the population of the filter’s geographic scope when no dimension is geographic',
    spec: pivot({
      rows: ['field'],
      columns: [],
      values: [{ measure: models, per: 'per10k' }],
      filter: { provinces: [d.province] },
    }),
  },
  {
    name: 'restricts values to the period filter and models to those started by its end',
    spec: pivot({
      rows: ['field'],
      columns: ['period'],
      values: [{ measure: models }, { measure: part }],
      filter: { period: { from: '2024-03', to: '2024-08' } },
    }),
  },
  {
    name: 'counts models started by the end of the period filter when no period dimension is used',
    spec: pivot({
      rows: ['start_year'],
      columns: ['status'],
      values: [{ measure: models }],
      filter: { period: { to: '2024-06' } },
    }),
  },
  {
    name: 'applies field and diacritics-insensitive search filters',
    spec: pivot({
      rows: ['unit'],
      columns: [],
      values: [{ measure: models }, { measure: part }],
      filter: { fields: d.fields, search: d.search },
    }),
  },
  {
    name: 'keeps models without a unit or field as their own groups',
    spec: pivot({ rows: ['field', 'unit'], columns: [], values: [{ measure: models }, { measure: sat }] }),
  },
  {
    name: 'leaves out rows with a missing dimension everywhere when missing is hidden',
    spec: pivot({
      rows: ['field', 'unit'],
      columns: ['sponsor'],
      values: [{ measure: models }, { measure: sat }],
      missing: 'hide',
    }),
  },
  {
    name: 'returns only detail cells when every total is switched off',
    spec: pivot({
      rows: ['unit_type', 'field'],
      columns: ['status', 'recognition'],
      values: [{ measure: models }],
      totals: { rowSubtotals: false, columnSubtotals: false, grand: false },
    }),
  },
  {
    name: 'computes shares from totals it does not return',
    spec: pivot({
      rows: ['unit_type', 'field'],
      columns: ['status'],
      values: [
        { measure: models, share: 'row' },
        { measure: models, share: 'column' },
      ],
      totals: { rowSubtotals: false, grand: false },
    }),
  },
  {
    name: 'answers a pivot with no dimensions with one grand-total cell',
    spec: pivot({
      rows: [],
      columns: [],
      values: [
        { measure: models },
        { measure: units },
        { measure: sat },
        { measure: tat },
        { measure: models, per: 'per10k' },
      ],
    }),
  },
  {
    name: 'pivots on columns alone',
    spec: pivot({
      rows: [],
      columns: ['start_year', 'recognition'],
      values: [{ measure: models, per: 'per_km2' }, { measure: part }],
    }),
  },
  {
    name: 'nests four row and three column dimensions',
    spec: pivot({
      rows: ['province', 'unit_type', 'field', 'status'],
      columns: ['recognition', 'sponsor', 'start_year'],
      values: [{ measure: models }],
    }),
  },
  {
    name: 'honours explicit median, minimum, maximum and sum aggregations',
    spec: pivot({
      rows: ['field'],
      columns: [],
      values: [
        { measure: ind('satisfaction_pct', 'median') },
        { measure: ind('satisfaction_pct', 'min') },
        { measure: ind('satisfaction_pct', 'max') },
        { measure: ind('participants', 'mean') },
      ],
    }),
  },
  {
    name: 'combines topN, a grand share and hidden missing values',
    spec: pivot({
      rows: ['field', 'unit_type'],
      columns: [],
      values: [{ measure: part }, { measure: part, share: 'grand' }],
      topN: { n: 3 },
      missing: 'hide',
    }),
  },
  {
    name: 'divides by the units of a unit filter and keeps a unit with no models in the scope',
    spec: pivot({
      rows: ['unit_type'],
      columns: [],
      values: [
        { measure: models, per: 'per10k' },
        { measure: models, per: 'per_km2' },
      ],
      filter: { units: d.units },
    }),
  },
  {
    name: 'merges Others of a geographic topN with the units that have no models',
    spec: pivot({
      rows: ['unit'],
      columns: ['period'],
      grain: 'year',
      values: [{ measure: part, per: 'per10k' }],
      topN: { n: 10, value: 0 },
    }),
  },
];
