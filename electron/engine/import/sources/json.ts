/**
 * JSON tables: an array of objects, an object holding one ({"data": […]}, "rows", "records", "items"),
 * or JSON Lines. Columns are the union of keys in first-seen order (header row 0), `_row` = record
 * number. GeoJSON/TopoJSON are only recognised here; the boundary loader reads them.
 */
import { readFile } from 'node:fs/promises';
import { AtlasError } from '../../../../shared/errors';
import { numberText, textOrNull } from './cells';
import type { SourceRow } from './staging';
import { detectEncoding, decodeSample } from './text-decode';
import type { SourceSheet } from './types';

/** Files above this are refused (the whole document is parsed in memory). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
const ARRAY_KEYS = ['data', 'rows', 'records', 'items', 'results', 'values'];

/** What a JSON document is. */
export type JsonKind = 'geojson' | 'topojson' | 'table';

/** A parsed JSON table. */
export interface JsonTable {
  headers: string[];
  records: unknown[];
}

const GEO_HEAD =
  /^\s*\{[\s\S]{0,4096}?"type"\s*:\s*"(FeatureCollection|Feature|GeometryCollection|Topology)"/u;

/** Geo formats are recognised from the first bytes when "type" comes early (it usually does). */
export function geoKindFromHead(head: string): JsonKind | null {
  const m = GEO_HEAD.exec(head);
  if (!m) return null;
  return m[1] === 'Topology' ? 'topojson' : 'geojson';
}

/** Reads and parses the file (UTF-8/UTF-16, BOM allowed; JSON or JSON Lines). */
export async function readJson(file: string, size: number): Promise<unknown> {
  if (size > MAX_JSON_BYTES) {
    throw new AtlasError(
      'FILE_TOO_LARGE',
      'The JSON file is too large to read (over 256 MB); export it as CSV or Parquet',
      { file },
    );
  }
  const buf = await readFile(file);
  const enc = detectEncoding(buf, true, file);
  const text = decodeSample(buf, enc.encoding);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      try {
        return lines.map((l) => JSON.parse(l) as unknown);
      } catch {
        // fall through to the original error
      }
    }
    throw new AtlasError('FILE_UNREADABLE', `The file is not valid JSON: ${(e as Error).message}`, { file });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Classifies a parsed document. */
export function jsonKind(doc: unknown): JsonKind {
  if (isObject(doc)) {
    const t = doc['type'];
    if (t === 'Topology') return 'topojson';
    if (t === 'FeatureCollection' || t === 'Feature' || t === 'GeometryCollection') return 'geojson';
  }
  return 'table';
}

/** The records and their column names. */
export function jsonTable(doc: unknown, file: string): JsonTable {
  let records: unknown[] | undefined;
  if (Array.isArray(doc)) records = doc;
  else if (isObject(doc)) {
    for (const k of ARRAY_KEYS) {
      const v = doc[k];
      if (Array.isArray(v)) {
        records = v;
        break;
      }
    }
    if (!records) {
      const arr = Object.values(doc).find((v) => Array.isArray(v) && v.some(isObject));
      records = Array.isArray(arr) ? arr : [doc];
    }
  }
  if (!records)
    throw new AtlasError('IMPORT_NO_HEADER', 'The JSON file holds no table (an array of objects)', { file });
  const keys = new Map<string, true>();
  for (const r of records) {
    if (isObject(r)) for (const k of Object.keys(r)) keys.set(k, true);
    else keys.set('value', true);
  }
  return { headers: [...keys.keys()], records };
}

function jsonText(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return textOrNull(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/** Rows of a JSON table as text, `_row` = 1-based record number. */
export function* jsonRows(t: JsonTable): Generator<SourceRow> {
  const n = t.headers.length;
  for (let i = 0; i < t.records.length; i++) {
    const rec = t.records[i];
    const cells: (string | null)[] = new Array<string | null>(n).fill(null);
    if (isObject(rec)) {
      for (let c = 0; c < n; c++) cells[c] = jsonText(rec[t.headers[c] as string]);
    } else cells[t.headers.indexOf('value')] = jsonText(rec);
    yield { row: i + 1, cells };
  }
}

/** The header-less sheet description of a JSON table (named after the file). */
export function jsonSheet(name: string, t: JsonTable, sampleRows: number): SourceSheet {
  const sample: string[][] = [];
  for (const r of jsonRows(t)) {
    if (sample.length >= sampleRows) break;
    sample.push(r.cells.map((c) => c ?? ''));
  }
  return {
    sheet: name,
    headerRow: 0,
    headerRows: 1,
    headers: t.headers.map((h) => h.normalize('NFC')),
    sampleRows: sample,
    rowCount: t.records.length,
    problems: [],
  };
}
