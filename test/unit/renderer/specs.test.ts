import { tableFromArrays, vectorFromArray, Dictionary, Utf8, Int32, Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { SpecSchema } from '../../../shared/specs';
import {
  modelDetailSpec,
  modelListSpec,
  modelValuesSpec,
  nextSort,
} from '../../../renderer/src/views/models/models-specs';
import { readKpis } from '../../../renderer/src/views/overview/kpi-values';
import {
  fieldsSpec,
  fundsByMonthSpec,
  kpiSpec,
  statusSpec,
} from '../../../renderer/src/views/overview/overview-specs';

const filter = {
  fields: ['An sinh xã hội'],
  statuses: ['Đã hoàn thành'],
  period: { from: '2024-01', to: '2024-12' },
};

describe('specs the views declare', () => {
  it('are all valid for the engine', () => {
    for (const spec of [
      kpiSpec(filter),
      statusSpec(filter),
      fieldsSpec(filter),
      fundsByMonthSpec(filter),
      kpiSpec({}),
      modelListSpec(filter, { by: 'name', dir: 'desc' }),
      modelListSpec({}, null),
      modelDetailSpec('MH-1'),
      modelValuesSpec('MH-1'),
    ]) {
      expect(SpecSchema.safeParse(spec).success, JSON.stringify(spec)).toBe(true);
    }
  });

  it('sum funds, beneficiaries and households for the KPI tiles', () => {
    expect(kpiSpec({}).measures).toEqual([
      { type: 'count_models' },
      { type: 'count_units' },
      { type: 'indicator', indicator: 'funds_mobilized_vnd', agg: 'sum' },
      { type: 'indicator', indicator: 'beneficiaries', agg: 'sum' },
      { type: 'indicator', indicator: 'households_supported', agg: 'sum' },
    ]);
  });

  it('leave the field filter out of the models-by-field chart so it can highlight instead', () => {
    expect(fieldsSpec(filter).filter).toEqual({
      statuses: ['Đã hoàn thành'],
      period: { from: '2024-01', to: '2024-12' },
    });
    expect(fundsByMonthSpec(filter).filter).toEqual(filter);
  });

  it('send no filter key when nothing is filtered', () => {
    expect('filter' in kpiSpec({})).toBe(false);
    expect('filter' in fieldsSpec({ fields: ['x'] })).toBe(false);
  });

  it('sort a new column ascending and flip the same column', () => {
    expect(nextSort(null, 'name')).toEqual({ by: 'name', dir: 'asc' });
    expect(nextSort({ by: 'name', dir: 'asc' }, 'name')).toEqual({ by: 'name', dir: 'desc' });
    expect(nextSort({ by: 'name', dir: 'desc' }, 'field')).toEqual({ by: 'field', dir: 'asc' });
  });
});

describe('KPI figures', () => {
  it('are read from the aggregate row and the active status count', () => {
    const kpi = tableFromArrays({
      key: [''],
      m0: Float64Array.from([9593]),
      m1: Float64Array.from([170]),
      m2: Float64Array.from([1.2e9]),
      m3: Float64Array.from([100]),
      m4: Float64Array.from([NaN]),
    });
    const status = new Table({
      key: vectorFromArray(['Đang triển khai', 'Tạm dừng'], new Dictionary(new Utf8(), new Int32())),
      m0: vectorFromArray(Float64Array.from([7726, 12])),
    });
    expect(readKpis(kpi, status)).toEqual({
      models: 9593,
      units: 170,
      funds: 1.2e9,
      beneficiaries: 100,
      households: null,
      active: 7726,
    });
  });

  it('are zero models and zero active when nothing matches', () => {
    const none = tableFromArrays({ key: [] as string[], m0: new Float64Array(0) });
    expect(readKpis(none, none)).toEqual({ models: 0, units: 0, active: 0 });
  });
});
