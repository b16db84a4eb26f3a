import { describe, expect, it } from 'vitest';
import { PivotSpecSchema } from '../../../shared/pivot-spec';
import {
  addValue,
  DEFAULT_LAYOUT,
  flipDimension,
  formatLayout,
  parseLayout,
  placeDimension,
  removeDimension,
  removeValue,
  shiftDimension,
  shiftValue,
  swapAxes,
  toSpec,
  updateValue,
  type PivotLayout,
} from '../../../renderer/src/views/pivot/pivot-layout';

const valid = (l: PivotLayout) => expect(PivotSpecSchema.safeParse(l).success).toBe(true);

describe('pivot layout edits', () => {
  it('placing a dimension moves it from the other axis, so it is never in two places', () => {
    const l = placeDimension(DEFAULT_LAYOUT, 'period', 'rows');
    expect(l.rows).toEqual(['field', 'period']);
    expect(l.columns).toEqual([]);
    valid(l);
    expect(flipDimension(l, 'field')).toMatchObject({ rows: ['period'], columns: ['field'] });
  });

  it('moving a dimension earlier or later reorders its axis; removing it drops it', () => {
    const l = placeDimension(DEFAULT_LAYOUT, 'unit', 'rows');
    expect(shiftDimension(l, 'unit', -1).rows).toEqual(['unit', 'field']);
    expect(shiftDimension(l, 'field', -1).rows).toEqual(['field', 'unit']);
    expect(removeDimension(l, 'field').rows).toEqual(['unit']);
  });

  it('an axis does not take more dimensions than the spec allows', () => {
    let l: PivotLayout = { ...DEFAULT_LAYOUT, columns: [] };
    for (const d of ['unit', 'sponsor', 'status', 'province', 'recognition'] as const)
      l = placeDimension(l, d, 'rows');
    expect(l.rows).toHaveLength(4);
    valid(l);
  });

  it('swapping axes exchanges rows and columns and drops a top-N that has no rows left', () => {
    const l: PivotLayout = { ...DEFAULT_LAYOUT, rows: ['field'], columns: [], topN: { n: 5 } };
    const s = swapAxes(l);
    expect(s).toMatchObject({ rows: [], columns: ['field'] });
    expect(s.topN).toBeUndefined();
    valid(s);
  });

  it('values keep sort and top-N references on the same value when they move or go', () => {
    let l = addValue(DEFAULT_LAYOUT, { type: 'indicator', indicator: 'funds_mobilized_vnd' });
    l = { ...l, sort: { by: 'value', value: 1, dir: 'desc' }, topN: { n: 3, value: 1 } };
    const moved = shiftValue(l, 1, -1);
    expect(moved.sort?.value).toBe(0);
    expect(moved.topN?.value).toBe(0);
    const removed = removeValue(l, 0);
    expect(removed.values).toHaveLength(1);
    expect(removed.sort?.value).toBe(0);
    valid(removed);
    expect(removeValue(removed, 0).values).toHaveLength(1);
  });

  it('a rate and a share are exclusive, and neither applies to a mean', () => {
    let l = addValue(DEFAULT_LAYOUT, { type: 'indicator', indicator: 'funds_mobilized_vnd' });
    l = updateValue(l, 1, { per: 'per10k' });
    expect(l.values[1]).toMatchObject({ per: 'per10k' });
    l = updateValue(l, 1, { share: 'row' });
    expect(l.values[1]).toEqual({
      measure: { type: 'indicator', indicator: 'funds_mobilized_vnd' },
      share: 'row',
    });
    l = updateValue(l, 1, { measure: { type: 'indicator', indicator: 'funds_mobilized_vnd', agg: 'mean' } });
    expect(l.values[1]?.share).toBeUndefined();
    valid(l);
  });

  it('a layout survives the URL round trip, and malformed JSON gives null', () => {
    const l = placeDimension(DEFAULT_LAYOUT, 'unit', 'rows');
    expect(parseLayout(formatLayout(l))).toEqual(l);
    expect(parseLayout('{"kind":"pivot"')).toBeNull();
    expect(parseLayout(JSON.stringify({ ...l, rows: ['field', 'field'] }))).toBeNull();
    expect(toSpec(l, { fields: ['A'] }).filter).toEqual({ fields: ['A'] });
    expect(toSpec(l, {})).not.toHaveProperty('filter');
  });
});
