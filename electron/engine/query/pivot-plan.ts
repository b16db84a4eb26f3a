/**
 * The compile-time plan of a pivot: dimensions in key order (rows then columns), the grouping sets to
 * compute and to return (as GROUPING() ids), and each value's source and validity. Pure: no SQL here.
 *
 * A grouping set is a pair (row level l, column level m): the first l row keys and the first m column keys
 * are grouped, the rest rolled up. Its id has bit i set for every rolled-up key i (rows first, then
 * columns), so (R, C) is 0 (detail) and (0, 0) is the grand total.
 */
import { AtlasError } from '../../../shared/errors';
import type { PivotSpec } from '../../../shared/pivot-spec';
import type { Dimension, Grain, Measure } from '../../../shared/specs';
import type { CatalogCache } from './catalog-cache';
import { effectiveAgg } from './measures';
import { FACTS, planFacts, pivotFactNeed, type FactSource } from './planner';

/** Where a value is aggregated: 'm' = one row per model (`model_dim`), 'f' = one row per value (`facts`). */
export type Part = 'm' | 'f';

export interface PlannedValue {
  measure: Measure;
  per: 'none' | 'per10k' | 'per_km2';
  share: 'none' | 'grand' | 'row' | 'column';
  part: Part;
}

export interface PivotPlan {
  /** Row dimensions then column dimensions: key i is `dims[i]`. */
  dims: Dimension[];
  R: number;
  C: number;
  grain: Grain;
  values: PlannedValue[];
  /** Bits of the row keys, of the column keys, and of all keys. */
  rowMask: number;
  colMask: number;
  allMask: number;
  /** Grouping ids returned to the caller, and the (larger) set computed for shares and sorting. */
  outputGrps: number[];
  computeGrps: number[];
  topN: { n: number; value: number } | null;
  sort: { by: 'label' | 'value'; value: number; dir: 'asc' | 'desc' };
  hideMissing: boolean;
  /** Parts that have at least one value. */
  parts: Part[];
  /** The table the value part reads: `facts` or the smallest cube answering it exactly (planner.ts). */
  facts: FactSource;
}

const VALUE_DIMS: readonly Dimension[] = ['period', 'indicator'];

/** True when the measure adds up across groups (a sum or a count), so shares and per-capita make sense. */
export function isAdditive(m: Measure, catalog: CatalogCache): boolean {
  return m.type !== 'indicator' || effectiveAgg(m, catalog) === 'sum';
}

function measureName(m: Measure, catalog: CatalogCache): string {
  return m.type === 'indicator' ? `${m.indicator} (${effectiveAgg(m, catalog)})` : m.type;
}

/** Grouping id of (row level l, column level m) for R row and C column keys. */
export function grpOf(l: number, m: number, R: number, C: number): number {
  const rows = ((1 << R) - 1) ^ ((1 << l) - 1);
  const cols = (((1 << C) - 1) ^ ((1 << m) - 1)) << R;
  return rows | cols;
}

function levels(n: number, subtotals: boolean, grand: boolean): number[] {
  if (n === 0) return [0];
  const out = [n];
  if (subtotals) for (let l = n - 1; l >= 1; l--) out.push(l);
  if (grand) out.push(0);
  return out;
}

/** Validate a pivot against the catalogue and plan it. Throws SPEC_INVALID with a readable message. */
export function planPivot(spec: PivotSpec, catalog: CatalogCache): PivotPlan {
  const dims = [...spec.rows, ...spec.columns];
  const R = spec.rows.length;
  const C = spec.columns.length;
  const valueDim = dims.some((d) => VALUE_DIMS.includes(d));
  const values = spec.values.map((v, i): PlannedValue => {
    const per = v.per ?? 'none';
    const share = v.share ?? 'none';
    const additive = isAdditive(v.measure, catalog); // also rejects unknown indicators
    if (!additive && (per !== 'none' || share !== 'none')) {
      const what = share !== 'none' ? `a share (${share})` : `a ${per} rate`;
      throw new AtlasError(
        'SPEC_INVALID',
        `Value ${i}: ${what} is only defined for additive measures (sums and counts); ${measureName(v.measure, catalog)} is not additive.`,
        { path: `values.${i}` },
      );
    }
    const part: Part = v.measure.type !== 'indicator' && !valueDim ? 'm' : 'f';
    return { measure: v.measure, per, share, part };
  });

  const t = spec.totals ?? {};
  const rowLevels = levels(R, t.rowSubtotals ?? true, t.grand ?? true);
  const colLevels = levels(C, t.columnSubtotals ?? true, t.grand ?? true);
  const output = new Set<number>();
  const compute = new Set<number>();
  for (const l of rowLevels) {
    for (const m of colLevels) {
      output.add(grpOf(l, m, R, C));
      compute.add(grpOf(l, m, R, C));
      for (const v of values) {
        if (v.share === 'row') compute.add(grpOf(l, 0, R, C));
        if (v.share === 'column') compute.add(grpOf(0, m, R, C));
        if (v.share === 'grand') compute.add(grpOf(0, 0, R, C));
      }
    }
  }
  const sort = {
    by: spec.sort?.by ?? 'label',
    value: spec.sort?.value ?? 0,
    dir: spec.sort?.dir ?? 'asc',
  } as const;
  // Sorting by value orders each row node by its value at the column total.
  if (sort.by === 'value') for (let l = 1; l <= R; l++) compute.add(grpOf(l, 0, R, C));

  const rowMask = (1 << R) - 1;
  const allMask = (1 << (R + C)) - 1;
  return {
    dims,
    R,
    C,
    grain: spec.grain ?? 'month',
    values,
    rowMask,
    colMask: allMask ^ rowMask,
    allMask,
    outputGrps: [...output].sort((a, b) => a - b),
    computeGrps: [...compute].sort((a, b) => a - b),
    topN: spec.topN ? { n: spec.topN.n, value: spec.topN.value ?? 0 } : null,
    sort,
    hideMissing: spec.missing === 'hide',
    parts: (['m', 'f'] as const).filter((p) => values.some((v) => v.part === p)),
    facts: factsSource(spec, catalog),
  };
}

function factsSource(spec: PivotSpec, catalog: CatalogCache): FactSource {
  const need = pivotFactNeed(spec);
  return need ? planFacts(need, catalog) : FACTS;
}
