import { useTranslation } from 'react-i18next';

/** The four steps of an import, in order. */
export const IMPORT_STEPS = ['choose', 'preview', 'commit', 'report'] as const;
/** One step. */
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** Where the user is in the import: choose → preview → import → report. */
export function ImportSteps({ current }: { current: ImportStep }) {
  const { t } = useTranslation();
  const at = IMPORT_STEPS.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('import.steps.label')}>
      {IMPORT_STEPS.map((s, i) => (
        <li
          key={s}
          className={`import-steps__item${i === at ? ' import-steps__item--on' : ''}${i < at ? ' import-steps__item--done' : ''}`}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="import-steps__num" aria-hidden="true">
            {i < at ? '✓' : i + 1}
          </span>
          {t(`import.steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
