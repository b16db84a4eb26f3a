import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/import-types';
import { problemMessage } from './problem-text';

const ICON = { error: '!', warning: '!', info: 'i' } as const;

/** Reading and mapping notes of a file or sheet, most severe first, each with its severity. */
export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="import-problems">
      {problems.map((p, i) => {
        const m = problemMessage(p);
        return (
          <li
            key={`${p.code}-${i}`}
            className={`import-problem import-problem--${p.severity}`}
            data-problem={p.code}
          >
            <span className="import-problem__icon" aria-hidden="true">
              {ICON[p.severity]}
            </span>
            <span className="visually-hidden">{t(`import.severity.${p.severity}`)}: </span>
            <span>
              {t(m.key, m.values)}
              {p.row !== undefined && p.code !== 'COLUMN_NUMBERING_ROW' && (
                <span className="import-problem__where"> ({t('import.place.row', { row: p.row })})</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
