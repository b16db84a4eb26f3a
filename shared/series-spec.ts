/**
 * SeriesSpec: indicators over time (Trends view, model detail), and FieldBandSpec: a field's median and
 * top-decile band per period (model detail comparison). A band reads `facts`; a series reads the smallest
 * summary table that answers it exactly (month grain: a cube, for geographic or field splits and filters;
 * year grain: the per-model cube, under no period filter or one of whole years; see `planSeries` in
 * electron/engine/query/planner.ts), else `facts`. The SQL is in
 * `electron/engine/query/series-compile.ts` and `series-band.ts`.
 *
 * A series result is ONE long-format Arrow table, one row per (series, indicator, period) on the FULL
 * period axis, so charts show gaps where nothing was reported:
 *
 * - `series` VARCHAR — the series key: the split group's key (field name, sponsor, unit code, unit type,
 *   status; NULL = the missing group, models without that attribute; `SERIES_OTHERS` = the merged groups
 *   beyond `split.topN`), the model id in `modelIds` mode, or `SERIES_ALL` without a split;
 * - `label` VARCHAR — display label of the series (unit name for units, model name for models; NULL for
 *   Others, the missing group and `SERIES_ALL`: the UI names them);
 * - `indicator` VARCHAR — the indicator code;
 * - `period` VARCHAR — 'YYYY-MM-DD', the first day of the month / quarter / year;
 * - `raw` DOUBLE — the period's aggregate before the transform (NULL = no value reported in that period:
 *   a gap, never a zero);
 * - `value` DOUBLE — after the transform (see `SeriesTransformSchema`); NULL where `raw` is NULL;
 * - `delta` DOUBLE — for `yoy` only: the absolute change against the same period a year earlier
 *   (`value` then holds the change in %); NULL otherwise;
 * - `n` INTEGER — the number of distinct models with a value in that period (0 in a gap).
 *
 * Rows are ordered by series (the order the split ranks them: top groups by size, then the missing group,
 * then Others; models in the order given), then indicator (as given), then period.
 *
 * The period axis runs from the filter's `period.from` (else the first month with a value of any of the
 * spec's indicators under the filter) to `period.to` (else the last such month), truncated to the grain.
 */
import { z } from 'zod';
import { FilterSchema, IndicatorCode } from './specs';

// specs.ts puts these schemas in its SpecSchema union and this file builds on specs.ts: referenced lazily.
const filter = z.lazy(() => FilterSchema);
const indicator = z.lazy(() => IndicatorCode);

/** Key of the bucket that merges the split groups beyond `topN`. */
export const SERIES_OTHERS = '__others__';
/** Series key of the one series of a spec without a split or models. */
export const SERIES_ALL = '__all__';

/** Dimensions a series can be split by. */
export const SERIES_SPLITS = ['field', 'sponsor', 'unit', 'unit_type', 'status'] as const;
export type SeriesSplitBy = (typeof SERIES_SPLITS)[number];

/** Most models side by side in `modelIds` mode. */
export const SERIES_MAX_MODELS = 10;

/**
 * The transform applied to each series' period aggregates (`raw`), in period order over the full axis:
 * - `none`: `value = raw`;
 * - `cumulative`: running sum of `raw` from the first period of the axis (gaps add nothing; a gap row
 *   stays NULL so the chart still shows it). Additive indicators only;
 * - `moving_average` (`window` 3, 6 or 12 periods): the mean of the non-NULL `raw` among the current and
 *   the `window - 1` previous periods of the axis; NULL when the current period is a gap;
 * - `yoy`: change against the same period one year earlier (12 months, 4 quarters or 1 year back on the
 *   axis): `value` = (raw − raw₋₁) ÷ |raw₋₁| × 100 (%, NULL when the earlier value is NULL or 0) and
 *   `delta` = raw − raw₋₁ (NULL when either is NULL). Periods in the first year of the axis have no
 *   earlier value: the period filter limits what is compared;
 * - `per10k`: `raw` ÷ population × 10,000. The population is that of the units in the filter's geographic
 *   scope (its provinces, units and unit types; other filters do not shrink it), narrowed by the series'
 *   own geography: a unit or unit-type split divides by that group's units (Others by every in-scope unit
 *   not kept, the missing group gives NULL), a model divides by its unit, any other split by the whole
 *   scope. Additive indicators only;
 * - `index`: raw ÷ (the series' first non-NULL `raw` on the axis) × 100 — first period = 100 (NULL for
 *   the whole series when that base is 0).
 */
export const SeriesTransformSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('cumulative') }).strict(),
  z
    .object({
      type: z.literal('moving_average'),
      window: z.union([z.literal(3), z.literal(6), z.literal(12)]),
    })
    .strict(),
  z.object({ type: z.literal('yoy') }).strict(),
  z.object({ type: z.literal('per10k') }).strict(),
  z.object({ type: z.literal('index') }).strict(),
]);
export type SeriesTransform = z.infer<typeof SeriesTransformSchema>;
export type SeriesTransformType = SeriesTransform['type'];
export const SERIES_TRANSFORMS: readonly SeriesTransformType[] = [
  'none',
  'cumulative',
  'moving_average',
  'yoy',
  'per10k',
  'index',
];
/** Transforms that add values up: meaningless for a mean-type indicator (SPEC_INVALID there). */
export const ADDITIVE_TRANSFORMS: readonly SeriesTransformType[] = ['cumulative', 'per10k'];

/**
 * One or more indicators over time. Each period's value is the indicator's catalogue aggregation over
 * every underlying value of the series in that period: sums are summed; means averaged over all values
 * (never a mean of per-model means); weighted means weighted by the catalogue's `weight_by` indicator
 * reported in the same model and month (plain mean when no weight was reported in the group).
 *
 * Either `split` (series per group of a dimension, with optional top-N and "Others") or `modelIds`
 * (series per model, up to 10, in the order given; every listed model that exists is a series, all NULL
 * when the filter leaves it no value), not both; neither gives one series (`SERIES_ALL`). With a split,
 * only groups with at least one row under the filter are series.
 */
export const SeriesSpecSchema = z
  .object({
    kind: z.literal('series'),
    indicators: z.array(indicator).min(1).max(8),
    /** Default month. */
    grain: z.enum(['month', 'quarter', 'year']).optional(),
    split: z
      .object({
        by: z.enum(SERIES_SPLITS),
        /**
         * Keep the `n` largest groups — by the first indicator's aggregate over all filtered data
         * (`rankBy: 'value'`, default) or by the number of models with values (`'models'`), ties by key —
         * and merge the rest into Others (`SERIES_OTHERS`) BEFORE aggregating (Others of a mean is the
         * mean of its values). Without topN every group is a series.
         */
        topN: z.number().int().min(1).max(50).optional(),
        rankBy: z.enum(['value', 'models']).optional(),
      })
      .strict()
      .optional(),
    modelIds: z.array(z.string().min(1).max(200)).min(1).max(SERIES_MAX_MODELS).optional(),
    /** Default `{type: 'none'}`. */
    transform: SeriesTransformSchema.optional(),
    filter: filter.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (s.split && s.modelIds) issue(['modelIds'], 'a series is split by a dimension or by models, not both');
    const dupInd = s.indicators.find((c, i) => s.indicators.indexOf(c) !== i);
    if (dupInd) issue(['indicators'], `indicator '${dupInd}' appears twice`);
    const dupModel = s.modelIds?.find((c, i) => s.modelIds?.indexOf(c) !== i);
    if (dupModel) issue(['modelIds'], `model '${dupModel}' appears twice`);
  });
export type SeriesSpec = z.infer<typeof SeriesSpecSchema>;

/**
 * A field's distribution per period, for comparing one model against its peers: for each indicator and
 * period, over the models of `field` (and the filter) that reported it, each model's own aggregate for the
 * period (catalogue aggregation over its months) → the median (`p50`), the 90th and 10th percentiles
 * (`p90`, `p10`; continuous quantiles) and the number of models `n`. The top decile is `p90` where higher
 * is better and `p10` where lower is better (turnaround time): the UI picks by the catalogue's
 * `higher_is_better`. Columns: `indicator`, `period` ('YYYY-MM-DD'), `p50`, `p90`, `p10` DOUBLE,
 * `n` INTEGER. Only periods where some model reported.
 */
export const FieldBandSpecSchema = z
  .object({
    kind: z.literal('field_band'),
    field: z.string().min(1).max(500),
    indicators: z.array(indicator).min(1).max(30),
    grain: z.enum(['month', 'quarter', 'year']).optional(),
    filter: filter.optional(),
  })
  .strict();
export type FieldBandSpec = z.infer<typeof FieldBandSpecSchema>;

/** The decoded row of a series result. */
export interface SeriesRow {
  series: string | null;
  label: string | null;
  indicator: string;
  period: string;
  raw: number | null;
  value: number | null;
  delta: number | null;
  n: number;
}
