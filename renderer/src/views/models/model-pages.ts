/**
 * The Models list's page cache and loader. The table says which pages it shows (`want`); the loader fetches
 * the missing ones one at a time, in the order asked, under one engine view key, so a request for a page
 * the user has already scrolled past is superseded by the next one (and its late answer, if any, dropped).
 * Pages are cached per list (data version, filter, sort), least recently used dropped first, so scrolling
 * back, or returning to an earlier filter, is instant. No React here: the hook subscribes.
 */
import type { Table } from 'apache-arrow';
import type { Filter } from '../../../../shared/specs';
import type { ModelSort } from '../../state/url-hash';
import { stableJson } from '../../state/stable-json';
import { modelPageSpec } from './models-specs';

/** One list: what the pages are pages of. */
export interface ModelList {
  /** Identity of the list: data version, filter and sort (see `modelListKey`). */
  key: string;
  filter: Filter;
  sort: ModelSort | null;
}

/** The key of a list; a new data version starts a new list (old pages describe data that is gone). */
export function modelListKey(dataVersion: number, filter: Filter, sort: ModelSort | null): string {
  return `${dataVersion}|${stableJson(filter)}|${sort ? `${sort.by} ${sort.dir}` : ''}`;
}

/** Fetch one page spec (rejects with a SUPERSEDED AtlasError when a newer page request replaced it). */
export type PageFetch = (spec: ReturnType<typeof modelPageSpec>) => Promise<Table>;

/** Pages kept across all lists: 400 × 500 rows, the longest list the engine lists at once. */
const MAX_PAGES = 400;

const isSuperseded = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SUPERSEDED';

export class ModelPageLoader {
  private readonly pages = new Map<string, Table>();
  private readonly failed = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private wanted: { list: ModelList; pages: number[] } | null = null;
  private inFlight: { list: ModelList; page: number; token: number } | null = null;
  private token = 0;
  private changes = 0;
  /** Page requests sent (the unit test reads it to check that a cached page is not fetched again). */
  requests = 0;

  constructor(
    private readonly fetchPage: PageFetch,
    private readonly maxPages = MAX_PAGES,
  ) {}

  /** A number that changes whenever a page arrives or fails (for useSyncExternalStore). */
  get version(): number {
    return this.changes;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Page `page` of `listKey`, if loaded. */
  page(listKey: string, page: number): Table | undefined {
    return this.pages.get(`${listKey}#${page}`);
  }

  /** The first failure among the wanted pages of `listKey`, if any. */
  error(listKey: string): unknown {
    if (this.wanted?.list.key !== listKey) return undefined;
    for (const p of this.wanted.pages) {
      const e = this.failed.get(`${listKey}#${p}`);
      if (e !== undefined) return e;
    }
    return undefined;
  }

  /** Forget the failures of `listKey` and load its wanted pages again. */
  retry(listKey: string): void {
    for (const k of [...this.failed.keys()]) if (k.startsWith(`${listKey}#`)) this.failed.delete(k);
    this.emit();
    this.pump();
  }

  /**
   * The pages `list` needs now, most needed first. Replaces what was wanted before: a page still on its
   * way that is no longer wanted is left to be superseded by the next request.
   */
  want(list: ModelList, pages: readonly number[]): void {
    this.wanted = { list, pages: [...pages] };
    for (const p of pages) this.touch(`${list.key}#${p}`);
    this.pump();
  }

  private missing(): number | undefined {
    const w = this.wanted;
    if (!w) return undefined;
    return w.pages.find(
      (p) => !this.pages.has(`${w.list.key}#${p}`) && !this.failed.has(`${w.list.key}#${p}`),
    );
  }

  private pump(): void {
    const w = this.wanted;
    const f = this.inFlight;
    // The page on its way is still wanted: let it land, the rest follows.
    if (f && w && f.list.key === w.list.key && w.pages.includes(f.page)) return;
    const next = this.missing();
    if (next === undefined || !w) return;
    const list = w.list;
    const token = ++this.token;
    this.inFlight = { list, page: next, token };
    this.requests++;
    const key = `${list.key}#${next}`;
    this.fetchPage(modelPageSpec(list.filter, list.sort, next)).then(
      (table) => {
        this.pages.set(key, table);
        this.failed.delete(key);
        this.evict();
        this.settle(token);
      },
      (e: unknown) => {
        if (!isSuperseded(e)) this.failed.set(key, e);
        this.settle(token);
      },
    );
  }

  /** A request finished: if it is the latest, free the slot and go on with the next wanted page. */
  private settle(token: number): void {
    if (this.inFlight?.token === token) this.inFlight = null;
    this.emit();
    this.pump();
  }

  private touch(key: string): void {
    const t = this.pages.get(key);
    if (!t) return;
    this.pages.delete(key);
    this.pages.set(key, t);
  }

  private evict(): void {
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  private emit(): void {
    this.changes++;
    for (const l of this.listeners) l();
  }
}
