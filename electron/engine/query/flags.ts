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
 *   started within 31 days;
 * - `reporting_gap`: ≥ 4 consecutive months without any value.
 *
 * Flags never remove a model; a ranking leaves flagged models out only when the user asks (`exclude`).
 * Results are cached per workspace, data version and options; a UI's engine server computes the default
 * ones in the background once it is idle after opening or an import (`FlagWarmup`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_FLAG_OPTIONS, type FlagOptions, type ModelFlag } from '../../../shared/rank-spec';
import type { Workspace } from '../workspace/workspace';
import { duplicatePairs } from './flags-duplicates';
import { identicalRuns, monthlySource, reportingGaps, roundNumbers, spikes } from './flags-series';
import { afterCompletion, beforeStart } from './flags-status';

/** Options with every default filled in. */
export function flagOptions(o: FlagOptions | undefined): Required<FlagOptions> {
  return { ...DEFAULT_FLAG_OPTIONS, ...(o ?? {}) };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * How one rule's query runs. Directly for a request; the idle warm-up's waits for a quiet engine first and
 * runs it again when a request interrupted it (`FlagWarmup`). Every rule only reads, so a rerun is safe.
 */
export type FlagStep = <T>(run: () => Promise<T>) => Promise<T>;

/** Every flag in the workspace, sorted by model id then code. */
export async function computeFlags(
  ws: Workspace,
  conn: DuckDBConnection,
  options?: FlagOptions,
  step: FlagStep = (run) => run(),
): Promise<ModelFlag[]> {
  const o = flagOptions(options);
  const out: ModelFlag[] = [];
  const src = await step(() => monthlySource(ws, conn));
  for (const r of await step(() => identicalRuns(ws, conn, o, src)))
    out.push({
      modelId: r.model_id,
      code: 'identical_run',
      indicator: r.indicator_code,
      params: { months: r.months, value: r.value, from: r.first, to: r.last },
    });
  for (const r of await step(() => spikes(ws, conn, o, src)))
    out.push({
      modelId: r.model_id,
      code: 'spike',
      indicator: r.indicator_code,
      params: { period: r.period, value: r.value, median: r.median, z: round(r.z, 1) },
    });
  for (const r of await step(() => beforeStart(ws, conn)))
    out.push({
      modelId: r.model_id,
      code: 'before_start',
      params: { n: r.n, first: r.first, start: r.start },
    });
  for (const r of await step(() => afterCompletion(ws, conn)))
    out.push({ modelId: r.model_id, code: 'after_completion', params: { status: r.status, last: r.last } });
  for (const r of await step(() => roundNumbers(ws, conn, o, src)))
    out.push({
      modelId: r.model_id,
      code: 'round_numbers',
      indicator: r.indicator_code,
      params: { n: r.n, share: round(r.share, 3), expected: round(r.expected, 3), z: round(r.z, 1) },
    });
  for (const p of await step(() =>
    duplicatePairs(ws, conn, o.duplicateSimilarity, o.duplicateMaxStartDays),
  )) {
    const similarity = round(p.similarity, 3);
    out.push({ modelId: p.a, code: 'duplicate', params: { other: p.b, similarity } });
    out.push({ modelId: p.b, code: 'duplicate', params: { other: p.a, similarity } });
  }
  for (const r of await step(() => reportingGaps(ws, conn, o, src)))
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

/** The idle warm-up running on a workspace, and whether a request has since asked for flags. */
const warming = new WeakMap<Workspace, { claimed: boolean }>();

const cacheKey = (ws: Workspace, options?: FlagOptions) =>
  `${ws.dataVersion}:${JSON.stringify(flagOptions(options))}`;

/**
 * `computeFlags`, cached per workspace until the data version or the options change. Computed on the
 * workspace's background connection: at scale 10 it takes seconds, and on the shared read connection every
 * view query (the Models page's count and rows) waited behind it.
 */
export function cachedFlags(ws: Workspace, options?: FlagOptions, step?: FlagStep): Promise<ModelFlag[]> {
  // A request needs flags: a warm-up running on the background connection (where this computation would
  // queue, or whose result this may be) stops yielding to requests and finishes at full speed.
  if (!step) {
    const w = warming.get(ws);
    if (w) w.claimed = true;
  }
  const key = cacheKey(ws, options);
  const hit = cache.get(ws);
  if (hit && hit.key === key) return hit.flags;
  const flags = ws.onBackground((conn) => computeFlags(ws, conn, options, step));
  cache.set(ws, { key, flags });
  // A failed computation is dropped (the next call retries), unless another has replaced it meanwhile.
  flags.catch(() => {
    if (cache.get(ws)?.flags === flags) cache.delete(ws);
  });
  return flags;
}

/** Whether flags for the current data and `options` are cached (computed or being computed). */
export function flagsCached(ws: Workspace, options?: FlagOptions): boolean {
  return cache.get(ws)?.key === cacheKey(ws, options);
}

/** Quiet time after the last request before the warm-up starts: a view's first queries come in bursts. */
export const WARM_IDLE_MS = 1500;

/** Quiet time after a request before the warm-up's next (or interrupted) query runs. */
export const RESUME_MS = 400;
const STEP_POLL_MS = 25;

/**
 * Computes the default-option flags in the background once per data version, so the first ranking of a
 * session (or after an import) finds them ready instead of waiting seconds at scale 10. The engine server
 * pokes it whenever a request finishes; it starts only after `idleMs` without requests and with none
 * running (`busy`), so it never competes with the first render of a view (2 cores), nor with an import
 * (an import that commits changes the data version: the next poke warms the new one). It computes nothing
 * when flags of the current data version are cached or being computed already (under any options: a
 * ranking with its own thresholds keeps its entry). A failure is logged and never reaches a request: a
 * ranking that asks later computes the flags itself (cachedFlags drops a failed entry). Only a UI's engine
 * warms (EngineServer `warmFlags`): closing a workspace while one of its queries runs leaves that query
 * unsettled in the DuckDB client, so in-process callers that close right after their work (CLI, tests) do
 * not start one.
 */
export class FlagWarmup {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The data version last warmed (or found cached). */
  private warmed = -1;
  private last: Promise<void> = Promise.resolve();
  /** When the last request started or finished (performance.now()). */
  private lastRequest = 0;
  /** A step's query is running on the background connection; `interrupted`: a request interrupted it. */
  private stepping = false;
  private interrupted = false;
  /** This warm-up's entry in `warming` while it runs (claimed: a request asked for flags meanwhile). */
  private claim: { claimed: boolean } | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly busy: () => boolean,
    private readonly idleMs = WARM_IDLE_MS,
    /** More idle work after the flags (the ranking kernel's warm-up); its failure is logged the same way. */
    private readonly then?: (step: FlagStep) => Promise<void>,
    /** Quiet time after a request before an interrupted or waiting step goes on. */
    private readonly resumeMs = RESUME_MS,
  ) {}

  /**
   * A request started. The warm-up's query running on the background connection is interrupted (and run
   * again once the engine is quiet): at scale 10 one rule takes about a second, and DuckDB shares its two
   * threads between queries, so an analyst's first clicks after opening waited behind it (a filter click
   * took 320 ms instead of 60). Not once a request has asked for flags: then it waits for this work.
   */
  requestStarted(): void {
    this.lastRequest = performance.now();
    if (this.stepping && !this.claim?.claimed && !this.interrupted) {
      this.interrupted = true;
      this.ws.interruptBackground();
    }
  }

  /** Each step of the warm-up: after a quiet moment, again if a request interrupted it. */
  private readonly step: FlagStep = async (run) => {
    for (;;) {
      while (!this.claim?.claimed && (this.busy() || performance.now() - this.lastRequest < this.resumeMs))
        await new Promise((resolve) => setTimeout(resolve, STEP_POLL_MS));
      this.stepping = true;
      this.interrupted = false;
      try {
        return await run();
      } catch (e) {
        // Interrupted by a request: run it again (even if a request has since claimed this work).
        if (!this.interrupted) throw e;
      } finally {
        this.stepping = false;
      }
    }
  };

  /** A request finished: (re)start the idle timer unless the current data version is warm. */
  poke(): void {
    this.lastRequest = performance.now();
    if (this.warmed === this.ws.dataVersion) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.idleMs);
    // A pending warm-up never keeps the process (the CLI, a test run) alive.
    this.timer.unref?.();
  }

  /** Settles (never rejects) when the warm-up started last has finished. */
  settled(): Promise<void> {
    return this.last;
  }

  private fire(): void {
    this.timer = null;
    // A request is running: its end pokes again.
    if (this.busy()) return;
    const version = this.ws.dataVersion;
    if (this.warmed === version) return;
    this.warmed = version;
    // Quiet for `idleMs` already: the first step runs at once.
    this.lastRequest = 0;
    const hit = cache.get(this.ws);
    const claim = { claimed: false };
    this.claim = claim;
    warming.set(this.ws, claim);
    const flags =
      hit && hit.key.startsWith(`${version}:`) ? hit.flags : cachedFlags(this.ws, undefined, this.step);
    const then = this.then;
    this.last = flags
      .then(
        async () => {
          if (!then) return;
          await then(this.step).catch((e: unknown) => {
            console.warn(`ranking warm-up failed: ${e instanceof Error ? e.message : String(e)}`);
          });
        },
        (e: unknown) => {
          console.warn(`flags warm-up failed: ${e instanceof Error ? e.message : String(e)}`);
        },
      )
      .finally(() => {
        if (warming.get(this.ws) === claim) warming.delete(this.ws);
        if (this.claim === claim) this.claim = null;
      });
  }
}
