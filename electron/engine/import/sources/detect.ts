/**
 * File format detection from the first bytes (magic numbers), the extension only breaking ties.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { AtlasError } from '../../../../shared/errors';
import type { FileFormat } from '../../../../shared/import-types';
import { geoKindFromHead } from './json';

/** What `detectFormat` found. */
export interface Detected {
  format: FileFormat;
  size: number;
  /** The first bytes of the file (up to 64 kB). */
  head: Buffer;
}

const HEAD_BYTES = 64 * 1024;

const startsWith = (buf: Buffer, bytes: number[]): boolean => bytes.every((b, i) => buf[i] === b);

/** Known non-table formats, named in the error message. */
const OTHER_MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
];

/** The head as text for sniffing JSON/HTML: BOM handled, UTF-16 decoded. */
function headText(head: Buffer): string {
  if (startsWith(head, [0xff, 0xfe])) return head.subarray(2).toString('utf16le');
  if (startsWith(head, [0xfe, 0xff])) {
    const b = Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)));
    b.swap16();
    return b.toString('utf16le');
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return head.subarray(3).toString('utf8');
  return head.toString('utf8');
}

/**
 * Detects the format of a file. Throws FILE_NOT_FOUND, FILE_EMPTY, or FILE_FORMAT_UNKNOWN for
 * recognisably non-tabular files (PDF, images, archives). Anything else that is not a known binary
 * format is 'csv' (text); the text reader rejects binary junk as FILE_UNREADABLE.
 */
export async function detectFormat(file: string): Promise<Detected> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new AtlasError('FILE_NOT_FOUND', `Not a file: ${file}`, { file });
    size = st.size;
  } catch (e) {
    if (e instanceof AtlasError) throw e;
    throw new AtlasError('FILE_NOT_FOUND', `File not found: ${file}`, { file });
  }
  if (size === 0) throw new AtlasError('FILE_EMPTY', 'The file is empty', { file });
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const found = (format: FileFormat): Detected => ({ format, size, head });
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return found('xlsx');
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return found('xls');
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return found('parquet');
  if (head.subarray(0, 6).toString('latin1') === 'ARROW1') return found('arrow');
  // Arrow IPC stream: continuation marker 0xFFFFFFFF, then a small positive metadata length.
  if (startsWith(head, [0xff, 0xff, 0xff, 0xff]) && head.length >= 8) {
    const len = head.readInt32LE(4);
    if (len > 0 && len < 1 << 24) return found('arrow');
  }
  for (const [magic, what] of OTHER_MAGIC) {
    if (startsWith(head, magic))
      throw new AtlasError('FILE_FORMAT_UNKNOWN', `The file is ${what}, not a table`, { file });
  }
  const text = headText(head);
  const trimmed = text.replace(/^[\s\u00a0]+/u, '');
  if (trimmed === '' && size <= head.length)
    throw new AtlasError('FILE_EMPTY', 'The file holds only blank space', { file });
  if (trimmed.startsWith('{') || /^\[\s*([{["\]]|-?\d|true|false|null)/u.test(trimmed)) {
    const geo = geoKindFromHead(trimmed);
    return found(geo === 'geojson' || geo === 'topojson' ? geo : 'json');
  }
  if (trimmed.startsWith('<')) {
    const ext = path.extname(file).toLowerCase();
    if (
      /<table|<html|urn:schemas-microsoft-com:office:spreadsheet|<\?mso-application/iu.test(trimmed) ||
      ext === '.xls'
    ) {
      // HTML tables and SpreadsheetML 2003 saved as .xls by web systems: SheetJS reads them.
      return found('xls');
    }
    throw new AtlasError('FILE_FORMAT_UNKNOWN', 'The file is XML/HTML, not a table', { file });
  }
  return found('csv');
}
