/**
 * A small locator map as a PNG, drawn here without a canvas (the engine runs in plain Node, and pptxgenjs
 * can only embed SVG where a browser rasterises its PNG preview): every unit polygon from the `boundaries`
 * table filled light grey with white borders, the model's unit in the primary colour, its point (when
 * known) as a dot. Polygons are scan-converted (even–odd rule) at 3× and box-filtered down for smooth
 * edges; the PNG is written with node:zlib.
 */
import zlib from 'node:zlib';

type Ring = [number, number][];
/** One unit: its code and polygons (each a list of rings, lon/lat). */
export interface UnitShape {
  code: string;
  polygons: Ring[][];
}

/** Parse a GeoJSON Polygon / MultiPolygon geometry text; anything else gives no polygons. */
export function parseShape(code: string, geometry: string): UnitShape {
  try {
    const g = JSON.parse(geometry) as { type?: string; coordinates?: unknown };
    if (g.type === 'Polygon') return { code, polygons: [g.coordinates as Ring[]] };
    if (g.type === 'MultiPolygon') return { code, polygons: g.coordinates as Ring[][] };
  } catch {
    // A malformed geometry draws nothing; the import validated it already.
  }
  return { code, polygons: [] };
}

type Rgb = [number, number, number];
const BASE: Rgb = [0xdf, 0xe5, 0xec];
const HIGHLIGHT: Rgb = [0x1c, 0x5a, 0xa3];
const EDGE: Rgb = [0xff, 0xff, 0xff];
const DOT: Rgb = [0xb3, 0x26, 0x1e];
const SS = 3;

class Raster {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = new Uint8Array(w * h * 3).fill(255);
  }
  set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = (y * this.w + x) * 3;
    this.px[i] = c[0];
    this.px[i + 1] = c[1];
    this.px[i + 2] = c[2];
  }
  /** Even–odd scanline fill of rings given in pixel coordinates. */
  fill(rings: Ring[], c: Rgb) {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const r of rings)
      for (const [, y] of r) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(this.h - 1, Math.ceil(maxY)); y++) {
      const sy = y + 0.5;
      const xs: number[] = [];
      for (const r of rings)
        for (let i = 0; i < r.length - 1; i++) {
          const [x0, y0] = r[i] as [number, number];
          const [x1, y1] = r[i + 1] as [number, number];
          if (y0 <= sy !== y1 <= sy) xs.push(x0 + ((sy - y0) / (y1 - y0)) * (x1 - x0));
        }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2)
        for (
          let x = Math.max(0, Math.ceil((xs[k] as number) - 0.5));
          x <= Math.min(this.w - 1, Math.floor((xs[k + 1] as number) - 0.5));
          x++
        )
          this.set(x, y, c);
    }
  }
  /** A line `width` pixels wide (stamped squares along the segment). */
  line(a: [number, number], b: [number, number], c: Rgb, width: number) {
    const n = Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]))) + 1;
    const r = Math.floor(width / 2);
    for (let i = 0; i <= n; i++) {
      const x = Math.round(a[0] + ((b[0] - a[0]) * i) / n);
      const y = Math.round(a[1] + ((b[1] - a[1]) * i) / n);
      for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) this.set(x + dx, y + dy, c);
    }
  }
  disc(cx: number, cy: number, radius: number, c: Rgb) {
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++)
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++)
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) this.set(x, y, c);
  }
  /** Box-filter down by `f`. */
  shrink(f: number): Raster {
    const out = new Raster(Math.floor(this.w / f), Math.floor(this.h / f));
    for (let y = 0; y < out.h; y++)
      for (let x = 0; x < out.w; x++)
        for (let ch = 0; ch < 3; ch++) {
          let s = 0;
          for (let dy = 0; dy < f; dy++)
            for (let dx = 0; dx < f; dx++) s += this.px[((y * f + dy) * this.w + x * f + dx) * 3 + ch] ?? 0;
          out.px[(y * out.w + x) * 3 + ch] = Math.round(s / (f * f));
        }
    return out;
  }
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(buf: Uint8Array): number {
  let c = -1;
  for (const b of buf) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encode RGB pixels as a PNG (8-bit truecolour, filter 0). */
export function encodePng(w: number, h: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc(h * (w * 3 + 1));
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * w * 3, w * 3).copy(raw, y * (w * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/**
 * The locator map of `highlight` among `shapes`, `size` pixels on its longer side (aspect kept; lon scaled
 * by cos(latitude) so the city is not stretched). Null when there are no shapes.
 */
export function renderUnitMap(
  shapes: readonly UnitShape[],
  highlight: string | null,
  point: { lon: number; lat: number } | null,
  size = 480,
): { png: Buffer; width: number; height: number } | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const s of shapes)
    for (const p of s.polygons)
      for (const [lon, lat] of p[0] ?? []) {
        minX = Math.min(minX, lon);
        maxX = Math.max(maxX, lon);
        minY = Math.min(minY, lat);
        maxY = Math.max(maxY, lat);
      }
  if (!Number.isFinite(minX) || maxX <= minX || maxY <= minY) return null;
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = (maxX - minX) * k;
  const spanY = maxY - minY;
  const pad = 8;
  const width = spanX >= spanY ? size : Math.max(40, Math.round((size * spanX) / spanY));
  const height = spanX >= spanY ? Math.max(40, Math.round((size * spanY) / spanX)) : size;
  const big = new Raster(width * SS, height * SS);
  const scale = Math.min((big.w - 2 * pad * SS) / spanX, (big.h - 2 * pad * SS) / spanY);
  const proj = ([lon, lat]: [number, number]): [number, number] => [
    pad * SS + (lon - minX) * k * scale,
    pad * SS + (maxY - lat) * scale,
  ];
  for (const s of shapes)
    for (const p of s.polygons)
      big.fill(
        p.map((r) => r.map(proj)),
        s.code === highlight ? HIGHLIGHT : BASE,
      );
  for (const s of shapes)
    for (const p of s.polygons)
      for (const r of p) {
        const q = r.map(proj);
        for (let i = 0; i + 1 < q.length; i++)
          big.line(q[i] as [number, number], q[i + 1] as [number, number], EDGE, SS);
      }
  if (point) {
    const [x, y] = proj([point.lon, point.lat]);
    big.disc(x, y, 4.5 * SS, EDGE);
    big.disc(x, y, 3.2 * SS, DOT);
  }
  const small = big.shrink(SS);
  return { png: encodePng(small.w, small.h, small.px), width: small.w, height: small.h };
}
