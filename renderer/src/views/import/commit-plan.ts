/**
 * Commit planning: which files go in which order (units and boundaries before the models that name
 * them, models before the values that reference them; each file is its own all-or-nothing
 * transaction), and the progress bar's position from the engine's per-file progress events.
 */
import type { Progress } from '../../../../shared/api';
import type { ImportKind } from '../../../../shared/import-types';
import type { SheetDraft } from './mapping-draft';

const KIND_RANK: Record<ImportKind, number> = {
  units: 0,
  boundaries: 1,
  crosswalk: 2,
  models: 3,
  values_long: 4,
  values_wide: 4,
  unknown: 9,
};

/** The rank of a file: that of its earliest non-skipped sheet (9 when nothing is imported). */
export function fileRank(drafts: readonly SheetDraft[]): number {
  return Math.min(9, ...drafts.filter((d) => !d.skip).map((d) => KIND_RANK[d.kind]));
}

/** Items in commit order (stable for equal ranks: the order the user added them). */
export function commitOrder<T>(items: readonly T[], drafts: (item: T) => readonly SheetDraft[]): T[] {
  return items
    .map((item, i) => ({ item, i, rank: fileRank(drafts(item)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

/** Engine stages in the order they happen; progress within a file follows them. */
export const STAGES = ['stage', 'load', 'derive', 'done'] as const;

/**
 * Overall fraction done (0..1) while file `fileIndex` of `fileCount` is at `progress`. Within a file
 * staging takes the first 40 %, loading up to 90 %, rebuilding the derived tables the rest.
 */
export function commitFraction(fileIndex: number, fileCount: number, progress: Progress | null): number {
  if (fileCount <= 0) return 0;
  let within = 0;
  if (progress) {
    const part = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
    if (progress.stage === 'stage') within = 0.4 * part;
    else if (progress.stage === 'load') within = 0.4 + 0.5 * part;
    else if (progress.stage === 'derive') within = 0.9;
    else if (progress.stage === 'done') within = 1;
  }
  return Math.min(1, (Math.max(0, fileIndex) + within) / fileCount);
}

/** The i18n key of a stage ('import.stages.load'); unknown stages read as working. */
export function stageKey(stage: string | undefined): string {
  return (STAGES as readonly string[]).includes(stage ?? '')
    ? `import.stages.${stage}`
    : 'import.stages.working';
}
