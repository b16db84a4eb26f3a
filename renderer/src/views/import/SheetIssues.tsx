import { useTranslation } from 'react-i18next';
import type { ImportKind, TargetField } from '../../../../shared/import-types';
import type { DraftIssue } from './mapping-draft';

/** Props of SheetIssues. */
export interface SheetIssuesProps {
  kind: ImportKind;
  issues: readonly DraftIssue[];
}

/** Live validation of a sheet's mapping: what still blocks the import, in words. */
export function SheetIssues({ issues }: SheetIssuesProps) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const target = (x: TargetField) => `“${t(`import.targets.${x}`)}”`;
  const text = (issue: DraftIssue): string => {
    switch (issue.type) {
      case 'kindUnknown':
        return t('import.issues.kindUnknown');
      case 'kindUnsupported':
        return t('import.issues.kindUnsupported');
      case 'missing':
        return t('import.issues.missing', {
          targets: issue.targets.map(target).join(` ${t('import.issues.or')} `),
        });
      case 'duplicate':
        return t('import.issues.duplicate', {
          columns: issue.columns.map((c) => `“${c}”`).join(', '),
          target: issue.indicator ? `“${issue.indicator}”` : target(issue.target),
        });
      case 'noIndicator':
        return t('import.issues.noIndicator', { column: issue.column });
      case 'invalid':
        return t('import.issues.invalid');
    }
  };
  return (
    <div className="import-issues" role="status" data-testid="sheet-issues">
      <p className="import-issues__title">{t('import.issues.title')}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i} data-issue={issue.type}>
            {text(issue)}
          </li>
        ))}
      </ul>
    </div>
  );
}
