/**
 * Whether the files of a session can be imported now, and if not, why: a file still being read, a
 * file that could not be read, a sheet whose mapping misses a required column, or nothing to import.
 */
import type { FileEntry } from './import-store';
import { draftIssues, type DraftIssue } from './mapping-draft';

/** One reason the Import button is disabled. */
export type Blocker =
  | { type: 'busy'; file: string }
  | { type: 'fileError'; file: string }
  | { type: 'sheet'; file: string; sheet: string; issues: DraftIssue[] }
  | { type: 'nothing' };

/** Everything that blocks the commit (empty = ready). */
export function commitBlockers(files: readonly Pick<FileEntry, 'name' | 'status' | 'drafts'>[]): Blocker[] {
  const out: Blocker[] = [];
  let usable = 0;
  for (const f of files) {
    if (f.status === 'uploading' || f.status === 'previewing') {
      out.push({ type: 'busy', file: f.name });
      continue;
    }
    if (f.status === 'error') {
      out.push({ type: 'fileError', file: f.name });
      continue;
    }
    for (const d of f.drafts) {
      if (d.skip) continue;
      usable++;
      const issues = draftIssues(d);
      if (issues.length) out.push({ type: 'sheet', file: f.name, sheet: d.sheet, issues });
    }
  }
  if (usable === 0 && !out.some((b) => b.type === 'busy')) out.push({ type: 'nothing' });
  return out;
}
