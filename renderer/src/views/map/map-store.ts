/**
 * The map view's own settings (what to show and how). They live in the app store as the URL hash's `map`
 * JSON (see map-settings.ts), so a reload or a shared link reopens the same map, and they are kept while
 * the user visits other pages — they click a unit here, look at the Models page, and come back to the same
 * map. The global filter is separate; only the map's choices live here.
 */
import { useCallback, useMemo } from 'react';
import { useAtlas } from '../../state/store';
import type { MapColorBy, MapPer } from '../../../../shared/map-spec';
import type { ClassMethod } from './classify';
import { formatMapSettings, parseMapSettings } from './map-settings';
import type { PaletteId } from './palettes';

export const MAP_MODES = ['choropleth', 'bubbles', 'points', 'replication', 'gaps'] as const;
export type MapMode = (typeof MAP_MODES)[number];

export const UI_MEASURES = ['count_models', 'count_field', 'indicator', 'growth'] as const;
export type UiMeasure = (typeof UI_MEASURES)[number];

/** How model points are drawn: automatically as density when they crowd, or always one way. */
export type PointStyle = 'auto' | 'points' | 'density';

export interface MapSettings {
  mode: MapMode;
  measure: UiMeasure;
  /** Indicator code of the indicator and growth measures ('' = the first of the catalogue). */
  indicator: string;
  /** Field of the count-in-field measure, the gaps mode and (optionally) the replication mode. */
  field: string;
  per: MapPer;
  method: ClassMethod;
  classes: number;
  /** 'auto': sequential for levels, diverging for growth. */
  palette: PaletteId | 'auto';
  colorBy: MapColorBy;
  pointStyle: PointStyle;
  /** Replication mode: one model's replicas ('' = every model, or the field's). */
  origin: string;
  /** Replication mode: restrict to `field`. */
  replicationByField: boolean;
  /** A unit found by name: centred and outlined (not a filter). */
  focus: string | null;
  /** Zoom set by the buttons (1 = whole map) and its centre; null = fit the map. */
  view: { center: [number, number]; zoom: number } | null;
}

/** The settings plus the one action that changes them. */
export interface MapSettingsHandle extends MapSettings {
  set: (patch: Partial<MapSettings>) => void;
}

export const DEFAULT_MAP_SETTINGS: MapSettings = {
  mode: 'choropleth',
  measure: 'count_models',
  indicator: '',
  field: '',
  per: 'none',
  method: 'quantile',
  classes: 5,
  palette: 'auto',
  colorBy: 'field',
  pointStyle: 'auto',
  origin: '',
  replicationByField: false,
  focus: null,
  view: null,
};

/**
 * The Map settings in effect and `set(patch)`. The JSON is parsed once per change; `set` merges into the
 * latest settings (not a stale render's), so two quick patches both land.
 */
export function useMapSettings(): MapSettingsHandle {
  const json = useAtlas((s) => s.map ?? null);
  const setMap = useAtlas((s) => s.setMap);
  const settings = useMemo(() => parseMapSettings(json), [json]);
  const set = useCallback(
    (patch: Partial<MapSettings>) =>
      setMap(formatMapSettings({ ...parseMapSettings(useAtlas.getState().map ?? null), ...patch })),
    [setMap],
  );
  return useMemo(() => ({ ...settings, set }), [settings, set]);
}
