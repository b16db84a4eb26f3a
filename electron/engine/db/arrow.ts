/**
 * DuckDB results → Arrow IPC bytes, built from DuckDB's column chunks (no row objects). Strings are
 * dictionary-encoded (codes plus one small lookup table), numbers become Float64/Int32 columns, DATEs
 * become Arrow DateDay. BIGINT/HUGEINT/DECIMAL are converted to Float64: cast in SQL where it matters.
 */
import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { DuckDBTypeId, type DuckDBConnection, type DuckDBResult, type DuckDBVector } from '@duckdb/node-api';
import type { Sql } from './sql';

export type Kind = 'f64' | 'i32' | 'str' | 'date' | 'bool';

export function kindOf(typeId: DuckDBTypeId): Kind {
  switch (typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return 'i32';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return 'f64';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.BOOLEAN:
      return 'bool';
    default:
      return 'str';
  }
}

/**
 * The runtime fields of @duckdb/node-api's vectors (1.5.5-r.5, pinned) read by the bulk path: numeric
 * vectors keep their values in `items` (a typed array over DuckDB's buffer), VARCHAR vectors their string_t
 * slots in `dataView`, and both a validity mask (`data`: 64-bit words or null when all valid, `offset`).
 * Anything else (or a future version without these fields) falls back to `getItem`.
 */
interface RawVector {
  items?: unknown;
  dataView?: unknown;
  validity?: { data?: BigUint64Array | null; offset?: number };
}

/** The validity mask as bytes (bit i of the mask is bit i & 7 of byte i >> 3), or null when all valid. */
function validityBytes(v: RawVector['validity']): { bytes: Uint8Array; offset: number } | null {
  const data = v?.data;
  if (!(data instanceof BigUint64Array)) return null;
  return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset: v?.offset ?? 0 };
}

/**
 * Copy a DOUBLE vector's `n` values into `out` from `at`, NULL as NaN: one bulk copy of its items and a
 * pass over the validity mask only when it has one (a column read per value costs ten times more).
 * Other vector types go value by value.
 */
export function copyDoubles(vec: DuckDBVector, n: number, out: Float64Array, at: number): void {
  const raw = vec as unknown as RawVector;
  const items = raw.items;
  if (items instanceof Float64Array && items.length >= n) out.set(items.subarray(0, n), at);
  else for (let i = 0; i < n; i++) out[at + i] = Number(vec.getItem(i) ?? NaN);
  const validity = validityBytes(raw.validity);
  if (!validity) return;
  const { bytes, offset } = validity;
  for (let i = 0; i < n; i++) {
    const b = offset + i;
    if (((bytes[b >> 3] ?? 0) & (1 << (b & 7))) === 0) out[at + i] = NaN;
  }
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

/**
 * A Utf8 vector of non-null strings, encoded straight into one buffer with its offsets. Arrow's
 * `vectorFromArray` goes through a builder that cost about 1 ms for a page of 500 model names.
 */
function utf8Vector(values: readonly string[]): Vector {
  const offsets = new Int32Array(values.length + 1);
  let bound = 0;
  for (const v of values) bound += v.length * 3;
  const data = new Uint8Array(bound);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += utf8Encoder.encodeInto(values[i] as string, data.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      nullCount: 0,
      valueOffsets: offsets,
      data: data.subarray(0, at),
    }),
  );
}

/** A string stored inline in a string_t (≤ 12 bytes): ASCII decoded directly, anything else as UTF-8. */
function inlineString(bytes: Uint8Array, at: number, len: number): string {
  let ascii = '';
  for (let i = 0; i < len; i++) {
    const b = bytes[at + i] as number;
    if (b >= 0x80) return utf8.decode(bytes.subarray(at, at + len));
    ascii += String.fromCharCode(b);
  }
  return ascii;
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);
const EMPTY_U8 = new Uint8Array(0);

/**
 * One column being collected. Numbers go straight into a growable typed array; strings are
 * dictionary-encoded on the fly (a Map from value to code), so neither an intermediate array of JS
 * strings nor an Arrow builder is needed.
 */
export class ColumnBuffer {
  nums: Float64Array | Int32Array;
  valid: Uint8Array;
  length = 0;
  nullCount = 0;
  readonly dict = new Map<string, number>();
  readonly dictValues: string[] = [];
  readonly bools: (boolean | null)[] = [];

  /**
   * Empty until the first rows arrive, then sized to them: most results are a few rows to a few hundred,
   * and a fixed 2,048-slot start per column was most of the garbage a small query left behind.
   */
  constructor(readonly kind: Kind) {
    this.nums = kind === 'f64' ? EMPTY_F64 : EMPTY_I32;
    this.valid = EMPTY_U8;
  }

  private grow(need: number): void {
    if (need <= this.valid.length) return;
    const size = Math.max(need, this.valid.length * 2);
    const nums = this.kind === 'f64' ? new Float64Array(size) : new Int32Array(size);
    nums.set(this.nums);
    this.nums = nums;
    const valid = new Uint8Array(size);
    valid.set(this.valid);
    this.valid = valid;
  }

  push(v: unknown): void {
    const i = this.length++;
    this.grow(this.length);
    const ok = v !== null && v !== undefined;
    this.valid[i] = ok ? 1 : 0;
    if (!ok) this.nullCount++;
    switch (this.kind) {
      case 'f64':
        this.nums[i] = ok ? Number(typeof v === 'object' ? String(v) : v) : NaN;
        return;
      case 'i32':
        this.nums[i] = ok ? Number(v) : 0;
        return;
      case 'date':
        this.nums[i] = ok ? (v as { days: number }).days : 0;
        return;
      case 'bool':
        this.bools.push(ok ? Boolean(v) : null);
        return;
      default:
        if (ok) this.nums[i] = this.code(String(v));
    }
  }

  /** The dictionary code of a string, adding it when new. */
  private code(str: string): number {
    let code = this.dict.get(str);
    if (code === undefined) {
      code = this.dictValues.length;
      this.dict.set(str, code);
      this.dictValues.push(str);
    }
    return code;
  }

  /**
   * Append a whole column vector of `n` rows. Numbers are copied straight from the vector's typed array
   * and strings decoded from its 16-byte string_t slots, with the validity bitmap read as bytes: per-item
   * `getItem` costs a BigInt validity test per value and, for strings over 12 bytes, a native call and a
   * decode per value — most of a large result's read-out time. Strings longer than 12 bytes are cached per
   * chunk by their heap pointer (a dictionary-compressed column repeats the same few pointers), so each
   * distinct value is decoded once per chunk. Vectors of other shapes fall back to `getItem`.
   */
  pushVector(vec: DuckDBVector, n: number): void {
    const raw = vec as unknown as RawVector;
    const validity = validityBytes(raw.validity);
    const start = this.length;
    const isValid = (i: number) =>
      !validity ||
      ((validity.bytes[(validity.offset + i) >> 3] ?? 0) & (1 << ((validity.offset + i) & 7))) !== 0;
    if (this.kind === 'str' && raw.dataView instanceof DataView && vec.type.typeId === DuckDBTypeId.VARCHAR) {
      this.grow(start + n);
      this.length += n;
      const dv = raw.dataView;
      const bytes = new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength);
      const byPointer = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const at = start + i;
        if (!isValid(i)) {
          this.valid[at] = 0;
          this.nullCount++;
          continue;
        }
        this.valid[at] = 1;
        const off = i * 16;
        const len = dv.getUint32(off, true);
        if (len <= 12) {
          this.nums[at] = this.code(inlineString(bytes, off + 4, len));
          continue;
        }
        const ptr = dv.getUint32(off + 12, true) * 4294967296 + dv.getUint32(off + 8, true);
        const key = ptr * 16 + (len & 15);
        let code = byPointer.get(key);
        if (code === undefined) {
          code = this.code(String(vec.getItem(i)));
          byPointer.set(key, code);
        }
        this.nums[at] = code;
      }
      return;
    }
    const items = raw.items;
    const enumValues = (vec.type as { values?: unknown }).values;
    if (this.kind === 'str' && ArrayBuffer.isView(items) && Array.isArray(enumValues)) {
      // ENUM: small integer codes into the type's values; each value is looked up once per chunk.
      const codes = items as unknown as ArrayLike<number>;
      const remap = new Int32Array(enumValues.length).fill(-1);
      this.grow(start + n);
      this.length += n;
      for (let i = 0; i < n; i++) {
        const at = start + i;
        if (!isValid(i)) {
          this.valid[at] = 0;
          this.nullCount++;
          continue;
        }
        this.valid[at] = 1;
        const c = codes[i] as number;
        let code = remap[c] as number;
        if (code < 0) {
          code = this.code(String(enumValues[c]));
          remap[c] = code;
        }
        this.nums[at] = code;
      }
      return;
    }
    const numeric = this.kind === 'f64' || this.kind === 'i32' || this.kind === 'date';
    if (
      numeric &&
      ArrayBuffer.isView(items) &&
      !(items instanceof DataView) &&
      (items as unknown as ArrayLike<number>).length >= n
    ) {
      this.grow(start + n);
      this.length += n;
      const big = items instanceof BigInt64Array || items instanceof BigUint64Array;
      for (let i = 0; i < n; i++) {
        const at = start + i;
        if (!isValid(i)) {
          this.valid[at] = 0;
          this.nullCount++;
          this.nums[at] = this.kind === 'f64' ? NaN : 0;
          continue;
        }
        this.valid[at] = 1;
        this.nums[at] = big ? Number((items as BigInt64Array)[i]) : ((items as Float64Array)[i] as number);
      }
      return;
    }
    for (let i = 0; i < n; i++) this.push(vec.getItem(i));
  }

  private bitmap(): Uint8Array | undefined {
    if (this.nullCount === 0) return undefined;
    const bm = new Uint8Array(Math.ceil(this.length / 8));
    for (let i = 0; i < this.length; i++) if (this.valid[i]) bm[i >> 3] = (bm[i >> 3] ?? 0) | (1 << (i & 7));
    return bm;
  }

  toVector(): Vector {
    const n = this.length;
    const nullBitmap = this.bitmap();
    const common = { length: n, nullCount: this.nullCount, ...(nullBitmap ? { nullBitmap } : {}) };
    const ints = () => (this.nums as Int32Array).subarray(0, n);
    switch (this.kind) {
      case 'f64':
        return makeVector(
          makeData({ type: new Float64(), data: (this.nums as Float64Array).subarray(0, n), ...common }),
        );
      case 'i32':
        return makeVector(makeData({ type: new Int32(), data: ints(), ...common }));
      case 'date':
        return makeVector(makeData({ type: new DateDay(), data: ints(), ...common }));
      case 'bool':
        return vectorFromArray(this.bools, new Bool());
      default: {
        const dictionary = utf8Vector(this.dictValues);
        const type = new Dictionary(new Utf8(), new Int32());
        return makeVector(makeData({ type, data: ints(), dictionary, ...common }));
      }
    }
  }
}

/** Encode a DuckDB result as an Arrow IPC stream. */
export async function resultToArrow(result: DuckDBResult): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const names = result.columnNames();
  const cols = result.columnTypes().map((t) => new ColumnBuffer(kindOf(t.typeId)));
  let rowCount = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    rowCount += n;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c] as ColumnBuffer;
      col.pushVector(chunk.getColumnVector(c), n);
    }
  }
  const vectors: Record<string, Vector> = {};
  cols.forEach((col, i) => {
    vectors[names[i] ?? `c${i}`] = col.toVector();
  });
  return { bytes: tableToIPC(new Table(vectors), 'stream'), rowCount };
}

/**
 * Encode columns of plain values (numbers, strings, null) as an Arrow IPC stream, with the same types
 * `resultToArrow` gives the DuckDB types of the same kinds (texts dictionary-encoded).
 */
export function columnsToArrow(
  columns: readonly { name: string; kind: Kind; values: readonly unknown[] }[],
): {
  bytes: Uint8Array;
  rowCount: number;
} {
  const vectors: Record<string, Vector> = {};
  let rowCount = 0;
  for (const c of columns) {
    const b = new ColumnBuffer(c.kind);
    for (const v of c.values) b.push(v);
    vectors[c.name] = b.toVector();
    rowCount = c.values.length;
  }
  return { bytes: tableToIPC(new Table(vectors), 'stream'), rowCount };
}

/** Run a built query on a connection and encode its result as Arrow IPC bytes. */
export async function queryArrow(
  conn: DuckDBConnection,
  q: Sql,
): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const { text, params } = q.build();
  const result = await conn.run(text, params);
  return resultToArrow(result);
}
