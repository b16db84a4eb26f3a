import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { ShortlistToggle } from '../shortlist/ShortlistToggle';
import { FlagBadges } from './FlagBadges';
import type { RankSortKey } from '../../../../shared/rank-spec';
import type { RankRow } from './rank-rows';
import { useRankState } from './rank-state';

const COLUMNS: readonly { key: RankSortKey | 'score' | 'shortlist'; sort: RankSortKey | null }[] = [
  { key: 'rank', sort: 'rank' },
  { key: 'score', sort: 'rank' },
  { key: 'name', sort: 'name' },
  { key: 'unit', sort: 'unit' },
  { key: 'field', sort: 'field' },
  { key: 'flags', sort: 'flags' },
  { key: 'shortlist', sort: null },
];

/** The ranked table: rank, score bar, model, unit, field, flag badges, shortlist star; sortable headers. */
export function RankTable({ rows }: { rows: readonly RankRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useRankState((s) => s.sort);
  const setSort = useRankState((s) => s.setSort);
  const selected = useRankState((s) => s.selected);
  const select = useRankState((s) => s.select);
  return (
    <table className="rank-table" data-testid="rank-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const on = c.sort !== null && sort.by === c.sort && c.key !== 'score';
            const label = t(`ranking.columns.${c.key}`);
            return (
              <th
                key={c.key}
                scope="col"
                className={`rank-table__head rank-table__head--${c.key}`}
                aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort && c.key !== 'score' ? (
                  <button
                    type="button"
                    className="rank-table__sort"
                    onClick={() => c.sort && setSort(c.sort)}
                    title={t('ranking.sortBy', { column: label })}
                  >
                    {label}
                    <span aria-hidden="true">{on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const isSel = r.modelId === selected;
          return (
            <tr
              key={r.modelId}
              className={`rank-table__row${isSel ? ' rank-table__row--selected' : ''}`}
              aria-selected={isSel}
              data-model-id={r.modelId}
              tabIndex={0}
              onClick={() => select(r.modelId)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  select(r.modelId);
                }
              }}
            >
              <td className="rank-table__rank">{formatNumber(r.rank, lang)}</td>
              <td
                className="rank-table__score"
                title={t('ranking.scoreOf', { score: formatNumber(r.score, lang, 1) })}
              >
                <span className="score-bar" aria-hidden="true">
                  <span
                    className="score-bar__fill"
                    style={{ width: `${Math.max(0, Math.min(100, r.score))}%` }}
                  />
                </span>
                <span className="score-bar__text">{formatNumber(r.score, lang, 1)}</span>
              </td>
              <td className="rank-table__name">
                <span className="rank-table__model">{r.name}</span>
                <span className="rank-table__id">{r.modelId}</span>
              </td>
              <td>{r.unitName ?? '–'}</td>
              <td>{r.field ?? '–'}</td>
              <td>
                <FlagBadges codes={r.flagCodes} />
              </td>
              <td>
                <ShortlistToggle modelId={r.modelId} name={r.name} compact />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
