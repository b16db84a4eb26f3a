/**
 * Prepared statements kept per connection, keyed by SQL text. The engine's SQL is built from a spec's
 * shape with every user value bound (db/sql.ts), so the same view asks the same text again and again with
 * other values — a filter click, the next page. `DuckDBConnection.run(text, values)` parses, binds, plans and
 * optimises the text every time (0.3–1.5 ms of a 3–8 ms query); a kept statement only binds the new
 * values. The plan is the same either way: `run` with values also plans with placeholders.
 *
 * Kept until the data changes (`version`: every import or rebuild starts afresh, so no plan outlives the
 * tables it was made for) and at most `max` of them, least recently used out. A statement that fails is
 * dropped. A statement is out of the cache while it runs, so a concurrent run of the same text prepares one
 * of its own. Results are materialised by `run`, so a statement is free again when it returns.
 */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResult } from '@duckdb/node-api';
import type { Sql } from './sql';

export class StatementCache {
  private readonly entries = new Map<string, DuckDBPreparedStatement>();
  private version = '';

  constructor(
    readonly conn: DuckDBConnection,
    readonly max = 64,
  ) {}

  /** Run `q` at data version `version` from a kept statement, preparing and keeping it first if new. */
  async run(q: Sql, version: string): Promise<DuckDBResult> {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const { text, params } = q.build();
    // Taken out while it runs: a concurrent run of the same text prepares a statement of its own.
    let p = this.entries.get(text);
    if (p) this.entries.delete(text);
    else p = await this.conn.prepare(text);
    let result: DuckDBResult;
    try {
      p.bind(params);
      result = await p.run();
    } catch (e) {
      p.destroySync();
      throw e;
    }
    if (this.entries.has(text) || version !== this.version) p.destroySync();
    else this.entries.set(text, p);
    while (this.entries.size > this.max) {
      const [oldest, old] = this.entries.entries().next().value as [string, DuckDBPreparedStatement];
      this.entries.delete(oldest);
      old.destroySync();
    }
    return result;
  }

  /** Statements kept now. */
  get size(): number {
    return this.entries.size;
  }

  /** Drop every kept statement. */
  clear(): void {
    for (const p of this.entries.values()) p.destroySync();
    this.entries.clear();
  }
}
