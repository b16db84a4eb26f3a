/**
 * The engine's dispatcher: validates every incoming message against the schemas in shared/api.ts,
 * runs the method, and answers with a result, a typed error or progress. Queries run one at a time on
 * the read connection; a newer request for the same `view` supersedes the older one (dropped if still
 * queued, interrupted if running); `{cancel: id}` cancels a request.
 */
import path from 'node:path';
import {
  IncomingSchema,
  ParamSchemas,
  type Method,
  type ResponseMessage,
  type Results,
} from '../../shared/api';
import { AtlasError, toErrorPayload } from '../../shared/errors';
import type { Spec } from '../../shared/specs';
import type { Workspace } from './workspace/workspace';
import { commitFiles, previewFile } from './import';
import { receiveChunk, type UploadChunk } from './import/upload';
import { geoConfirm, geoReview } from './import/geo/review';
import type { AllowPath } from './path-policy';
import { queryArrow, resultToArrow } from './db/arrow';
import { StatementCache } from './db/statements';
import { compileSpec } from './query';
import { CatalogCache } from './query/catalog-cache';
import { ResultCache } from './query/result-cache';
import { derivedGeneration } from './workspace/derived';
import { rankFromCore } from './query/rank-cores';
import { prepareRankFlags, rankFlagsKey } from './query/rank-flags';
import { RankKernel } from './query/rank-kernel';
import { workspaceInfo, catalogInfo } from './workspace/info';
import { sql } from './db/sql';
import { exportPivot } from './export/pivot-export';
import { loadBoundaries } from './query/map-geometry';
import { exportTable } from './export/table-export';
import { deleteView, listViews, saveView } from './workspace/saved-views';
import { listShortlist, removeShortlist, setShortlist, shortlistCoverage } from './workspace/shortlist';
import { cachedFlags, FlagWarmup, WARM_IDLE_MS, type FlagStep } from './query/flags';
import { exportBrief } from './export/brief-export';
import type { Params } from '../../shared/api';

type Send = (msg: ResponseMessage) => void;

interface Running {
  controller: AbortController;
  view?: string;
  /** True while its SQL runs on the read connection (interrupt applies). */
  onRead: boolean;
}

export class EngineServer {
  private readonly running = new Map<number, Running>();
  private readQueue: Promise<unknown> = Promise.resolve();
  private catalog: CatalogCache | null = null;
  /** Answers of earlier specs (query/result-cache.ts); null when switched off (`resultCache: false`). */
  private readonly results: ResultCache | null;
  /** False: the planner never reads a cube (correctness suites run both ways). */
  private readonly cubes: boolean;
  /** Prepared statements of the read connection's queries, kept per SQL text and data version. */
  private readonly statements: StatementCache;
  /** Whether rankings keep their first stage between requests (query/rank-cores.ts); off: every one is cold. */
  private readonly rankCores: boolean;
  /** Rankings the model cube answers, computed over columnar arrays (query/rank-kernel.ts); null: all in SQL. */
  private readonly rankKernel: RankKernel | null;
  private catalogGeneration = -1;

  private readonly allowPath: AllowPath;
  /** Computes the default integrity flags once the engine is idle after opening or an import (flags.ts). */
  readonly flagWarmup: FlagWarmup | null;

  /**
   * `allowPath` decides which files import.preview / import.commit may read for the caller (see
   * path-policy.ts): the harness and Electron pass a restrictive one; in-process callers (the CLI,
   * tests) omit it and keep full access. `warmFlags` (default: on when a path policy is given, i.e. for a
   * UI's engine) warms the integrity flags in the background after requests drain, so the first ranking
   * does not wait for them; in-process callers compute them when asked.
   */
  constructor(
    readonly ws: Workspace,
    opts: {
      allowPath?: AllowPath;
      resultCache?: boolean;
      cubes?: boolean;
      rankCores?: boolean;
      rankKernel?: boolean;
      warmFlags?: boolean;
    } = {},
  ) {
    this.allowPath = opts.allowPath ?? (() => true);
    this.results = opts.resultCache === false ? null : new ResultCache();
    this.cubes = opts.cubes ?? true;
    this.rankCores = opts.rankCores ?? true;
    this.rankKernel = opts.rankKernel === false ? null : new RankKernel();
    this.statements = new StatementCache(ws.read);
    this.flagWarmup =
      (opts.warmFlags ?? opts.allowPath !== undefined)
        ? new FlagWarmup(
            ws,
            () => this.running.size > 0,
            WARM_IDLE_MS,
            (step) => this.warmRanking(step),
          )
        : null;
  }

  /** What cached answers, kept rankings and the kernel's arrays are valid for: the data and derived tables. */
  private dataKey(): string {
    return `${this.ws.dataVersion}:${derivedGeneration()}`;
  }

  /** The catalogue of the current data version and derived tables (loaded again when either changes). */
  private async currentCatalog(): Promise<CatalogCache> {
    if (
      !this.catalog ||
      this.catalog.dataVersion !== this.ws.dataVersion ||
      this.catalogGeneration !== derivedGeneration()
    ) {
      this.catalog = await CatalogCache.load(this.ws, { cubes: this.cubes });
      this.catalogGeneration = derivedGeneration();
    }
    return this.catalog;
  }

  /**
   * The ranking kernel's idle warm-up (after the flags'): its arrays of the current data version loaded on
   * the background connection and its code compiled (rank-kernel.ts `warm`).
   */
  private async warmRanking(step: FlagStep = (run) => run()): Promise<void> {
    if (!this.rankKernel) return;
    const version = this.dataKey();
    // The catalogue reads on the read connection: queued with the requests (a DuckDB connection runs one
    // query at a time; a second one started beside it breaks the first).
    const catalog = await this.onRead({ controller: new AbortController(), onRead: false }, () =>
      this.currentCatalog(),
    );
    const kernel = this.rankKernel;
    // In the idle warm-up, its loading yields to requests like the flags' queries (FlagWarmup's step).
    await step(() =>
      this.ws.onBackground((conn) => kernel.warm(conn, catalog, version, () => this.running.size > 0)),
    );
  }

  /** Whether the ranking kernel holds the arrays of the current data (after a ranking or the warm-up). */
  rankKernelReady(): boolean {
    return this.rankKernel?.loadedVersion === this.dataKey();
  }

  /**
   * What the engine of a UI does when idle after opening or an import, done now and awaited: the default
   * integrity flags computed, the ranking kernel loaded and compiled. The benchmark calls it before timing,
   * as an analyst's first click comes after the app has been idle.
   */
  async warmUp(): Promise<void> {
    await cachedFlags(this.ws);
    await this.warmRanking();
  }

  /** The absolute path of a file a request names, or FILE_NOT_ALLOWED when the caller may not read it. */
  private permitted(file: string): string {
    const abs = path.resolve(file);
    if (!this.allowPath(abs)) {
      throw new AtlasError(
        'FILE_NOT_ALLOWED',
        'Only files chosen in the open dialog or uploaded to the app may be imported',
        { file: path.basename(abs) },
      );
    }
    return abs;
  }

  /** Handle one raw incoming message (already parsed from JSON or structured-cloned). */
  handle(raw: unknown, send: Send): void {
    const parsed = IncomingSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      send({ id, ok: false, error: { code: 'REQUEST_INVALID', message: 'Malformed request' } });
      return;
    }
    const msg = parsed.data;
    if ('cancel' in msg) {
      this.cancel(msg.cancel, 'CANCELLED');
      return;
    }
    void this.dispatch(msg.id, msg.method, msg.params, msg.view, send);
  }

  private cancel(id: number, why: 'CANCELLED' | 'SUPERSEDED'): void {
    const r = this.running.get(id);
    if (!r) return;
    r.controller.abort(why);
    if (r.onRead) this.ws.read.interrupt();
  }

  private async dispatch(
    id: number,
    method: string,
    params: unknown,
    view: string | undefined,
    send: Send,
  ): Promise<void> {
    if (!(method in ParamSchemas)) {
      send({ id, ok: false, error: { code: 'METHOD_UNKNOWN', message: `Unknown method: ${method}` } });
      return;
    }
    const m = method as Method;
    const p = ParamSchemas[m].safeParse(params);
    if (!p.success) {
      const issue = p.error.issues[0];
      send({
        id,
        ok: false,
        error: {
          code: m === 'query' || m === 'export.pivot' ? 'SPEC_INVALID' : 'REQUEST_INVALID',
          message: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'Invalid parameters',
          details: {
            issues: p.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
      });
      return;
    }
    const controller = new AbortController();
    const entry: Running = { controller, onRead: false };
    if (view) {
      entry.view = view;
      for (const [otherId, r] of this.running) if (r.view === view) this.cancel(otherId, 'SUPERSEDED');
    }
    this.running.set(id, entry);
    this.flagWarmup?.requestStarted();
    try {
      const result = await this.run(m, p.data, entry, (done, total, stage) =>
        send({ id, progress: { done, total, stage } }),
      );
      // A finished write (an import that committed) is reported as done even if a cancel came late;
      // a read whose request was cancelled or superseded is dropped.
      if (controller.signal.aborted && m !== 'import.commit') throw abortError(controller.signal);
      send({ id, ok: true, result });
    } catch (e) {
      const err =
        controller.signal.aborted && !(e instanceof AtlasError && e.code !== 'CANCELLED')
          ? abortError(controller.signal)
          : e;
      send({ id, ok: false, error: toErrorPayload(err) });
    } finally {
      this.running.delete(id);
      this.flagWarmup?.poke();
    }
  }

  /** Run a method directly (in-process callers and tests). */
  async run<M extends Method>(
    m: M,
    params: unknown,
    entry: Running = { controller: new AbortController(), onRead: false },
    progress?: (done: number, total: number, stage: string) => void,
  ): Promise<Results[M]> {
    const signal = entry.controller.signal;
    switch (m) {
      case 'workspace.info':
        return (await this.onRead(entry, () => workspaceInfo(this.ws))) as Results[M];
      case 'catalog.get':
        return (await this.onRead(entry, () => catalogInfo(this.ws))) as Results[M];
      case 'import.preview': {
        const q = params as { file: string; encoding?: string };
        return (await previewFile(this.permitted(q.file), {
          ...(q.encoding ? { encoding: q.encoding } : {}),
          ws: this.ws,
        })) as Results[M];
      }
      case 'import.commit': {
        const q = params as { file: string; encoding?: string; sheets?: never };
        const abs = this.permitted(q.file);
        const reports = await commitFiles(this.ws, [abs], {
          ...(q.encoding ? { encoding: q.encoding } : {}),
          ...(q.sheets ? { sheets: { [abs]: q.sheets } } : {}),
          signal,
          onProgress: (stage, done, total) => progress?.(done, total, stage),
        });
        this.catalog = null;
        return reports[0] as Results[M];
      }
      case 'import.rejects': {
        const q = params as { importId: number; limit?: number };
        return (await this.onRead(entry, async () => {
          const t0 = performance.now();
          const r = await queryArrow(
            this.ws.read,
            sql`SELECT row, "column", reason, value FROM import_rejects WHERE import_id = ${q.importId} ORDER BY row LIMIT ${q.limit ?? 100_000}`,
          );
          return {
            arrow: r.bytes,
            rowCount: r.rowCount,
            dataVersion: this.ws.dataVersion,
            ms: performance.now() - t0,
          };
        })) as Results[M];
      }
      case 'geo.review':
        return (await geoReview(this.ws)) as Results[M];
      case 'geo.confirm': {
        const review = await geoConfirm(this.ws, params as Params<'geo.confirm'>);
        this.catalog = null;
        return review as Results[M];
      }
      case 'import.upload':
        return receiveChunk(this.ws.stagingDir, params as UploadChunk) as Results[M];
      case 'query':
        return (await this.onRead(entry, () => this.query(params as Spec))) as Results[M];
      case 'views.save': {
        const q = params as Params<'views.save'>;
        return (await saveView(this.ws, q.name, q.view, q.spec)) as Results[M];
      }
      case 'views.list':
        return (await listViews(this.ws, (params as Params<'views.list'>).view)) as Results[M];
      case 'views.delete': {
        const q = params as Params<'views.delete'>;
        return (await deleteView(this.ws, q.name, q.view)) as Results[M];
      }
      case 'shortlist.list':
        return (await this.onRead(entry, () => listShortlist(this.ws))) as Results[M];
      case 'shortlist.set':
        return (await setShortlist(this.ws, params as Params<'shortlist.set'>)) as Results[M];
      case 'shortlist.remove':
        return (await removeShortlist(this.ws, (params as Params<'shortlist.remove'>).modelId)) as Results[M];
      case 'shortlist.coverage':
        return (await this.onRead(entry, () =>
          shortlistCoverage(this.ws, (params as Params<'shortlist.coverage'>).modelId),
        )) as Results[M];
      case 'export.brief':
        return (await this.onRead(entry, () =>
          exportBrief(this.ws, params as Params<'export.brief'>),
        )) as Results[M];
      case 'flags.list': {
        const q = params as Params<'flags.list'>;
        // Not on the read queue: flags are computed on the background connection (seconds at scale 10).
        const flags = await cachedFlags(this.ws, q.options);
        const ids = q.modelIds ? new Set(q.modelIds) : null;
        return (ids ? flags.filter((f) => ids.has(f.modelId)) : flags) as Results[M];
      }
      case 'geo.boundaries':
        return (await this.onRead(entry, () => loadBoundaries(this.ws))) as Results[M];
      case 'export.pivot':
        return (await exportPivot(this.ws, params as Params<'export.pivot'>, (spec) =>
          this.onRead(entry, () => this.query(spec)),
        )) as Results[M];
      case 'export.table':
        return (await exportTable(params as Params<'export.table'>)) as Results[M];
      default:
        throw new AtlasError('METHOD_UNKNOWN', `Unknown method: ${String(m)}`);
    }
  }

  /** Compile and run a spec; result as Arrow IPC. */
  async query(spec: Spec) {
    const t0 = performance.now();
    // Kinds whose answer depends on the spec and the imported data only.
    const cacheable = this.results !== null && CACHEABLE.has(spec.kind);
    const version = this.dataKey();
    const key = cacheable ? ResultCache.key(spec) : '';
    const hit = cacheable ? this.results?.get(key, version) : undefined;
    if (hit) return { ...hit, ms: performance.now() - t0 };
    const catalog = await this.currentCatalog();
    // A ranking joins the integrity flags, held in a temp table on the read connection.
    if (spec.kind === 'rank') await prepareRankFlags(this.ws, this.ws.read, spec.flagOptions);
    try {
      if (spec.kind === 'rank' && this.rankKernel && RankKernel.eligible(spec, catalog)) {
        const r = await this.rankKernel.query(this.ws.read, spec, catalog, version, {
          keep: this.rankCores,
          flagsKey: rankFlagsKey(this.ws, spec.flagOptions),
        });
        const answer = { arrow: r.bytes, rowCount: r.rowCount, dataVersion: this.ws.dataVersion };
        if (cacheable) this.results?.set(key, version, answer);
        return { ...answer, ms: performance.now() - t0 };
      }
      // A ranking answers from its kept first stage (computed and kept first when new).
      const q =
        spec.kind === 'rank' && this.rankCores
          ? await rankFromCore(this.ws.read, spec, catalog, version, this.statements)
          : compileSpec(spec, catalog);
      // Plans are kept per SQL text (db/statements.ts), except a ranking page's, whose text names its core.
      const r =
        spec.kind === 'rank' && this.rankCores
          ? await queryArrow(this.ws.read, q)
          : await resultToArrow(await this.statements.run(q, version));
      const answer = { arrow: r.bytes, rowCount: r.rowCount, dataVersion: this.ws.dataVersion };
      if (cacheable) this.results?.set(key, version, answer);
      return { ...answer, ms: performance.now() - t0 };
    } catch (e) {
      if (e instanceof AtlasError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      if (/interrupt/i.test(msg)) throw new AtlasError('CANCELLED', 'Query cancelled');
      throw new AtlasError('QUERY_FAILED', msg);
    }
  }

  /** Serialise work on the read connection; skip work whose request was cancelled while queued. */
  private onRead<T>(entry: Running, fn: () => Promise<T>): Promise<T> {
    const next = this.readQueue.then(async () => {
      if (entry.controller.signal.aborted) throw abortError(entry.controller.signal);
      entry.onRead = true;
      try {
        return await fn();
      } finally {
        entry.onRead = false;
      }
    });
    this.readQueue = next.catch(() => undefined);
    return next;
  }
}

/**
 * Spec kinds the result cache keeps: their answers depend only on the spec and the imported data (every
 * import and geo.confirm bump data_version). A ranking too: its integrity flags are computed from the data
 * with the options its spec carries, and it reads no user state (the shortlist is joined in the renderer).
 */
const CACHEABLE: ReadonlySet<string> = new Set([
  'models',
  'aggregate',
  'model_values',
  'pivot',
  'series',
  'field_band',
  'map',
  'rank',
]);

function abortError(signal: AbortSignal): AtlasError {
  return signal.reason === 'SUPERSEDED'
    ? new AtlasError('SUPERSEDED', 'A newer request for this view replaced this one')
    : new AtlasError('CANCELLED', 'Cancelled');
}
