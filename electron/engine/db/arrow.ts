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
import { DuckDBTypeId, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import type { Sql } from './sql';

type Kind = 'f64' | 'i32' | 'str' | 'date' | 'bool';

function kindOf(typeId: DuckDBTypeId): Kind {
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
 * One column being collected. Numbers go straight into a growable typed array; strings are
 * dictionary-encoded on the fly (a Map from value to code), so neither an intermediate array of JS
 * strings nor an Arrow builder is needed.
 */
class ColumnBuffer {
  nums: Float64Array | Int32Array;
  valid: Uint8Array;
  length = 0;
  nullCount = 0;
  readonly dict = new Map<string, number>();
  readonly dictValues: string[] = [];
  readonly bools: (boolean | null)[] = [];

  constructor(readonly kind: Kind) {
    this.nums = kind === 'f64' ? new Float64Array(2048) : new Int32Array(2048);
    this.valid = new Uint8Array(2048);
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
      default: {
        if (!ok) return;
        const str = String(v);
        let code = this.dict.get(str);
        if (code === undefined) {
          code = this.dictValues.length;
          this.dict.set(str, code);
          this.dictValues.push(str);
        }
        this.nums[i] = code;
      }
    }
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
        const dictionary = vectorFromArray(this.dictValues, new Utf8());
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
      const vec = chunk.getColumnVector(c);
      for (let i = 0; i < n; i++) col.push(vec.getItem(i));
    }
  }
  const vectors: Record<string, Vector> = {};
  cols.forEach((col, i) => {
    vectors[names[i] ?? `c${i}`] = col.toVector();
  });
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
