import { useMemo } from 'react';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import { arrowTableData } from '../../export/tables/arrow-table';
import type { TableItem } from '../../export/types';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../components/DataState';
import { formatNumber } from '../../format/numbers';
import { useLang } from '../../i18n';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { cellText } from './cell-text';
import { MODEL_TABLE_COLUMNS } from './model-columns';
import { ModelDetail } from './ModelDetail';
import { ModelsTable } from './ModelsTable';
import { MODEL_LIST_LIMIT, modelListSpec, nextSort } from './models-specs';
import './models.css';

/** Models page: the whole filtered list (engine-sorted, virtualised) and a detail panel. */
export function ModelsView() {
  const { t } = useTranslation();
  const lang = useLang();
  const filter = useAtlas((s) => s.filter);
  const sort = useAtlas((s) => s.modelSort);
  const selected = useAtlas((s) => s.selectedModel);
  const setSort = useAtlas((s) => s.setModelSort);
  const select = useAtlas((s) => s.selectModel);
  const spec = useMemo(() => modelListSpec(filter, sort), [filter, sort]);
  const list = useQuery(spec, 'models.list');
  const count = list.data?.numRows ?? 0;
  const data = list.data;
  const tableItem = useMemo<TableItem>(
    () => ({
      kind: 'table',
      id: 'models-list',
      title: t('models.title'),
      version: list.dataKey,
      getTable: () =>
        data
          ? arrowTableData(
              data,
              MODEL_TABLE_COLUMNS.map((c) => ({
                field: c.id,
                name: t(`models.columns.${c.id}`),
                kind: 'text' as const,
                text: (raw: unknown) => cellText(c, raw, lang),
              })),
            )
          : null,
    }),
    [data, list.dataKey, t, lang],
  );
  usePresentable(tableItem);

  return (
    <div className={`models${selected ? ' models--with-detail' : ''}`}>
      <section className="models__list card export-host" aria-labelledby="models-title">
        <ExportMenu item={tableItem} />
        <header className="card__header models__header">
          <h2 className="card__title" id="models-title" aria-live="polite" data-testid="models-count">
            {list.data ? t('models.count', { count, n: formatNumber(count, lang) }) : t('models.title')}
          </h2>
          <p className="card__hint">
            {count >= MODEL_LIST_LIMIT &&
              `${t('models.truncated', { n: formatNumber(MODEL_LIST_LIMIT, lang) })} `}
            {list.data && count > 0 && t('models.sortHint')}
          </p>
        </header>
        <div className="models__table-host">
          <DataState
            loading={list.loading}
            error={list.error}
            hasData={list.data !== null}
            empty={count === 0}
            onRetry={list.retry}
          >
            {list.data && (
              <ModelsTable
                table={list.data}
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
