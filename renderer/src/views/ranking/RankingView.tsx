import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_CODES, type FlagCode, type RankSpec } from '../../../../shared/rank-spec';
import { DataState } from '../../components/DataState';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import { rankTableData, type RankTableWords } from '../../export/tables/list-tables';
import type { TableItem } from '../../export/types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { fetchTable } from '../models/use-model-pages';
import { Breakdown } from './Breakdown';
import { RankControls } from './RankControls';
import { rankCounts, rankRows, type RankRow } from './rank-rows';
import { answeredSpec, effectiveSpec, focusSpec, pageSpec, useRankState, wholeTableSpec } from './rank-state';
import { RankTable } from './RankTable';
import { WeightEditor } from './WeightEditor';
import './ranking.css';

/**
 * Ranking page: presets and weights, the ranked table with flags, a breakdown and peer comparison. The
 * engine sorts, flag-filters and pages the table: the page asks for the rows it shows (the first `shown`
 * in the chosen order), never for every ranked model.
 */
export function RankingView() {
  const { t } = useTranslation();
  const lang = useLang();
  const filter = useAtlas((s) => s.filter);
  const spec = useRankState((s) => s.spec);
  const sort = useRankState((s) => s.sort);
  const flagFilter = useRankState((s) => s.flagFilter);
  const setFlagFilter = useRankState((s) => s.setFlagFilter);
  const shown = useRankState((s) => s.shown);
  const showMore = useRankState((s) => s.showMore);
  const selected = useRankState((s) => s.selected);
  const select = useRankState((s) => s.select);
  const query = useMemo(
    () => pageSpec(effectiveSpec(spec, filter), sort, flagFilter, shown),
    [spec, filter, sort, flagFilter, shown],
  );
  // While the next page loads the previous one stays on screen (dimmed), so "show more" does not blank it.
  const result = useQuery(query, 'ranking.table');
  // The spec the shown table answers (the edited spec may have moved on while a new result loads).
  const answered = useMemo(() => answeredSpec(result.dataKey, query), [result.dataKey, query]);
  const rows = useMemo(
    () => (result.data ? rankRows(result.data, answered.components) : []),
    [result.data, answered],
  );
  const counts = useMemo(() => (result.data ? rankCounts(result.data) : null), [result.data]);
  const ranked = counts?.ranked ?? rows.length;
  const matching = counts?.matching ?? rows.length;
  const detail = useDetail(rows, answered, selected, select);
  const tableItem = useRankTableItem(rows, matching, answered, result.dataKey, result.data !== null);
  usePresentable(tableItem);

  return (
    <div className={`ranking${detail ? ' ranking--with-detail' : ''}`}>
      <section className="card ranking__head" aria-labelledby="ranking-title">
        <header className="card__header">
          <h2 className="card__title" id="ranking-title">
            {t('ranking.title')}
          </h2>
          <p className="card__hint">{t('ranking.intro')}</p>
        </header>
        <RankControls />
      </section>
      <WeightEditor />
      <section className="card ranking__list" aria-labelledby="ranking-count">
        <header className="card__header ranking__list-head">
          <h3 className="card__title" id="ranking-count" aria-live="polite" data-testid="rank-count">
            {t('ranking.count', { n: formatNumber(ranked, lang) })}
          </h3>
          <label className="ranking__flag-filter">
            <span>{t('ranking.showFlag')}</span>
            <select
              value={flagFilter ?? ''}
              onChange={(e) => setFlagFilter((e.target.value || null) as FlagCode | null)}
              data-testid="rank-flag-filter"
            >
              <option value="">{t('ranking.anyFlag')}</option>
              {FLAG_CODES.map((c) => (
                <option key={c} value={c}>
                  {t(`ranking.flag.${c}.label`)}
                </option>
              ))}
            </select>
          </label>
          <ExportMenu item={tableItem} inline />
        </header>
        <DataState
          loading={result.loading}
          error={result.error}
          hasData={result.data !== null}
          empty={rows.length === 0}
          onRetry={result.retry}
        >
          <RankTable rows={rows} />
          <p className="ranking__more">
            <span data-testid="rank-shown">
              {t('ranking.shownOf', {
                shown: formatNumber(rows.length, lang),
                n: formatNumber(matching, lang),
              })}
            </span>{' '}
            {matching > rows.length && (
              <button
                type="button"
                className="button"
                onClick={showMore}
                disabled={result.loading}
                data-testid="rank-show-more"
              >
                {t('ranking.showMore')}
              </button>
            )}
          </p>
        </DataState>
      </section>
      {detail && <Breakdown row={detail.row} spec={detail.spec} onClose={() => select(null)} />}
    </div>
  );
}

/** A model's row and the spec it was ranked under (the breakdown reads its components from that spec). */
interface Detail {
  row: RankRow;
  spec: RankSpec;
}

/**
 * The selected model's breakdown: its row on the shown page, or else (selected before a sort, a flag
 * filter or a "show more" took it off the page) its row asked for on its own (`focus`). While that answer
 * is on its way the last breakdown of the same model stays; a model the ranking no longer holds (a filter
 * or an exclusion left it out) closes the breakdown.
 */
function useDetail(
  rows: readonly RankRow[],
  answered: RankSpec,
  selected: string | null,
  select: (id: string | null) => void,
): Detail | null {
  const onPage = useMemo(
    () => (selected ? rows.find((r) => r.modelId === selected) : undefined),
    [rows, selected],
  );
  const focusQuery = useMemo(
    () => (selected && !onPage ? focusSpec(answered, selected) : null),
    [selected, onPage, answered],
  );
  const focus = useQuery(focusQuery, 'ranking.focus');
  // Only an answer to this very focus spec counts (not a previous model's, not a previous ranking's).
  const focusAnswered = focus.data !== null && focus.key !== null && focus.dataKey === focus.key;
  const focused = useMemo(
    () => (focusAnswered && focus.data ? (rankRows(focus.data, answered.components)[0] ?? null) : null),
    [focusAnswered, focus.data, answered],
  );
  const current = useMemo<Detail | null>(() => {
    const row = onPage ?? focused;
    return row ? { row, spec: answered } : null;
  }, [onPage, focused, answered]);

  const [last, setLast] = useState<Detail | null>(null);
  // State set while rendering: React re-renders at once, before painting.
  if (current && (current.row !== last?.row || current.spec !== last?.spec)) setLast(current);

  const gone = selected !== null && !onPage && focusAnswered && focused === null;
  useEffect(() => {
    if (gone) select(null);
  }, [gone, select]);

  if (!selected || gone) return null;
  return current ?? (last?.row.modelId === selected ? last : null);
}

/**
 * The ranked table as an exportable item. On screen (presentation, slides) it is the rows loaded so far;
 * a file export fetches the whole table as shown (the same sort and flag filter, every row) from the
 * engine, through the Models list's fetch (not the query coordinator: one whole ranking would push the
 * charts' results out of its small cache).
 */
function useRankTableItem(
  rows: readonly RankRow[],
  matching: number,
  answered: RankSpec,
  dataKey: string | null,
  hasData: boolean,
): TableItem {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo<TableItem>(() => {
    const words: RankTableWords = {
      rank: t('ranking.columns.rank'),
      score: t('ranking.columns.score'),
      modelId: t('export.tables.modelId'),
      name: t('ranking.columns.name'),
      unit: t('ranking.columns.unit'),
      field: t('ranking.columns.field'),
      peer: t('export.tables.peer'),
      flags: t('ranking.columns.flags'),
      flag: (code) => t(`ranking.flag.${code}.label`),
    };
    return {
      kind: 'table',
      id: 'ranking-table',
      title: tableTitle(answered, t),
      // The answered spec's key: the ranking, its sort, flag filter and the rows loaded.
      version: `${dataKey ?? ''}|${lang}`,
      getTable: () => (hasData ? { ...rankTableData(rows, words), totalRows: matching } : null),
      loadTable: async () => {
        if (!hasData) return null;
        const table = await fetchTable(wholeTableSpec(answered), 'ranking.export');
        return rankTableData(rankRows(table, answered.components), words);
      },
    };
  }, [t, lang, rows, matching, answered, dataKey, hasData]);
}

/** The table's title, naming a sort other than by rank and the flag filter, so an export says what it holds. */
function tableTitle(spec: RankSpec, t: TFunction): string {
  let title = t('export.tables.ranking');
  const sort = spec.sort;
  if (sort && (sort.by !== 'rank' || sort.dir !== 'asc'))
    title = t('ranking.tableTitle.sorted', {
      title,
      column: t(`ranking.columns.${sort.by}`),
      dir: t(`ranking.tableTitle.${sort.dir}`),
    });
  if (spec.only)
    title = t('ranking.tableTitle.flagged', { title, flag: t(`ranking.flag.${spec.only}.label`) });
  return title;
}
