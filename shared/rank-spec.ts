/**
 * RankSpec: a composite score per model from user-chosen components and weights, each normalised as a
 * percentile rank within a peer group, so a single huge outlier cannot dominate. The engine answers with
 * ONE Arrow table, one row per ranked model (see `electron/engine/query/rank-compile.ts`):
 *
 * - `rank` (1 = best), `score` (0–100: Σ weightᵢ·percentileᵢ ÷ Σ weightᵢ × 100; a component the model does
 *   not report counts as percentile 0 — no evidence, no credit), `peer` (the peer group's key);
 * - `model_id`, `name`, `unit_code`, `unit_name`, `unit_type`, `field`, `sponsor`, `status`, `start_date`;
 * - per component i: `c{i}_raw` (the raw value after `per`), `c{i}_pct` (its percentile in the peer group,
 *   0–1, NULL when not reported), `c{i}_median` and `c{i}_p90` (the peer group's median and top decile);
 * - `flag_codes` (comma-separated integrity flag codes, NULL when none) and `flags_json` (a JSON array of
 *   `ModelFlag`, NULL when none);
 * - with `counts`: `ranked` and `matching` (see the field).
 *
 * Rows come in `sort` order (rank by default), optionally only those with flag `only` or model `focus`,
 * paged by `offset` and `limit`: the Ranking view asks for the page it shows, never for every model.
 *
 * Percentiles are `percent_rank()`: (models of the group with a strictly worse value) ÷ (group size − 1), so tied
 * models share the lowest rank of their tie (a group where half the models report every month gives them
 * 0.5, not 1), and a group of one gives 0. Models reporting none of the components are not ranked. Flags never remove a model unless the spec lists
 * the flag codes in `exclude` (the user's choice).
 */
import { z } from 'zod';
import { FilterSchema, IndicatorCode } from './specs';

// specs.ts puts RankSpecSchema in its SpecSchema union lazily; referencing FilterSchema lazily keeps either
// import order working (an ESM import cycle).
const filter = z.lazy(() => FilterSchema);
const indicator = z.lazy(() => IndicatorCode);

/** Integrity flag codes (see `electron/engine/query/flags.ts` for the rules). */
export const FLAG_CODES = [
  'identical_run',
  'spike',
  'before_start',
  'after_completion',
  'round_numbers',
  'duplicate',
  'reporting_gap',
] as const;
export const FlagCodeSchema = z.enum(FLAG_CODES);
export type FlagCode = z.infer<typeof FlagCodeSchema>;

/** Thresholds of the integrity flags; every one has a documented default (`DEFAULT_FLAG_OPTIONS`). */
export const FlagOptionsSchema = z
  .object({
    /** Identical values in at least this many consecutive months. */
    identicalMonths: z.number().int().min(3).max(120).optional(),
    /** Runs of a value below this magnitude are ignored: small counts repeat by chance. */
    identicalMinValue: z.number().min(0).max(1e12).optional(),
    /** Robust z-score (0.6745·(x − median) / MAD) at or above which a value is a spike. */
    spikeZ: z.number().min(2).max(1000).optional(),
    /** A spike must also be at least this many times the median (at least 1): a tiny MAD is not enough. */
    spikeRatio: z.number().min(1).max(10_000).optional(),
    /** Minimum history (values of that indicator) before spikes are looked for. */
    spikeMinHistory: z.number().int().min(3).max(120).optional(),
    /** Round-number flag: binomial z of the model's share of multiples of 10 over the indicator's baseline. */
    roundZ: z.number().min(1).max(100).optional(),
    /** Round-number flag: the model's share of multiples of 10 must be at least this. */
    roundMinShare: z.number().min(0).max(1).optional(),
    /** Duplicate flag: name similarity (Sørensen–Dice on bigrams of the search key) at or above this. */
    duplicateSimilarity: z.number().min(0.5).max(1).optional(),
    /** Duplicate flag: start dates at most this many days apart (either missing counts as close). */
    duplicateMaxStartDays: z.number().int().min(0).max(100_000).optional(),
    /** Reporting gap: at least this many consecutive months without any value. */
    gapMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict();
export type FlagOptions = z.infer<typeof FlagOptionsSchema>;

export const DEFAULT_FLAG_OPTIONS: Required<FlagOptions> = {
  identicalMonths: 6,
  identicalMinValue: 10,
  spikeZ: 10,
  spikeRatio: 15,
  spikeMinHistory: 4,
  roundZ: 4,
  roundMinShare: 0.6,
  duplicateSimilarity: 0.9,
  duplicateMaxStartDays: 31,
  gapMonths: 4,
};

/**
 * One integrity flag on one model, explained in words by the UI from `code` and `params` (i18n key
 * `ranking:flag.<code>`): never an English sentence from the engine.
 */
export interface ModelFlag {
  modelId: string;
  code: FlagCode;
  /** The indicator concerned, when the flag is about one. */
  indicator?: string;
  /** Numbers and texts the explanation interpolates (months, value, z, share, period, other model…). */
  params: Record<string, string | number>;
}

/** How an indicator's raw value is expressed before ranking. */
export const RankPerSchema = z.enum(['none', 'per_month', 'per10k', 'per_million_vnd']);
export type RankPer = z.infer<typeof RankPerSchema>;

const weight = z.number().min(0).max(100);

/** The extra (non-indicator) component types. */
export const EXTRA_COMPONENTS = ['months_active', 'reporting_share', 'trend', 'reach', 'efficiency'] as const;
export type ExtraComponent = (typeof EXTRA_COMPONENTS)[number];

/**
 * One component of the score:
 * - `indicator`: the catalogue aggregate of one indicator over the period (sums summed, means averaged,
 *   turnaround weighted by records), optionally per month reported, per 10,000 residents of the unit or per
 *   million VND mobilised by the model; a lower-is-better indicator ranks low values high;
 * - `months_active`: distinct months with any value; `reporting_share`: months reported ÷ months expected
 *   (from the start month, or the first month of data, to the last month of data — or to the last report
 *   for a completed or paused model); `trend`: mean over the model's indicators of the least-squares slope
 *   of value ÷ its mean per month (sign reversed for lower-is-better indicators);
 * - `reach`: beneficiaries per resident of the unit; `efficiency`: beneficiaries per million VND mobilised.
 */
export const RankComponentSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('indicator'),
      indicator,
      per: RankPerSchema.optional(),
      weight,
    })
    .strict(),
  z.object({ type: z.enum(EXTRA_COMPONENTS), weight }).strict(),
]);
export type RankComponent = z.infer<typeof RankComponentSchema>;

/** Columns the ranked table sorts by; ties keep rank order. Text in Vietnamese collation order. */
export const RANK_SORT_KEYS = ['rank', 'name', 'unit', 'field', 'flags'] as const;
export const RankSortSchema = z.object({ by: z.enum(RANK_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict();
export type RankSort = z.infer<typeof RankSortSchema>;
export type RankSortKey = RankSort['by'];

/** Peer groups percentiles are computed within. */
export const RankPeerSchema = z.enum(['field', 'unit_type', 'all']);
export type RankPeer = z.infer<typeof RankPeerSchema>;

export const RankSpecSchema = z
  .object({
    kind: z.literal('rank'),
    components: z.array(RankComponentSchema).min(1).max(12),
    peer: RankPeerSchema.optional(),
    filter: filter.optional(),
    /** Models carrying any of these flags are left out of the ranking (and of the percentiles). */
    exclude: z.array(FlagCodeSchema).max(FLAG_CODES.length).optional(),
    flagOptions: FlagOptionsSchema.optional(),
    limit: z.number().int().min(1).max(200_000).optional(),
    /** Rows skipped before `limit` (after `sort` and `only`): the ranked table's pages. */
    offset: z.number().int().min(0).max(200_000).optional(),
    /** Order of the rows returned (ranks and percentiles are unchanged): rank by default. */
    sort: RankSortSchema.optional(),
    /** Return only models carrying this flag: a view of the ranking, unlike `exclude` it changes no rank. */
    only: FlagCodeSchema.optional(),
    /** Return only this model's row (its rank among all): the breakdown of a model not on the page. */
    focus: z.string().min(1).max(200).optional(),
    /**
     * Add `ranked` (models ranked) and `matching` (rows after `only` and `focus`, before paging) to every
     * row; the answer then always has a row: a page with no model is one row whose model columns are NULL.
     */
    counts: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.components.some((c) => c.weight > 0), {
    message: 'at least one component needs a positive weight',
    path: ['components'],
  });
export type RankSpec = z.infer<typeof RankSpecSchema>;

/** A built-in ranking preset: an i18n key (`ranking:preset.<id>`) and its spec. */
export interface RankPreset {
  id: string;
  spec: RankSpec;
}

/** Presets for common questions, shipped with the app (and saveable as named views). */
export const RANK_PRESETS: readonly RankPreset[] = [
  {
    id: 'households_per_vnd',
    spec: {
      kind: 'rank',
      peer: 'field',
      components: [
        { type: 'indicator', indicator: 'households_supported', per: 'per_million_vnd', weight: 3 },
        { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 1 },
      ],
    },
  },
  {
    id: 'fast_turnaround_satisfaction',
    spec: {
      kind: 'rank',
      peer: 'unit_type',
      filter: { fields: ['Cải cách hành chính'] },
      components: [
        { type: 'indicator', indicator: 'turnaround_minutes', weight: 1 },
        { type: 'indicator', indicator: 'satisfaction_pct', weight: 1 },
      ],
    },
  },
  {
    id: 'reach_efficiency',
    spec: {
      kind: 'rank',
      peer: 'field',
      components: [
        { type: 'reach', weight: 1 },
        { type: 'efficiency', weight: 1 },
      ],
    },
  },
  {
    id: 'sustained',
    spec: {
      kind: 'rank',
      peer: 'all',
      components: [
        { type: 'months_active', weight: 1 },
        { type: 'reporting_share', weight: 1 },
        { type: 'trend', weight: 1 },
      ],
    },
  },
  {
    id: 'participation_per_capita',
    spec: {
      kind: 'rank',
      peer: 'unit_type',
      components: [
        { type: 'indicator', indicator: 'participants', per: 'per10k', weight: 2 },
        { type: 'reporting_share', weight: 1 },
      ],
    },
  },
];
