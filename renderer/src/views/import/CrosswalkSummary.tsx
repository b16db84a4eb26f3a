import { useTranslation } from 'react-i18next';
import type { CrosswalkReport } from '../../../../shared/import-types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';

/** What a crosswalk import (or an import while a crosswalk is stored) did to the models. */
export function CrosswalkSummary({ report }: { report: CrosswalkReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="import-geo" data-testid="crosswalk-summary" aria-label={t('geo.crosswalk.title')}>
      <h3 className="import-geo__title">{t('geo.crosswalk.title')}</h3>
      {report.rows > 0 && (
        <p className="import-note">
          {t('geo.crosswalk.rows', {
            rows: n(report.rows),
            full: n(report.full),
            partial: n(report.partial),
          })}
        </p>
      )}
      {report.reassigned > 0 && (
        <p className="import-note">{t('geo.crosswalk.reassigned', { n: n(report.reassigned) })}</p>
      )}
      {report.pending > 0 && (
        <p className="import-note import-note--warn">
          {t('geo.crosswalk.pending', { n: n(report.pending) })}
        </p>
      )}
      {report.unresolved > 0 && (
        <p className="import-note import-note--warn">
          {t('geo.crosswalk.unresolved', { n: n(report.unresolved) })}
        </p>
      )}
    </section>
  );
}
