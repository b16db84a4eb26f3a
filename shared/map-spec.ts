/**
 * MapSpec: what the map draws, per administrative unit or per model, over the shared Filter model. One
 * spec kind with four layers; the engine answers each with one Arrow table (see
 * `electron/engine/query/map-compile.ts`):
 *
 * - `units` — one row per unit in the filter's geographic scope (its provinces, units and unit types; the
 *   units table, so a unit without models is a row too): `unit_code`, `unit_name`, `unit_type`, `province`,
 *   `population`, `area_km2`, `models` (INTEGER, the unit's models matching the filter; 0 when none) and
 *   `value` (DOUBLE, the measure). Counts of nothing are 0; an indicator the unit never reported is NULL
 *   (no data is not zero), as is a rate over a missing or zero population or area. A `growth` measure adds
 *   `value_first`, `value_last` (the indicator in the first and last year) and `year_first`, `year_last`.
 * - `points` — one row per filtered model with coordinates: `model_id`, `name`, `unit_code`, `lon`, `lat`,
 *   `key` (the `colorBy` attribute; NULL when the model has none).
 * - `replication` — one row per (originating unit, replica unit) pair: `from_unit`, `to_unit`, `models`
 *   (INTEGER, replicas on that path). A replica is a filtered model whose `replicated_from` names a model
 *   of the workspace; its origin is that model's unit. `origin` keeps the replicas of one model, `field`
 *   those of one field.
 * - `gaps` — one row per unit in scope: `unit_code`, `unit_name`, `models` (INTEGER, its filtered models
 *   in `field`) and `gap` (BOOLEAN, true when there is none).
 *
 * Rows come ordered by `unit_code` (points by `model_id`, lines by `from_unit`, `to_unit`).
 */
import { z } from 'zod';
import { FilterSchema, IndicatorCode } from './specs';

// specs.ts puts MapSpecSchema in its SpecSchema union and this file builds on specs.ts: referenced lazily
// so either module may be imported first (an ESM import cycle, as in pivot-spec.ts).
const filter = z.lazy(() => FilterSchema);
const indicator = z.lazy(() => IndicatorCode);

/** A rate applied to an additive measure: ÷ population × 10,000, or ÷ area in km² of the unit. */
export const MapPerSchema = z.enum(['none', 'per10k', 'per_km2']);
export type MapPer = z.infer<typeof MapPerSchema>;

/** An indicator's aggregation: 'catalog' (default) as the catalogue says — means averaged, never summed. */
const agg = z.enum(['catalog', 'sum', 'mean', 'median', 'min', 'max']);

const fieldName = z.string().min(1).max(500);

/**
 * The measures a unit can be coloured by, one schema each. Each has a compiler of the same `type` in
 * `electron/engine/query/map-measures.ts` (`MAP_MEASURES`); a new measure — such as the composite score of
 * the ranking — is one more schema here and one more entry there, and the view lists it from
 * `MAP_MEASURE_TYPES`.
 */
export const MAP_MEASURE_SCHEMAS = [
  /** Models in the unit matching the filter. */
  z.object({ type: z.literal('count_models'), per: MapPerSchema.optional() }).strict(),
  /** Models of one field in the unit (the filter still applies: a field filter excluding it gives 0). */
  z.object({ type: z.literal('count_field'), field: fieldName, per: MapPerSchema.optional() }).strict(),
  /**
   * An indicator aggregated over the unit's values in the filter's period. A rate (`per`) needs an
   * additive aggregation (a sum): a rate of a mean is SPEC_INVALID.
   */
  z
    .object({
      type: z.literal('indicator'),
      indicator,
      agg: agg.optional(),
      per: MapPerSchema.optional(),
    })
    .strict(),
  /**
   * Growth of an indicator, in per cent: (last − first) ÷ |first| × 100, where first and last are the
   * indicator aggregated (as `agg` says) over the whole calendar years containing the start and the end of
   * the filter's period — the workspace's first and last data months where the period leaves them open.
   * The period's months do not cut those years: both years are compared whole. NULL where either year has
   * no value, the first is 0, or the data spans one year only; a period within one year is SPEC_INVALID.
   */
  z.object({ type: z.literal('growth'), indicator, agg: agg.optional() }).strict(),
] as const;

export const MapMeasureSchema = z.discriminatedUnion('type', MAP_MEASURE_SCHEMAS);
export type MapMeasure = z.infer<typeof MapMeasureSchema>;
export type MapMeasureType = MapMeasure['type'];
export const MAP_MEASURE_TYPES: readonly MapMeasureType[] = MAP_MEASURE_SCHEMAS.map(
  (s) => s.shape.type.value,
);

/** Model attributes a point can be coloured by. */
export const MAP_COLOR_BY = ['field', 'status', 'recognition', 'sponsor'] as const;
export type MapColorBy = (typeof MAP_COLOR_BY)[number];

export const MAP_LAYERS = ['units', 'points', 'replication', 'gaps'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export const MapSpecSchema = z
  .object({
    kind: z.literal('map'),
    /** Default 'units'. */
    layer: z.enum(MAP_LAYERS).optional(),
    /** The `units` layer's measure (default count_models). */
    measure: z.lazy(() => MapMeasureSchema).optional(),
    /** The `points` layer's colour attribute (default field). */
    colorBy: z.enum(MAP_COLOR_BY).optional(),
    /** `replication`: only replicas of this model. */
    origin: z.string().min(1).max(200).optional(),
    /** `replication`: only replicas in this field; `gaps`: the field whose gaps to show (required). */
    field: fieldName.optional(),
    filter: filter.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const layer = s.layer ?? 'units';
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.measure && layer !== 'units') issue('measure', `a measure applies only to the units layer`);
    if (s.colorBy && layer !== 'points') issue('colorBy', `colorBy applies only to the points layer`);
    if (s.origin && layer !== 'replication') issue('origin', `origin applies only to the replication layer`);
    if (s.field && layer !== 'replication' && layer !== 'gaps')
      issue('field', `field applies only to the replication and gaps layers`);
    if (layer === 'gaps' && !s.field) issue('field', 'the gaps layer needs a field');
  });
export type MapSpec = z.infer<typeof MapSpecSchema>;

/** A unit's boundary for the map: its code and name, and the point where its label (and bubble) sits. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: {
    /** Unit code: the feature's name when registered with ECharts. */
    code: string;
    /** The unit's name (the code when the unit is not registered). */
    name: string;
    /** [lon, lat] inside the unit's largest polygon, far from its edges (polylabel). */
    label: [number, number];
  };
  geometry:
    { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The boundaries of the workspace (`geo.boundaries`), coordinates in WGS84 rounded to 5 decimals (~1 m). */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
  /** [minLon, minLat, maxLon, maxLat] over every feature; null when there is none. */
  bbox: [number, number, number, number] | null;
  /** Registered units with no boundary (they cannot be drawn). */
  missing: string[];
  /** Boundaries whose geometry could not be read as a polygon (skipped). */
  unreadable: number;
  dataVersion: number;
}
