/**
 * The query coordinator: views declare specs, it runs them. Each request carries the caller's `view`
 * key, so the engine drops or interrupts an older request of the same view when a newer one arrives
 * (the older one then fails with SUPERSEDED, which callers ignore). Results are decoded once and cached
 * by (data version, spec JSON); identical requests of one view in flight share one engine call.
 */
import type { Table } from 'apache-arrow';
import type { AtlasApi } from '../../../shared/api';
import type { Spec } from '../../../shared/specs';
import { AtlasError } from '../../../shared/errors';
import { toUiError } from '../errors/ui-error';
import { stableJson } from './stable-json';

/** A decoded query result. */
export interface QueryResult {
  table: Table;
  rowCount: number;
  dataVersion: number;
  /** Engine time in ms. */
  ms: number;
}

/** What the coordinator needs from its environment (the real API and Arrow decoder, or test fakes). */
export interface CoordinatorDeps {
  api: () => Promise<AtlasApi>;
  decode: (bytes: Uint8Array) => Table;
  /** Cached results kept (least recently used dropped first). Default 64. */
  maxEntries?: number;
}

export class QueryCoordinator {
  private readonly cache = new Map<string, QueryResult>();
  private readonly inFlight = new Map<string, Promise<QueryResult>>();
  /** The API once `deps.api()` has resolved. */
  private connected: AtlasApi | null = null;
  private dataVersion = 0;
  private readonly maxEntries: number;

  constructor(private readonly deps: CoordinatorDeps) {
    this.maxEntries = deps.maxEntries ?? 64;
  }

  /** The cache key of a spec (spec JSON with sorted keys). */
  static key(spec: Spec): string {
    return stableJson(spec);
  }

  /** The newest data version seen. */
  get version(): number {
    return this.dataVersion;
  }

  /**
   * Tell the coordinator the workspace's data version (from workspace.info or a result). A newer
   * version drops every cached result: they describe data that no longer exists.
   */
  noteDataVersion(v: number): void {
    if (v === this.dataVersion) return;
    if (v > this.dataVersion) this.cache.clear();
    this.dataVersion = Math.max(this.dataVersion, v);
  }

  /** A cached result for the current data version, if any (synchronous, for first paint). */
  peek(specKey: string): QueryResult | undefined {
    const hit = this.cache.get(`${this.dataVersion}|${specKey}`);
    if (hit) this.touch(`${this.dataVersion}|${specKey}`, hit);
    return hit;
  }

  /**
   * Run a spec for a view. Resolves with the decoded result; rejects with an AtlasError (SUPERSEDED
   * included: callers that have moved on ignore it).
   */
  run(spec: Spec, view: string, specKey: string = QueryCoordinator.key(spec)): Promise<QueryResult> {
    const cached = this.peek(specKey);
    if (cached) return Promise.resolve(cached);
    const flightKey = `${view}|${specKey}`;
    const pending = this.inFlight.get(flightKey);
    if (pending) return pending;
    const p = this.execute(spec, view, specKey).finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, p);
    return p;
  }

  /** Drop every cached result (after an import, or for "Try again"). */
  invalidate(specKey?: string): void {
    if (specKey === undefined) this.cache.clear();
    else this.cache.delete(`${this.dataVersion}|${specKey}`);
  }

  private async execute(spec: Spec, view: string, specKey: string): Promise<QueryResult> {
    let api: AtlasApi;
    try {
      // Once connected, the request goes out synchronously (no await before `call`): a filter click's
      // queries then leave before React re-renders the page, instead of after it.
      api = this.connected ?? (await this.deps.api());
      this.connected = api;
    } catch (e) {
      // No transport at all: the engine is unreachable, whatever the underlying reason.
      throw new AtlasError('INTERNAL', toUiError(e).message);
    }
    try {
      const r = await api.call('query', spec, { view });
      const result: QueryResult = {
        table: this.deps.decode(r.arrow),
        rowCount: r.rowCount,
        dataVersion: r.dataVersion,
        ms: r.ms,
      };
      this.noteDataVersion(r.dataVersion);
      if (r.dataVersion === this.dataVersion) this.touch(`${r.dataVersion}|${specKey}`, result);
      return result;
    } catch (e) {
      const u = toUiError(e);
      throw new AtlasError(u.code, u.message);
    }
  }

  private touch(key: string, result: QueryResult): void {
    this.cache.delete(key);
    this.cache.set(key, result);
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}
