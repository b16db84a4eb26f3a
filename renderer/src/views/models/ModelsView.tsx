import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../components/DataState';
import { toUiError } from '../../errors/ui-error';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import { arrowTableData, type ArrowColumn } from '../../export/tables/arrow-table';
import type { TableData, TableItem } from '../../export/types';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { cellText } from './cell-text';
import { MODEL_TABLE_COLUMNS } from './model-columns';
import { modelListKey, type ModelList } from './model-pages';
import { ModelDetail } from './ModelDetail';
import { ModelsTable } from './ModelsTable';
import { MODEL_LIST_LIMIT, MODEL_PAGE_SIZE, modelCountSpec, modelListSpec, nextSort } from './models-specs';
import { fetchTable, useModelPages } from './use-model-pages';
import './models.css';

/** The list on screen: which one, and how many rows it holds. */
interface Shown {
  list: ModelList;
  total: number;
}

/**
 * Models page: the filtered list (engine-sorted, paged, virtualised) and a detail panel. The count comes
 * first from a cheap aggregate; rows arrive in pages as the table scrolls. On a filter or sort change the
 * previous list stays on screen (dimmed) until the new count and first page are both here, so the table
 * never flashes empty.
 */
export function ModelsView() {
  const { t } = useTranslation();
  const lang = useLang();
  const filter = useAtlas((s) => s.filter);
  const sort = useAtlas((s) => s.modelSort);
  const selected = useAtlas((s) => s.selectedModel);
  const setSort = useAtlas((s) => s.setModelSort);
  const select = useAtlas((s) => s.selectModel);
  const { info } = useReadyWorkspace();
  const { loader } = useModelPages();

  const list = useMemo<ModelList>(
    () => ({ key: modelListKey(info.dataVersion, filter, sort), filter, sort }),
    [info.dataVersion, filter, sort],
  );
  const countSpec = useMemo(() => modelCountSpec(filter), [filter]);
  const countQ = useQuery(countSpec, 'models.count');
  const counted = !countQ.loading && countQ.dataKey === countQ.key && countQ.data !== null;
  const total = counted ? Number(countQ.data?.getChild('m0')?.get(0) ?? 0) : null;

  // The new list replaces the shown one once its count and first page are here (state set while
  // rendering: React re-renders at once, before painting the stale frame).
  const [shown, setShown] = useState<Shown | null>(null);
  const ready = total !== null && (total === 0 || loader.page(list.key, 0) !== undefined);
  if (ready && (shown?.list.key !== list.key || shown.total !== total)) setShown({ list, total });
  const pending = shown?.list.key !== list.key;

  // While a new list is pending, load its first page (alongside the count); otherwise the table asks for
  // the pages it shows.
  useEffect(() => {
    if (pending) loader.want(list, [0]);
  }, [pending, list, loader]);
  const shownList = shown?.list ?? null;
  const onWant = useCallback(
    (pages: number[]) => {
      if (shownList && shownList.key === list.key) loader.want(shownList, pages);
    },
    [loader, shownList, list.key],
  );
  const pageAt = useCallback(
    (page: number) => (shownList ? loader.page(shownList.key, page) : undefined),
    [loader, shownList],
  );

  // A mark once a new list is drawn (its count and first rows): what a filter click costs on this page,
  // for the benchmarks (like the Overview's 'charts-rendered').
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() =>
      performance.mark('models-rendered', { detail: { list: shown.list.key } }),
    );
    return () => cancelAnimationFrame(frame);
  }, [shown]);

  const pageError = loader.error(list.key);
  const error = countQ.error ?? (pageError === undefined ? null : toUiError(pageError));
  const retry = () => {
    if (countQ.error) countQ.retry();
    loader.retry(list.key);
  };

  const tableItem = useTableItem(shown, t('models.title'), pageAt);
  usePresentable(tableItem);
  const count = shown?.total ?? 0;

  return (
    <div className={`models${selected ? ' models--with-detail' : ''}`}>
      <section className="models__list card export-host" aria-labelledby="models-title">
        <ExportMenu item={tableItem} />
        <header className="card__header models__header">
          <h2 className="card__title" id="models-title" aria-live="polite" data-testid="models-count">
            {shown ? t('models.count', { count, n: formatNumber(count, lang) }) : t('models.title')}
          </h2>
          <p className="card__hint">{shown && count > 0 && t('models.sortHint')}</p>
        </header>
        <div className="models__table-host">
          <DataState
            loading={pending}
            error={error}
            hasData={shown !== null}
            empty={count === 0}
            onRetry={retry}
          >
            {shown && (
              <ModelsTable
                listKey={shown.list.key}
                total={shown.total}
                pageAt={pageAt}
                onWant={onWant}
                sort={sort}
                onSort={(c) => setSort(nextSort(sort, c))}
                selected={selected}
                onSelect={select}
              />
            )}
          </DataState>
        </div>
      </section>
      {selected && <ModelDetail modelId={selected} onClose={() => select(null)} onOpenModel={select} />}
    </div>
  );
}

/**
 * The list as an exportable table. On screen (presentation, slides) it reads the pages already loaded from
 * the top; a file export fetches the whole filtered, sorted list from the engine when asked.
 */
function useTableItem(
  shown: Shown | null,
  title: string,
  pageAt: (page: number) => Table | undefined,
): TableItem {
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo<TableItem>(() => {
    const columns: ArrowColumn[] = MODEL_TABLE_COLUMNS.map((c) => ({
      field: c.id,
      name: t(`models.columns.${c.id}`),
      kind: 'text' as const,
      text: (raw: unknown) => cellText(c, raw, lang),
    }));
    const head = columns.map(({ name, kind }) => ({ name, kind }));
    const loaded = (): TableData | null => {
      if (!shown) return null;
      const rows: TableData['rows'] = [];
      for (let p = 0; p * MODEL_PAGE_SIZE < shown.total; p++) {
        const page = pageAt(p);
        if (!page) break;
        rows.push(...arrowTableData(page, columns).rows);
      }
      return { columns: head, rows, totalRows: shown.total };
    };
    return {
      kind: 'table',
      id: 'models-list',
      title,
      version: shown?.list.key ?? null,
      getTable: loaded,
      loadTable: async () => {
        if (!shown) return null;
        const { filter, sort } = shown.list;
        // The engine lists at most MODEL_LIST_LIMIT rows per spec: a longer list comes in several.
        let rows: TableData['rows'] = [];
        for (let offset = 0; ; offset += MODEL_LIST_LIMIT) {
          const part = await fetchTable(modelListSpec(filter, sort, offset), 'models.export');
          rows = rows.concat(arrowTableData(part, columns).rows);
          if (part.numRows < MODEL_LIST_LIMIT) break;
        }
        return { columns: head, rows };
      },
    };
  }, [shown, title, pageAt, t, lang]);
}
