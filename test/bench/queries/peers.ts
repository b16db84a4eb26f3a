/**
 * Peers computing the suite's pivots and group-bys on their own copy of the data, in this Node process:
 * Perspective (@finos/perspective, C++ in WebAssembly) and Arquero (plain JS). Both load the same two
 * joined tables once (models; values joined to their model), built by DuckDB and handed over as Arrow IPC;
 * loading is timed separately and excluded from the query timings. A pivot with totals costs a peer what
 * it costs to produce the same cells: Perspective one view split by the columns (details and column totals)
 * plus one without (row totals and the grand total); Arquero one rollup per grouping set.
 */
import perspective from '@finos/perspective';
import * as aq from 'arquero';
import { queryArrow } from '../../../electron/engine/db/arrow';
import { raw } from '../../../electron/engine/db/sql';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import type { Canon } from './canon';
import type { PeerQuery } from './suite';

const MODELS_SQL = `SELECT model_id, unit_code, field, status,
    CAST(year(start_date) * 100 + month(start_date) AS INTEGER) AS start_ym FROM models`;
const VALUES_SQL = `SELECT v.model_id, m.unit_code, m.field, m.status,
    strftime(date_trunc('month', v.period_start), '%Y-%m-%d') AS period,
    strftime(date_trunc('year', v.period_start), '%Y-%m-%d') AS year,
    CAST(year(v.period_start) * 100 + month(v.period_start) AS INTEGER) AS ym, v.indicator_code, v.value
  FROM indicator_values v JOIN models m ON m.model_id = v.model_id`;

/** Rows per Arrow chunk handed to a peer (the engine's encoder holds a whole result in JS arrays). */
const CHUNK_ROWS = 1_000_000;

/** A peer table's rows as Arrow IPC chunks (model-id hash partitions of ≤ ~CHUNK_ROWS rows). */
async function arrowChunks(ws: Workspace, select: string): Promise<Uint8Array[]> {
  const n = Number(
    (await ws.rows<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM (${select})`))[0]?.n ?? 0,
  );
  const parts = Math.max(1, Math.ceil(n / CHUNK_ROWS));
  const out: Uint8Array[] = [];
  for (let i = 0; i < parts; i++) {
    const where = parts === 1 ? 'TRUE' : `hash(model_id) % ${parts} = ${i}`;
    out.push((await queryArrow(ws.read, raw(`SELECT * FROM (${select}) WHERE ${where}`))).bytes);
  }
  return out;
}

const ym = (s: string) => Number(s.replace('-', ''));
const key = (v: unknown) => (v === null || v === undefined ? '∅' : String(v));

/** Add one cell: the first `rowKeys.length` row keys and `colKeys.length` column keys grouped, the rest rolled up. */
function put(out: Canon, q: PeerQuery, rowKeys: unknown[], colKeys: unknown[], value: unknown): void {
  if (value === null || value === undefined) return;
  if (q.levels === 'detail') {
    if (rowKeys.length === q.rows.length) out.set(`${key(rowKeys[0])}#m0`, Number(value));
    return;
  }
  let grp = 0;
  const keys: string[] = [];
  [...q.rows, ...q.cols].forEach((_, i) => {
    const j = i - q.rows.length;
    const k =
      j < 0 ? (i < rowKeys.length ? rowKeys[i] : undefined) : j < colKeys.length ? colKeys[j] : undefined;
    const grouped = j < 0 ? i < rowKeys.length : j < colKeys.length;
    keys.push(grouped ? key(k) : '*');
    if (!grouped) grp |= 1 << i;
  });
  out.set(`${grp}|${keys.join('|')}#v0`, Number(value));
}

// The typings resolve to Perspective's browser build here; the Node build's surface used below.
interface PspView {
  to_columns(): Promise<Record<string, unknown[]>>;
  delete(): Promise<void>;
}
interface PspTable {
  view(config: unknown): Promise<PspView>;
  update(data: ArrayBuffer): Promise<void>;
  delete(): Promise<void>;
}
const psp = perspective as unknown as { table(data: ArrayBuffer): Promise<PspTable> };

export class PerspectivePeer {
  private constructor(private readonly tables: Record<PeerQuery['table'], PspTable>) {}

  static async load(ws: Workspace): Promise<{ peer: PerspectivePeer; loadMs: number }> {
    const buf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    let loadMs = 0;
    const load = async (select: string) => {
      let table: PspTable | null = null;
      for (const chunk of await arrowChunks(ws, select)) {
        const t0 = performance.now();
        if (table) await table.update(buf(chunk));
        else table = await psp.table(buf(chunk));
        loadMs += performance.now() - t0;
      }
      return table as PspTable;
    };
    const tables = { models: await load(MODELS_SQL), values: await load(VALUES_SQL) };
    return { peer: new PerspectivePeer(tables), loadMs };
  }

  async run(q: PeerQuery): Promise<Canon> {
    const column = q.agg === 'sum' ? 'value' : 'model_id';
    const filter: [string, string, unknown][] = [];
    if (q.indicator) filter.push(['indicator_code', '==', q.indicator]);
    if (q.filter?.fields) filter.push(['field', 'in', q.filter.fields]);
    const p = q.filter?.period;
    if (q.table === 'values' && p?.from) filter.push(['ym', '>=', ym(p.from)]);
    if (p?.to) filter.push([q.table === 'values' ? 'ym' : 'start_ym', '<=', ym(p.to)]);
    const base = {
      group_by: q.rows,
      columns: [column],
      aggregates: { [column]: q.agg === 'sum' ? 'sum' : 'distinct count' },
      filter,
    };
    const out: Canon = new Map();
    const views = q.cols.length && q.levels === 'totals' ? [{ ...base, split_by: q.cols }, base] : [base];
    for (const config of views) {
      const view = await this.tables[q.table].view(config);
      const cols = await view.to_columns();
      await view.delete();
      const paths = (cols.__ROW_PATH__ ?? []) as unknown[][];
      const split = 'split_by' in config;
      for (const [name, values] of Object.entries(cols)) {
        if (name === '__ROW_PATH__') continue;
        const colKeys = split ? name.split('|').slice(0, -1) : [];
        paths.forEach((path, i) => put(out, q, path, colKeys, values[i]));
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.tables.models.delete();
    await this.tables.values.delete();
  }
}

export class ArqueroPeer {
  private constructor(private readonly tables: Record<PeerQuery['table'], aq.ColumnTable>) {}

  static async load(ws: Workspace): Promise<{ peer: ArqueroPeer; loadMs: number }> {
    let loadMs = 0;
    const load = async (select: string) => {
      const chunks = await arrowChunks(ws, select);
      const t0 = performance.now();
      const [first, ...rest] = chunks.map((c) => aq.fromArrow(c));
      const table = rest.length ? (first as aq.ColumnTable).concat(...rest) : (first as aq.ColumnTable);
      loadMs += performance.now() - t0;
      return table;
    };
    const tables = { models: await load(MODELS_SQL), values: await load(VALUES_SQL) };
    return { peer: new ArqueroPeer(tables), loadMs };
  }

  async run(q: PeerQuery): Promise<Canon> {
    const p = q.filter?.period;
    const $ = {
      code: q.indicator ?? null,
      fields: q.filter?.fields ?? null,
      from: p?.from ? ym(p.from) : null,
      to: p?.to ? ym(p.to) : null,
    };
    let t = this.tables[q.table].params($);
    if ($.code)
      t = t.filter((d: Record<string, unknown>, $: { code: string }) => d.indicator_code === $.code);
    if ($.fields)
      t = t.filter((d: Record<string, unknown>, $: { fields: string[] }) =>
        aq.op.includes($.fields, d.field),
      );
    if (q.table === 'values') {
      if ($.from) t = t.filter((d: { ym: number }, $: { from: number }) => d.ym >= $.from);
      if ($.to) t = t.filter((d: { ym: number }, $: { to: number }) => d.ym <= $.to);
    } else if ($.to) t = t.filter((d: { start_ym: number }, $: { to: number }) => d.start_ym <= $.to);
    const agg = q.agg === 'sum' ? { v: aq.op.sum('value') } : { v: aq.op.distinct('model_id') };
    const out: Canon = new Map();
    const rowLevels =
      q.levels === 'detail' ? [q.rows.length] : Array.from({ length: q.rows.length + 1 }, (_, i) => i);
    const colLevels =
      q.levels === 'detail' ? [q.cols.length] : Array.from({ length: q.cols.length + 1 }, (_, i) => i);
    for (const l of rowLevels) {
      for (const c of colLevels) {
        const keys = [...q.rows.slice(0, l), ...q.cols.slice(0, c)];
        const r = (keys.length ? t.groupby(keys) : t).rollup(agg);
        const cols = keys.map((k) => r.array(k) as unknown[]);
        const v = r.array('v') as unknown[];
        for (let i = 0; i < r.numRows(); i++) {
          const rowKeys = cols.slice(0, l).map((a) => a[i]);
          put(
            out,
            q,
            rowKeys,
            cols.slice(l).map((a) => a[i]),
            v[i],
          );
        }
      }
    }
    return out;
  }
}
