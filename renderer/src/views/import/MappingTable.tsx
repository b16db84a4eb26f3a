import { useTranslation } from 'react-i18next';
import type { TargetField } from '../../../../shared/import-types';
import { columnLetter } from './column-letters';
import { IndicatorSelect } from './IndicatorSelect';
import { isLowConfidence, needsIndicator, targetOptions, type SheetDraft } from './mapping-draft';

/** Props of MappingTable. */
export interface MappingTableProps {
  draft: SheetDraft;
  types: readonly string[];
  sampleRows: readonly (readonly string[])[];
  onTarget: (index: number, target: TargetField | null) => void;
  onIndicator: (index: number, code: string) => void;
}

/** Sample rows shown under the mapping. */
const SAMPLE_ROWS = 8;

/**
 * The first rows of a sheet under its columns; per column: the header found, the target it maps to
 * (editable; "ignore" included), the indicator for wide value columns, and the inferred type. Guesses
 * the engine was unsure of are highlighted.
 */
export function MappingTable({ draft, types, sampleRows, onTarget, onIndicator }: MappingTableProps) {
  const { t } = useTranslation();
  const targets = targetOptions(draft.kind);
  const rows = sampleRows.slice(0, SAMPLE_ROWS);
  return (
    <div className="import-mapping" role="region" aria-label={t('import.mapping.label')} tabIndex={0}>
      <table className="import-mapping__table">
        <thead>
          <tr>
            <th scope="row" className="import-mapping__rowhead">
              {t('import.mapping.header')}
            </th>
            {draft.columns.map((c) => (
              <th key={c.index} scope="col" className="import-mapping__colhead" data-col={c.index}>
                <span className="import-mapping__letter">{columnLetter(c.index)}</span>
                <span className="import-mapping__header">{c.header || t('import.mapping.noHeader')}</span>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="row" className="import-mapping__rowhead">
              {t('import.mapping.target')}
            </th>
            {draft.columns.map((c) => {
              const low = isLowConfidence(c);
              const name = c.header || columnLetter(c.index);
              return (
                <td
                  key={c.index}
                  className={`import-mapping__target${low ? ' import-mapping__target--low' : ''}${
                    c.target === null ? ' import-mapping__target--ignored' : ''
                  }`}
                  data-col={c.index}
                  data-low={low || undefined}
                >
                  <select
                    className="import-select"
                    value={c.target ?? ''}
                    aria-label={t('import.mapping.targetFor', { column: name })}
                    data-testid={`target-${c.index}`}
                    onChange={(e) => onTarget(c.index, (e.target.value || null) as TargetField | null)}
                  >
                    <option value="">{t('import.mapping.ignore')}</option>
                    {targets.map((x) => (
                      <option key={x} value={x}>
                        {t(`import.targets.${x}`)}
                      </option>
                    ))}
                  </select>
                  {needsIndicator(draft.kind, c.target) && (
                    <IndicatorSelect
                      value={c.indicator ?? ''}
                      label={t('import.mapping.indicatorFor', { column: name })}
                      onChange={(code) => onIndicator(c.index, code)}
                    />
                  )}
                  {low && (
                    <span className="import-mapping__unsure" title={t('import.mapping.unsureHint')}>
                      {t('import.mapping.unsure')}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
          <tr>
            <th scope="row" className="import-mapping__rowhead">
              {t('import.mapping.type')}
            </th>
            {draft.columns.map((c, i) => (
              <td key={c.index} className="import-mapping__type">
                {t(`import.types.${types[i] ?? 'text'}`)}
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="import-mapping__rowhead import-mapping__rownum">
                {i + 1}
              </th>
              {draft.columns.map((c) => (
                <td
                  key={c.index}
                  className={
                    c.target === null
                      ? 'import-mapping__cell import-mapping__cell--ignored'
                      : 'import-mapping__cell'
                  }
                >
                  {r[c.index] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="import-mapping__empty">{t('import.mapping.noRows')}</p>}
    </div>
  );
}
