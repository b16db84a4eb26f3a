/**
 * The workspace's unit boundaries for the map, fetched once per data version (`geo.boundaries`) and
 * registered with ECharts under a name carrying that version, each feature named by its unit code (so
 * clicks and tooltips speak codes; names come from the properties).
 */
import { useEffect, useState } from 'react';
import type { BoundaryCollection } from '../../../../shared/map-spec';
import { getApi } from '../../api';
import { echarts } from '../../charts/echarts-setup';
import { toUiError, type UiError } from '../../errors/ui-error';

/** Boundaries ready to draw. */
export interface Boundaries {
  mapName: string;
  collection: BoundaryCollection;
  /** Unit code → [lon, lat] label point. */
  labels: ReadonlyMap<string, [number, number]>;
  /** Unit code → name. */
  names: ReadonlyMap<string, string>;
  /** Unit code → zoom that fits the unit (geo zoom, 1 = whole map). */
  fitZoom: ReadonlyMap<string, number>;
}

const loaded = new Map<number, Promise<Boundaries>>();

function ringsOf(f: BoundaryCollection['features'][number]): number[][][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(1);
}

function prepare(c: BoundaryCollection): Boundaries {
  const mapName = `dvk-units-v${c.dataVersion}`;
  echarts.registerMap(mapName, {
    type: 'FeatureCollection',
    features: c.features.map((f) => ({ ...f, properties: { name: f.properties.code } })),
  } as unknown as Parameters<typeof echarts.registerMap>[1]);
  const [x0, y0, x1, y1] = c.bbox ?? [0, 0, 1, 1];
  const fitZoom = new Map<string, number>();
  for (const f of c.features) {
    // Loops, not Math.min(...xs): a detailed boundary can have more points than a call takes arguments.
    let [ax, ay, bx, by] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of ringsOf(f))
      for (const [x = 0, y = 0] of ring) {
        ax = Math.min(ax, x);
        ay = Math.min(ay, y);
        bx = Math.max(bx, x);
        by = Math.max(by, y);
      }
    const fit = 0.3 * Math.min((x1 - x0) / (bx - ax), (y1 - y0) / (by - ay));
    fitZoom.set(f.properties.code, Math.min(40, Math.max(1, Number.isFinite(fit) ? fit : 1)));
  }
  return {
    mapName,
    collection: c,
    labels: new Map(c.features.map((f) => [f.properties.code, f.properties.label])),
    names: new Map(c.features.map((f) => [f.properties.code, f.properties.name])),
    fitZoom,
  };
}

/** Boundaries of data version `dataVersion`: null while loading; the error when it failed. */
export function useBoundaries(dataVersion: number): { data: Boundaries | null; error: UiError | null } {
  const [state, setState] = useState<{ v: number; data: Boundaries | null; error: UiError | null }>({
    v: -1,
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    let p = loaded.get(dataVersion);
    if (!p) {
      p = getApi()
        .then((api) => api.call('geo.boundaries', {}))
        .then(prepare);
      loaded.set(dataVersion, p);
      p.catch(() => loaded.delete(dataVersion));
    }
    p.then(
      (data) => live && setState({ v: dataVersion, data, error: null }),
      (e: unknown) => live && setState({ v: dataVersion, data: null, error: toUiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [dataVersion]);
  return state.v === dataVersion ? { data: state.data, error: state.error } : { data: null, error: null };
}
