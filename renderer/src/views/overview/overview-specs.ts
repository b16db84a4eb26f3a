/** The specs the Overview declares, all following the global filter. Pure, so tests can check them. */
import { STATUSES } from '../../../../shared/catalog';
import type { AggregateSpec, Filter } from '../../../../shared/specs';

/** Indicators behind the KPI tiles. */
export const KPI_INDICATORS = {
  funds: 'funds_mobilized_vnd',
  beneficiaries: 'beneficiaries',
  households: 'households_supported',
} as const;

/** The status counted as "active". */
export const ACTIVE_STATUS: string = STATUSES[0];

const withFilter = (filter: Filter) => (Object.keys(filter).length ? { filter } : {});

/**
 * One row: m0 models, m1 units covered, m2 funds (sum, đồng), m3 beneficiaries, m4 households supported.
 */
export function kpiSpec(filter: Filter): AggregateSpec {
  return {
    kind: 'aggregate',
    measures: [
      { type: 'count_models' },
      { type: 'count_units' },
      { type: 'indicator', indicator: KPI_INDICATORS.funds, agg: 'sum' },
      { type: 'indicator', indicator: KPI_INDICATORS.beneficiaries, agg: 'sum' },
      { type: 'indicator', indicator: KPI_INDICATORS.households, agg: 'sum' },
    ],
    ...withFilter(filter),
  };
}

/**
 * Models per status (m0). The active count is read from it, which respects a user's status filter:
 * choosing only "Completed" gives 0 active models, as it should.
 */
export function statusSpec(filter: Filter): AggregateSpec {
  return { kind: 'aggregate', by: 'status', measures: [{ type: 'count_models' }], ...withFilter(filter) };
}

/**
 * Models per field (m0), largest first. The field filter itself is left out (cross-filtering): the
 * chart keeps every field so chosen ones can be highlighted and others added with a click.
 */
export function fieldsSpec(filter: Filter): AggregateSpec {
  const { fields: _own, ...others } = filter;
  return {
    kind: 'aggregate',
    by: 'field',
    measures: [{ type: 'count_models' }],
    sort: 'value_desc',
    ...withFilter(others),
  };
}

/** Funds mobilised (sum, m0) per month, in time order (key = first day of the month). */
export function fundsByMonthSpec(filter: Filter): AggregateSpec {
  return {
    kind: 'aggregate',
    by: 'period',
    grain: 'month',
    measures: [{ type: 'indicator', indicator: KPI_INDICATORS.funds, agg: 'sum' }],
    sort: 'label',
    ...withFilter(filter),
  };
}
