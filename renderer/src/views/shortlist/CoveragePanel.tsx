import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortlistCoverage, ShortlistEntry } from '../../../../shared/shortlist';
import { getApi } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { toUiError, type UiError } from '../../errors/ui-error';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';

/** Where a shortlisted model has been replicated (lineage both ways) and which units still lack its field. */
export function CoveragePanel({ entry }: { entry: ShortlistEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [cov, setCov] = useState<ShortlistCoverage | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    let live = true;
    setCov(null);
    setError(null);
    getApi()
      .then((api) => api.call('shortlist.coverage', { modelId: entry.modelId }))
      .then(
        (r) => live && setCov(r[0] ?? null),
        (e: unknown) => live && setError(toUiError(e)),
      );
    return () => {
      live = false;
    };
  }, [entry.modelId]);
  const name = entry.name ?? entry.modelId;
  return (
    <aside className="card coverage" aria-labelledby="coverage-title" data-testid="coverage-panel">
      <h3 className="card__title" id="coverage-title">
        {t('shortlist.coverageOf', { name })}
      </h3>
      {error && <ErrorState error={error} compact />}
      {cov && (
        <>
          {cov.origins.length > 0 && (
            <>
              <h4>{t('shortlist.origins')}</h4>
              <ul className="coverage__list">
                {cov.origins.map((m) => (
                  <li key={m.modelId}>
                    {m.name} · {m.unitName ?? '–'}{' '}
                    <span className="shortlist-table__id">{t('shortlist.depth', { depth: m.depth })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>{t('shortlist.replicas')}</h4>
          {cov.replicas.length === 0 ? (
            <p className="coverage__none">{t('shortlist.noReplicas')}</p>
          ) : (
            <ul className="coverage__list" data-testid="coverage-replicas">
              {cov.replicas.map((m) => (
                <li key={m.modelId}>
                  {m.name} · {m.unitName ?? '–'}{' '}
                  <span className="shortlist-table__id">{t('shortlist.depth', { depth: m.depth })}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            {t('shortlist.unitsWithField', {
              with: formatNumber(cov.unitsWithField, lang),
              total: formatNumber(cov.unitsTotal, lang),
              field: cov.field ?? '–',
            })}
          </p>
          <details open={cov.unitsLacking.length <= 30}>
            <summary>
              {t('shortlist.unitsLacking', { n: formatNumber(cov.unitsLacking.length, lang) })}
            </summary>
            <ul className="coverage__units" data-testid="coverage-lacking">
              {cov.unitsLacking.map((u) => (
                <li key={u.code}>{u.name}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </aside>
  );
}
