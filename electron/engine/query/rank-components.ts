/**
 * The raw value of each ranking component, as SQL over the per-model aggregates `a` (see rank-compile.ts):
 * `a` has one row per model with its population and, as the components need them (`componentNeeds`),
 * `months` (distinct months reported) and `expected`, the totals of beneficiaries and funds, the trend, and
 * `i{n}` (plus `i{n}_months` for a per-month rate) per distinct indicator used.
 */
import { AtlasError } from '../../../shared/errors';
import type { RankComponent } from '../../../shared/rank-spec';
import { raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';

/** Indicators whose totals the extra components need. */
export const BENEFICIARIES = 'beneficiaries';
export const FUNDS = 'funds_mobilized_vnd';

/** Validate the components against the catalogue; throws SPEC_INVALID. Returns the distinct indicators used. */
export function componentIndicators(components: readonly RankComponent[], catalog: CatalogCache): string[] {
  const out: string[] = [];
  for (const c of components) {
    if (c.type !== 'indicator') continue;
    const def = catalog.indicator(c.indicator);
    if (!def)
      throw new AtlasError('SPEC_INVALID', `Unknown indicator: ${c.indicator}`, { indicator: c.indicator });
    if ((c.per ?? 'none') !== 'none' && def.aggregation !== 'sum')
      throw new AtlasError('SPEC_INVALID', `A rate of a mean-type indicator is meaningless: ${c.indicator}`, {
        indicator: c.indicator,
      });
    if (!out.includes(c.indicator)) out.push(c.indicator);
  }
  return out;
}

/** The per-model inputs a spec's components need (rank-compile.ts computes only these). */
export interface ComponentNeeds {
  /** Months reported and expected (months active, reporting share). */
  months: boolean;
  /** The trend (a regression per model and indicator: the costliest input). */
  trend: boolean;
  /** The beneficiaries total (reach, efficiency), as its indicator code. */
  beneficiaries: string | null;
  /** The funds total (per million VND, efficiency), as its indicator code. */
  funds: string | null;
  /** Indicators whose months reported a per-month rate divides by. */
  monthsOf: Set<string>;
}

export function componentNeeds(components: readonly RankComponent[]): ComponentNeeds {
  const need: ComponentNeeds = {
    months: false,
    trend: false,
    beneficiaries: null,
    funds: null,
    monthsOf: new Set(),
  };
  for (const c of components) {
    switch (c.type) {
      case 'indicator':
        if (c.per === 'per_month') need.monthsOf.add(c.indicator);
        if (c.per === 'per_million_vnd') need.funds = FUNDS;
        break;
      case 'months_active':
      case 'reporting_share':
        need.months = true;
        break;
      case 'trend':
        need.trend = true;
        break;
      case 'reach':
        need.beneficiaries = BENEFICIARIES;
        break;
      case 'efficiency':
        need.beneficiaries = BENEFICIARIES;
        need.funds = FUNDS;
        break;
    }
  }
  return need;
}

/** True when a high raw value is good for this component (ranks high). */
export function higherIsBetter(c: RankComponent, catalog: CatalogCache): boolean {
  return c.type === 'indicator' ? (catalog.indicator(c.indicator)?.higher_is_better ?? true) : true;
}

const nz = (x: Sql) => sql`nullif(${x}, 0)`;

/** SQL (over alias a) of component `c`'s raw value; `slot` is its indicator's position in `indicators`. */
export function componentRaw(c: RankComponent, indicators: readonly string[]): Sql {
  switch (c.type) {
    case 'indicator': {
      const i = indicators.indexOf(c.indicator);
      const v = raw(`a.i${i}`);
      switch (c.per ?? 'none') {
        case 'none':
          return v;
        case 'per_month':
          return sql`${v} / ${nz(raw(`a.i${i}_months`))}`;
        case 'per10k':
          return sql`${v} / ${nz(raw('a.population'))} * 10000`;
        case 'per_million_vnd':
          return sql`${v} / ${nz(raw('a.funds'))} * 1000000`;
      }
      throw new AtlasError('SPEC_INVALID', 'Unknown rate');
    }
    case 'months_active':
      return raw('a.months');
    case 'reporting_share':
      // NULL without months expected (no values at all, or none after the start month): LEAST ignores a
      // NULL argument, so `least(1.0, NULL)` would give a model that never reported a perfect share.
      return raw('CASE WHEN a.expected > 0 THEN least(1.0, a.months / a.expected) END');
    case 'trend':
      return raw('a.trend');
    case 'reach':
      return raw('a.beneficiaries / nullif(a.population, 0)');
    case 'efficiency':
      return raw('a.beneficiaries / nullif(a.funds, 0) * 1000000');
  }
}
