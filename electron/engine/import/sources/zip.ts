/**
 * A minimal random-access zip reader (central directory + one entry at a time, inflated as a stream), so an
 * XLSX workbook is never unpacked whole: the preview reads the first rows of each sheet and stops, staging
 * streams one sheet. Supports stored and deflated entries and Zip64 sizes/offsets.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable, PassThrough } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside the zip. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Thrown for anything that is not a readable zip (truncated, corrupt, encrypted, unsupported method). */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
/** Central directories larger than this are refused (a real workbook's is a few kB). */
const MAX_CENTRAL_DIR = 64 * 1024 * 1024;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipError('unexpected end of file');
  return buf;
}

/** An open zip file; `close()` when done. */
export class ZipFile {
  private constructor(
    readonly path: string,
    readonly size: number,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  /** Reads the central directory. Throws ZipError if the end-of-central-directory record is missing. */
  static async open(path: string): Promise<ZipFile> {
    const fh = await open(path, 'r');
    try {
      const size = (await fh.stat()).size;
      const tailLen = Math.min(size, 65535 + 22);
      if (tailLen < 22) throw new ZipError('file too short to be a zip');
      const tail = await readAt(fh, size - tailLen, tailLen);
      let eocd = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIG) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) throw new ZipError('end of central directory not found (truncated or not a zip)');
      let count = tail.readUInt16LE(eocd + 10);
      let cdSize = tail.readUInt32LE(eocd + 12);
      let cdOffset = tail.readUInt32LE(eocd + 16);
      if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
        const loc = eocd - 20;
        if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG)
          throw new ZipError('zip64 locator missing');
        const z64Offset = Number(tail.readBigUInt64LE(loc + 8));
        const z64 = await readAt(fh, z64Offset, 56);
        if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipError('zip64 directory missing');
        count = Number(z64.readBigUInt64LE(32));
        cdSize = Number(z64.readBigUInt64LE(40));
        cdOffset = Number(z64.readBigUInt64LE(48));
      }
      if (cdSize > MAX_CENTRAL_DIR || cdOffset + cdSize > size)
        throw new ZipError('central directory out of range');
      const cd = await readAt(fh, cdOffset, cdSize);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > cd.length || cd.readUInt32LE(p) !== CEN_SIG)
          throw new ZipError('corrupt central directory');
        const flags = cd.readUInt16LE(p + 8);
        const method = cd.readUInt16LE(p + 10);
        let compressedSize = cd.readUInt32LE(p + 20);
        let uncompressedSize = cd.readUInt32LE(p + 24);
        const nameLen = cd.readUInt16LE(p + 28);
        const extraLen = cd.readUInt16LE(p + 30);
        const commentLen = cd.readUInt16LE(p + 32);
        let localHeaderOffset = cd.readUInt32LE(p + 42);
        const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
        // Zip64 extra field: only the fields saturated in the fixed header are present, in this order.
        let e = p + 46 + nameLen;
        const extraEnd = e + extraLen;
        while (e + 4 <= extraEnd) {
          const id = cd.readUInt16LE(e);
          const len = cd.readUInt16LE(e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (uncompressedSize === 0xffffffff) {
              uncompressedSize = Number(cd.readBigUInt64LE(q));
              q += 8;
            }
            if (compressedSize === 0xffffffff) {
              compressedSize = Number(cd.readBigUInt64LE(q));
              q += 8;
            }
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q));
          }
          e += 4 + len;
        }
        entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
        p += 46 + nameLen + extraLen + commentLen;
      }
      return new ZipFile(path, size, entries);
    } finally {
      await fh.close();
    }
  }

  /** The entry with this name (leading '/' ignored, case-insensitive fallback). */
  find(name: string): ZipEntry | undefined {
    const n = name.replace(/^\/+/, '');
    const exact = this.entries.get(n);
    if (exact) return exact;
    const lower = n.toLowerCase();
    for (const [k, v] of this.entries) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  /**
   * A stream of the entry's uncompressed bytes. Destroying it stops the file read. `onCompressedBytes`
   * reports progress in compressed bytes read.
   */
  async openStream(entry: ZipEntry, onCompressedBytes?: (n: number) => void): Promise<Readable> {
    if (entry.flags & 0x1) throw new ZipError(`entry ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`entry ${entry.name} uses unsupported compression ${entry.method}`);
    const fh = await open(this.path, 'r');
    let start: number;
    try {
      const loc = await readAt(fh, entry.localHeaderOffset, 30);
      if (loc.readUInt32LE(0) !== LOC_SIG) throw new ZipError(`corrupt local header for ${entry.name}`);
      start = entry.localHeaderOffset + 30 + loc.readUInt16LE(26) + loc.readUInt16LE(28);
    } finally {
      await fh.close();
    }
    if (start + entry.compressedSize > this.size) throw new ZipError(`entry ${entry.name} is truncated`);
    const out = new PassThrough();
    if (entry.compressedSize === 0) {
      out.end();
      return out;
    }
    const src = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 256 * 1024,
    });
    if (onCompressedBytes) src.on('data', (chunk: Buffer | string) => onCompressedBytes(chunk.length));
    const done = (err: NodeJS.ErrnoException | null): void => {
      if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE')
        out.destroy(new ZipError(`cannot inflate ${entry.name}: ${err.message}`));
    };
    if (entry.method === 8) pipeline(src, createInflateRaw(), out, done);
    else pipeline(src, out, done);
    return out;
  }
}
