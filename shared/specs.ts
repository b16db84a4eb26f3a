/**
 * Query specs: the renderer, the CLI and tests describe what they want; the engine compiles it to SQL
 * with identifiers from its own catalogue and every user value bound as a parameter. All specs share
 * one `Filter` model (used for cross-filtering). Schemas are zod; the TS types are inferred from them.
 */
import { z } from 'zod';
import { PivotSpecSchema } from './pivot-spec';
import { MapSpecSchema } from './map-spec';
import { RankSpecSchema } from './rank-spec';
import { FieldBandSpecSchema, SeriesSpecSchema } from './series-spec';

const text = z.string().max(500);
const list = z.array(text).max(20_000);
/** 'YYYY-MM' month. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

/** An indicator code: catalogue codes are snake_case ASCII; imports may add more of the same form. */
export const IndicatorCode = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'unknown indicator code');

export const FilterSchema = z
  .object({
    provinces: list.optional(),
    /** Unit codes. */
    units: list.optional(),
    unitTypes: list.optional(),
    fields: list.optional(),
    sponsors: list.optional(),
    statuses: list.optional(),
    recognitions: list.optional(),
    modelIds: list.optional(),
    /** Start years ('YYYY', as `model_dim.start_year`). */
    startYears: z
      .array(z.string().regex(/^\d{4}$/, 'start year must be YYYY'))
      .max(200)
      .optional(),
    /**
     * Models that reported any of these indicators (within the period filter when one is set). It
     * narrows the set of models, never which value rows an indicator measure aggregates.
     */
    indicators: z.array(IndicatorCode).max(500).optional(),
    /** Inclusive month range on indicator periods; for model-level measures, models that reported a value in it. */
    period: z.object({ from: YearMonth.optional(), to: YearMonth.optional() }).strict().optional(),
    /** Diacritics-insensitive text search over id, name, unit, field, sponsor and description. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type Filter = z.infer<typeof FilterSchema>;

export const DIMENSIONS = [
  'province',
  'unit',
  'unit_type',
  'field',
  'sponsor',
  'status',
  'recognition',
  'start_year',
  'period',
  'indicator',
] as const;
export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;

export const GrainSchema = z.enum(['month', 'quarter', 'year']);
export type Grain = z.infer<typeof GrainSchema>;

export const MeasureSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('count_models') }).strict(),
  z.object({ type: z.literal('count_units') }).strict(),
  z
    .object({
      type: z.literal('indicator'),
      indicator: IndicatorCode,
      /** 'catalog' (default) uses the catalogue's aggregation: sums summed, means averaged over all values. */
      agg: z.enum(['catalog', 'sum', 'mean', 'median', 'min', 'max']).optional(),
    })
    .strict(),
]);
export type Measure = z.infer<typeof MeasureSchema>;

export const MODEL_COLUMNS = [
  'model_id',
  'name',
  'unit_code',
  'unit_name',
  'province',
  'field',
  'sponsor',
  'start_date',
  'status',
  'recognition',
  'lat',
  'lon',
  'replicated_from',
] as const;
export type ModelColumn = (typeof MODEL_COLUMNS)[number];

/** A page of the model list. */
export const ModelQuerySchema = z
  .object({
    kind: z.literal('models'),
    filter: FilterSchema.optional(),
    sort: z
      .object({ by: z.enum(MODEL_COLUMNS), dir: z.enum(['asc', 'desc']).optional() })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();
export type ModelQuery = z.infer<typeof ModelQuerySchema>;

/** One measure grouped by one dimension (Overview charts, KPI tiles when `by` is omitted). */
export const AggregateSpecSchema = z
  .object({
    kind: z.literal('aggregate'),
    by: DimensionSchema.optional(),
    grain: GrainSchema.optional(),
    measures: z.array(MeasureSchema).min(1).max(20),
    filter: FilterSchema.optional(),
    sort: z.enum(['label', 'value_desc', 'value_asc']).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type AggregateSpec = z.infer<typeof AggregateSpecSchema>;

/** Every value one model reported (model detail, sparklines): indicator_code, period_start, value. */
export const ModelValuesSpecSchema = z
  .object({
    kind: z.literal('model_values'),
    modelId: z.string().min(1).max(200),
    indicators: z.array(IndicatorCode).max(100).optional(),
  })
  .strict();
export type ModelValuesSpec = z.infer<typeof ModelValuesSpecSchema>;

export const SpecSchema = z.discriminatedUnion('kind', [
  ModelQuerySchema,
  AggregateSpecSchema,
  ModelValuesSpecSchema,
  // Lazy: pivot-spec.ts builds on this file (an import cycle either side may start).
  z.lazy(() => PivotSpecSchema),
  z.lazy(() => MapSpecSchema),
  // Lazy for the same reason: series-spec.ts builds on this file.
  z.lazy(() => SeriesSpecSchema),
  z.lazy(() => FieldBandSpecSchema),
  // Lazy for the same reason: rank-spec.ts builds on this file.
  z.lazy(() => RankSpecSchema),
]);
export type Spec = z.infer<typeof SpecSchema>;
