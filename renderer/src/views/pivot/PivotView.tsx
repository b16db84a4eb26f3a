import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildPivotGrid,
  readPivotRecords,
  type GridColumn,
  type GridRow,
} from '../../../../shared/pivot-grid';
import type { PivotSpec } from '../../../../shared/pivot-spec';
import { DataState } from '../../components/DataState';
import { usePresentable } from '../../export/registry';
import { pivotTableData } from '../../export/tables/pivot-table';
import type { TableItem } from '../../export/types';
import { toUiError } from '../../errors/ui-error';
import { useLang } from '../../i18n';
import { formatNumber } from '../../format/numbers';
import { useAtlas } from '../../state/store';
import { useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { cellKeys, drillFilter } from './drill';
import { exportPivotFile, filtersText } from './export-file';
import { FieldList } from './FieldList';
import { FieldWells } from './FieldWells';
import { PivotChart } from './PivotChart';
import { DEFAULT_LAYOUT, formatLayout, parseLayout, toSpec, type PivotLayout } from './pivot-layout';
import { PivotTable } from './PivotTable';
import { PivotToolbar, type PivotDisplay } from './PivotToolbar';
import { SavedViews } from './SavedViews';
import { usePivotText } from './use-pivot-text';
import './pivot.css';

/**
 * The pivot page: field list, wells, toolbar and the grid (or chart) of the layout under the global
 * filter. The layout lives in the URL hash, so a pivot can be reopened or shared; named pivots are saved
 * in the workspace. Clicking a cell opens the Models page filtered to that cell.
 */
export function PivotView() {
  const { t } = useTranslation();
  const lang = useLang();
  const { catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const pivotJson = useAtlas((s) => s.pivot);
  const setPivot = useAtlas((s) => s.setPivot);
  const applyUrl = useAtlas((s) => s.applyUrl);
  const [heat, setHeat] = useState(false);
  const [display, setDisplay] = useState<PivotDisplay>('table');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState('');

  const layout = useMemo(() => parseLayout(pivotJson) ?? DEFAULT_LAYOUT, [pivotJson]);
  const setLayout = useCallback((l: PivotLayout) => setPivot(formatLayout(l)), [setPivot]);
  const spec = useMemo(() => toSpec(layout, filter), [layout, filter]);
  const q = useQuery(spec, 'pivot.grid');
  // The shown table may answer an earlier spec (while a new one loads): shape it with that spec.
  const dataSpec = useMemo(() => (q.dataKey ? (JSON.parse(q.dataKey) as PivotSpec) : null), [q.dataKey]);
  const dataLayout = useMemo((): PivotLayout => {
    if (!dataSpec) return layout;
    const { filter: _shown, ...rest } = dataSpec;
    return rest;
  }, [dataSpec, layout]);
  const text = usePivotText(dataLayout, catalog);
  const grid = useMemo(
    () =>
      q.data && dataSpec ? buildPivotGrid(dataSpec, readPivotRecords(dataSpec, q.data), text.grid) : null,
    [q.data, dataSpec, text],
  );

  const shownGrid = grid && grid.tooLarge === null && display === 'table' ? grid : null;
  const tableItem = useMemo<TableItem | null>(
    () =>
      shownGrid
        ? {
            kind: 'table',
            id: 'pivot-table',
            title: t('pivot.title'),
            version: q.dataKey,
            getTable: () => pivotTableData(shownGrid),
          }
        : null,
    [shownGrid, q.dataKey, t],
  );
  usePresentable(tableItem);

  const canDrill = useCallback(
    (row: GridRow, col: GridColumn) =>
      dataSpec !== null &&
      drillFilter(filter, cellKeys(dataSpec, row.keys, row.level, col.keys, col.level), dataSpec.grain) !==
        null,
    [dataSpec, filter],
  );
  const onDrill = useCallback(
    (row: GridRow, col: GridColumn) => {
      if (!dataSpec) return;
      const next = drillFilter(
        filter,
        cellKeys(dataSpec, row.keys, row.level, col.keys, col.level),
        dataSpec.grain,
      );
      if (!next) return;
      applyUrl({ view: 'models', filter: next, modelSort: null, selectedModel: null });
    },
    [dataSpec, filter, applyUrl],
  );

  const onExport = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    setExportError('');
    try {
      await exportPivotFile(spec, format, {
        title: t('pivot.title'),
        filtersText: filtersText(filter, {
          province: t('filters.province'),
          unit: t('filters.unit'),
          unitType: t('pivot.dim.unit_type'),
          field: t('filters.field'),
          sponsor: t('filters.sponsor'),
          status: t('filters.status'),
          recognition: t('pivot.dim.recognition'),
          startYear: t('pivot.dim.start_year'),
          indicator: t('pivot.dim.indicator'),
          indicatorName: (code) => {
            const ind = catalog.indicators.find((i) => i.code === code);
            return (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? code;
          },
          period: t('pivot.dim.period'),
          search: t('filters.search'),
          none: t('pivot.noFilter'),
        }),
        locale: lang,
      });
    } catch (e) {
      setExportError(t('pivot.exportFailed', { code: toUiError(e).code }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="pivot">
      <aside className="pivot__side">
        <FieldList layout={layout} catalog={catalog} text={text} onChange={setLayout} />
      </aside>
      <div className="pivot__main">
        <section className="card pivot__setup" aria-label={t('pivot.title')}>
          <FieldWells layout={layout} catalog={catalog} text={text} onChange={setLayout} />
          <SavedViews layout={layout} />
        </section>
        <section className="card pivot__result" aria-labelledby="pivot-title">
          <header className="card__header pivot__header">
            <h2 className="card__title" id="pivot-title">
              {t('pivot.title')}
            </h2>
            <p className="card__hint">{t('pivot.drillHint')}</p>
          </header>
          <PivotToolbar
            layout={layout}
            onChange={setLayout}
            heat={heat}
            onHeat={setHeat}
            display={display}
            onDisplay={setDisplay}
            exporting={exporting}
            onExport={(f) => void onExport(f)}
          />
          {exportError && (
            <p className="pivot__error" role="alert">
              {exportError}
            </p>
          )}
          <div className="pivot__grid-host">
            <DataState
              loading={q.loading}
              error={q.error}
              hasData={grid !== null}
              empty={grid !== null && grid.tooLarge === null && grid.rows.length === 0}
              onRetry={q.retry}
            >
              {grid && grid.tooLarge !== null && (
                <p className="pivot__too-large" role="alert" data-testid="pivot-too-large">
                  {t('pivot.tooLarge', { n: formatNumber(grid.tooLarge, lang) })}
                </p>
              )}
              {grid && grid.tooLarge === null && dataSpec && display === 'table' && (
                <PivotTable grid={grid} text={text} heat={heat} onDrill={onDrill} canDrill={canDrill} />
              )}
              {grid && grid.tooLarge === null && dataSpec && display !== 'table' && (
                <PivotChart grid={grid} text={text} kind={display} />
              )}
            </DataState>
          </div>
        </section>
      </div>
    </div>
  );
}
