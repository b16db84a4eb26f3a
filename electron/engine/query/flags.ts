/**
 * The integrity flags engine: runs every rule over the workspace and returns one `ModelFlag` per finding,
 * explained by the UI from its code and parameters (i18n `ranking:flag.<code>`), never in English from here.
 *
 * Rules and default thresholds (`DEFAULT_FLAG_OPTIONS` in shared/rank-spec.ts, each configurable):
 * - `identical_run`: the same value in ≥ 6 consecutive months (values of magnitude < 10 ignored);
 * - `spike`: robust z = 0.6745·(x − median)/MAD ≥ 10 on the model's own history of that indicator (≥ 4
 *   values) and a value ≥ 15 × the median;
 * - `before_start`: values for months before the start month; `after_completion`: a completed or paused
 *   model still reporting in the last month of data;
 * - `round_numbers`: share of multiples of 10 far above that indicator's share over all models (binomial z ≥ 4,
 *   share ≥ 0.6);
 * - `duplicate`: a near-identical normalised name (similarity ≥ 0.9) in the same unit, same field and sponsor,
 * *   started within 31 days;
 * - `reporting_gap`: ≥ 4 consecutive months without any value.
 *
 * Flags never remove a model; a ranking leaves flagged models out only when the user asks (`exclude`).
 * Results are cached per workspace, data version and options.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_FLAG_OPTIONS, type FlagOptions, type ModelFlag } from '../../../shared/rank-spec';
import type { Workspace } from '../workspace/workspace';
import { duplicatePairs } from './flags-duplicates';
import { identicalRuns, reportingGaps, roundNumbers, spikes } from './flags-series';
import { afterCompletion, beforeStart } from './flags-status';

/** Options with every default filled in. */
export function flagOptions(o: FlagOptions | undefined): Required<FlagOptions> {
  return { ...DEFAULT_FLAG_OPTIONS, ...(o ?? {}) };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Every flag in the workspace, sorted by model id then code. */
export async function computeFlags(
  ws: Workspace,
  conn: DuckDBConnection,
  options?: FlagOptions,
): Promise<ModelFlag[]> {
  const o = flagOptions(options);
  const out: ModelFlag[] = [];
  for (const r of await identicalRuns(ws, conn, o))
    out.push({
      modelId: r.model_id,
      code: 'identical_run',
      indicator: r.indicator_code,
      params: { months: r.months, value: r.value, from: r.first, to: r.last },
    });
  for (const r of await spikes(ws, conn, o))
    out.push({
      modelId: r.model_id,
      code: 'spike',
      indicator: r.indicator_code,
      params: { period: r.period, value: r.value, median: r.median, z: round(r.z, 1) },
    });
  for (const r of await beforeStart(ws, conn))
    out.push({
      modelId: r.model_id,
      code: 'before_start',
      params: { n: r.n, first: r.first, start: r.start },
    });
  for (const r of await afterCompletion(ws, conn))
    out.push({ modelId: r.model_id, code: 'after_completion', params: { status: r.status, last: r.last } });
  for (const r of await roundNumbers(ws, conn, o))
    out.push({
      modelId: r.model_id,
      code: 'round_numbers',
      indicator: r.indicator_code,
      params: { n: r.n, share: round(r.share, 3), expected: round(r.expected, 3), z: round(r.z, 1) },
    });
  for (const p of await duplicatePairs(ws, conn, o.duplicateSimilarity, o.duplicateMaxStartDays)) {
    const similarity = round(p.similarity, 3);
    out.push({ modelId: p.a, code: 'duplicate', params: { other: p.b, similarity } });
    out.push({ modelId: p.b, code: 'duplicate', params: { other: p.a, similarity } });
  }
  for (const r of await reportingGaps(ws, conn, o))
    out.push({
      modelId: r.model_id,
      code: 'reporting_gap',
      params: r.before
        ? { months: r.months, after: r.after, before: r.before }
        : { months: r.months, after: r.after },
    });
  return out.sort((a, b) =>
    a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}

const cache = new WeakMap<Workspace, { key: string; flags: Promise<ModelFlag[]> }>();

/**
 * `computeFlags`, cached per workspace until the data version or the options change. Computed on the
 * workspace's background connection: at scale 10 it takes seconds, and on the shared read connection every
 * view query (the Models page's count and rows) waited behind it.
 */
export function cachedFlags(ws: Workspace, options?: FlagOptions): Promise<ModelFlag[]> {
  const key = `${ws.dataVersion}:${JSON.stringify(flagOptions(options))}`;
  const hit = cache.get(ws);
  if (hit && hit.key === key) return hit.flags;
  const flags = ws.background().then((conn) => computeFlags(ws, conn, options));
  cache.set(ws, { key, flags });
  flags.catch(() => cache.delete(ws));
  return flags;
}
