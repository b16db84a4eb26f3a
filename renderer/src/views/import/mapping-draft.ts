/**
 * The user's edits of one sheet's mapping in the import preview, as pure functions: start from the
 * engine's guess, change the kind, a column's target or indicator, the header row or the skip toggle,
 * validate live, and turn the result into the `SheetMappingChoice` that `import.commit` takes.
 */
import type { IndicatorDef } from '../../../../shared/catalog';
import {
  LOW_CONFIDENCE,
  allowedTargets,
  matchField,
  matchIndicator,
  requiredTargets,
  validateMapping,
} from '../../../../shared/import-mapping';
import type {
  ImportKind,
  ImportProblem,
  SheetMappingChoice,
  SheetPreview,
  TargetField,
} from '../../../../shared/import-types';

/** One column as the editor holds it. */
export interface DraftColumn {
  index: number;
  header: string;
  target: TargetField | null;
  /** Wide value columns: the indicator code. */
  indicator?: string;
  /** How sure the guess is (0..1); 1 once the user has chosen the target. */
  confidence: number;
}

/** One sheet as the editor holds it. */
export interface SheetDraft {
  sheet: string;
  kind: ImportKind;
  /** The kind the engine guessed (kept to tell whether the user changed it). */
  detectedKind: ImportKind;
  headerRow: number;
  headerRows: number;
  /** The header row the preview shows (a changed header row applies at import). */
  previewHeaderRow: number;
  columns: DraftColumn[];
  skip: boolean;
}

/** Kinds the user may choose for a tabular sheet, in menu order. */
export const EDITABLE_KINDS: readonly ImportKind[] = ['models', 'values_long', 'values_wide', 'units'];

/** The kinds to offer for a sheet: the editable ones plus the detected kind when it is another. */
export function kindOptions(draft: Pick<SheetDraft, 'detectedKind'>): ImportKind[] {
  return EDITABLE_KINDS.includes(draft.detectedKind)
    ? [...EDITABLE_KINDS]
    : [...EDITABLE_KINDS, draft.detectedKind];
}

/** The editor's starting point: the engine's guess. */
export function draftFromPreview(sp: SheetPreview): SheetDraft {
  return {
    sheet: sp.sheet,
    kind: sp.kind,
    detectedKind: sp.kind,
    headerRow: sp.headerRow,
    headerRows: sp.headerRows,
    previewHeaderRow: sp.headerRow,
    columns: sp.columns.map((c) => ({
      index: c.index,
      header: c.header,
      target: c.target,
      ...(c.indicator !== undefined ? { indicator: c.indicator } : {}),
      confidence: c.confidence,
    })),
    skip: false,
  };
}

/**
 * The drafts of a whole file. A workbook often carries a notes or cover sheet beside its data: a sheet
 * whose kind is unknown starts skipped when another sheet of the file is usable (as the engine does).
 */
export function draftsFromPreview(sheets: readonly SheetPreview[]): SheetDraft[] {
  const usable = sheets.some((s) => s.kind !== 'unknown');
  return sheets.map((s) => {
    const d = draftFromPreview(s);
    return usable && s.kind === 'unknown' ? { ...d, skip: true } : d;
  });
}

/** True for a guess the user should look at (a mapped column below the confidence threshold). */
export function isLowConfidence(c: DraftColumn): boolean {
  return c.target !== null && c.confidence < LOW_CONFIDENCE;
}

/** The targets offered for a column of a sheet of `kind` (the editor adds "ignore"). */
export function targetOptions(kind: ImportKind): readonly TargetField[] {
  return allowedTargets(kind);
}

/** True when a column of this kind and target names an indicator (wide value columns). */
export function needsIndicator(kind: ImportKind, target: TargetField | null): boolean {
  return kind === 'values_wide' && target === 'value';
}

function withoutIndicator(c: DraftColumn): DraftColumn {
  const { indicator: _drop, ...rest } = c;
  return rest;
}

/**
 * Change the sheet's kind. Columns keep targets the new kind allows; the others are guessed again for
 * the new kind from their headers (as the engine would), else ignored.
 */
export function withKind(
  draft: SheetDraft,
  kind: ImportKind,
  catalog: readonly IndicatorDef[] = [],
): SheetDraft {
  if (kind === draft.kind) return draft;
  const allowed = new Set(allowedTargets(kind));
  const taken = new Set<string>();
  const columns = draft.columns.map((c): DraftColumn => {
    const base = withoutIndicator(c);
    if (c.target && allowed.has(c.target) && !(c.target === 'value' && kind !== 'values_wide')) {
      if (needsIndicator(kind, c.target) && c.indicator) return { ...base, indicator: c.indicator };
      if (!needsIndicator(kind, c.target)) return base;
    }
    const f = c.header ? matchField(c.header, kind, allowed) : null;
    if (f && f.target !== 'value') return { ...base, target: f.target, confidence: f.confidence };
    if (kind === 'values_wide' && c.header) {
      const ind = matchIndicator(c.header, catalog.length ? catalog : undefined);
      if (ind) return { ...base, target: 'value', indicator: ind.code, confidence: ind.confidence };
    }
    return { ...base, target: null, confidence: 0 };
  });
  // Two columns guessed as one single target: keep the first, ignore the rest (the user can fix it).
  const deduped = columns.map((c) => {
    if (!c.target || c.target === 'row_number') return c;
    const key = c.target === 'value' ? `value:${c.indicator ?? ''}` : c.target;
    if (!taken.has(key)) {
      taken.add(key);
      return c;
    }
    return { ...withoutIndicator(c), target: null, confidence: 0 };
  });
  return { ...draft, kind, columns: deduped };
}

/** Set one column's target (null = ignore). A user choice counts as sure. */
export function withTarget(draft: SheetDraft, index: number, target: TargetField | null): SheetDraft {
  return {
    ...draft,
    columns: draft.columns.map((c) => {
      if (c.index !== index) return c;
      const base = { ...withoutIndicator(c), target, confidence: 1 };
      return needsIndicator(draft.kind, target) && c.indicator ? { ...base, indicator: c.indicator } : base;
    }),
  };
}

/** Set the indicator code of a wide value column ('' clears it). */
export function withIndicator(draft: SheetDraft, index: number, code: string): SheetDraft {
  return {
    ...draft,
    columns: draft.columns.map((c) =>
      c.index !== index
        ? c
        : code
          ? { ...c, target: 'value', indicator: code, confidence: 1 }
          : { ...withoutIndicator(c), confidence: 1 },
    ),
  };
}

/** Set the header row (1-based) and how many header rows (1 or 2). */
export function withHeaderRow(
  draft: SheetDraft,
  headerRow: number,
  headerRows = draft.headerRows,
): SheetDraft {
  const row = Number.isFinite(headerRow) ? Math.max(1, Math.min(1_000_000, Math.trunc(headerRow))) : 1;
  const rows = headerRows === 2 ? 2 : 1;
  return { ...draft, headerRow: row, headerRows: rows };
}

/** Skip the sheet at import (or include it again). */
export function withSkip(draft: SheetDraft, skip: boolean): SheetDraft {
  return { ...draft, skip };
}

/** The commit choice for the sheet. Indicators are sent only for wide value columns. */
export function toChoice(draft: SheetDraft): SheetMappingChoice {
  const choice: SheetMappingChoice = {
    sheet: draft.sheet,
    kind: draft.kind,
    headerRow: draft.headerRow,
    headerRows: draft.headerRows,
    columns: draft.columns.map((c) =>
      needsIndicator(draft.kind, c.target) && c.indicator
        ? { index: c.index, target: c.target, indicator: c.indicator }
        : { index: c.index, target: c.target },
    ),
  };
  if (draft.skip) choice.skip = true;
  return choice;
}

/** Problem code of a sheet kind the import cannot take yet (crosswalk files). */
export const KIND_UNSUPPORTED = 'IMPORT_KIND_UNSUPPORTED';

/**
 * Live validation of the edited mapping: errors that block the import (none for a skipped sheet).
 * Header texts are passed so messages can name the column.
 */
export function draftProblems(draft: SheetDraft): ImportProblem[] {
  if (draft.skip) return [];
  if (draft.kind === 'crosswalk') {
    return [{ code: KIND_UNSUPPORTED, severity: 'error', message: 'Crosswalk files cannot be imported yet' }];
  }
  return validateMapping(
    draft.kind,
    draft.columns.map((c) => ({
      index: c.index,
      target: c.target,
      header: c.header || `#${c.index + 1}`,
      ...(c.indicator !== undefined ? { indicator: c.indicator } : {}),
    })),
  );
}

/** The required targets still unmapped, one list of alternatives per missing group ([['unit_code','unit_name']]). */
export function missingTargets(draft: SheetDraft): TargetField[][] {
  if (draft.skip || draft.kind === 'unknown') return [];
  const mapped = new Set(draft.columns.flatMap((c) => (c.target ? [c.target] : [])));
  return requiredTargets(draft.kind)
    .filter((g) => !g.some((t) => mapped.has(t)))
    .map((g) => [...g]);
}

/** Why a sheet cannot be imported yet, in a form the UI can put into words. */
export type DraftIssue =
  | { type: 'kindUnknown' }
  | { type: 'kindUnsupported' }
  | { type: 'missing'; targets: TargetField[] }
  | { type: 'duplicate'; target: TargetField; indicator?: string; columns: string[] }
  | { type: 'noIndicator'; column: string }
  | { type: 'invalid' };

const columnName = (c: DraftColumn) => c.header || `#${c.index + 1}`;

/**
 * The blocking issues of a sheet (empty when it can be imported or is skipped). Mirrors
 * `validateMapping`; anything that check finds beyond these reads as `invalid`.
 */
export function draftIssues(draft: SheetDraft): DraftIssue[] {
  if (draft.skip) return [];
  if (draft.kind === 'unknown') return [{ type: 'kindUnknown' }];
  // A crosswalk is read by its header roles, so only a sheet detected as one can be imported as one.
  if (draft.kind === 'crosswalk')
    return draft.detectedKind === 'crosswalk' ? [] : [{ type: 'kindUnsupported' }];
  const issues: DraftIssue[] = [];
  const byKey = new Map<string, DraftColumn[]>();
  for (const c of draft.columns) {
    if (!c.target || c.target === 'row_number') continue;
    if (needsIndicator(draft.kind, c.target) && !c.indicator?.trim()) {
      issues.push({ type: 'noIndicator', column: columnName(c) });
      continue;
    }
    const key = needsIndicator(draft.kind, c.target) ? `value:${c.indicator?.trim() ?? ''}` : c.target;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  for (const [key, cols] of byKey) {
    const first = cols[0];
    if (cols.length < 2 || !first?.target) continue;
    issues.push({
      type: 'duplicate',
      target: first.target,
      ...(key.startsWith('value:') ? { indicator: key.slice(6) } : {}),
      columns: cols.map(columnName),
    });
  }
  for (const targets of missingTargets(draft)) issues.push({ type: 'missing', targets });
  if (issues.length === 0 && draftProblems(draft).length > 0) issues.push({ type: 'invalid' });
  return issues;
}

/** True when every sheet that is not skipped can be committed and at least one is. */
export function canCommitSheets(drafts: readonly SheetDraft[]): boolean {
  const used = drafts.filter((d) => !d.skip);
  return used.length > 0 && used.every((d) => draftIssues(d).length === 0);
}
