import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_CODES, type FlagCode } from '../../../../shared/rank-spec';
import { DataState } from '../../components/DataState';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import { rankTableData } from '../../export/tables/list-tables';
import type { TableItem } from '../../export/types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { Breakdown } from './Breakdown';
import { RankControls } from './RankControls';
import { filterByFlag, rankRows, sortRows } from './rank-rows';
import { answeredSpec, effectiveSpec, useRankState } from './rank-state';
import { RankTable } from './RankTable';
import { WeightEditor } from './WeightEditor';
import './ranking.css';

/** Ranking page: presets and weights, the ranked table with flags, a breakdown and peer comparison. */
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
  const query = useMemo(() => effectiveSpec(spec, filter), [spec, filter]);
  const result = useQuery(query, 'ranking.table');
  // The spec the shown table answers (the edited spec may have moved on while a new result loads).
  const answered = useMemo(() => answeredSpec(result.dataKey, query), [result.dataKey, query]);
  const rows = useMemo(
    () => (result.data ? rankRows(result.data, answered.components) : []),
    [result.data, answered],
  );
  const visible = useMemo(
    () => sortRows(filterByFlag(rows, flagFilter), sort.by, sort.dir),
    [rows, flagFilter, sort],
  );
  const row = selected ? rows.find((r) => r.modelId === selected) : undefined;
  // The ranked table as shown (flag filter and sort applied), every row: export, deck, presentation.
  const tableItem = useMemo<TableItem>(
    () => ({
      kind: 'table',
      id: 'ranking-table',
      title: t('export.tables.ranking'),
      version: `${result.dataKey ?? ''}|${flagFilter ?? ''}|${sort.by}|${sort.dir}|${lang}`,
      getTable: () =>
        result.data
          ? rankTableData(visible, {
              rank: t('ranking.columns.rank'),
              score: t('ranking.columns.score'),
              modelId: t('export.tables.modelId'),
              name: t('ranking.columns.name'),
              unit: t('ranking.columns.unit'),
              field: t('ranking.columns.field'),
              peer: t('export.tables.peer'),
              flags: t('ranking.columns.flags'),
              flag: (code) => t(`ranking.flag.${code}.label`),
            })
          : null,
    }),
    [t, lang, result.data, result.dataKey, visible, flagFilter, sort],
  );
  usePresentable(tableItem);

  return (
    <div className={`ranking${row ? ' ranking--with-detail' : ''}`}>
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
            {t('ranking.count', { n: formatNumber(rows.length, lang) })}
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
          empty={visible.length === 0}
          onRetry={result.retry}
        >
          <RankTable rows={visible.slice(0, shown)} />
          {visible.length > shown && (
            <p className="ranking__more">
              {t('ranking.shownOf', {
                shown: formatNumber(shown, lang),
                n: formatNumber(visible.length, lang),
              })}{' '}
              <button type="button" className="button" onClick={showMore}>
                {t('ranking.showMore')}
              </button>
            </p>
          )}
        </DataState>
      </section>
      {row && <Breakdown row={row} spec={answered} onClose={() => select(null)} />}
    </div>
  );
}
