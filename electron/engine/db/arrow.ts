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

interface ColumnBuffer {
  kind: Kind;
  nums: number[];
  strs: (string | null)[];
  bools: (boolean | null)[];
  valid: boolean[];
}

/** Encode a DuckDB result as an Arrow IPC stream. */
export async function resultToArrow(result: DuckDBResult): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const cols: ColumnBuffer[] = types.map((t) => ({
    kind: kindOf(t.typeId),
    nums: [],
    strs: [],
    bools: [],
    valid: [],
  }));
  let rowCount = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    rowCount += n;
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c] as ColumnBuffer;
      const vec = chunk.getColumnVector(c);
      for (let i = 0; i < n; i++) {
        const v = vec.getItem(i) as unknown;
        const ok = v !== null && v !== undefined;
        col.valid.push(ok);
        switch (col.kind) {
          case 'f64':
            col.nums.push(ok ? Number(typeof v === 'object' ? String(v) : v) : NaN);
            break;
          case 'i32':
            col.nums.push(ok ? Number(v) : 0);
            break;
          case 'date':
            col.nums.push(ok ? (v as { days: number }).days : 0);
            break;
          case 'bool':
            col.bools.push(ok ? Boolean(v) : null);
            break;
          default:
            col.strs.push(ok ? String(v) : null);
        }
      }
    }
  }
  const vectors: Record<string, Vector> = {};
  cols.forEach((col, i) => {
    vectors[names[i] ?? `c${i}`] = toVector(col);
  });
  return { bytes: tableToIPC(new Table(vectors), 'stream'), rowCount };
}

function nullBitmap(valid: boolean[]): Uint8Array | undefined {
  if (valid.every(Boolean)) return undefined;
  const bm = new Uint8Array(Math.ceil(valid.length / 8));
  valid.forEach((ok, i) => {
    if (ok) bm[i >> 3] = (bm[i >> 3] ?? 0) | (1 << (i & 7));
  });
  return bm;
}

function toVector(col: ColumnBuffer): Vector {
  const nullCount = col.valid.filter((v) => !v).length;
  const nullBitmapBuf = nullBitmap(col.valid);
  switch (col.kind) {
    case 'f64':
      return makeVector(
        makeData({
          type: new Float64(),
          data: Float64Array.from(col.nums),
          nullCount,
          nullBitmap: nullBitmapBuf,
        }),
      );
    case 'i32':
      return makeVector(
        makeData({
          type: new Int32(),
          data: Int32Array.from(col.nums),
          nullCount,
          nullBitmap: nullBitmapBuf,
        }),
      );
    case 'date':
      return makeVector(
        makeData({
          type: new DateDay(),
          data: Int32Array.from(col.nums),
          nullCount,
          nullBitmap: nullBitmapBuf,
        }),
      );
    case 'bool':
      return vectorFromArray(col.bools, new Bool());
    default:
      return vectorFromArray(col.strs, new Dictionary(new Utf8(), new Int32()));
  }
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
