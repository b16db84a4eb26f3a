/**
 * The ranking computed in the engine process over columnar arrays, for every spec the model cube answers
 * exactly (no period filter, or one of whole years; composable aggregations) — the same answers as the SQL
 * of rank-compile.ts, which stays the reference and the path for everything else.
 *
 * Why: a ranking is a handful of per-model aggregates and one percentile sort per component over every
 * model in scope. In DuckDB that is ~135 ms of CPU at scale 10 (96,000 models), of which two cores recover
 * little: hash aggregation keyed by model, five window sorts, the joins between them, plus 8–10 ms of
 * planning per request (DuckDB re-plans a parameterised statement on every execution). Models are dense
 * integers (`model_key`, 1…N), so here every per-model aggregate is an array slot written in one pass over
 * the model cube's rows, and each percentile comes from one radix sort of a peer group's values. At scale 10
 * a cold ranking takes ~45 ms instead of ~125 ms; at scale 1 ~6 ms instead of ~30 ms.
 *
 * Per data version it loads, once, from the derived tables: per model (`model_dim`) its peer keys,
 * population, status, start month and sort keys; the model cube's rows (indicator, year, model, partials);
 * `model_years` (months reported per model and year). About 10 MB at scale 1, 0.1 s; 100 MB at scale 10,
 * 0.6 s. Which models a spec ranks (the filter, the exclusions) is still decided by SQL over `model_dim`
 * (rankScopeConditions): one definition of the filter for every view. The texts and flags of a page's
 * models are read by SQL the first time a page shows them, then kept for the data version.
 *
 * A computed first stage (raw values, percentiles and group statistics per component) is kept per spec
 * core (rank-cores.ts `coreKey`) as the SQL path keeps its temp tables: a weight change, a sort, a flag
 * shown or another page only scores, ranks and pages.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { STATUSES } from '../../../shared/catalog';
import { EXTRA_COMPONENTS, RANK_PRESETS, type RankComponent, type RankSpec } from '../../../shared/rank-spec';
import { ColumnBuffer, columnsToArrow, copyDoubles, kindOf, type Kind } from '../db/arrow';
import { and, join, raw, sql, type Sql } from '../db/sql';
import { enumType } from '../workspace/derived';
import type { CatalogCache } from './catalog-cache';
import { wholeYears } from './filter';
import { codesNeeded, cubeYears, RANK_MODEL_COLUMNS, rankScopeConditions } from './rank-compile';
import { componentNeeds, higherIsBetter } from './rank-components';
import { coreKey } from './rank-cores';
import { RANK_FLAGS } from './rank-flags';

/**
 * Read a query's columns: DOUBLE columns into Float64Arrays (NULL as NaN, copied a chunk at a time),
 * text columns into strings. The engine's own queries cast every number to DOUBLE.
 */
async function readColumns(
  conn: DuckDBConnection,
  q: Sql,
): Promise<{ n: number; num: Float64Array[]; str: (string | null)[][] }> {
  const { text, params } = q.build();
  const result = await conn.run(text, params);
  const kinds = result.columnTypes().map((t) => kindOf(t.typeId));
  const texts = kinds.map((k) => (k === 'str' ? new ColumnBuffer('str') : null));
  // The result is materialised: its row count sizes the arrays once.
  const rows = result.rowCount;
  const nums = kinds.map((k) => new Float64Array(k === 'str' ? 0 : rows));
  let n = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const m = chunk.rowCount;
    for (let c = 0; c < kinds.length; c++) {
      const vec = chunk.getColumnVector(c);
      const t = texts[c];
      if (t) t.pushVector(vec, m);
      else copyDoubles(vec, m, nums[c] as Float64Array, n);
    }
    n += m;
  }
  const str: (string | null)[][] = texts.map((b) => {
    if (!b) return [];
    const out: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = b.valid[i] ? (b.dictValues[b.nums[i] as number] ?? null) : null;
    return out;
  });
  return { n, num: nums, str };
}

/** What one data version's rankings read (loaded once per version). */
interface Base {
  version: string;
  /** Largest model_key: per-model arrays have n + 1 slots (slot 0 unused). */
  n: number;
  pkField: Int32Array;
  pkType: Int32Array;
  /** Every model in one peer group (peer 'all'). */
  pkAll: Int32Array;
  population: Float64Array;
  /** 1 for a completed or paused model (its months expected end at its last report). */
  stopped: Uint8Array;
  /** Start month index (year × 12 + month), NaN when unknown. */
  start: Float64Array;
  /** Sort keys of the ranked table: name order, unit name and field ENUM codes (NaN when missing). */
  nameOrder: Float64Array;
  unitOrder: Float64Array;
  fieldOrder: Float64Array;
  modelId: (string | null)[];
  keyOf: Map<string, number>;
  /**
   * The texts of the models pages have shown, per model slot: the peer keys (field, unit type), then
   * RANK_MODEL_COLUMNS, then start_date ('YYYY-MM-DD'). Read by SQL for a page's new models only: decoding
   * every model's long texts up front took over a second at scale 10.
   */
  texts: Map<number, (string | null)[]>;
  /** Model cube rows, sorted by indicator then year; `seg` gives each indicator's row range. */
  cube: {
    y: Float64Array;
    key: Float64Array;
    s: Float64Array;
    c: Float64Array;
    n: Float64Array;
    sw: Float64Array;
    swv: Float64Array;
    tx: Float64Array;
    txx: Float64Array;
    txy: Float64Array;
    seg: Map<string, [number, number]>;
  };
  years: {
    y: Float64Array;
    key: Float64Array;
    months: Float64Array;
    first: Float64Array;
    last: Float64Array;
  };
}

async function loadBase(conn: DuckDBConnection, version: string): Promise<Base> {
  const [, completed, paused] = STATUSES;
  const md = await readColumns(
    conn,
    sql`SELECT m.model_key::DOUBLE,
      coalesce(enum_code(CAST(nullif(m.field, '') AS ${raw(enumType('field'))})), -1)::DOUBLE,
      coalesce(enum_code(CAST(nullif(m.unit_type, '') AS ${raw(enumType('unit_type'))})), -1)::DOUBLE,
      m.population::DOUBLE, (coalesce(m.status IN (${completed}, ${paused}), false))::INTEGER::DOUBLE,
      (year(m.start_date) * 12 + month(m.start_date))::DOUBLE, m.name_order::DOUBLE,
      enum_code(CAST(m.unit_name AS ${raw(enumType('unit_name'))}))::DOUBLE,
      enum_code(CAST(m.field AS ${raw(enumType('field'))}))::DOUBLE,
      m.model_id
    FROM model_dim m ORDER BY model_key`,
  );
  const keys = md.num[0] as Float64Array;
  let n = 0;
  for (let i = 0; i < md.n; i++) n = Math.max(n, keys[i] as number);
  const slot = <T extends Float64Array | Int32Array | Uint8Array>(make: (len: number) => T, col: number) => {
    const out = make(n + 1);
    const src = md.num[col] as Float64Array;
    for (let i = 0; i < md.n; i++) out[keys[i] as number] = src[i] as number;
    return out;
  };
  const modelId: (string | null)[] = new Array(n + 1).fill(null);
  const ids = md.str[9] ?? [];
  for (let i = 0; i < md.n; i++) modelId[keys[i] as number] = ids[i] ?? null;
  const keyOf = new Map<string, number>();
  for (let k = 1; k <= n; k++) {
    const id = modelId[k];
    if (id !== null && id !== undefined) keyOf.set(id, k);
  }
  const nanSlots = (col: number) => {
    const out = slot((len) => new Float64Array(len).fill(NaN), col);
    return out;
  };
  // The cube's rows grouped by indicator (as its position among the cube's codes: no text per row), by a
  // counting sort here (an ORDER BY doubled the read).
  const codeRows = await readColumns(conn, raw(`SELECT DISTINCT indicator_code FROM model_cube ORDER BY 1`));
  const codes = codeRows.str[0] ?? [];
  const read = await readColumns(
    conn,
    raw(`SELECT i.i::DOUBLE, f.y::DOUBLE, f.model_key::DOUBLE, f.s, f.c::DOUBLE, f.n::DOUBLE, f.sw, f.swv, f.tx,
        f.txx, f.txy
      FROM model_cube f
      JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM (SELECT DISTINCT indicator_code AS code FROM model_cube)) i
        ON i.code = f.indicator_code`),
  );
  const ind = read.num[0] as Float64Array;
  const at = new Int32Array(codes.length + 1);
  for (let r = 0; r < read.n; r++) at[(ind[r] as number) + 1] = (at[(ind[r] as number) + 1] as number) + 1;
  for (let c = 1; c <= codes.length; c++) at[c] = (at[c] as number) + (at[c - 1] as number);
  const seg = new Map<string, [number, number]>();
  codes.forEach((code, c) => seg.set(code ?? '', [at[c] as number, at[c + 1] as number]));
  const dest = new Int32Array(read.n);
  for (let r = 0; r < read.n; r++) {
    const c = ind[r] as number;
    dest[r] = at[c] as number;
    at[c] = (at[c] as number) + 1;
  }
  const cubeCols = {
    num: read.num.map((col) => {
      const out = new Float64Array(read.n);
      for (let r = 0; r < read.n; r++) out[dest[r] as number] = col[r] as number;
      return out;
    }),
  };
  const cn = (i: number) => cubeCols.num[i] as Float64Array;
  const yc = await readColumns(
    conn,
    raw(
      `SELECT y::DOUBLE, model_key::DOUBLE, months::DOUBLE, first_ym::DOUBLE, last_ym::DOUBLE FROM model_years`,
    ),
  );
  const yn = (i: number) => yc.num[i] as Float64Array;
  return {
    version,
    n,
    pkField: slot((len) => new Int32Array(len), 1),
    pkType: slot((len) => new Int32Array(len), 2),
    pkAll: new Int32Array(n + 1),
    population: nanSlots(3),
    stopped: slot((len) => new Uint8Array(len), 4),
    start: nanSlots(5),
    nameOrder: nanSlots(6),
    unitOrder: nanSlots(7),
    fieldOrder: nanSlots(8),
    modelId,
    keyOf,
    texts: new Map(),
    cube: {
      y: cn(1),
      key: cn(2),
      s: cn(3),
      c: cn(4),
      n: cn(5),
      sw: cn(6),
      swv: cn(7),
      tx: cn(8),
      txx: cn(9),
      txy: cn(10),
      seg,
    },
    years: { y: yn(0), key: yn(1), months: yn(2), first: yn(3), last: yn(4) },
  };
}

/** Month index of an integer month key (year × 100 + month), as rank-compile.ts `monthIndex`. */
const monthIndex = (ym: number) => Math.floor(ym / 100) * 12 + (ym % 100);

/** rank-compile.ts `rankKey`: rounded to 40 significant bits by Veltkamp's split. */
function tieKey(x: number): number {
  if (!(Math.abs(x) < 1e300)) return x;
  const t = x * 8193.0;
  return t - (t - x);
}

/** DuckDB's `quantile_cont` over sorted values. */
function quantileCont(sorted: Float64Array, q: number): number {
  const len = sorted.length;
  if (!len) return NaN;
  const rn = (len - 1) * q;
  const lo = Math.floor(rn);
  const hi = Math.ceil(rn);
  const a = sorted[lo] as number;
  if (lo === hi) return a;
  return a + (rn - lo) * ((sorted[hi] as number) - a);
}

/** One ranking's first stage: per component the raw value, percentile and its group's statistics. */
interface Core {
  /** Models ranked (with at least one component value), ascending model_key. */
  ranked: Int32Array;
  /** Peer key per model slot. */
  pk: Int32Array;
  raw: Float64Array[];
  pct: Float64Array[];
  /** Per component: peer key → [median, top decile]. */
  stats: Map<number, [number, number]>[];
}

/** Models in scope: null for every model, else a mask over model slots. */
async function scopeOf(conn: DuckDBConnection, spec: RankSpec, base: Base): Promise<Uint8Array | null> {
  const conds = rankScopeConditions(spec);
  if (!conds.length) return null;
  const r = await readColumns(conn, sql`SELECT m.model_key::DOUBLE FROM model_dim m WHERE ${and(conds)}`);
  const mask = new Uint8Array(base.n + 1);
  const keys = r.num[0] as Float64Array;
  for (let i = 0; i < r.n; i++) mask[keys[i] as number] = 1;
  return mask;
}

/**
 * Work arrays of model-slot size, reused from one ranking to the next (taken in order after `reset`):
 * allocating some forty arrays of 96,000 numbers per ranking cost more in garbage collection than the
 * ranking itself. Intermediates only: a kept first stage owns its arrays.
 */
class Pool {
  private readonly f: Float64Array[] = [];
  private readonly u: Uint8Array[] = [];
  private readonly i: Int32Array[] = [];
  private fi = 0;
  private ui = 0;
  private ii = 0;
  constructor(readonly size: number) {}
  reset(): void {
    this.fi = 0;
    this.ui = 0;
    this.ii = 0;
  }
  f64(fill = 0): Float64Array {
    const a = (this.f[this.fi] ??= new Float64Array(this.size));
    this.fi++;
    return a.fill(fill);
  }
  u8(): Uint8Array {
    const a = (this.u[this.ui] ??= new Uint8Array(this.size));
    this.ui++;
    return a.fill(0);
  }
  i32(): Int32Array {
    const a = (this.i[this.ii] ??= new Int32Array(this.size));
    this.ii++;
    return a;
  }
}

/** The rows of model cube or model_years a spec reads: its years (whole years, or all) and its models. */
interface Reads {
  y0: number;
  y1: number;
  /** Null: every model. */
  scope: Uint8Array | null;
  /** Model slots + 1. */
  N: number;
  pool: Pool;
}

/**
 * One indicator's catalogue aggregate per model over the spec's cube rows (NaN for NULL, as SQL's
 * aggregates of the partials give it: rank-compile.ts `iv`), and its months reported (the sum of `n`).
 */
function indicatorValues(
  base: Base,
  code: string,
  agg: string,
  at: Reads,
): { value: Float64Array; months: Float64Array } {
  const { N, y0, y1, scope, pool } = at;
  const cube = base.cube;
  const S = pool.f64();
  const hasS = pool.u8();
  const C = pool.f64();
  const rows = pool.u8();
  const Nn = pool.f64();
  const SW = pool.f64();
  const SWV = pool.f64();
  const range = cube.seg.get(code) ?? [0, 0];
  for (let r = range[0]; r < range[1]; r++) {
    const y = cube.y[r] as number;
    if (y < y0 || y > y1) continue;
    const k = cube.key[r] as number;
    if (scope !== null && scope[k] !== 1) continue;
    rows[k] = 1;
    const s = cube.s[r] as number;
    if (s === s) {
      S[k] = (S[k] as number) + s;
      hasS[k] = 1;
    }
    C[k] = (C[k] as number) + (cube.c[r] as number);
    Nn[k] = (Nn[k] as number) + (cube.n[r] as number);
    const sw = cube.sw[r] as number;
    if (sw === sw) SW[k] = (SW[k] as number) + sw;
    const swv = cube.swv[r] as number;
    if (swv === swv) SWV[k] = (SWV[k] as number) + swv;
  }
  const value = pool.f64(NaN);
  const months = pool.f64(NaN);
  const kind = agg === 'sum' ? 0 : agg === 'mean' ? 1 : 2;
  for (let k = 1; k < N; k++) {
    if (!rows[k]) continue;
    months[k] = Nn[k] as number;
    if (!hasS[k]) continue;
    const mean = C[k] === 0 ? NaN : (S[k] as number) / (C[k] as number);
    value[k] =
      kind === 0
        ? (S[k] as number)
        : kind === 1 || !((SW[k] as number) > 0)
          ? mean
          : (SWV[k] as number) / (SW[k] as number);
  }
  return { value, months };
}

/**
 * Months reported per model and months expected (rank-compile.ts `mm`, `rng`, `expected`): from the start
 * month, or the data's first month if later, to the data's last month — or to the model's last report
 * when it is completed or paused.
 */
function monthsAndExpected(base: Base, at: Reads): { months: Float64Array; expected: Float64Array } {
  const { N, y0, y1, scope, pool } = at;
  const months = pool.f64(NaN);
  const expected = pool.f64(NaN);
  const first = pool.f64(Infinity);
  const last = pool.f64(-Infinity);
  const Y = base.years;
  let f0 = Infinity;
  let l1 = -Infinity;
  for (let r = 0; r < Y.y.length; r++) {
    const y = Y.y[r] as number;
    if (y < y0 || y > y1) continue;
    const k = Y.key[r] as number;
    if (scope !== null && scope[k] !== 1) continue;
    const m = months[k] as number;
    months[k] = (m === m ? m : 0) + (Y.months[r] as number);
    const f = Y.first[r] as number;
    const l = Y.last[r] as number;
    if (f < (first[k] as number)) first[k] = f;
    if (l > (last[k] as number)) last[k] = l;
    if (f < f0) f0 = f;
    if (l > l1) l1 = l;
  }
  const d0 = monthIndex(f0);
  const d1 = monthIndex(l1);
  for (let k = 1; k < N; k++) {
    if (months[k] !== months[k]) continue;
    const end = base.stopped[k] ? monthIndex(last[k] as number) : d1;
    const st = base.start[k] as number;
    expected[k] = end - Math.max(st === st ? st : d0, d0) + 1;
  }
  return { months, expected };
}

/**
 * Per model the mean over its indicators (with at least 3 values) of the least-squares slope of value ÷
 * mean per month, sign reversed where lower is better (rank-compile.ts `tr`), from the cube's Σx, Σx², Σxy.
 */
function trendOf(base: Base, catalog: CatalogCache, at: Reads): Float64Array {
  const { N, y0, y1, scope, pool } = at;
  const cube = base.cube;
  const sum = pool.f64();
  const cnt = pool.f64();
  const S = pool.f64();
  const C = pool.f64();
  const TX = pool.f64();
  const TXX = pool.f64();
  const TXY = pool.f64();
  const touched = pool.i32();
  for (const [code, range] of cube.seg) {
    const hib = catalog.indicator(code)?.higher_is_better === true;
    let nt = 0;
    for (let r = range[0]; r < range[1]; r++) {
      const y = cube.y[r] as number;
      if (y < y0 || y > y1) continue;
      const k = cube.key[r] as number;
      if (scope !== null && scope[k] !== 1) continue;
      const c = cube.c[r] as number;
      if (!(c > 0)) continue;
      if (C[k] === 0) touched[nt++] = k;
      C[k] = (C[k] as number) + c;
      S[k] = (S[k] as number) + (cube.s[r] as number);
      TX[k] = (TX[k] as number) + (cube.tx[r] as number);
      TXX[k] = (TXX[k] as number) + (cube.txx[r] as number);
      TXY[k] = (TXY[k] as number) + (cube.txy[r] as number);
    }
    for (let t = 0; t < nt; t++) {
      const k = touched[t] as number;
      const c = C[k] as number;
      if (c >= 3) {
        const s = S[k] as number;
        const tx = TX[k] as number;
        const den = c * (TXX[k] as number) - tx * tx;
        const mean = s / c;
        if (den !== 0 && mean !== 0) {
          const slope = (c * (TXY[k] as number) - tx * s) / den / mean;
          if (Number.isFinite(slope)) {
            sum[k] = (sum[k] as number) + (hib ? slope : -slope);
            cnt[k] = (cnt[k] as number) + 1;
          }
        }
      }
      C[k] = 0;
      S[k] = 0;
      TX[k] = 0;
      TXX[k] = 0;
      TXY[k] = 0;
    }
  }
  const trend = pool.f64(NaN);
  for (let k = 1; k < N; k++) if ((cnt[k] as number) > 0) trend[k] = (sum[k] as number) / (cnt[k] as number);
  return trend;
}

/** `x` with 0 as NULL (NaN): SQL's nullif(x, 0). */
const nz = (x: number) => (x === 0 ? NaN : x);

/** One component's raw value per model in scope (rank-components.ts componentRaw; NaN for NULL). */
function componentValues(
  c: RankSpec['components'][number],
  base: Base,
  inputs: {
    value: Map<string, { value: Float64Array; months: Float64Array }>;
    months: Float64Array;
    expected: Float64Array;
    trend: Float64Array;
    benef: Float64Array;
    funds: Float64Array;
  },
  inScope: Uint8Array,
  out: Float64Array,
): Float64Array {
  const N = inScope.length;
  out.fill(NaN);
  const pop = base.population;
  const { months, expected, trend, benef, funds } = inputs;
  switch (c.type) {
    case 'indicator': {
      const iv = inputs.value.get(c.indicator);
      if (!iv) return out;
      const v = iv.value;
      const per = c.per ?? 'none';
      for (let k = 1; k < N; k++) {
        if (!inScope[k]) continue;
        const x = v[k] as number;
        out[k] =
          per === 'none'
            ? x
            : per === 'per_month'
              ? x / nz(iv.months[k] as number)
              : per === 'per10k'
                ? (x / nz(pop[k] as number)) * 10000
                : (x / nz(funds[k] as number)) * 1000000;
      }
      return out;
    }
    case 'months_active':
      for (let k = 1; k < N; k++) if (inScope[k]) out[k] = months[k] as number;
      return out;
    case 'reporting_share':
      for (let k = 1; k < N; k++) {
        const e = expected[k] as number;
        if (inScope[k] && e > 0) out[k] = Math.min(1, (months[k] as number) / e);
      }
      return out;
    case 'trend':
      for (let k = 1; k < N; k++) if (inScope[k]) out[k] = trend[k] as number;
      return out;
    case 'reach':
      for (let k = 1; k < N; k++) if (inScope[k]) out[k] = (benef[k] as number) / nz(pop[k] as number);
      return out;
    case 'efficiency':
      for (let k = 1; k < N; k++)
        if (inScope[k]) out[k] = ((benef[k] as number) / nz(funds[k] as number)) * 1000000;
      return out;
  }
  return out;
}

/** Scratch arrays of a radix sort of up to `size` values with their payloads. */
class SortScratch {
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  readonly lo2: Uint32Array;
  readonly hi2: Uint32Array;
  readonly v2: Float64Array;
  readonly p2: Int32Array;
  readonly count = new Int32Array(256);
  constructor(size: number) {
    this.lo = new Uint32Array(size);
    this.hi = new Uint32Array(size);
    this.lo2 = new Uint32Array(size);
    this.hi2 = new Uint32Array(size);
    this.v2 = new Float64Array(size);
    this.p2 = new Int32Array(size);
  }
}

/**
 * Sort the first `m` values of `v` ascending, moving their payloads `p` along: an LSD radix sort on the
 * IEEE-754 bits made order-preserving (sign flipped, negative numbers inverted), 8 bits per pass, skipping
 * the passes whose digit is the same for every value (most of the exponent's, for values of one scale).
 * No NaN. A native sort of the values alone plus a binary search per model took three times as long.
 */
function radixSort(v: Float64Array, p: Int32Array, m: number, x: SortScratch): void {
  const bits = new Uint32Array(v.buffer, v.byteOffset, m * 2);
  let lo = x.lo;
  let hi = x.hi;
  let lo2 = x.lo2;
  let hi2 = x.hi2;
  let vs = v;
  let ps = p;
  let v2 = x.v2;
  let p2 = x.p2;
  for (let i = 0; i < m; i++) {
    const l = bits[2 * i] as number;
    const h = bits[2 * i + 1] as number;
    if (h & 0x80000000) {
      lo[i] = ~l >>> 0;
      hi[i] = ~h >>> 0;
    } else {
      lo[i] = l;
      hi[i] = (h | 0x80000000) >>> 0;
    }
  }
  const count = x.count;
  for (let d = 0; d < 8; d++) {
    const word = d < 4 ? lo : hi;
    const shift = (d & 3) * 8;
    count.fill(0);
    for (let i = 0; i < m; i++) {
      const b = ((word[i] as number) >>> shift) & 255;
      count[b] = (count[b] as number) + 1;
    }
    let skip = false;
    for (let b = 0; b < 256; b++) if (count[b] === m) skip = true;
    if (skip) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b] as number;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const b = ((word[i] as number) >>> shift) & 255;
      const at = count[b] as number;
      count[b] = at + 1;
      lo2[at] = lo[i] as number;
      hi2[at] = hi[i] as number;
      v2[at] = vs[i] as number;
      p2[at] = ps[i] as number;
    }
    const tl = lo;
    lo = lo2;
    lo2 = tl;
    const th = hi;
    hi = hi2;
    hi2 = th;
    const tv = vs;
    vs = v2;
    v2 = tv;
    const tp = ps;
    ps = p2;
    p2 = tp;
  }
  if (vs !== v) {
    v.set(vs.subarray(0, m));
    p.set(ps.subarray(0, m));
  }
}

/**
 * Percentiles within peer groups and each group's median and top decile (rank-compile.ts `w{i}`, `g`).
 * The ranked models are grouped by peer key (a counting sort); per group one radix sort of a component's
 * values, with their models, gives the statistics, and models whose values share a tie key (consecutive:
 * the key is monotonic in the value) share the percentile of the first of them (ascending) — or of the
 * last (descending): the share of the group's other values strictly worse.
 */
function percentiles(
  ranked: Int32Array,
  pk: Int32Array,
  rawI: Float64Array,
  asc: boolean,
  scratch: SortScratch,
  pool: Pool,
  pct: Float64Array,
): { pct: Float64Array; stats: Map<number, [number, number]> } {
  const R = ranked.length;
  let groups = 1;
  for (let j = 0; j < R; j++) groups = Math.max(groups, (pk[ranked[j] as number] as number) + 2);
  const start = new Int32Array(groups + 1);
  for (let j = 0; j < R; j++) {
    const g = (pk[ranked[j] as number] as number) + 2;
    start[g] = (start[g] as number) + 1;
  }
  for (let g = 1; g <= groups; g++) start[g] = (start[g] as number) + (start[g - 1] as number);
  const order = pool.i32();
  const fill = start.slice(0, groups);
  for (let j = 0; j < R; j++) {
    const k = ranked[j] as number;
    const g = (pk[k] as number) + 1;
    order[fill[g] as number] = k;
    fill[g] = (fill[g] as number) + 1;
  }
  pct.fill(NaN);
  const stats = new Map<number, [number, number]>();
  const top = asc ? 0.9 : 0.1;
  const vals = pool.f64();
  const models = pool.i32();
  for (let g = 0; g < groups; g++) {
    const g0 = start[g] as number;
    const g1 = start[g + 1] as number;
    if (g0 === g1) continue;
    let m = 0;
    for (let j = g0; j < g1; j++) {
      const k = order[j] as number;
      const x = rawI[k] as number;
      if (x === x) {
        vals[m] = x;
        models[m++] = k;
      }
    }
    if (!m) {
      stats.set(g - 1, [NaN, NaN]);
      continue;
    }
    radixSort(vals, models, m, scratch);
    const sorted = vals.subarray(0, m);
    stats.set(g - 1, [quantileCont(sorted, 0.5), quantileCont(sorted, top)]);
    if (m === 1) {
      pct[models[0] as number] = 0;
      continue;
    }
    const d = m - 1;
    for (let t = 0; t < m;) {
      const key = tieKey(vals[t] as number);
      let e = t + 1;
      while (e < m && tieKey(vals[e] as number) === key) e++;
      // Models t … e − 1 tie: below them t values, above them m − e.
      const share = asc ? t / d : (m - e) / d;
      for (let u = t; u < e; u++) pct[models[u] as number] = share;
      t = e;
    }
  }
  return { pct, stats };
}

/** A kernel's reusable work arrays for one base (sized to its model slots). */
interface Work {
  pool: Pool;
  /** The page's (scores, ranks): apart from `pool`, whose arrays a first stage not kept still uses. */
  page: Pool;
  sort: SortScratch;
  /** Whether the first stage computed is kept (its arrays then are its own). */
  keep: boolean;
}

function computeCore(
  spec: RankSpec,
  catalog: CatalogCache,
  base: Base,
  scope: Uint8Array | null,
  work: Work,
): Core {
  const N = base.n + 1;
  const pool = work.pool;
  pool.reset();
  const years = wholeYears(spec.filter?.period) ?? { from: null, to: null };
  const at: Reads = { y0: years.from ?? -Infinity, y1: years.to ?? Infinity, scope, N, pool };
  const { codes } = codesNeeded(spec, catalog);
  const need = componentNeeds(spec.components);
  const value = new Map<string, { value: Float64Array; months: Float64Array }>();
  for (const code of codes)
    value.set(code, indicatorValues(base, code, catalog.indicator(code)?.aggregation ?? 'sum', at));
  const mm = need.months ? monthsAndExpected(base, at) : null;
  const empty = new Float64Array(0);
  const inputs = {
    value,
    months: mm?.months ?? empty,
    expected: mm?.expected ?? empty,
    trend: need.trend ? trendOf(base, catalog, at) : empty,
    benef: (need.beneficiaries ? value.get(need.beneficiaries)?.value : undefined) ?? empty,
    funds: (need.funds ? value.get(need.funds)?.value : undefined) ?? empty,
  };
  // Models of `model_dim` in scope.
  const inScope = pool.u8();
  for (let k = 1; k < N; k++)
    if (base.modelId[k] !== null && (scope === null || scope[k] === 1)) inScope[k] = 1;
  // The outputs: the first stage's own arrays when it is kept, else work arrays.
  const output = () => (work.keep ? new Float64Array(N) : pool.f64());
  const raw = spec.components.map((c) => componentValues(c, base, inputs, inScope, output()));
  // Ranked: the models with at least one component value.
  let R = 0;
  const rankedAll = pool.i32();
  for (let k = 1; k < N; k++) {
    if (!inScope[k]) continue;
    for (const col of raw) {
      const x = col[k] as number;
      if (x === x) {
        rankedAll[R++] = k;
        break;
      }
    }
  }
  const ranked = rankedAll.slice(0, R);
  const pk = spec.peer === 'unit_type' ? base.pkType : spec.peer === 'all' ? base.pkAll : base.pkField;
  const per = spec.components.map((c, i) =>
    percentiles(ranked, pk, raw[i] as Float64Array, higherIsBetter(c, catalog), work.sort, pool, output()),
  );
  return { ranked, pk, raw, pct: per.map((p) => p.pct), stats: per.map((p) => p.stats) };
}

/**
 * The integrity flags of one flags table content (`key`: data version and flag options): per model slot
 * its codes (all models, read when a spec filters or sorts by flags) and, for the models pages have shown,
 * the codes as text and the flags' JSON.
 */
interface FlagTexts {
  key: string;
  codes: Map<number, string[]> | null;
  text: Map<number, [string | null, string | null]>;
}

async function flagCodes(conn: DuckDBConnection): Promise<Map<number, string[]>> {
  const r = await readColumns(
    conn,
    raw(`SELECT m.model_key::DOUBLE, array_to_string(fl.codes, ',')
      FROM ${RANK_FLAGS} fl JOIN model_dim m USING (model_id)`),
  );
  const keys = r.num[0] as Float64Array;
  const codes = new Map<number, string[]>();
  for (let i = 0; i < r.n; i++) {
    const c = r.str[1]?.[i] ?? null;
    if (c !== null) codes.set(keys[i] as number, c.split(','));
  }
  return codes;
}

/** Longest list of model keys bound as one parameter; a longer page (an export) reads every model's texts. */
const TEXT_KEYS_MAX = 5000;

/** Make sure `base.texts` and `flags.text` hold the texts and flags of `keys` (a page's models). */
async function ensurePage(
  conn: DuckDBConnection,
  base: Base,
  flags: FlagTexts,
  keys: readonly number[],
): Promise<void> {
  const missing = keys.filter((k) => !base.texts.has(k) || !flags.text.has(k));
  if (!missing.length) return;
  const from =
    missing.length > TEXT_KEYS_MAX
      ? raw('model_dim m')
      : sql`(SELECT unnest(${listValue(missing)}::INTEGER[]) AS k) p JOIN model_dim m ON m.model_key = p.k`;
  const r = await readColumns(
    conn,
    sql`SELECT m.model_key::DOUBLE, m.field, m.unit_type, ${join(RANK_MODEL_COLUMNS.map((c) => raw(`m.${c}`)))},
      strftime(m.start_date, '%Y-%m-%d'), array_to_string(fl.codes, ','), fl.json
    FROM ${from} LEFT JOIN ${raw(RANK_FLAGS)} fl ON fl.model_id = m.model_id`,
  );
  const k = r.num[0] as Float64Array;
  const last = r.str.length - 2;
  for (let i = 0; i < r.n; i++) {
    const key = k[i] as number;
    base.texts.set(
      key,
      r.str.slice(1, last).map((col) => col[i] ?? null),
    );
    flags.text.set(key, [r.str[last]?.[i] ?? null, r.str[last + 1]?.[i] ?? null]);
  }
}

/** Quickselect (Hoare partition): the value at index `k` of `a` sorted ascending; `a` is reordered. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot.
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/**
 * A ranking with every component type (an indicator of each composable aggregation, every rate, every
 * extra component) over the workspace's catalogue: the warm-up runs it so that every path of the kernel
 * is compiled before the first request.
 */
function warmSpec(catalog: CatalogCache): RankSpec {
  const all = catalog.all();
  const components: RankComponent[] = [];
  const sum = all.find((i) => i.aggregation === 'sum');
  if (sum)
    for (const per of ['none', 'per_month', 'per10k', 'per_million_vnd'] as const)
      components.push({ type: 'indicator', indicator: sum.code, per, weight: 1 });
  for (const agg of ['mean', 'weighted_mean']) {
    const i = all.find((x) => x.aggregation === agg);
    if (i) components.push({ type: 'indicator', indicator: i.code, weight: 1 });
  }
  for (const type of EXTRA_COMPONENTS) components.push({ type, weight: 1 });
  return { kind: 'rank', peer: 'field', components };
}

/** Most recently used first stages kept. */
const MAX_KEPT = 4;

/** Most recently used filter scopes kept. */
const MAX_SCOPES = 8;

/** The warm-up's runs of the kernel: at least, at most, and the time it may take beyond the minimum. */
const WARM_RUNS_MIN = 3;
const WARM_RUNS_MAX = 40;
const WARM_MS = 600;

/** Computes rankings over columnar arrays; one per engine (its base follows the data version). */
export class RankKernel {
  private base: Base | null = null;
  private loading: Promise<Base> | null = null;
  private readonly kept = new Map<string, Core>();
  private flags: FlagTexts | null = null;
  private work: Work | null = null;

  /**
   * The models a spec's filter and exclusions select (scopeOf), kept per filter for the data version (a
   * few): a new weight, component or peer group under the same filter does not ask SQL again.
   */
  private readonly scopes = new Map<string, Uint8Array | null>();

  private async scopeFor(
    conn: DuckDBConnection,
    spec: RankSpec,
    base: Base,
    flagsKey: string,
  ): Promise<Uint8Array | null> {
    const key = JSON.stringify([spec.filter ?? {}, spec.exclude ?? [], spec.exclude?.length ? flagsKey : '']);
    const hit = this.scopes.get(key);
    if (hit !== undefined) {
      this.scopes.delete(key);
      this.scopes.set(key, hit);
      return hit;
    }
    const scope = await scopeOf(conn, spec, base);
    if (this.base !== base) return scope;
    while (this.scopes.size >= MAX_SCOPES) this.scopes.delete(this.scopes.keys().next().value as string);
    this.scopes.set(key, scope);
    return scope;
  }

  private scratchFor(base: Base): Work {
    const size = base.n + 1;
    if (this.work?.pool.size !== size)
      this.work = { pool: new Pool(size), page: new Pool(size), sort: new SortScratch(size), keep: true };
    return this.work;
  }

  /** The data version whose arrays are loaded, if any. */
  get loadedVersion(): string | null {
    return this.base?.version ?? null;
  }

  /** Whether the kernel answers `spec` exactly (else the SQL of rank-compile.ts does). */
  static eligible(spec: RankSpec, catalog: CatalogCache): boolean {
    if (!catalog.modelCube) return false;
    if (wholeYears(spec.filter?.period) === null) return false;
    const { codes } = codesNeeded(spec, catalog);
    const need = componentNeeds(spec.components);
    if (!codes.length && !need.trend) return true;
    return cubeYears(spec, codes, catalog) !== null;
  }

  private async baseFor(conn: DuckDBConnection, version: string): Promise<Base> {
    if (this.base?.version === version) return this.base;
    this.kept.clear();
    this.scopes.clear();
    this.flags = null;
    this.base = null;
    const mine = !this.loading;
    const loading = (this.loading ??= loadBase(conn, version).finally(() => {
      this.loading = null;
    }));
    let b: Base;
    try {
      b = await loading;
    } catch (e) {
      // Another caller's load failed (the idle warm-up's, interrupted by a request): load on this one's
      // connection instead of failing a request with the warm-up's error.
      if (mine) throw e;
      return this.baseFor(conn, version);
    }
    if (b.version !== version) return this.baseFor(conn, version);
    this.base = b;
    return b;
  }

  /**
   * Prepare for the first ranking of a data version, at idle (the engine's warm-up): load the base on
   * `conn` (the background connection: it reads committed tables only), then run a ranking with every
   * component type a few times, so that V8 has compiled the kernel's loops before the analyst's first
   * ranking (Node's optimising compiler takes a function only after it has run a while: at scale 1 the
   * first twenty rankings of a process took 15–35 ms, then 6 ms), and keep the first preset's first stage
   * for the Ranking view's first request.
   */
  async warm(
    conn: DuckDBConnection,
    catalog: CatalogCache,
    version: string,
    busy: () => boolean = () => false,
  ): Promise<void> {
    const base = await this.baseFor(conn, version);
    const size = base.n + 1;
    // Work arrays of its own: a request may run between two of its runs.
    const work: Work = {
      pool: new Pool(size),
      page: new Pool(size),
      sort: new SortScratch(size),
      keep: false,
    };
    const every = warmSpec(catalog);
    if (RankKernel.eligible(every, catalog)) {
      const started = performance.now();
      for (
        let i = 0;
        i < WARM_RUNS_MAX && (i < WARM_RUNS_MIN || performance.now() - started < WARM_MS);
        i++
      ) {
        computeCore(every, catalog, base, null, work);
        // Yield between runs, and stop once a request runs: it is never held up by more than one run.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.base !== base || busy()) return;
      }
    }
    // The Ranking view's first preset, kept for its first request.
    const first = RANK_PRESETS[0]?.spec;
    if (first && RankKernel.eligible(first, catalog) && !busy()) {
      const core = computeCore(first, catalog, base, null, { ...work, keep: true });
      if (this.base !== base) return;
      this.kept.delete(coreKey(first));
      this.kept.set(coreKey(first), core);
      while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    }
  }

  /**
   * Answer `spec` (eligible) as the Arrow IPC bytes the SQL path gives. `keep`: keep its first stage for
   * the next request with the same core; off, every request computes it (the benchmark's cold ranking).
   * The flags table (rank-flags.ts) must be ready on `conn`; `flagsKey` identifies its content.
   */
  async query(
    conn: DuckDBConnection,
    spec: RankSpec,
    catalog: CatalogCache,
    version: string,
    opts: { keep: boolean; flagsKey: string },
  ): Promise<{ bytes: Uint8Array; rowCount: number }> {
    const base = await this.baseFor(conn, version);
    if (this.flags?.key !== opts.flagsKey) this.flags = { key: opts.flagsKey, codes: null, text: new Map() };
    const key = coreKey(spec);
    let core = opts.keep ? this.kept.get(key) : undefined;
    if (!core) {
      const scope = await this.scopeFor(conn, spec, base, opts.flagsKey);
      core = computeCore(spec, catalog, base, scope, { ...this.scratchFor(base), keep: opts.keep });
      if (opts.keep) {
        while (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      }
    } else this.kept.delete(key);
    if (opts.keep) this.kept.set(key, core);
    return this.page(conn, spec, base, core, this.flags, this.scratchFor(base).page);
  }

  private async page(
    conn: DuckDBConnection,
    spec: RankSpec,
    base: Base,
    core: Core,
    flags: FlagTexts,
    pool: Pool,
  ): Promise<{ bytes: Uint8Array; rowCount: number }> {
    pool.reset();
    const comps = spec.components;
    const totalWeight = comps.reduce((s, c) => s + c.weight, 0);
    const weights = comps.map((c) => c.weight);
    const R = core.ranked.length;
    // score = 100 × Σ wᵢ·coalesce(pctᵢ, 0) ÷ Σ wᵢ, summed in the SQL's order (equal scores tie exactly).
    const score = pool.f64();
    for (let j = 0; j < R; j++) {
      const k = core.ranked[j] as number;
      let acc = 0;
      for (let i = 0; i < comps.length; i++) {
        const p = (core.pct[i] as Float64Array)[k] as number;
        const term = (weights[i] as number) * (p === p ? p : 0);
        acc = i === 0 ? term : acc + term;
      }
      score[k] = (100.0 * acc) / totalWeight;
    }
    const byRank = (a: number, b: number) => (score[b] as number) - (score[a] as number) || a - b;
    const offset = spec.offset ?? 0;
    const by = spec.sort?.by ?? 'rank';
    const desc = spec.sort?.dir === 'desc';
    const plain = !spec.only && !spec.focus && by === 'rank' && !desc;
    let rows: { k: number; rank: number }[];
    let matching = R;
    if (plain) {
      // A top-N of the scores: the (offset + limit)-th best score bounds the candidates that are sorted.
      const want = spec.limit === undefined ? R : Math.min(R, offset + spec.limit);
      let cand: number[];
      if (want > 0 && want < R) {
        const neg = pool.f64().subarray(0, R);
        for (let j = 0; j < R; j++) neg[j] = -(score[core.ranked[j] as number] as number);
        const bound = -select(neg, want - 1);
        cand = [];
        for (let j = 0; j < R; j++) {
          const k = core.ranked[j] as number;
          if ((score[k] as number) >= bound) cand.push(k);
        }
      } else cand = Array.from(core.ranked);
      cand.sort(byRank);
      rows = cand.slice(offset, want).map((k, i) => ({ k, rank: offset + i + 1 }));
    } else {
      const order = Array.from(core.ranked).sort(byRank);
      const rankOf = pool.i32().fill(0);
      for (let i = 0; i < order.length; i++) rankOf[order[i] as number] = i + 1;
      if ((spec.only || by === 'flags') && !flags.codes) flags.codes = await flagCodes(conn);
      const codes = flags.codes ?? new Map<number, string[]>();
      let list = order;
      if (spec.only) list = list.filter((k) => codes.get(k)?.includes(spec.only as string) === true);
      if (spec.focus) {
        const fk = base.keyOf.get(spec.focus);
        list = list.filter((k) => k === fk);
      }
      matching = list.length;
      if (by !== 'rank' || desc) {
        const keyArr: ArrayLike<number> | null =
          by === 'rank'
            ? rankOf
            : by === 'name'
              ? base.nameOrder
              : by === 'unit'
                ? base.unitOrder
                : by === 'field'
                  ? base.fieldOrder
                  : null;
        const sortKey = (k: number) => (keyArr ? (keyArr[k] as number) : (codes.get(k)?.length ?? 0));
        // ASC NULLS FIRST / DESC NULLS LAST, ties in rank order (rank-compile.ts sortKey).
        list = [...list].sort((a, b) => {
          const x = sortKey(a);
          const y = sortKey(b);
          const xn = x !== x;
          const yn = y !== y;
          let c = xn || yn ? (xn && yn ? 0 : xn ? -1 : 1) : x - y;
          if (desc) c = -c;
          return c || (rankOf[a] as number) - (rankOf[b] as number);
        });
      }
      const end = spec.limit === undefined ? list.length : offset + spec.limit;
      rows = list.slice(offset, end).map((k) => ({ k, rank: rankOf[k] as number }));
    }

    // The output table, column for column as rank-compile.ts gives it.
    await ensurePage(
      conn,
      base,
      flags,
      rows.map((r) => r.k),
    );
    // Texts per model: field, unit type, RANK_MODEL_COLUMNS, start date.
    const text = (c: number) => rows.map((r) => base.texts.get(r.k)?.[c] ?? null);
    const peer =
      spec.peer === 'all'
        ? rows.map(() => 'all')
        : text(spec.peer === 'unit_type' ? 1 : 0).map((t) => t ?? '');
    const nul = (x: number | undefined) => (x === undefined || x !== x ? null : x);
    const columns: { name: string; kind: Kind; values: unknown[] }[] = [
      { name: 'rank', kind: 'i32', values: rows.map((r) => r.rank) },
      { name: 'score', kind: 'f64', values: rows.map((r) => score[r.k]) },
      { name: 'peer', kind: 'str', values: peer },
      ...RANK_MODEL_COLUMNS.map((name, c) => ({ name, kind: 'str' as Kind, values: text(c + 2) })),
      { name: 'start_date', kind: 'str', values: text(RANK_MODEL_COLUMNS.length + 2) },
      ...comps.flatMap((_, i) => {
        const st = (k: number) => core.stats[i]?.get(core.pk[k] as number) ?? [NaN, NaN];
        return [
          {
            name: `c${i}_raw`,
            kind: 'f64' as Kind,
            values: rows.map((r) => nul((core.raw[i] as Float64Array)[r.k])),
          },
          {
            name: `c${i}_pct`,
            kind: 'f64' as Kind,
            values: rows.map((r) => nul((core.pct[i] as Float64Array)[r.k])),
          },
          { name: `c${i}_median`, kind: 'f64' as Kind, values: rows.map((r) => nul(st(r.k)[0])) },
          { name: `c${i}_top10`, kind: 'f64' as Kind, values: rows.map((r) => nul(st(r.k)[1])) },
        ];
      }),
      { name: 'flag_codes', kind: 'str', values: rows.map((r) => flags.text.get(r.k)?.[0] ?? null) },
      { name: 'flags_json', kind: 'str', values: rows.map((r) => flags.text.get(r.k)?.[1] ?? null) },
    ];
    if (spec.counts) {
      // Every answer has a row: a page without models is one row of NULL model columns.
      if (!rows.length) for (const c of columns) c.values = [null];
      const n = Math.max(rows.length, 1);
      columns.push(
        { name: 'ranked', kind: 'i32', values: new Array(n).fill(R) },
        { name: 'matching', kind: 'i32', values: new Array(n).fill(matching) },
      );
    }
    return columnsToArrow(columns);
  }
}
