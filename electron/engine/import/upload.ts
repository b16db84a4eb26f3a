/**
 * Chunked uploads into the workspace's staging folder, for pages that hold a file's bytes but not its
 * path (the web harness). Files land as `<staging>/uploads/<uploadId>/<sanitised name>`; the returned
 * path is then imported like any chosen file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../../shared/errors';

const MAX_BYTES = 4 * 1024 ** 3;

/** A file name without any folder part or characters Windows refuses. */
export function safeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return clean || 'upload.bin';
}

export interface UploadChunk {
  uploadId?: string;
  name: string;
  offset: number;
  bytes: Uint8Array;
  done: boolean;
}

/** Append one chunk; chunks must arrive in order (offset = bytes received so far). */
export function receiveChunk(
  stagingDir: string,
  c: UploadChunk,
): { uploadId: string; received: number; file: string | null } {
  const uploadId = c.uploadId ?? crypto.randomUUID();
  const dir = path.join(stagingDir, 'uploads', uploadId);
  const file = path.join(dir, safeFileName(c.name));
  if (!c.uploadId) {
    if (c.offset !== 0) throw new AtlasError('REQUEST_INVALID', 'An upload starts at offset 0');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, c.bytes);
  } else {
    if (!fs.existsSync(file)) throw new AtlasError('REQUEST_INVALID', 'Unknown upload', { file: c.name });
    const size = fs.statSync(file).size;
    if (size !== c.offset)
      throw new AtlasError('REQUEST_INVALID', `Upload chunk out of order (have ${size}, got ${c.offset})`);
    if (size + c.bytes.length > MAX_BYTES)
      throw new AtlasError('FILE_TOO_LARGE', 'Files above 4 GB cannot be imported', { file: c.name });
    fs.appendFileSync(file, c.bytes);
  }
  const received = c.offset + c.bytes.length;
  return { uploadId, received, file: c.done ? file : null };
}
