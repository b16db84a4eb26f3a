/** Shared helpers for the sources tests: temp dirs, an in-memory DuckDB, reading staging tables, zips. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AtlasError, type ErrorCode } from '../../../shared/errors';

/** A temp dir removed by `cleanup`. */
export function tempDir(): {
  dir: string;
  file: (name: string) => string;
  write: (name: string, data: string | Uint8Array) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dvk-sources-test-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    write: (name, data) => {
      const p = path.join(dir, name);
      writeFileSync(p, data);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh in-memory DuckDB connection. */
export async function memoryDb(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** All rows of a staging table ordered by _row, as arrays (`_row` first). */
export async function tableRows(
  conn: DuckDBConnection,
  table: string,
): Promise<(string | number | null)[][]> {
  const r = await conn.runAndReadAll(`SELECT * FROM "${table}" ORDER BY _row`);
  return r
    .getRows()
    .map((row) => row.map((v) => (v === null ? null : typeof v === 'number' ? v : String(v))));
}

/** Column names and types of a table. */
export async function tableColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  const r = await conn.runAndReadAll(`DESCRIBE "${table}"`);
  return r.getRowObjects().map((o) => `${String(o['column_name'])} ${String(o['column_type'])}`);
}

/** Awaits a promise expected to reject with an AtlasError of `code`; returns the error. */
export async function expectAtlasError(p: Promise<unknown>, code: ErrorCode): Promise<AtlasError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AtlasError && e.code === code) return e;
    throw new Error(
      `expected AtlasError ${code}, got ${e instanceof AtlasError ? e.code + ': ' + e.message : String(e)}`,
      { cause: e },
    );
  }
  throw new Error(`expected AtlasError ${code}, but the call succeeded`);
}

/** A zip file from name → content (deflated), for hand-made XLSX parts. */
export function makeZip(entries: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const comp = deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(0x800, 6);
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(comp.length, 18);
    loc.writeUInt32LE(data.length, 22);
    loc.writeUInt16LE(nameBuf.length, 26);
    locals.push(loc, nameBuf, comp);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(comp.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, nameBuf);
    offset += 30 + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const count = Object.keys(entries).length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A minimal hand-written XLSX: one or more sheets given as raw `<sheetData>` inner XML (plus optional
 * extra XML after sheetData, e.g. mergeCells), inline strings only unless `sharedStrings` is given.
 */
export function rawXlsx(
  sheets: { name: string; rows: string; dimension?: string; after?: string }[],
  opts: { sharedStrings?: string[]; styles?: string; date1904?: boolean } = {},
): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const entries: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const rels: string[] = [];
  const sheetEls: string[] = [];
  sheets.forEach((s, i) => {
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${rns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    sheetEls.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    entries[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}" xmlns:r="${rns}">` +
      (s.dimension ? `<dimension ref="${s.dimension}"/>` : '') +
      `<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  if (opts.sharedStrings) {
    rels.push(`<Relationship Id="rIdSS" Type="${rns}/sharedStrings" Target="sharedStrings.xml"/>`);
    entries['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">` +
      opts.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('') +
      '</sst>';
  }
  if (opts.styles) {
    rels.push(`<Relationship Id="rIdST" Type="${rns}/styles" Target="styles.xml"/>`);
    entries['xl/styles.xml'] = opts.styles;
  }
  entries['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rns}">` +
    (opts.date1904 ? '<workbookPr date1904="1"/>' : '') +
    `<sheets>${sheetEls.join('')}</sheets></workbook>`;
  entries['xl/_rels/workbook.xml.rels'] =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.join('') +
    '</Relationships>';
  return makeZip(entries);
}

/** An inline-string cell. */
export const istr = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
/** A number cell. */
export const num = (ref: string, n: number | string, style?: number): string =>
  `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${n}</v></c>`;
