/**
 * The engine's result cache: Arrow bytes of answered specs, keyed by the canonical spec (JSON with object
 * keys sorted, so key order never matters) and the data it was computed from (`data_version` plus the
 * process's derived-table generation). Least recently used entries go first once the bytes held pass the
 * budget; a result larger than a quarter of the budget is not kept. Entries of an older data version can
 * never be hit again and are dropped as soon as a newer version is seen.
 */

/** A cached answer (the query result minus its timing). */
export interface CachedResult {
  arrow: Uint8Array;
  rowCount: number;
  dataVersion: number;
}

/** JSON with object keys sorted at every level (arrays keep their order: it is meaningful in specs). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export class ResultCache {
  private readonly entries = new Map<string, CachedResult>();
  private bytes = 0;
  private version = '';

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /** The cache key of a spec at a data version. */
  static key(spec: unknown): string {
    return canonicalJson(spec);
  }

  /** The entry for `key` at `version`, refreshed as most recently used. */
  get(key: string, version: string): CachedResult | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Keep a result, evicting the least recently used entries beyond the byte budget. */
  set(key: string, version: string, value: CachedResult): void {
    this.sync(version);
    if (value.arrow.byteLength > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.arrow.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.arrow.byteLength;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.arrow.byteLength;
    }
  }

  /** Entries and bytes held (tests). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private sync(version: string): void {
    if (version === this.version) return;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}
