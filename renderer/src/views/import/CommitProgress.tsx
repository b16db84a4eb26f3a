import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { commitFraction, stageKey } from './commit-plan';
import { cancelCommit } from './import-actions';
import { useImport } from './import-store';
import { ProgressBar } from './ProgressBar';

/** Step 3: the running import, file by file, with its stage and a Cancel button. */
export function CommitProgress() {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useImport((s) => s.commit);
  if (!run) return null;
  const p = run.progress;
  // Once the derived tables are being rebuilt the file is as good as written: cancelling can no longer
  // undo it reliably, so the button says so instead of promising a rollback.
  const finishing = p?.stage === 'derive' || p?.stage === 'done';
  return (
    <section
      className="import-commit card"
      aria-labelledby="import-commit-title"
      data-testid="import-progress"
    >
      <h2 id="import-commit-title" className="import-commit__title">
        {t('import.commit.title')}
      </h2>
      <p className="import-commit__file">
        {t('import.commit.file', {
          i: formatNumber(run.index + 1, lang),
          n: formatNumber(run.count, lang),
          name: run.name,
        })}
      </p>
      <ProgressBar
        fraction={commitFraction(run.index, run.count, p)}
        label={t(stageKey(p?.stage))}
        busy={!run.cancelling && p?.stage !== 'done'}
        {...(p && p.total > 0 && p.stage !== 'done'
          ? { detail: t('import.commit.sheets', { done: Math.min(p.done + 1, p.total), total: p.total }) }
          : {})}
      />
      <p className="import-commit__safe">{t('import.commit.safe')}</p>
      <div className="import-commit__actions">
        <button
          type="button"
          className="button"
          onClick={cancelCommit}
          disabled={run.cancelling || finishing}
          data-testid="import-cancel"
        >
          {run.cancelling ? t('import.commit.cancelling') : t('import.commit.cancel')}
        </button>
        {finishing && <span className="import-commit__late">{t('import.commit.finishing')}</span>}
      </div>
    </section>
  );
}
