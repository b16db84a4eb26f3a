import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { editRemaining, resetImport } from './import-actions';
import { useImport } from './import-store';
import { FileReport } from './FileReport';
import { BoundaryMatchSummary } from './BoundaryMatchSummary';
import { BoundaryReview } from './BoundaryReview';
import { CrosswalkSummary } from './CrosswalkSummary';

/** Step 4: what was imported, what was not and why; then on to the data. */
export function ReportStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const outcomes = useImport((s) => s.outcomes);
  const setView = useAtlas((s) => s.setView);
  const imported = outcomes.filter((o) => o.report);
  const rows = imported.reduce((n, o) => n + (o.report?.rowsImported ?? 0), 0);
  const rejected = imported.reduce((n, o) => n + (o.report?.rowsRejected ?? 0), 0);
  const notDone = outcomes.filter((o) => !o.report && o.status !== 'lateImported').length;
  const anyData = imported.length > 0 || outcomes.some((o) => o.status === 'lateImported');
  const title = notDone === 0 ? 'done' : anyData ? 'partial' : 'failed';
  return (
    <div className="import-report" data-testid="import-report">
      <section
        className={`import-summary card import-summary--${title}`}
        aria-labelledby="import-summary-title"
      >
        <div>
          <h2 id="import-summary-title" className="import-summary__title">
            {t(`import.report.title.${title}`)}
          </h2>
          <p className="import-summary__text" data-testid="import-summary">
            {imported.length > 0
              ? t('import.report.summary', {
                  count: imported.length,
                  files: formatNumber(imported.length, lang),
                  rows: formatNumber(rows, lang),
                  rejected: formatNumber(rejected, lang),
                })
              : t('import.report.nothing')}
          </p>
          {notDone > 0 && (
            <p className="import-summary__text">{t('import.report.notDone', { count: notDone })}</p>
          )}
        </div>
        <div className="import-summary__actions">
          {anyData && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setView('overview')}
              data-testid="import-view-data"
            >
              {t('import.report.viewData')}
            </button>
          )}
          {notDone > 0 && (
            <button type="button" className="button" onClick={editRemaining}>
              {t('import.report.fixAndRetry', { count: notDone })}
            </button>
          )}
          <button type="button" className="button" onClick={resetImport} data-testid="import-again">
            {t('import.report.again')}
          </button>
        </div>
      </section>
      {outcomes.map((o) => (
        <FileReport key={o.key} outcome={o} />
      ))}
      {imported.map((o) =>
        o.report?.boundaryMatch ? (
          <BoundaryMatchSummary key={`geo-${o.key}`} report={o.report.boundaryMatch} phase="report" />
        ) : null,
      )}
      {imported.map((o) =>
        o.report?.crosswalk ? <CrosswalkSummary key={`cw-${o.key}`} report={o.report.crosswalk} /> : null,
      )}
      {imported.some((o) => o.report?.boundaryMatch || o.report?.crosswalk) && <BoundaryReview />}
      {imported.length > 0 && <p className="import-report__hint">{t('import.report.skippedHint')}</p>}
    </div>
  );
}
