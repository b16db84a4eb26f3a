/**
 * The Map settings as they travel in the URL hash (`#/map?map=…`, like the Trends settings): reloading or
 * sharing the link reopens the same map. Only what differs from the defaults is written, so the default map
 * has no `map=` at all. Parsing is forgiving: an unknown key, a wrong type or a value out of range falls
 * back to its default, malformed JSON gives the defaults; never an error.
 */
import { MAP_COLOR_BY, MapPerSchema } from '../../../../shared/map-spec';
import { CLASS_METHODS } from './classify';
import { DEFAULT_MAP_SETTINGS, MAP_MODES, UI_MEASURES, type MapSettings } from './map-store';
import { PALETTE_IDS } from './palettes';

/** Longest text kept from the URL (codes, field names, model ids). */
const MAX_TEXT = 200;
const CLASS_COUNTS = [3, 4, 5, 6, 7] as const;

const pick = <T>(v: unknown, allowed: readonly T[], dflt: T): T =>
  allowed.includes(v as T) ? (v as T) : dflt;
const text = (v: unknown, dflt: string): string => (typeof v === 'string' && v.length <= MAX_TEXT ? v : dflt);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The zoom and centre, when both are sane (lon/lat in range, zoom within the buttons' limits). */
function viewOf(v: unknown): MapSettings['view'] {
  if (!v || typeof v !== 'object') return null;
  const o = v as { center?: unknown; zoom?: unknown };
  const c = o.center;
  if (!Array.isArray(c) || c.length !== 2 || !finite(c[0]) || !finite(c[1])) return null;
  if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) return null;
  if (!finite(o.zoom) || o.zoom < 1 || o.zoom > 60) return null;
  return { center: [c[0], c[1]], zoom: o.zoom };
}

/** Settings read back from the URL's JSON text (null or anything odd → the defaults). */
export function parseMapSettings(json: string | null | undefined): MapSettings {
  const d = DEFAULT_MAP_SETTINGS;
  if (!json) return d;
  let o: unknown;
  try {
    o = JSON.parse(json);
  } catch {
    return d;
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return d;
  const r = o as Record<string, unknown>;
  return {
    mode: pick(r.mode, MAP_MODES, d.mode),
    measure: pick(r.measure, UI_MEASURES, d.measure),
    indicator: text(r.indicator, d.indicator),
    field: text(r.field, d.field),
    per: pick(r.per, MapPerSchema.options, d.per),
    method: pick(r.method, CLASS_METHODS, d.method),
    classes: pick(r.classes, CLASS_COUNTS, d.classes as (typeof CLASS_COUNTS)[number]),
    palette: pick(r.palette, [...PALETTE_IDS, 'auto' as const], d.palette),
    colorBy: pick(r.colorBy, MAP_COLOR_BY, d.colorBy),
    pointStyle: pick(r.pointStyle, ['auto', 'points', 'density'] as const, d.pointStyle),
    origin: text(r.origin, d.origin),
    replicationByField: r.replicationByField === true,
    focus: typeof r.focus === 'string' && r.focus.length > 0 && r.focus.length <= MAX_TEXT ? r.focus : null,
    view: viewOf(r.view),
  };
}

/** The settings as the URL's JSON text: only the keys that differ from the defaults; null when none do. */
export function formatMapSettings(s: MapSettings): string | null {
  const d = DEFAULT_MAP_SETTINGS;
  const diff: Partial<Record<keyof MapSettings, unknown>> = {};
  for (const k of Object.keys(d) as (keyof MapSettings)[])
    if (JSON.stringify(s[k]) !== JSON.stringify(d[k])) diff[k] = s[k];
  return Object.keys(diff).length ? JSON.stringify(diff) : null;
}
