import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoReview } from '../../../../shared/import-types';
import { getApi } from '../../api';
import { toUiError } from '../../errors/ui-error';
import { formatNumber, formatPercent } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useWorkspace } from '../../state/workspace';
import { CrosswalkPendingTable } from './CrosswalkPendingTable';
import { importErrorKey } from './import-errors';
import { refreshWorkspace } from './refresh-workspace';

/** Key of a pending boundary feature in the choices map. */
const featureKey = (importId: number, index: number) => `${importId}:${index}`;

/**
 * Everything waiting for a person after boundary and crosswalk imports (`geo.review`): boundary
 * features no unit matched, and models naming a split pre-2025 unit. The user picks a unit per item
 * (likely ones first) and confirms; the engine stores the choices in one transaction (`geo.confirm`)
 * and remembers confirmed names for later imports.
 */
export function BoundaryReview() {
  const { t } = useTranslation();
  const lang = useLang();
  const ws = useWorkspace((s) => s.state);
  const units = ws.status === 'ready' ? ws.catalog.units : [];
  const [review, setReview] = useState<GeoReview | null>(null);
  const [features, setFeatures] = useState<Record<string, string>>({});
  const [models, setModels] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'failed'; text?: string }>({
    kind: 'idle',
  });

  const load = useCallback(async () => {
    const api = await getApi();
    setReview(await api.call('geo.review', {}));
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setStatus({ kind: 'failed', text: errorText(e) }));
  }, [load]);

  const errorText = (e: unknown) => t(`import.errors.${importErrorKey(toUiError(e).code)}.title`);
  const chosen =
    Object.values(features).filter(Boolean).length + Object.values(models).filter(Boolean).length;
  const confirm = async () => {
    if (!review) return;
    setStatus({ kind: 'saving' });
    try {
      const api = await getApi();
      const next = await api.call('geo.confirm', {
        boundaries: review.boundaries
          .filter((b) => features[featureKey(b.importId, b.index)])
          .map((b) => ({
            importId: b.importId,
            index: b.index,
            unitCode: features[featureKey(b.importId, b.index)] as string,
          })),
        reassignments: review.reassignments
          .filter((r) => models[r.modelId])
          .map((r) => ({ modelId: r.modelId, unitCode: models[r.modelId] as string })),
      });
      setReview(next);
      setFeatures({});
      setModels({});
      setStatus({ kind: 'saved', text: formatNumber(chosen, lang) });
      await refreshWorkspace();
    } catch (e) {
      setStatus({ kind: 'failed', text: errorText(e) });
    }
  };

  if (!review)
    return status.kind === 'failed' ? (
      <p className="import-note import-note--warn" role="alert">
        {t('geo.review.failed', { message: status.text ?? '' })}
      </p>
    ) : (
      <p className="import-note" role="status">
        {t('geo.review.loading')}
      </p>
    );
  const pending = review.boundaryCount + review.reassignmentCount;
  return (
    <section
      className="import-geo import-geo--review card"
      data-testid="geo-review"
      aria-labelledby="geo-review-title"
    >
      <h2 id="geo-review-title" className="import-geo__title">
        {t('geo.review.title')}
      </h2>
      {pending === 0 ? (
        <p className="import-note" data-testid="geo-review-empty">
          {t('geo.review.nothing')}
        </p>
      ) : (
        <p className="import-note">{t('geo.review.intro')}</p>
      )}
      {review.boundaryCount > 0 && (
        <>
          <h3 className="import-geo__subtitle">
            {t('geo.review.boundaries', { n: formatNumber(review.boundaryCount, lang) })}
          </h3>
          <table className="import-report__table" data-testid="geo-review-boundaries">
            <thead>
              <tr>
                <th scope="col">{t('geo.review.feature')}</th>
                <th scope="col">{t('geo.review.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {review.boundaries.map((b) => {
                const key = featureKey(b.importId, b.index);
                const label = b.name ?? b.code ?? t('geo.review.featureName', { n: b.index + 1 });
                const likely = new Set(b.candidates.map((c) => c.code));
                return (
                  <tr key={key} data-feature={label}>
                    <th scope="row">{label}</th>
                    <td>
                      <select
                        className="import-select"
                        value={features[key] ?? ''}
                        aria-label={t('geo.review.chooseFor', { name: label })}
                        onChange={(e) => setFeatures({ ...features, [key]: e.target.value })}
                      >
                        <option value="">{t('geo.review.choose')}</option>
                        {b.candidates.map((c) => (
                          <option key={c.code} value={c.code}>
                            {t('geo.review.candidate', {
                              name: c.name,
                              code: c.code,
                              pct: formatPercent(c.score, lang),
                            })}
                          </option>
                        ))}
                        <optgroup label={t('geo.review.unit')}>
                          {units
                            .filter((u) => !likely.has(u.code))
                            .map((u) => (
                              <option key={u.code} value={u.code}>
                                {u.name} ({u.code})
                              </option>
                            ))}
                        </optgroup>
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {review.boundaryCount > review.boundaries.length && (
            <p className="import-note">
              {t('geo.review.truncated', {
                shown: formatNumber(review.boundaries.length, lang),
                total: formatNumber(review.boundaryCount, lang),
              })}
            </p>
          )}
        </>
      )}
      {review.reassignmentCount > 0 && (
        <CrosswalkPendingTable
          review={review}
          choices={models}
          onChoose={(modelId, code) => setModels({ ...models, [modelId]: code })}
        />
      )}
      {pending > 0 && (
        <div className="import-geo__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={chosen === 0 || status.kind === 'saving'}
            onClick={() => void confirm()}
            data-testid="geo-confirm"
          >
            {status.kind === 'saving' ? t('geo.review.saving') : t('geo.review.confirmAll', { n: chosen })}
          </button>
        </div>
      )}
      {status.kind === 'saved' && (
        <p className="import-note" role="status" data-testid="geo-review-saved">
          {t('geo.review.saved', { n: status.text ?? '' })}
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="import-note import-note--warn" role="alert">
          {t('geo.review.failed', { message: status.text ?? '' })}
        </p>
      )}
    </section>
  );
}
