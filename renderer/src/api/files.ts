/**
 * Getting user files to the engine. The engine reads files by path; how a path comes about depends on
 * where the page runs, and only this module knows:
 * - Electron: the native open dialog (`window.atlas.chooseImportFiles()`) returns paths the engine can
 *   read as they are.
 * - Browser (the web harness), or files dropped on the window anywhere: the page holds `File` objects
 *   but no path, so each file is uploaded in ~4 MB chunks with 'import.upload' and the engine answers
 *   with the staged path.
 * Callers get `ChosenFile`s and call `stage()` on each to obtain the engine-side path.
 */
import type { AtlasApi } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import { getApi } from './index';

/** Bytes per upload chunk (the harness accepts frames up to 16 MB). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** File types the import understands (the browser chooser's filter; the dialog has its own). */
export const IMPORT_ACCEPT = '.xlsx,.xls,.csv,.tsv,.txt,.parquet,.arrow,.json,.geojson,.topojson,.zip';

/** Upload progress of one file, in bytes. */
export type UploadProgress = (sent: number, total: number) => void;

/** A file the user chose or dropped, not yet necessarily readable by the engine. */
export interface ChosenFile {
  /** The file name as the user knows it. */
  name: string;
  /** Size in bytes when known (dropped and browser-chosen files), else null. */
  size: number | null;
  /** Resolve to a path the engine can read, uploading first when needed. */
  stage(onProgress?: UploadProgress, signal?: AbortSignal): Promise<string>;
}

/** A file the engine can read. */
export interface StagedFile {
  name: string;
  path: string;
}

const cancelled = () => new AtlasError('CANCELLED', 'Upload cancelled');

/**
 * Upload one `File` through 'import.upload', chunk by chunk, in order. Resolves with the staged path.
 * `api` is injectable for tests; the app passes its own.
 */
export async function uploadFile(
  api: AtlasApi,
  file: Blob & { name: string },
  onProgress?: UploadProgress,
  signal?: AbortSignal,
  chunkBytes: number = CHUNK_BYTES,
): Promise<string> {
  const total = file.size;
  let uploadId: string | undefined;
  let offset = 0;
  onProgress?.(0, total);
  for (;;) {
    if (signal?.aborted) throw cancelled();
    const end = Math.min(total, offset + chunkBytes);
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    const done = end >= total;
    const r = await api.call(
      'import.upload',
      { ...(uploadId ? { uploadId } : {}), name: file.name, offset, bytes, done },
      signal ? { signal } : {},
    );
    uploadId = r.uploadId;
    offset = end;
    onProgress?.(offset, total);
    if (done) {
      if (!r.file) throw new AtlasError('INTERNAL', 'The engine did not return the uploaded file');
      return r.file;
    }
  }
}

/** Wrap dropped or browser-chosen `File`s as ChosenFiles (each uploads when staged). */
export function droppedFiles(files: readonly File[]): ChosenFile[] {
  return files.map((f) => ({
    name: f.name,
    size: f.size,
    stage: async (onProgress, signal) => uploadFile(await getApi(), f, onProgress, signal),
  }));
}

/** The browser's file chooser, through a temporary `<input type=file multiple>`. */
function browserChooser(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = IMPORT_ACCEPT;
    input.className = 'visually-hidden';
    input.dataset.testid = 'import-file-input';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Base name of a path (either separator). */
function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** Ask the user for files to import; an empty list when they cancel. */
export async function pickFiles(): Promise<ChosenFile[]> {
  const native = window.atlas?.chooseImportFiles;
  if (native) {
    const paths = await native();
    return paths.map((p) => ({ name: baseName(p), size: null, stage: () => Promise.resolve(p) }));
  }
  return droppedFiles(await browserChooser());
}

/**
 * Stage several `File`s one after the other; `onProgress` gets the bytes sent over all of them.
 * Resolves with the engine-side paths, in order.
 */
export async function stageFiles(
  files: readonly File[],
  onProgress?: UploadProgress,
  signal?: AbortSignal,
): Promise<StagedFile[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  let before = 0;
  const out: StagedFile[] = [];
  for (const chosen of droppedFiles(files)) {
    const path = await chosen.stage((sent) => onProgress?.(before + sent, total), signal);
    before += chosen.size ?? 0;
    out.push({ name: chosen.name, path });
  }
  return out;
}
