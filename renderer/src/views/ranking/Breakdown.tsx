import { useTranslation } from 'react-i18next';
import type { RankSpec } from '../../../../shared/rank-spec';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useReadyWorkspace } from '../../state/workspace';
import { ShortlistToggle } from '../shortlist/ShortlistToggle';
import type { RankRow } from './rank-rows';
import { componentLabel, componentValue, flagText } from './rank-text';

/** Width (%) of `v` on a bar scaled to `max`. */
const width = (v: number | null, max: number) =>
  v === null || max <= 0 ? 0 : Math.max(0, Math.min(100, (100 * v) / max));

/**
 * One model's score explained: each component's raw value, percentile in its peer group, weight and
 * points; the model against its peers' median and top decile per component; its integrity flags in words.
 */
export function Breakdown({ row, spec, onClose }: { row: RankRow; spec: RankSpec; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const peerName =
    spec.peer === 'all' ? t('ranking.peers.all') : row.peer || t(`ranking.peers.${spec.peer ?? 'field'}`);
  return (
    <aside className="breakdown card" aria-labelledby="breakdown-title" data-testid="rank-breakdown">
      <header className="card__header breakdown__header">
        <h3 className="card__title" id="breakdown-title">
          {t('ranking.breakdownOf', { name: row.name })}
        </h3>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t('ranking.closeBreakdown')}
        >
          ✕
        </button>
      </header>
      <p className="breakdown__meta">
        {row.modelId} · {row.unitName ?? '–'} · {row.field ?? '–'} · {row.sponsor ?? '–'}
      </p>
      <p className="breakdown__score">
        #{formatNumber(row.rank, lang)} · {t('ranking.scoreOf', { score: formatNumber(row.score, lang, 1) })}
      </p>
      <ShortlistToggle modelId={row.modelId} name={row.name} />
      <table className="breakdown__table">
        <thead>
          <tr>
            <th scope="col">{t('ranking.bd.component')}</th>
            <th scope="col">{t('ranking.bd.raw')}</th>
            <th scope="col">{t('ranking.bd.percentile')}</th>
            <th scope="col">{t('ranking.bd.weight')}</th>
            <th scope="col">{t('ranking.bd.contribution')}</th>
          </tr>
        </thead>
        <tbody>
          {spec.components.map((c, i) => {
            const p = row.parts[i];
            return (
              <tr key={i} data-component={i}>
                <th scope="row">{componentLabel(c, t, catalog.indicators, lang)}</th>
                <td>
                  {p?.raw === null
                    ? t('ranking.bd.notReported')
                    : componentValue(c, p?.raw ?? null, catalog.indicators, lang)}
                </td>
                <td>
                  <span className="pct-bar" aria-hidden="true">
                    <span className="pct-bar__fill" style={{ width: `${(p?.pct ?? 0) * 100}%` }} />
                  </span>
                  {p?.pct === null ? '–' : formatNumber((p?.pct ?? 0) * 100, lang, 0)}
                </td>
                <td>{formatNumber(c.weight, lang)}</td>
                <td>{formatNumber(p?.points ?? 0, lang, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4 className="breakdown__sub">{t('ranking.peerCompare', { peer: peerName })}</h4>
      <ul className="peer-compare" data-testid="peer-compare">
        {spec.components.map((c, i) => {
          const p = row.parts[i];
          const vals = [p?.raw ?? null, p?.median ?? null, p?.top10 ?? null];
          const max = Math.max(0, ...vals.map((v) => (v === null ? 0 : Math.abs(v))));
          const lines: [string, number | null, string][] = [
            [t('ranking.thisModel'), p?.raw ?? null, 'self'],
            [t('ranking.median'), p?.median ?? null, 'median'],
            [t('ranking.top10'), p?.top10 ?? null, 'top'],
          ];
          return (
            <li key={i} className="peer-compare__item">
              <p className="peer-compare__label">{componentLabel(c, t, catalog.indicators, lang)}</p>
              {lines.map(([label, v, kind]) => (
                <div key={kind} className={`peer-compare__line peer-compare__line--${kind}`}>
                  <span className="peer-compare__name">{label}</span>
                  <span className="peer-compare__bar" aria-hidden="true">
                    <span style={{ width: `${width(v === null ? null : Math.abs(v), max)}%` }} />
                  </span>
                  <span className="peer-compare__value">
                    {componentValue(c, v, catalog.indicators, lang)}
                  </span>
                </div>
              ))}
            </li>
          );
        })}
      </ul>
      <h4 className="breakdown__sub">{t('ranking.flagsTitle')}</h4>
      {row.flags.length === 0 ? (
        <p className="breakdown__none">{t('ranking.noFlags')}</p>
      ) : (
        <ul className="breakdown__flags">
          {row.flags.map((f, i) => {
            const w = flagText(f, t, catalog.indicators, lang);
            return (
              <li key={i} data-flag={f.code}>
                <strong>{w.label}:</strong> {w.text}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
