import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../api/arrow';
import { EChart } from '../../charts/EChart';
import { escapeHtml } from '../../charts/html';
import { mapOption, type MapItemKind } from '../../charts/options/map-option';
import { lightTheme } from '../../charts/theme';
import type { ChartOption } from '../../charts/types';
import { DataState } from '../../components/DataState';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import type { ChartItem } from '../../export/types';
import { ErrorState } from '../../components/ErrorState';
import { formatNumber, formatValue } from '../../format/numbers';
import { useLang } from '../../i18n';
import { vocabLabel, type VocabKind } from '../../i18n/vocab';
import { useAtlas } from '../../state/store';
import { isSettled, useQuery } from '../../state/use-query';
import { useReadyWorkspace } from '../../state/workspace';
import { mapExportOption } from './map-export';
import { MapControls } from './MapControls';
import { classItems, MapLegend, type LegendItem } from './MapLegend';
import { MapTable } from './MapTable';
import { UnitFinder } from './UnitFinder';
import {
  bubblesOf,
  categoryColors,
  classifyUnits,
  gapFills,
  linesOf,
  pointsOf,
  type UnitDatum,
} from './map-model';
import { layerSpec, unitsSpec } from './map-specs';
import { useMapSettings } from './map-store';
import { GAP_FILL, NO_DATA, SELECTED_BORDER, SEQUENTIAL, type PaletteId } from './palettes';
import { useBoundaries } from './use-boundaries';
import './map.css';

/** Above this many model points, 'auto' draws their density instead. */
export const DENSITY_THRESHOLD = 1500;

const ZOOM_STEP = 1.6;

/**
 * The map: units shaded by a measure (or bubbles), model points, replication lines or gaps, all following
 * the global filter. Clicking a unit sets the global unit filter (clicking it again clears it); the map
 * itself keeps every unit on screen and outlines the selected ones.
 */
export function MapView() {
  const { t } = useTranslation();
  const lang = useLang();
  const { info, catalog } = useReadyWorkspace();
  const filter = useAtlas((s) => s.filter);
  const setList = useAtlas((s) => s.setList);
  const selectModel = useAtlas((s) => s.selectModel);
  const setView = useAtlas((s) => s.setView);
  const settings = useMapSettings();
  const setSettings = settings.set;
  // An indicator from an old link may not be in this workspace's catalogue: use the first one then.
  const indicator = catalog.indicators.some((i) => i.code === settings.indicator)
    ? settings.indicator
    : (catalog.indicators[0]?.code ?? '');
  const geo = useBoundaries(info.dataVersion);

  const uSpec = useMemo(() => unitsSpec(settings, filter, indicator), [settings, filter, indicator]);
  const lSpec = useMemo(() => layerSpec(settings, filter), [settings, filter]);
  const unitsQ = useQuery(uSpec, 'map.units');
  const layerQ = useQuery(lSpec, 'map.layer');

  const colouring = settings.mode === 'choropleth' || settings.mode === 'bubbles';
  const growth = colouring && settings.measure === 'growth';
  const ind = catalog.indicators.find((i) => i.code === indicator);
  const indName = (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? indicator;

  const unitRows = useMemo(() => (unitsQ.data ? toRows(unitsQ.data) : []), [unitsQ.data]);
  const units: UnitDatum[] = useMemo(
    () =>
      unitRows.map((r) => ({
        code: String(r.unit_code),
        name: String(r.unit_name ?? r.unit_code),
        value: typeof r.value === 'number' ? r.value : null,
        models: typeof r.models === 'number' ? r.models : 0,
      })),
    [unitRows],
  );
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const years = unitRows[0] as { year_first?: number; year_last?: number } | undefined;

  const valueUnit = useMemo(() => {
    if (!colouring) return t('units.models');
    if (settings.measure === 'growth') return '%';
    const base = settings.measure === 'indicator' ? (ind?.unit ?? '') : (t('units.models') as string);
    if (settings.per === 'per10k') return t('map.unitPer10k', { unit: base });
    if (settings.per === 'per_km2') return t('map.unitPerKm2', { unit: base });
    return base;
  }, [colouring, settings.measure, settings.per, ind, t]);

  const measureTitle = !colouring
    ? t(`map.modes.${settings.mode}`)
    : settings.measure === 'indicator' || settings.measure === 'growth'
      ? `${t(`map.measures.${settings.measure}`)}: ${indName}`
      : settings.measure === 'count_field'
        ? `${t('map.measures.count_field')}: ${vocabLabel('field', settings.field, lang)}`
        : t('map.measures.count_models');

  const palette: PaletteId = settings.palette === 'auto' ? (growth ? 'puor' : 'ylgnbu') : settings.palette;
  const classified = useMemo(
    () => classifyUnits(units, settings.method, settings.classes, palette),
    [units, settings.method, settings.classes, palette],
  );

  // The extra layer's rows (points, lines or gaps), when they answer the current mode.
  const layerRows = useMemo(() => (layerQ.data && lSpec ? toRows(layerQ.data) : []), [layerQ.data, lSpec]);
  const colorKind: VocabKind | null =
    settings.colorBy === 'field' || settings.colorBy === 'status' || settings.colorBy === 'sponsor'
      ? settings.colorBy
      : settings.colorBy === 'recognition'
        ? 'recognition'
        : null;
  const pointRows = useMemo(
    () =>
      settings.mode !== 'points'
        ? []
        : layerRows.flatMap((r) =>
            typeof r.lon === 'number' && typeof r.lat === 'number'
              ? [
                  {
                    id: String(r.model_id),
                    name: String(r.name ?? r.model_id),
                    unit: String(r.unit_code ?? ''),
                    lon: r.lon,
                    lat: r.lat,
                    key: typeof r.key === 'string' ? r.key : null,
                  },
                ]
              : [],
          ),
    [layerRows, settings.mode],
  );
  const cats = useMemo(() => categoryColors(pointRows.map((p) => p.key)), [pointRows]);
  const density =
    settings.pointStyle === 'density' ||
    (settings.pointStyle === 'auto' && pointRows.length > DENSITY_THRESHOLD);
  const lines = useMemo(
    () =>
      settings.mode === 'replication' && geo.data
        ? linesOf(
            layerRows.map((r) => ({
              from: String(r.from_unit),
              to: String(r.to_unit),
              n: Number(r.models),
            })),
            geo.data.labels,
          )
        : [],
    [layerRows, settings.mode, geo.data],
  );
  const gapRows = useMemo(
    () =>
      settings.mode === 'gaps'
        ? layerRows.map((r) => ({ code: String(r.unit_code), gap: r.gap === true, models: Number(r.models) }))
        : [],
    [layerRows, settings.mode],
  );
  const gapBy = useMemo(() => new Map(gapRows.map((g) => [g.code, g])), [gapRows]);

  const selected = useMemo(() => filter.units ?? [], [filter.units]);
  const outlined = useMemo(
    () => [...selected, ...(settings.focus ? [settings.focus] : [])],
    [selected, settings.focus],
  );

  const catLabel = useCallback(
    (k: string | null) =>
      k === null ? t('map.noneCategory') : colorKind ? vocabLabel(colorKind, k, lang) : k,
    [colorKind, lang, t],
  );

  const tooltip = useCallback(
    (kind: MapItemKind, name: string, index: number): string => {
      if (kind === 'point') {
        const p = pointRows[index];
        return p
          ? `<b>${escapeHtml(p.name)}</b><br/>${escapeHtml(p.id)} · ${escapeHtml(catLabel(p.key))}`
          : '';
      }
      if (kind === 'line') {
        const l = lines[index];
        const nm = (c: string) => geo.data?.names.get(c) ?? c;
        return l
          ? escapeHtml(t('map.lineTooltip', { from: nm(l.fromCode), to: nm(l.toCode), count: l.n }))
          : '';
      }
      const u = byCode.get(name);
      const title = `<b>${escapeHtml(u?.name ?? geo.data?.names.get(name) ?? name)}</b>`;
      if (!u) return title;
      if (settings.mode === 'gaps') {
        const g = gapBy.get(name);
        return `${title}<br/>${escapeHtml(t('map.fieldModels', { count: g?.models ?? 0 }))}`;
      }
      const models = escapeHtml(t('map.modelsInUnit', { count: u.models }));
      if (!colouring) return `${title}<br/>${models}`;
      return `${title}<br/><b>${escapeHtml(formatValue(u.value, valueUnit, lang))}</b><br/>${models}`;
    },
    [pointRows, lines, byCode, gapBy, geo.data, settings.mode, colouring, valueUnit, lang, t, catLabel],
  );

  const option = useMemo(() => {
    if (!geo.data || geo.data.collection.features.length === 0) return null;
    const fills =
      settings.mode === 'choropleth'
        ? classified.fills
        : settings.mode === 'gaps'
          ? gapFills(gapRows)
          : new Map<string, string>();
    return mapOption({
      mapName: geo.data.mapName,
      fills,
      neutralFill: NO_DATA,
      outlined,
      outlineColor: SELECTED_BORDER,
      view: settings.view,
      theme: lightTheme,
      tooltip,
      ...(settings.mode === 'bubbles'
        ? { bubbles: bubblesOf(units, classified.fills, geo.data.labels) }
        : {}),
      ...(settings.mode === 'points' && !density ? { points: pointsOf(pointRows, cats.colors) } : {}),
      ...(settings.mode === 'points' && density
        ? {
            density: pointRows.map((p) => [p.lon, p.lat] as [number, number]),
            densityColors: SEQUENTIAL.ylgnbu.slice(1),
          }
        : {}),
      ...(settings.mode === 'replication' ? { lines, lineColor: '#542788' } : {}),
    });
  }, [
    geo.data,
    settings.mode,
    settings.view,
    classified,
    gapRows,
    outlined,
    tooltip,
    units,
    density,
    pointRows,
    cats,
    lines,
  ]);

  // Tests and benchmarks wait for the drawing of the current data: `data-ready` on the map.
  const renderKey = `${unitsQ.dataKey ?? ''}|${lSpec ? (layerQ.dataKey ?? '') : '-'}|${geo.data?.mapName ?? ''}`;
  const [drawn, setDrawn] = useState<string | null>(null);
  const onRendered = useCallback((k: string | null) => setDrawn(k), []);
  const ready =
    isSettled(unitsQ) && (!lSpec || isSettled(layerQ)) && geo.data !== null && drawn === renderKey;

  const pointIds = useMemo(() => new Set(pointRows.map((p) => p.id)), [pointRows]);
  const onItemClick = useCallback(
    (name: string) => {
      if (settings.mode === 'points' && !density && pointIds.has(name)) {
        // A model point opens that model's details on the Models page (selection first, so the new
        // history entry the page change writes carries it).
        selectModel(name);
        setView('models');
        return;
      }
      if (!geo.data?.names.has(name)) return;
      const only = selected.length === 1 && selected[0] === name;
      setList('units', only ? [] : [name]);
    },
    [geo.data, selected, setList, settings.mode, density, pointIds, selectModel, setView],
  );

  const onFind = useCallback(
    (code: string) => {
      const center = geo.data?.labels.get(code);
      if (!center) return;
      setSettings({ focus: code, view: { center, zoom: geo.data?.fitZoom.get(code) ?? 6 } });
    },
    [geo.data, setSettings],
  );
  const bbox = geo.data?.collection.bbox;
  const zoomBy = (f: number) => {
    const center: [number, number] =
      settings.view?.center ?? (bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] : [0, 0]);
    const zoom = Math.min(60, Math.max(1, (settings.view?.zoom ?? 1) * f));
    setSettings({ view: { center, zoom } });
  };

  const legendItems: LegendItem[] = useMemo(() => {
    if (colouring) return classItems(classified.classes, classified.noData, lang, t, valueUnit);
    if (settings.mode === 'points')
      return density
        ? [{ color: SEQUENTIAL.ylgnbu[6], label: t('map.pointStyles.density'), shape: 'box' as const }]
        : cats.legend.map((c) => ({
            color: c.color,
            label: `${c.other ? t('map.otherCategory') : catLabel(c.key)} (${formatNumber(c.count, lang)})`,
            shape: 'dot' as const,
          }));
    if (settings.mode === 'gaps')
      return [
        { color: GAP_FILL, label: t('map.gapUnits'), testId: 'map-gap-units' },
        { color: NO_DATA, label: t('map.coveredUnits') },
      ];
    return [{ color: '#542788', label: t('map.modes.replication'), shape: 'line' as const }];
  }, [colouring, classified, lang, t, valueUnit, settings.mode, density, cats, catLabel]);

  const notes: string[] = [];
  if (growth)
    notes.push(
      years?.year_first && years.year_last
        ? t('map.growthNote', { first: years.year_first, last: years.year_last })
        : t('map.growthNoteOpen'),
    );
  if (settings.mode === 'points') {
    notes.push(t('map.pointsShown', { count: formatNumber(pointRows.length, lang) }));
    if (density && settings.pointStyle === 'auto') notes.push(t('map.densityNote'));
  }
  if (settings.mode === 'replication' && isSettled(layerQ))
    notes.push(
      lines.length
        ? t('map.linesShown', {
            lines: formatNumber(lines.length, lang),
            models: formatNumber(
              lines.reduce((s, l) => s + l.n, 0),
              lang,
            ),
          })
        : t('map.linesNone'),
    );
  if (settings.mode === 'gaps' && settings.field && isSettled(layerQ))
    notes.push(
      t('map.gapSummary', {
        gaps: formatNumber(gapRows.filter((g) => g.gap).length, lang),
        total: formatNumber(gapRows.length, lang),
        field: vocabLabel('field', settings.field, lang),
      }),
    );
  if (settings.mode === 'gaps' && !settings.field) notes.push(t('map.pickField'));
  if (colouring && settings.measure === 'count_field' && !settings.field) notes.push(t('map.pickField'));
  if (geo.data?.collection.missing.length)
    notes.push(t('map.missingBoundaries', { count: geo.data.collection.missing.length }));

  // The map as a presentable chart (export menu, deck picture, presentation mode), legend drawn in.
  const mapItem = useMemo<ChartItem>(
    () => ({
      kind: 'chart',
      id: 'map',
      title: measureTitle,
      option:
        option && unitsQ.data
          ? mapExportOption(option as unknown as ChartOption, measureTitle, legendItems)
          : null,
    }),
    [measureTitle, option, unitsQ.data, legendItems],
  );
  usePresentable(mapItem);

  const selectedNames = selected.map((c) => geo.data?.names.get(c) ?? c).join(', ');
  const noBoundaries = geo.data !== null && geo.data.collection.features.length === 0;

  return (
    <div className="map-view">
      <MapControls catalog={catalog} indicator={indicator} />
      <div className="map-view__main">
        <section
          className="card map-card"
          aria-labelledby="map-title"
          data-testid="map"
          data-ready={ready ? 'true' : 'false'}
          data-mode={settings.mode}
        >
          <header className="card__header map-card__header">
            <div className="map-card__heading">
              <h2 className="card__title" id="map-title">
                {measureTitle}
              </h2>
              <p className="card__hint">
                {t('map.selectHint')}
                {settings.mode === 'points' && !density ? ` ${t('map.pointHint')}` : ''}
              </p>
            </div>
            <div className="map-card__tools" role="group" aria-label={t('map.controls')}>
              <button
                type="button"
                onClick={() => zoomBy(ZOOM_STEP)}
                aria-label={t('map.zoomIn')}
                title={t('map.zoomIn')}
              >
                +
              </button>
              <button
                type="button"
                onClick={() => zoomBy(1 / ZOOM_STEP)}
                aria-label={t('map.zoomOut')}
                title={t('map.zoomOut')}
              >
                −
              </button>
              <button
                type="button"
                onClick={() => setSettings({ view: null, focus: null })}
                data-testid="map-reset"
              >
                {t('map.reset')}
              </button>
            </div>
            <ExportMenu item={mapItem} inline />
          </header>
          <div className="map-card__body">
            {geo.error ? (
              <ErrorState error={geo.error} />
            ) : noBoundaries ? (
              <div className="map-card__empty" data-testid="map-no-boundaries">
                <h3>{t('map.noBoundaries')}</h3>
                <p>{t('map.noBoundariesHint')}</p>
              </div>
            ) : (
              <DataState
                loading={unitsQ.loading || geo.data === null}
                error={unitsQ.error ?? layerQ.error}
                hasData={option !== null && unitsQ.data !== null}
                empty={false}
                onRetry={() => {
                  unitsQ.retry();
                  layerQ.retry();
                }}
              >
                {option && (
                  <EChart
                    // The map's option type is a superset of the shared ChartOption union (geo, scatter, lines).
                    option={option as unknown as ChartOption}
                    height={560}
                    ariaLabel={t('map.aria', { what: measureTitle })}
                    renderKey={renderKey}
                    onRendered={onRendered}
                    onItemClick={onItemClick}
                  />
                )}
              </DataState>
            )}
          </div>
        </section>
        <aside className="map-view__side">
          {geo.data && <UnitFinder names={geo.data.names} onFind={onFind} />}
          {selected.length > 0 && (
            <div className="map-selection" data-testid="map-selection">
              <p>{t('map.selected', { names: selectedNames })}</p>
              <button type="button" onClick={() => setList('units', [])}>
                {t('map.clearSelection')}
              </button>
            </div>
          )}
          <MapLegend title={measureTitle} items={legendItems} notes={notes} />
        </aside>
      </div>
      <MapTable units={units} unit={valueUnit} lang={lang} showValue={colouring} />
    </div>
  );
}
