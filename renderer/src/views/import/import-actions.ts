/**
 * What the import screen does: add chosen or dropped files (staging each, then previewing it), edit
 * sheet mappings, commit the files one by one with progress and cancel, then record the outcome and
 * reload the workspace so every view shows the new data.
 */
import type { ImportKind, TargetField } from '../../../../shared/import-types';
import { droppedFiles, pickFiles, type ChosenFile } from '../../api/files';
import { getApi } from '../../api';
import { commitOrder } from './commit-plan';
import { toImportError } from './import-errors';
import {
  draftsFromPreview,
  toChoice,
  withHeaderRow,
  withIndicator,
  withKind,
  withSkip,
  withTarget,
  type SheetDraft,
} from './mapping-draft';
import {
  entry,
  initialImportState,
  patchEntry,
  useImport,
  type FileEntry,
  type FileOutcome,
} from './import-store';
import { refreshWorkspace, currentDataVersion } from './refresh-workspace';
import { sheetImportIds } from './report-ids';

let nextKey = 1;
const uploads = new Map<string, AbortController>();
let commitAbort: AbortController | null = null;

/** Start a new session when the last one has finished (its report is being replaced). */
function freshIfDone(): void {
  if (useImport.getState().phase === 'done') useImport.setState(initialImportState());
}

/** Add files the user chose or dropped; each is staged and previewed in the background. */
export function addFiles(chosen: readonly ChosenFile[]): void {
  if (chosen.length === 0 || useImport.getState().phase === 'committing') return;
  freshIfDone();
  const added: FileEntry[] = chosen.map((c) => ({
    key: `f${nextKey++}`,
    name: c.name,
    size: c.size,
    status: 'uploading',
    upload: c.size === null ? null : { sent: 0, total: c.size },
    path: null,
    preview: null,
    encoding: null,
    drafts: [],
    error: null,
  }));
  useImport.setState((s) => ({ files: [...s.files, ...added] }));
  added.forEach((e, i) => {
    const c = chosen[i];
    if (c) void prepare(e.key, c);
  });
}

/** Add files dropped on the window (browser `File`s). */
export function addDroppedFiles(files: readonly File[]): void {
  addFiles(droppedFiles(files));
}

/** Open the file chooser (native dialog or browser chooser) and add what was chosen. */
export async function chooseFiles(): Promise<void> {
  addFiles(await pickFiles());
}

async function prepare(key: string, chosen: ChosenFile): Promise<void> {
  const ctl = new AbortController();
  uploads.set(key, ctl);
  try {
    const path = await chosen.stage((sent, total) => {
      if (entry(key)) patchEntry(key, { upload: { sent, total } });
    }, ctl.signal);
    if (!entry(key)) return;
    patchEntry(key, { path, status: 'previewing' });
    await preview(key);
  } catch (e) {
    if (entry(key)) patchEntry(key, { status: 'error', error: toImportError(e) });
  } finally {
    uploads.delete(key);
  }
}

/** (Re-)run the preview of a staged file, with its chosen encoding. */
async function preview(key: string): Promise<void> {
  const e = entry(key);
  if (!e?.path) return;
  patchEntry(key, { status: 'previewing', error: null });
  try {
    const api = await getApi();
    const p = await api.call('import.preview', {
      file: e.path,
      ...(e.encoding ? { encoding: e.encoding } : {}),
    });
    if (!entry(key)) return;
    patchEntry(key, { status: 'ready', preview: p, drafts: draftsFromPreview(p.sheets) });
  } catch (err) {
    if (entry(key)) patchEntry(key, { status: 'error', error: toImportError(err) });
  }
}

/** Retry a file whose preview failed (the staged copy is reused). */
export function retryPreview(key: string): void {
  void preview(key);
}

/** Pick another text encoding for a file and preview it again. */
export function setEncoding(key: string, encoding: string | null): void {
  patchEntry(key, { encoding });
  void preview(key);
}

/** Drop a file from the session (its upload, if running, stops). */
export function removeFile(key: string): void {
  uploads.get(key)?.abort();
  useImport.setState((s) => ({ files: s.files.filter((f) => f.key !== key) }));
}

/** Start over: no files, no report. */
export function resetImport(): void {
  for (const c of uploads.values()) c.abort();
  useImport.setState(initialImportState());
}

function editSheet(key: string, sheet: string, edit: (d: SheetDraft) => SheetDraft): void {
  const e = entry(key);
  if (!e) return;
  patchEntry(key, { drafts: e.drafts.map((d) => (d.sheet === sheet ? edit(d) : d)) });
}

/** Mapping edits of one sheet. */
export const sheetEdits = {
  kind: (key: string, sheet: string, kind: ImportKind) => editSheet(key, sheet, (d) => withKind(d, kind)),
  target: (key: string, sheet: string, index: number, target: TargetField | null) =>
    editSheet(key, sheet, (d) => withTarget(d, index, target)),
  indicator: (key: string, sheet: string, index: number, code: string) =>
    editSheet(key, sheet, (d) => withIndicator(d, index, code)),
  headerRow: (key: string, sheet: string, row: number, rows?: number) =>
    editSheet(key, sheet, (d) => withHeaderRow(d, row, rows)),
  skip: (key: string, sheet: string, skip: boolean) => editSheet(key, sheet, (d) => withSkip(d, skip)),
};

/** Ask the running commit to stop (the current file's transaction is rolled back). */
export function cancelCommit(): void {
  const run = useImport.getState().commit;
  if (!run || run.cancelling) return;
  useImport.setState({ commit: { ...run, cancelling: true } });
  commitAbort?.abort();
}

/**
 * A cancel can cross the engine's last step: when the data version still moves shortly after, the
 * file did land. Then say so and show the new data.
 */
async function confirmCancelled(key: string, before: number): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await new Promise((r) => setTimeout(r, 750));
    const v = await currentDataVersion().catch(() => before);
    if (v !== before) {
      await refreshWorkspace().catch(() => undefined);
      useImport.setState((s) => ({
        outcomes: s.outcomes.map((o) => (o.key === key ? { ...o, status: 'lateImported' } : o)),
      }));
      return;
    }
  }
}

/**
 * Import every ready file with at least one sheet not skipped, in dependency order, each in its own
 * transaction. Stops at the first failure or a cancel (later files are not run), then reloads the
 * workspace facts so every view shows the new data.
 */
export async function commitAll(): Promise<void> {
  const state = useImport.getState();
  if (state.phase !== 'edit') return;
  const files = commitOrder(
    state.files.filter((f) => f.status === 'ready' && f.path && f.drafts.some((d) => !d.skip)),
    (f) => f.drafts,
  );
  if (files.length === 0) return;
  const outcomes: FileOutcome[] = [];
  const skippedOf = (f: FileEntry) => f.drafts.filter((d) => d.skip).map((d) => d.sheet);
  useImport.setState({ phase: 'committing', outcomes: [] });
  let stopped = false;
  let imported = false;
  let confirm: (() => void) | null = null;
  for (const [i, f] of files.entries()) {
    const base = { key: f.key, name: f.name, sheetImportIds: [], skippedSheets: skippedOf(f) };
    if (stopped) {
      outcomes.push({ ...base, status: 'notRun', report: null, error: null });
      continue;
    }
    useImport.setState({
      commit: { index: i, count: files.length, name: f.name, progress: null, cancelling: false },
    });
    commitAbort = new AbortController();
    const before = await currentDataVersion().catch(() => -1);
    try {
      const api = await getApi();
      const report = await api.call(
        'import.commit',
        {
          file: f.path ?? '',
          ...(f.encoding ? { encoding: f.encoding } : {}),
          sheets: f.drafts.map(toChoice),
        },
        {
          signal: commitAbort.signal,
          onProgress: (progress) => {
            const run = useImport.getState().commit;
            if (run) useImport.setState({ commit: { ...run, progress } });
          },
        },
      );
      outcomes.push({ ...base, status: 'imported', report, error: null });
      imported = true;
    } catch (e) {
      const error = toImportError(e);
      const cancelled = error.code === 'CANCELLED';
      outcomes.push({ ...base, status: cancelled ? 'cancelled' : 'failed', report: null, error });
      stopped = true;
      if (cancelled && before >= 0) confirm = () => void confirmCancelled(f.key, before);
    }
  }
  commitAbort = null;
  if (imported) {
    try {
      const info = await refreshWorkspace();
      for (const o of outcomes) if (o.report) o.sheetImportIds = sheetImportIds(o.report, info.imports);
    } catch {
      // The data is in; the views reload their facts on the next start or retry.
    }
  }
  useImport.setState({ phase: 'done', commit: null, outcomes });
  confirm?.();
}

/** Back from the report to the files that were not imported (to fix and try again). */
export function editRemaining(): void {
  const { outcomes, files } = useImport.getState();
  const done = new Set(outcomes.filter((o) => o.report || o.status === 'lateImported').map((o) => o.key));
  useImport.setState({ phase: 'edit', outcomes: [], files: files.filter((f) => !done.has(f.key)) });
}
