/**
 * Writers for hostile and broken files: a minimal zip writer (so workbooks can say things no spreadsheet
 * program would write: a huge `<dimension>`, a cell at XFD1048576, an XML entity bomb) and streaming
 * writers for files too big to hold in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
}

/** An entry given already deflated (an inflated size no test could hold in memory). */
interface RawEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

/**
 * `head`, then `pad` spaces, then `tail`, as one deflate stream built without holding the inflated
 * bytes: each piece is compressed with a full flush (byte-aligned, history reset), so the 1 MB block of
 * spaces can simply be repeated (a zip bomb's payload).
 */
export function deflatedPadding(name: string, head: string, pad: number, tail: string): RawEntry {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const block = Buffer.alloc(1 << 20, 0x20);
  const blocks = Math.ceil(pad / block.length);
  const blockZ = zlib.deflateRawSync(block, full);
  let crc = zlib.crc32(head);
  for (let i = 0; i < blocks; i++) crc = zlib.crc32(block, crc);
  crc = zlib.crc32(tail, crc);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(Buffer.from(head), full),
    ...Array.from({ length: blocks }, () => blockZ),
    zlib.deflateRawSync(Buffer.from(tail)),
  ]);
  return {
    name,
    deflated,
    crc,
    size: Buffer.byteLength(head) + blocks * block.length + Buffer.byteLength(tail),
  };
}

/** A zip (deflate) of the given entries. */
export function zipBuffer(entries: (Entry | RawEntry)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const comp = 'data' in e ? zlib.deflateRawSync(e.data) : e.deflated;
    const crc = 'data' in e ? zlib.crc32(e.data) : e.crc;
    const size = 'data' in e ? e.data.length : e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 1-based column number. */
export function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export type XCell = string | number | null | { formula: string; cached?: string };

/** Sheet XML for rows of cells (inline strings, numbers, formulas with or without a cached value). */
export function sheetXml(
  rows: XCell[][],
  opts: { dimension?: string; prolog?: string; extra?: string } = {},
): string {
  const body = rows
    .map((r, i) => {
      const cells = r
        .map((c, j) => {
          const ref = `${col(j + 1)}${i + 1}`;
          if (c === null) return '';
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`;
          return `<c r="${ref}" t="str"><f>${xmlEscape(c.formula)}</f>${c.cached === undefined ? '' : `<v>${xmlEscape(c.cached)}</v>`}</c>`;
        })
        .join('');
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${opts.prolog ?? ''}` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (opts.dimension ? `<dimension ref="${opts.dimension}"/>` : '') +
    `<sheetData>${body}${opts.extra ?? ''}</sheetData></worksheet>`
  );
}

/** A one-sheet workbook around the given sheet XML (and optional shared strings XML). */
export function xlsxBuffer(
  sheet: string | { head: string; pad: number; tail: string },
  sharedStrings?: string,
): Buffer {
  const ct =
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    (sharedStrings
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
      : '') +
    `</Types>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Mô hình" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
    (sharedStrings
      ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      : '') +
    `</Relationships>`;
  const entries: (Entry | RawEntry)[] = [
    { name: '[Content_Types].xml', data: Buffer.from(ct) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'xl/workbook.xml', data: Buffer.from(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(wbRels) },
    typeof sheet === 'string'
      ? { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) }
      : deflatedPadding('xl/worksheets/sheet1.xml', sheet.head, sheet.pad, sheet.tail),
  ];
  if (sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(sharedStrings) });
  return zipBuffer(entries);
}

export const MODEL_HEADER = ['Mã mô hình', 'Tên mô hình', 'Mã ĐVHC', 'Lĩnh vực', 'Đơn vị chủ trì'];

/** Model rows MH-<prefix>-i in the two units of the base workspace. */
export function modelRows(prefix: string, n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `MH-${prefix}-${i}`,
    `Mô hình ${prefix} ${i}`,
    i % 2 ? '00001' : '00002',
    'An sinh xã hội',
    'Hội Phụ nữ',
  ]);
}

/** Write `total` bytes made of `chunk` repeated, streaming (files larger than memory should hold). */
export async function writeRepeated(file: string, head: string, chunk: string, total: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
  let written = 0;
  const write = (b: Buffer) =>
    new Promise<void>((resolve, reject) => out.write(b, (e) => (e ? reject(e) : resolve())));
  await write(Buffer.from(head));
  written += Buffer.byteLength(head);
  while (written < total) {
    const b = total - written >= block.length ? block : block.subarray(0, total - written);
    await write(b);
    written += b.length;
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
