/**
 * PivotSpec: an interactive pivot table (rows × columns × values) over the shared Filter model. The engine
 * answers with ONE long-format Arrow table (see `electron/engine/query/pivot-compile.ts` for the SQL):
 *
 * - `r0 … r{R-1}` and `r0_label …` — row keys and display labels, `c0 … c{C-1}` and `c0_label …` for columns;
 *   keys are text (periods as 'YYYY-MM-DD', the first day of the month / quarter / year);
 * - `grp` — an INTEGER from DuckDB `GROUPING()`: bit i (value `1 << i`) is set when key i is rolled up
 *   (a subtotal or total), keys numbered rows first then columns: r0 = bit 0 … r{R-1} = bit R-1,
 *   c0 = bit R … c{C-1} = bit R+C-1. `grp = 0` is a detail cell, all bits set is the grand total
 *   (`PIVOT_TOO_LARGE` marks a pivot over the cell cap, see `PIVOT_MAX_ROWS`);
 * - `v0 … v{K-1}` — DOUBLE, one per entry of `values`, after `per` and `share` are applied.
 *
 * A rolled-up key is NULL; a NULL key in a position whose bit is clear is the "missing" group (models with
 * no unit, no field, …). The topN "Others" bucket has key `PIVOT_OTHERS` and a NULL label, as does the
 * missing group: the UI names them. Detail cells exist only where data exists; the UI fills the grid.
 * Rows come in pre-order: within each parent the subtotal first, then the children sorted as `sort` says,
 * then the missing group, then Others; columns follow by label (periods chronologically).
 */
import { z } from 'zod';
import { DimensionSchema, FilterSchema, GrainSchema, MeasureSchema, type Dimension } from './specs';

// specs.ts puts PivotSpecSchema in its SpecSchema union and this file builds on specs.ts: the schemas are
// referenced lazily on both sides so either module may be imported first (an ESM import cycle).
const dimension = z.lazy(() => DimensionSchema);
const measure = z.lazy(() => MeasureSchema);
const filter = z.lazy(() => FilterSchema);
const grain = z.lazy(() => GrainSchema);

/** Key of the bucket that merges the row groups beyond `topN`. */
export const PIVOT_OTHERS = '__others__';

/**
 * Cap on the cells a pivot returns. A pivot that would return more returns instead ONE marker row with
 * `grp = PIVOT_TOO_LARGE`, every key NULL and `v0` = the number of cells it would have returned (when the
 * detail cells alone exceed the cap, their count: a lower bound), so the UI can ask for a narrower filter or
 * fewer dimensions. Computing and ordering millions of cells takes tens of seconds and no grid shows them;
 * the marker comes back in well under a second.
 */
export const PIVOT_MAX_ROWS = 200_000;

/** The `grp` of the marker row of a pivot that exceeds `PIVOT_MAX_ROWS` cells. */
export const PIVOT_TOO_LARGE = -1;

/** The number of cells a too-large pivot would have returned, from its first row's grp and v0; else null. */
export function pivotTooLarge(first: { grp: number; v0: number | null } | undefined): number | null {
  return first && first.grp === PIVOT_TOO_LARGE ? first.v0 : null;
}

/**
 * One value of the pivot. Both `per` and `share` apply only to additive measures (sums and counts; a rate or
 * share of a mean, median, minimum or maximum is SPEC_INVALID), and not together.
 * - `per`: the value ÷ population × 10,000 ('per10k') or ÷ area in km² ('per_km2') of the units in the
 *   cell's scope, from the units table (a unit without models counts). The scope is the filter's geography
 *   (its provinces, units and unit types; other filters do not shrink it) narrowed by the cell's
 *   geographic keys (unit, unit_type, province): a cell with none divides by the whole scope; Others divides
 *   by every unit not kept; the missing group (and a zero population or area) gives NULL.
 * - `share`: the value ÷ the same value at the grand total, at the row total (same row keys and level, all
 *   columns) or at the column total (same column keys and level, all rows), whether or not those totals
 *   are returned.
 */
export const PivotValueSchema = z
  .object({
    measure,
    per: z.enum(['none', 'per10k', 'per_km2']).optional(),
    share: z.enum(['none', 'grand', 'row', 'column']).optional(),
  })
  .strict();
export type PivotValue = z.infer<typeof PivotValueSchema>;

const valueIndex = z.number().int().min(0).max(7);

/**
 * A pivot: 0–4 row and 0–3 column dimensions (none on both axes), 1–8 values, the shared filter.
 * Aggregation happens once per level over the underlying rows: a subtotal of a mean is the mean of all its
 * values, a distinct count is distinct at every level. Model-level counts read one row per model unless a
 * period or indicator dimension is used (then: models reporting in that period / that indicator). With no
 * matching data the result holds only the grand-total cell (when requested).
 */
export const PivotSpecSchema = z
  .object({
    kind: z.literal('pivot'),
    rows: z.array(dimension).max(4).default([]),
    columns: z.array(dimension).max(3).default([]),
    /** Grain of the `period` dimension (default month). */
    grain: grain.optional(),
    values: z.array(PivotValueSchema).min(1).max(8),
    filter: filter.optional(),
    /** Order of the row groups within each level: by label, or by value `value` (index, default 0). */
    sort: z
      .object({
        by: z.enum(['label', 'value']),
        value: valueIndex.optional(),
        dir: z.enum(['asc', 'desc']).optional(),
      })
      .strict()
      .optional(),
    /**
     * Keep the first row dimension's `n` largest groups by value `value` (default 0) over all the filtered
     * data (its rate when `per` is set and the dimension is geographic; a share keeps the order), ties by
     * key; every other group is merged into Others (`PIVOT_OTHERS`) before aggregating, so Others of a mean
     * is the mean of its values and Others of a count a distinct count.
     */
    topN: z
      .object({ n: z.number().int().min(1).max(1000), value: valueIndex.optional() })
      .strict()
      .optional(),
    /** Which totals to return; each defaults to true. `grand` covers the total row and the total column. */
    totals: z
      .object({
        rowSubtotals: z.boolean().optional(),
        columnSubtotals: z.boolean().optional(),
        grand: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** 'show' (default): a missing dimension value is its own group; 'hide': such rows are left out everywhere. */
    missing: z.enum(['show', 'hide']).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const dup = (dims: readonly Dimension[]) => dims.find((d, i) => dims.indexOf(d) !== i);
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const rowDup = dup(s.rows);
    if (rowDup) issue(['rows'], `dimension '${rowDup}' appears twice in rows`);
    const colDup = dup(s.columns);
    if (colDup) issue(['columns'], `dimension '${colDup}' appears twice in columns`);
    const shared = s.columns.find((d) => s.rows.includes(d));
    if (shared) issue(['columns'], `dimension '${shared}' cannot be both a row and a column`);
    if (s.sort?.value !== undefined && s.sort.value >= s.values.length) {
      issue(
        ['sort', 'value'],
        `sort refers to value ${s.sort.value} but there are ${s.values.length} values`,
      );
    }
    if (s.topN) {
      if (s.rows.length === 0) issue(['topN'], 'topN needs at least one row dimension');
      if (s.topN.value !== undefined && s.topN.value >= s.values.length) {
        issue(
          ['topN', 'value'],
          `topN refers to value ${s.topN.value} but there are ${s.values.length} values`,
        );
      }
    }
    s.values.forEach((v, i) => {
      if ((v.per ?? 'none') !== 'none' && (v.share ?? 'none') !== 'none') {
        issue(['values', i], 'a value is either per capita / per km² or a share, not both');
      }
    });
  });
export type PivotSpec = z.infer<typeof PivotSpecSchema>;
