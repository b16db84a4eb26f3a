import { describe, expect, it } from 'vitest';
import { PIVOT_TOO_LARGE, PivotSpecSchema, pivotTooLarge } from '../../../shared/pivot-spec';
import { SpecSchema } from '../../../shared/specs';

const base = {
  kind: 'pivot',
  rows: ['field'],
  columns: ['period'],
  values: [{ measure: { type: 'count_models' } }],
};
const issues = (spec: unknown) => {
  const r = PivotSpecSchema.safeParse(spec);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the pivot spec schema', () => {
  it('accepts a full spec and is part of the Spec union', () => {
    const spec = {
      ...base,
      rows: ['province', 'unit_type', 'unit', 'field'],
      columns: ['period', 'indicator', 'status'],
      grain: 'quarter',
      values: [
        { measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' }, per: 'per10k' },
        { measure: { type: 'count_models' }, share: 'row' },
      ],
      filter: { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2024-12' } },
      sort: { by: 'value', value: 1, dir: 'desc' },
      topN: { n: 10, value: 0 },
      totals: { rowSubtotals: false, columnSubtotals: true, grand: true },
      missing: 'hide',
    };
    expect(issues(spec)).toEqual([]);
    expect(SpecSchema.safeParse(spec).success).toBe(true);
  });

  it('rejects a dimension repeated in rows, in columns, or used on both axes', () => {
    expect(issues({ ...base, rows: ['field', 'field'] })).toEqual([
      "rows: dimension 'field' appears twice in rows",
    ]);
    expect(issues({ ...base, columns: ['period', 'period'] })).toEqual([
      "columns: dimension 'period' appears twice in columns",
    ]);
    expect(issues({ ...base, columns: ['field'] })).toEqual([
      "columns: dimension 'field' cannot be both a row and a column",
    ]);
  });

  it('limits rows to four dimensions, columns to three and values to one through eight', () => {
    expect(issues({ ...base, rows: ['province', 'unit_type', 'unit', 'field', 'sponsor'] })).toHaveLength(1);
    expect(issues({ ...base, columns: ['period', 'indicator', 'status', 'sponsor'] })).toHaveLength(1);
    expect(issues({ ...base, values: [] })).toHaveLength(1);
    expect(
      issues({ ...base, values: Array.from({ length: 9 }, () => ({ measure: { type: 'count_models' } })) }),
    ).toHaveLength(1);
  });

  it('rejects value indices that do not exist and topN without a row dimension', () => {
    expect(issues({ ...base, sort: { by: 'value', value: 1 } })).toEqual([
      'sort.value: sort refers to value 1 but there are 1 values',
    ]);
    expect(issues({ ...base, topN: { n: 5, value: 3 } })).toEqual([
      'topN.value: topN refers to value 3 but there are 1 values',
    ]);
    expect(issues({ ...base, rows: [], topN: { n: 5 } })).toEqual([
      'topN: topN needs at least one row dimension',
    ]);
    expect(issues({ ...base, topN: { n: 0 } })).toHaveLength(1);
    expect(issues({ ...base, topN: { n: 1001 } })).toHaveLength(1);
  });

  it('rejects a value that is both a rate and a share, and unknown keys anywhere', () => {
    expect(
      issues({ ...base, values: [{ measure: { type: 'count_models' }, per: 'per10k', share: 'grand' }] }),
    ).toEqual(['values.0: a value is either per capita / per km² or a share, not both']);
    expect(issues({ ...base, pivotSql: 'DROP TABLE models' })).toHaveLength(1);
    expect(issues({ ...base, values: [{ measure: { type: 'count_models' }, format: 'x' }] })).toHaveLength(1);
    expect(issues({ ...base, rows: ['password'] })).toHaveLength(1);
  });

  it('reads the cell count of a too-large pivot from its marker row', () => {
    expect(pivotTooLarge({ grp: PIVOT_TOO_LARGE, v0: 5_017_813 })).toBe(5_017_813);
    expect(pivotTooLarge({ grp: 0, v0: 12 })).toBeNull();
    expect(pivotTooLarge(undefined)).toBeNull();
  });
});
