/**
 * Arrow IPC files and streams (and Feather v2), decoded with apache-arrow. Field names are the header
 * (header row 0), `_row` = record number (first record = 1).
 */
import { readFile } from 'node:fs/promises';
import { tableFromIPC, Type, type DataType, type Table } from 'apache-arrow';
import { AtlasError } from '../../../../shared/errors';
import { dateText, numberText, textOrNull } from './cells';
import type { SourceRow } from './staging';
import type { SourceSheet } from './types';

/** Reads the whole IPC file (file or stream format). */
export async function readArrow(file: string): Promise<Table> {
  try {
    return tableFromIPC(await readFile(file));
  } catch (e) {
    throw new AtlasError('FILE_UNREADABLE', `The Arrow file cannot be read: ${(e as Error).message}`, {
      file,
    });
  }
}

const jsonReplacer = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

/** Staging text of one Arrow value of the given type. */
export function arrowText(v: unknown, type: DataType): string | null {
  if (v == null) return null;
  switch (type.typeId) {
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond:
      return typeof v === 'number' || v instanceof Date
        ? dateText(new Date(typeof v === 'number' ? v : v.getTime()))
        : String(v);
    default:
      break;
  }
  if (typeof v === 'string') return textOrNull(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return dateText(v);
  if (v instanceof Uint8Array) return null;
  if (typeof v === 'object' && 'toJSON' in v && typeof (v as { toJSON: unknown }).toJSON === 'function') {
    return JSON.stringify(v, jsonReplacer);
  }
  return String(v);
}

/** The header-less sheet description of an Arrow table (named after the file). */
export function arrowSheet(name: string, table: Table, sampleRows: number): SourceSheet {
  const headers = table.schema.fields.map((f) => f.name.normalize('NFC'));
  const sample: string[][] = [];
  for (const r of arrowRows(table)) {
    if (sample.length >= sampleRows) break;
    sample.push(r.cells.map((c) => c ?? ''));
  }
  return {
    sheet: name,
    headerRow: 0,
    headerRows: 1,
    headers,
    sampleRows: sample,
    rowCount: table.numRows,
    problems: [],
  };
}

/** Rows of an Arrow table as text, batch by batch, column vectors read directly. */
export function* arrowRows(table: Table): Generator<SourceRow> {
  const fields = table.schema.fields;
  let row = 0;
  for (const batch of table.batches) {
    const cols = fields.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; r++) {
      row++;
      const cells: (string | null)[] = new Array<string | null>(fields.length);
      for (let c = 0; c < fields.length; c++) {
        const col = cols[c];
        const field = fields[c];
        cells[c] = col && field ? arrowText(col.get(r), field.type) : null;
      }
      yield { row, cells };
    }
  }
}
