/**
 * Which import id holds the rejects of each sheet of a report. The report carries the id of its first
 * sheet only; the workspace's import history (one entry per sheet) names the others.
 */
import type { WorkspaceInfo } from '../../../../shared/api';
import type { ImportReport } from '../../../../shared/import-types';

/** The import id per report sheet (same order), null when the history does not show it. */
export function sheetImportIds(report: ImportReport, imports: WorkspaceInfo['imports']): (number | null)[] {
  const used = new Set<number>();
  return report.sheets.map((s, i) => {
    const match = imports
      .filter(
        (im) =>
          im.id >= report.importId &&
          !used.has(im.id) &&
          im.file === report.file &&
          (im.sheet ?? '') === s.sheet &&
          (im.kind ?? '') === s.kind,
      )
      .sort((a, b) => a.id - b.id)[0];
    if (match) {
      used.add(match.id);
      return match.id;
    }
    return i === 0 ? report.importId : null;
  });
}
