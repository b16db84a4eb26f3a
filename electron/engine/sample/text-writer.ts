/**
 * Buffered text output to a file: lines are gathered into ~1 MB chunks and written to an fs.WriteStream,
 * waiting for 'drain' when the stream is full, so millions of lines never sit in memory at once.
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 1 << 20;

/** Appends text to a file in chunks; call `close()` once at the end. */
export class TextWriter {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (e) => (this.failure = e));
  }

  /** Queue `text`; resolves at once unless a chunk had to be flushed into a full stream. */
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flush what is left and close the file. */
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'close');
    if (this.failure) throw this.failure;
  }
}

/** UTF-8 byte order mark, which Excel needs to open a CSV as UTF-8. */
export const BOM = '\uFEFF';

/** Line ending of written CSV files (RFC 4180, what Excel writes). */
export const EOL = '\r\n';

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces; null/undefined → empty. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (with line ending) from fields. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + EOL;
}
