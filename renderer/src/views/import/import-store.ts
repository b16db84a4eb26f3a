/**
 * The import flow's state (zustand), kept outside the view so it survives navigation and the app
 * shell's re-renders: the files being prepared, the running commit, and the outcome per file.
 */
import { create } from 'zustand';
import type { Progress } from '../../../../shared/api';
import type { ImportPreview, ImportReport } from '../../../../shared/import-types';
import type { ImportUiError } from './import-errors';
import type { SheetDraft } from './mapping-draft';

/** Where one file is in its preparation. */
export type EntryStatus = 'uploading' | 'previewing' | 'ready' | 'error';

/** One file of the session. */
export interface FileEntry {
  /** Local id (stable across re-renders). */
  key: string;
  name: string;
  size: number | null;
  status: EntryStatus;
  /** Bytes uploaded so far (browser files), null when nothing is uploaded. */
  upload: { sent: number; total: number } | null;
  /** Engine-side path once staged. */
  path: string | null;
  preview: ImportPreview | null;
  /** The encoding the user picked (re-previewed with it), null = detected. */
  encoding: string | null;
  drafts: SheetDraft[];
  error: ImportUiError | null;
}

/** How one file's commit ended. */
export type OutcomeStatus = 'imported' | 'failed' | 'cancelled' | 'notRun' | 'lateImported';

/** The result of one file's commit. */
export interface FileOutcome {
  key: string;
  name: string;
  status: OutcomeStatus;
  report: ImportReport | null;
  error: ImportUiError | null;
  /** The import id of each report sheet (same order), for its rejects; null when unknown. */
  sheetImportIds: (number | null)[];
  /** Sheets the user chose to skip. */
  skippedSheets: string[];
}

/** The commit in progress. */
export interface CommitRun {
  index: number;
  count: number;
  name: string;
  progress: Progress | null;
  cancelling: boolean;
}

/** The flow's phases: preparing files, committing, showing the report. */
export type ImportPhase = 'edit' | 'committing' | 'done';

/** The whole import state. */
export interface ImportState {
  phase: ImportPhase;
  files: FileEntry[];
  commit: CommitRun | null;
  outcomes: FileOutcome[];
}

/** A fresh session. */
export const initialImportState = (): ImportState => ({
  phase: 'edit',
  files: [],
  commit: null,
  outcomes: [],
});

/** The one import store. Actions live in import-actions.ts. */
export const useImport = create<ImportState>()(() => initialImportState());

/** Replace one file entry by key. */
export function patchEntry(key: string, patch: Partial<FileEntry>): void {
  useImport.setState((s) => ({ files: s.files.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
}

/** The current entry for a key, if it is still there. */
export function entry(key: string): FileEntry | undefined {
  return useImport.getState().files.find((f) => f.key === key);
}
