import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, SheetPreview } from '../../../../shared/import-types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { sheetEdits } from './import-actions';
import { draftIssues, isLowConfidence, kindOptions, type SheetDraft } from './mapping-draft';
import { MappingTable } from './MappingTable';
import { previewProblems } from './problem-text';
import { ProblemList } from './ProblemList';
import { SheetIssues } from './SheetIssues';

/** Props of SheetEditor. */
export interface SheetEditorProps {
  fileKey: string;
  /** True for workbooks (sheet names mean something); CSV and the like have one table. */
  workbook: boolean;
  preview: SheetPreview;
  draft: SheetDraft;
}

/** Kinds mapped column by column (boundary files are matched by code or name, no mapping table). */
const MAPPED: ReadonlySet<ImportKind> = new Set(['models', 'values_long', 'values_wide', 'units', 'unknown']);

/**
 * One sheet of the preview: what it holds (editable), its header row, skip toggle, the mapping table
 * and its problems, with live validation of the edited mapping.
 */
export function SheetEditor({ fileKey, workbook, preview, draft }: SheetEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const issues = draftIssues(draft);
  const still = new Set(draft.columns.filter(isLowConfidence).map((c) => c.header));
  const problems = previewProblems(preview.problems).filter(
    (p) => p.code !== 'IMPORT_LOW_CONFIDENCE' || (p.column !== undefined && still.has(p.column)),
  );
  const edit = sheetEdits;
  const headerEditable = draft.kind !== 'boundaries' && preview.headerRow > 0;
  return (
    <section
      className={`import-sheet${draft.skip ? ' import-sheet--skipped' : ''}`}
      data-sheet={draft.sheet}
      data-kind={draft.kind}
      aria-labelledby={`${id}-title`}
    >
      <div className="import-sheet__bar">
        <h3 className="import-sheet__title" id={`${id}-title`}>
          {workbook ? t('import.sheet.sheetName', { sheet: draft.sheet }) : t('import.sheet.table')}
        </h3>
        <label className="import-field">
          <span className="import-field__label">{t('import.sheet.kind')}</span>
          <select
            className="import-select"
            value={draft.kind}
            data-testid="sheet-kind"
            disabled={draft.skip || draft.kind === 'boundaries'}
            onChange={(e) => edit.kind(fileKey, draft.sheet, e.target.value as ImportKind)}
          >
            {kindOptions(draft).map((k) => (
              <option key={k} value={k}>
                {t(`import.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {headerEditable && (
          <>
            <label className="import-field import-field--narrow">
              <span className="import-field__label">{t('import.sheet.headerRow')}</span>
              <input
                type="number"
                min={1}
                className="import-input"
                value={draft.headerRow}
                disabled={draft.skip}
                data-testid="header-row"
                onChange={(e) => edit.headerRow(fileKey, draft.sheet, Number(e.target.value))}
              />
            </label>
            <label className="import-field import-field--narrow">
              <span className="import-field__label">{t('import.sheet.headerRows')}</span>
              <select
                className="import-select"
                value={draft.headerRows}
                disabled={draft.skip}
                onChange={(e) =>
                  edit.headerRow(fileKey, draft.sheet, draft.headerRow, Number(e.target.value))
                }
              >
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
          </>
        )}
        {preview.rowCount !== undefined && (
          <span className="import-sheet__rows">
            {t('import.sheet.rowCount', { count: preview.rowCount, n: formatNumber(preview.rowCount, lang) })}
          </span>
        )}
        <label className="import-check">
          <input
            type="checkbox"
            checked={draft.skip}
            data-testid="sheet-skip"
            onChange={(e) => edit.skip(fileKey, draft.sheet, e.target.checked)}
          />
          {t('import.sheet.skip')}
        </label>
      </div>
      {!draft.skip && draft.headerRow !== draft.previewHeaderRow && (
        <p className="import-note" role="note">
          {t('import.sheet.headerChanged', { row: draft.headerRow, shown: draft.previewHeaderRow })}
        </p>
      )}
      {!draft.skip && MAPPED.has(draft.kind) && (
        <MappingTable
          draft={draft}
          types={preview.types}
          sampleRows={preview.sampleRows}
          onTarget={(i, target) => edit.target(fileKey, draft.sheet, i, target)}
          onIndicator={(i, code) => edit.indicator(fileKey, draft.sheet, i, code)}
        />
      )}
      {!draft.skip && draft.kind === 'boundaries' && (
        <p className="import-note">{t('import.sheet.boundaries')}</p>
      )}
      <SheetIssues kind={draft.kind} issues={issues} />
      {!draft.skip && <ProblemList problems={problems} />}
      {draft.skip && <p className="import-note">{t('import.sheet.skipped')}</p>}
    </section>
  );
}
