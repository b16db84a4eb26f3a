/** MapSpecs of the map view, from its settings and the global filter. Pure. */
import type { MapMeasure, MapSpec } from '../../../../shared/map-spec';
import type { Filter } from '../../../../shared/specs';
import type { MapSettings } from './map-store';

/**
 * The filter the map queries with: the global filter without its units, so the map keeps showing every
 * unit (the selected ones outlined) while the other pages narrow to them.
 */
export function mapFilter(filter: Filter): Filter {
  const { units: _units, ...rest } = filter;
  return rest;
}

/** The measure the units are coloured by; null when a needed choice (indicator, field) is missing. */
export function measureOf(s: MapSettings, indicator: string): MapMeasure | null {
  const per = s.per === 'none' ? {} : { per: s.per };
  switch (s.measure) {
    case 'count_models':
      return { type: 'count_models', ...per };
    case 'count_field':
      return s.field ? { type: 'count_field', field: s.field, ...per } : null;
    case 'indicator':
      return indicator ? { type: 'indicator', indicator, ...per } : null;
    case 'growth':
      return indicator ? { type: 'growth', indicator } : null;
  }
}

/** The units layer (always queried: tooltips and the data table read it). */
export function unitsSpec(s: MapSettings, filter: Filter, indicator: string): MapSpec {
  const colouring = s.mode === 'choropleth' || s.mode === 'bubbles';
  const measure = colouring ? measureOf(s, indicator) : null;
  return { kind: 'map', layer: 'units', filter: mapFilter(filter), ...(measure ? { measure } : {}) };
}

/** The extra layer of the mode, or null. */
export function layerSpec(s: MapSettings, filter: Filter): MapSpec | null {
  const f = mapFilter(filter);
  switch (s.mode) {
    case 'points':
      return { kind: 'map', layer: 'points', colorBy: s.colorBy, filter: f };
    case 'replication':
      return {
        kind: 'map',
        layer: 'replication',
        filter: f,
        ...(s.origin.trim() ? { origin: s.origin.trim() } : {}),
        ...(s.replicationByField && s.field ? { field: s.field } : {}),
      };
    case 'gaps':
      return s.field ? { kind: 'map', layer: 'gaps', field: s.field, filter: f } : null;
    default:
      return null;
  }
}

/** True when rates (per 10,000 residents, per km²) make sense for the measure. */
export function rateAllowed(s: MapSettings, aggregation: string | undefined): boolean {
  if (s.measure === 'growth') return false;
  if (s.measure === 'indicator') return aggregation === 'sum';
  return true;
}
