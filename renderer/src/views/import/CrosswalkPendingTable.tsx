import { useTranslation } from 'react-i18next';
import type { GeoReview } from '../../../../shared/import-types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';

/**
 * Models naming a pre-2025 unit that was split between several new units: one row per model with
 * the new units the crosswalk names for it. The choice is the user's; nothing is preselected.
 */
export function CrosswalkPendingTable({
  review,
  choices,
  onChoose,
}: {
  review: GeoReview;
  choices: Record<string, string>;
  onChoose: (modelId: string, unitCode: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <h3 className="import-geo__subtitle">
        {t('geo.review.reassignments', { n: formatNumber(review.reassignmentCount, lang) })}
      </h3>
      <table className="import-report__table" data-testid="geo-review-reassignments">
        <thead>
          <tr>
            <th scope="col">{t('geo.review.model')}</th>
            <th scope="col">{t('geo.review.oldUnit')}</th>
            <th scope="col">{t('geo.review.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {review.reassignments.map((r) => (
            <tr key={r.modelId} data-model={r.modelId}>
              <th scope="row">
                {r.modelName} ({r.modelId})
              </th>
              <td>{r.oldUnit}</td>
              <td>
                <select
                  className="import-select"
                  value={choices[r.modelId] ?? ''}
                  aria-label={t('geo.review.chooseFor', { name: r.modelName })}
                  onChange={(e) => onChoose(r.modelId, e.target.value)}
                >
                  <option value="">{t('geo.review.choose')}</option>
                  {r.candidates.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name} ({c.code})
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {review.reassignmentCount > review.reassignments.length && (
        <p className="import-note">
          {t('geo.review.truncated', {
            shown: formatNumber(review.reassignments.length, lang),
            total: formatNumber(review.reassignmentCount, lang),
          })}
        </p>
      )}
    </>
  );
}
