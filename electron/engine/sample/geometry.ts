/**
 * Planar geometry on open rings of [x, y] points (no repeated closing point unless stated): signed area,
 * convex hull, convex clipping and point-in-polygon. Pure functions, no allocation beyond their results.
 */

/** A 2-D point. */
export type Pt = readonly [number, number];

/** Signed shoelace area of an open ring; positive when counter-clockwise (y pointing up). */
export function signedArea(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Pt;
    const b = ring[i] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

function cross(o: Pt, a: Pt, b: Pt): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, open ring. */
export function convexHull(points: readonly Pt[]): Pt[] {
  const pts = points.slice().sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  if (pts.length < 3) return pts;
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Pt, lower[lower.length - 1] as Pt, p) <= 0) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as Pt;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Pt, upper[upper.length - 1] as Pt, p) <= 0) {
      upper.pop();
    }
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/**
 * Sutherland–Hodgman: `subject` clipped to the convex, counter-clockwise `clip` ring. Both open rings;
 * the result is open and keeps the subject's orientation (empty when they do not overlap).
 */
export function clipConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  let output: Pt[] = subject.slice();
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i] as Pt;
    const b = clip[(i + 1) % clip.length] as Pt;
    const input = output;
    output = [];
    for (let k = 0; k < input.length; k++) {
      const cur = input[k] as Pt;
      const prev = input[(k + input.length - 1) % input.length] as Pt;
      const curIn = cross(a, b, cur) >= 0;
      const prevIn = cross(a, b, prev) >= 0;
      if (curIn !== prevIn) output.push(intersect(prev, cur, a, b));
      if (curIn) output.push(cur);
    }
  }
  return output;
}

function intersect(p: Pt, q: Pt, a: Pt, b: Pt): Pt {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const ex = b[0] - a[0];
  const ey = b[1] - a[1];
  const den = dx * ey - dy * ex;
  const t = den === 0 ? 0 : ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den;
  return [p[0] + t * dx, p[1] + t * dy];
}

/** Even–odd point-in-polygon test against an open or closed ring. */
export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Pt;
    const b = ring[j] as Pt;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

/** Axis-aligned bounds [minX, minY, maxX, maxY] of a set of points. */
export function bounds(points: readonly Pt[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}
