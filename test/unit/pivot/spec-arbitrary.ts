/** fast-check arbitraries for pivot specs: mostly valid by construction, with odd and hostile values. */
import fc from 'fast-check';
import type { Dimension } from '../../../shared/specs';

const ym = fc
  .tuple(fc.integer({ min: 2022, max: 2026 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

/** A filter list: real-looking values, arbitrary unicode and hostile strings. */
const textList = (hostile: string[]) =>
  fc.array(
    fc.oneof(
      fc.constantFrom('Thành phố Mẫu', 'Tỉnh Thử', 'xã', 'phường', '70000', 'An sinh xã hội', ...hostile),
      fc.string({ maxLength: 12 }),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  );

/** A pivot spec candidate (validate it with PivotSpecSchema; some violate cross-field rules on purpose). */
export function pivotArbitrary(codes: string[], dims: Dimension[], hostile: string[]) {
  const measure = fc.oneof(
    fc.constant({ type: 'count_models' as const }),
    fc.constant({ type: 'count_units' as const }),
    fc.record(
      {
        type: fc.constant('indicator' as const),
        indicator: fc.constantFrom(...codes, 'not_in_catalogue'),
        agg: fc.constantFrom('catalog', 'sum', 'mean', 'median', 'min', 'max'),
      },
      { requiredKeys: ['type', 'indicator'] },
    ),
  );
  // A value is a rate or a share, rarely both (which the schema rejects).
  const value = fc.oneof(
    { arbitrary: fc.record({ measure }), weight: 2 },
    { arbitrary: fc.record({ measure, per: fc.constantFrom('none', 'per10k', 'per_km2') }), weight: 3 },
    {
      arbitrary: fc.record({ measure, share: fc.constantFrom('none', 'grand', 'row', 'column') }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ measure, per: fc.constantFrom('per10k'), share: fc.constantFrom('row') }),
      weight: 1,
    },
  );
  const filter = fc.record(
    {
      provinces: textList(hostile),
      units: textList(hostile),
      unitTypes: textList(hostile),
      fields: textList(hostile),
      sponsors: textList(hostile),
      startYears: fc.array(fc.integer({ min: 1990, max: 2030 }).map(String), { minLength: 1, maxLength: 3 }),
      indicators: fc.array(fc.constantFrom(...codes, 'not_in_catalogue'), { minLength: 1, maxLength: 3 }),
      period: fc.record({ from: ym, to: ym }, { requiredKeys: [] }),
      search: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...hostile)),
    },
    { requiredKeys: [] },
  );
  return fc
    .record(
      {
        rows: fc.uniqueArray(fc.constantFrom(...dims), { maxLength: 4 }),
        columns: fc.uniqueArray(fc.constantFrom(...dims), { maxLength: 3 }),
        grain: fc.constantFrom('month', 'quarter', 'year'),
        values: fc.array(value, { minLength: 1, maxLength: 4 }),
        filter,
        sort: fc.record(
          {
            by: fc.constantFrom('label', 'value'),
            value: fc.integer({ min: 0, max: 3 }),
            dir: fc.constantFrom('asc', 'desc'),
          },
          { requiredKeys: ['by'] },
        ),
        topN: fc.record(
          { n: fc.integer({ min: 1, max: 40 }), value: fc.integer({ min: 0, max: 3 }) },
          { requiredKeys: ['n'] },
        ),
        totals: fc.record(
          { rowSubtotals: fc.boolean(), columnSubtotals: fc.boolean(), grand: fc.boolean() },
          { requiredKeys: [] },
        ),
        missing: fc.constantFrom('show', 'hide'),
      },
      { requiredKeys: ['rows', 'columns', 'values'] },
    )
    .map((s) => ({
      kind: 'pivot' as const,
      ...s,
      columns: s.columns.filter((d) => !s.rows.includes(d)),
      // Mostly valid value indices; an index past the values now and then.
      ...(s.sort
        ? {
            sort: {
              ...s.sort,
              value: s.sort.value === undefined ? undefined : s.sort.value % (s.values.length + 1),
            },
          }
        : {}),
      ...(s.topN
        ? {
            topN: {
              ...s.topN,
              value: s.topN.value === undefined ? undefined : s.topN.value % (s.values.length + 1),
            },
          }
        : {}),
    }));
}
