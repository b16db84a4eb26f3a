/**
 * The fictional city's geometry: an irregular convex outline around lon 106.64, lat 10.79, a Voronoi
 * tessellation of graded seed points (dense in the centre, sparse at the edge) clipped to it, and an
 * offshore island. Computed in a local kilometre plane, then projected to 6-decimal lon/lat.
 */

import { Delaunay } from 'd3-delaunay';
import { bounds, clipConvex, convexHull, type Pt, signedArea } from './geometry';
import { type Rng } from './rng';
import { type LonLat } from './types';

/** City centre (lon, lat) of the local projection. */
export const CITY_CENTER: LonLat = [106.64, 10.79];

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((CITY_CENTER[1] * Math.PI) / 180);

/** Semi-axes of the outline ellipse, km (≈ 0.53° × 0.43°; the island widens the extent to ≈ 0.6° × 0.5°). */
const SEMI_X = 33;
const SEMI_Y = 27;

/** A mainland cell: its seed and clipped counter-clockwise ring, both in km. */
export interface Cell {
  seed: Pt;
  ring: Pt[];
  /** Normalised elliptical distance of the seed from the centre (0 centre, 1 outline). */
  radius: number;
}

/** The generated geometry, in km around `CITY_CENTER`. */
export interface Tessellation {
  /** Convex, counter-clockwise, open. */
  outline: Pt[];
  cells: Cell[];
  /** Convex, counter-clockwise, open; lies wholly outside the outline. */
  island: Pt[];
}

/** Km plane → [lon, lat] rounded to 6 decimals. */
export function toLonLat(p: Pt): LonLat {
  return [round6(CITY_CENTER[0] + p[0] / KM_PER_DEG_LON), round6(CITY_CENTER[1] + p[1] / KM_PER_DEG_LAT)];
}

/** [lon, lat] → km plane (inverse of `toLonLat` up to rounding). */
export function toKm(p: readonly [number, number]): Pt {
  return [(p[0] - CITY_CENTER[0]) * KM_PER_DEG_LON, (p[1] - CITY_CENTER[1]) * KM_PER_DEG_LAT];
}

/** Round to 6 decimals (≈ 0.1 m), the precision of the written coordinates. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * Closed lon/lat ring from an open km ring: projected, rounded, counter-clockwise (RFC 7946), with
 * consecutive duplicates that rounding may create removed.
 */
export function ringToLonLat(ring: readonly Pt[]): LonLat[] {
  const ccw = signedArea(ring) >= 0 ? ring : ring.slice().reverse();
  const out: LonLat[] = [];
  for (const p of ccw) {
    const q = toLonLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (first) out.push([first[0], first[1]]);
  return out;
}

function normRadius(p: Pt): number {
  return Math.hypot(p[0] / SEMI_X, p[1] / SEMI_Y);
}

function makeOutline(rng: Rng): Pt[] {
  const n = 18;
  const tilt = rng.float(-0.25, 0.25);
  const pts: Pt[] = [];
  for (let k = 0; k < n; k++) {
    const ang = ((k + rng.float(-0.3, 0.3)) / n) * 2 * Math.PI;
    const r = rng.float(0.84, 1.0);
    const x = SEMI_X * r * Math.cos(ang);
    const y = SEMI_Y * r * Math.sin(ang);
    pts.push([x * Math.cos(tilt) - y * Math.sin(tilt), x * Math.sin(tilt) + y * Math.cos(tilt)]);
  }
  return convexHull(pts);
}

function insideConvex(p: Pt, ring: readonly Pt[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % ring.length] as Pt;
    if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < 0) return false;
  }
  return true;
}

/** Target spacing between seeds at normalised radius r: ≈ 1.3 km in the centre, ≈ 7 km at the edge. */
function spacing(r: number): number {
  return 1 + 8 * r * r;
}

/**
 * Mitchell's best-candidate sampling with a radial spacing: each new seed is, of 24 random candidates, the
 * one farthest (in units of the local target spacing) from the seeds already placed — blue-noise jitter
 * without a grid look.
 */
function gradedSeeds(rng: Rng, outline: readonly Pt[], count: number): Pt[] {
  const [x0, y0, x1, y1] = bounds(outline);
  const seeds: Pt[] = [];
  const candidates = 24;
  while (seeds.length < count) {
    let best: Pt | null = null;
    let bestScore = -1;
    for (let c = 0; c < candidates; c++) {
      const p: Pt = [rng.float(x0, x1), rng.float(y0, y1)];
      if (!insideConvex(p, outline)) {
        c--;
        continue;
      }
      let d = Infinity;
      for (const s of seeds) d = Math.min(d, Math.hypot(p[0] - s[0], p[1] - s[1]));
      const score = d / spacing(normRadius(p));
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (best) seeds.push(best);
  }
  return seeds;
}

function makeIsland(rng: Rng, outline: readonly Pt[]): Pt[] {
  const dir: Pt = [Math.cos(-0.55), Math.sin(-0.55)];
  let support = -Infinity;
  for (const p of outline) support = Math.max(support, p[0] * dir[0] + p[1] * dir[1]);
  const radius = 4.2;
  const dist = support + 3 + radius;
  const cx = dir[0] * dist;
  const cy = dir[1] * dist;
  const pts: Pt[] = [];
  for (let k = 0; k < 11; k++) {
    const ang = ((k + rng.float(-0.25, 0.25)) / 11) * 2 * Math.PI;
    const r = radius * rng.float(0.6, 1.0);
    pts.push([cx + r * Math.cos(ang) * 1.3, cy + r * Math.sin(ang) * 0.75]);
  }
  return convexHull(pts);
}

/**
 * Build the outline, `mainlandCells` Voronoi cells clipped to it and the island. Every cell is convex,
 * counter-clockwise and non-empty; the cells exactly cover the outline.
 */
export function tessellate(rng: Rng, mainlandCells: number): Tessellation {
  const outline = makeOutline(rng.fork('outline'));
  const seeds = gradedSeeds(rng.fork('seeds'), outline, mainlandCells);
  const [x0, y0, x1, y1] = bounds(outline);
  const voronoi = Delaunay.from(
    seeds,
    (p) => p[0],
    (p) => p[1],
  ).voronoi([x0 - 1, y0 - 1, x1 + 1, y1 + 1]);
  const cells: Cell[] = seeds.map((seed, i) => {
    const poly = voronoi.cellPolygon(i) as Pt[] | null;
    if (!poly) throw new Error(`Voronoi cell ${i} is empty`);
    const open = poly.slice(0, -1);
    const ccw = signedArea(open) >= 0 ? open : open.reverse();
    return { seed, ring: clipConvex(ccw, outline), radius: normRadius(seed) };
  });
  return { outline, cells, island: makeIsland(rng.fork('island'), outline) };
}

/** Area of an open km ring, km². */
export function areaKm2(ring: readonly Pt[]): number {
  return Math.abs(signedArea(ring));
}
