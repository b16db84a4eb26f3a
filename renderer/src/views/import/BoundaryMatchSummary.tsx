import { useTranslation } from 'react-i18next';
import type { BoundaryMatchReport } from '../../../../shared/import-types';
import { formatNumber, formatPercent } from '../../format/numbers';
import { useLang } from '../../i18n';

/** Items shown per list; the rest is counted ("… and 12 more"). */
const SHOWN = 12;

/**
 * How a boundary file's features matched the units: counts by evidence, features not matched (with
 * why and likely units) and units left without a boundary. Shown in the preview (nothing written yet)
 * and in the report.
 */
export function BoundaryMatchSummary({
  report,
  phase,
}: {
  report: BoundaryMatchReport;
  phase: 'preview' | 'report';
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const by = (['code', 'name', 'alias', 'confirmed'] as const).filter((k) => report.by[k] > 0);
  const byKey = { code: 'byCode', name: 'byName', alias: 'byAlias', confirmed: 'byConfirmed' } as const;
  const candidates = (list: { name: string; score: number }[]) =>
    list.length
      ? t('geo.match.candidates', {
          list: list
            .map((c) => t('geo.match.score', { name: c.name, pct: formatPercent(c.score, lang) }))
            .join('; '),
        })
      : t('geo.match.noCandidates');
  return (
    <section className="import-geo" data-testid="boundary-match" aria-label={t('geo.match.title')}>
      <h3 className="import-geo__title">{t('geo.match.title')}</h3>
      <p className="import-geo__summary" data-testid="boundary-match-summary">
        {t('geo.match.summary', { matched: n(report.matched), features: n(report.features) })}
        {by.length > 0 &&
          ` (${by.map((k) => t(`geo.match.${byKey[k]}`, { n: n(report.by[k]) })).join(', ')})`}
      </p>
      {report.registered > 0 && (
        <p className="import-note">
          {t(phase === 'preview' ? 'geo.match.registered' : 'geo.match.registeredDone', {
            n: n(report.registered),
          })}
        </p>
      )}
      {report.withoutGeometry > 0 && (
        <p className="import-note import-note--warn">
          {t('geo.match.withoutGeometry', { n: n(report.withoutGeometry) })}
        </p>
      )}
      {report.unmatchedFeatureCount > 0 && (
        <div className="import-names" data-testid="boundary-unmatched-features">
          <p className="import-names__title">
            {t('geo.match.unmatchedFeatures', { n: n(report.unmatchedFeatureCount) })}
          </p>
          <ul className="import-names__list">
            {report.unmatchedFeatures.slice(0, SHOWN).map((f) => (
              <li key={f.index}>
                <strong>{f.name ?? f.code ?? t('geo.review.featureName', { n: f.index + 1 })}</strong>
                {' — '}
                {t(`geo.match.reasons.${f.reason}`)}
                {f.reason !== 'no_key' && <>. {candidates(f.candidates)}</>}
              </li>
            ))}
          </ul>
          {report.unmatchedFeatureCount > SHOWN && (
            <p className="import-names__more">
              {t('geo.match.more', { n: n(report.unmatchedFeatureCount - SHOWN) })}
            </p>
          )}
        </div>
      )}
      {report.unmatchedUnitCount > 0 && (
        <div className="import-names" data-testid="boundary-unmatched-units">
          <p className="import-names__title">
            {t('geo.match.unmatchedUnits', { n: n(report.unmatchedUnitCount) })}
          </p>
          <ul className="import-names__list">
            {report.unmatchedUnits.slice(0, SHOWN).map((u) => (
              <li key={u.code}>
                <strong>{u.name}</strong> ({u.code})
                {u.candidates.length > 0 && <>. {candidates(u.candidates)}</>}
              </li>
            ))}
          </ul>
          {report.unmatchedUnitCount > SHOWN && (
            <p className="import-names__more">
              {t('geo.match.more', { n: n(report.unmatchedUnitCount - SHOWN) })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
