/**
 * The fictional city's commune-level units: about two thirds phường in the dense centre, one third xã at
 * the edge and one offshore đặc khu, with names, 5-digit codes (some with leading zeros), populations and
 * polygon areas.
 */

import { type Pt } from './geometry';
import { areaKm2, ringToLonLat, tessellate } from './geography';
import { islandName, uniquePlaceNames } from './names';
import { at, type Rng } from './rng';
import { type SampleUnit } from './types';

/** Unit counts at every scale (scale multiplies models only). */
export const UNIT_COUNTS = { wards: 112, communes: 57, specialZones: 1 } as const;

/** Wards that keep a pre-2025 style number instead of a name (rare after the 2025 reform). */
const NUMBERED_WARDS = 2;

/** Sector (of 8, by angle) whose communes carry 0xxxx codes, to exercise leading zeros. */
const ZERO_CODE_SECTOR = 2;

interface Draft {
  type: SampleUnit['type'];
  ring: Pt[];
  seed: Pt;
  radius: number;
}

function sectorOf(p: Pt): number {
  const a = Math.atan2(p[1], p[0]);
  return Math.floor(((a + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 4));
}

function population(rng: Rng, type: SampleUnit['type']): number {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  if (type === 'phường') return Math.round(clamp(rng.logNormal(52_000, 0.5), 20_000, 150_000) / 10) * 10;
  if (type === 'xã') return Math.round(clamp(rng.logNormal(30_000, 0.55), 10_000, 80_000) / 10) * 10;
  return rng.int(900, 1400) * 10;
}

function assignCodes(rng: Rng, drafts: readonly Draft[]): string[] {
  const order = drafts
    .map((d, i) => ({ i, sector: d.type === 'đặc khu' ? 8 : sectorOf(d.seed), radius: d.radius }))
    .sort((a, b) => a.sector - b.sector || a.radius - b.radius);
  const codes: string[] = new Array<string>(drafts.length).fill('');
  let main = 27001;
  let zero = rng.int(600, 900);
  for (const { i } of order) {
    const d = at(drafts, i);
    if (d.type === 'xã' && sectorOf(d.seed) === ZERO_CODE_SECTOR) {
      codes[i] = String(zero).padStart(5, '0');
      zero += rng.int(3, 12);
    } else {
      codes[i] = String(main).padStart(5, '0');
      main += rng.int(2, 7);
    }
  }
  return codes;
}

/**
 * Generate the units, sorted by code. Deterministic for a given stream; the same at every scale.
 * Wards are the smallest cells, which the graded seeding puts in the centre.
 */
export function generateUnits(rng: Rng): SampleUnit[] {
  const mainland = UNIT_COUNTS.wards + UNIT_COUNTS.communes;
  const tess = tessellate(rng.fork('geography'), mainland);
  // Smallest cells become wards: with the graded seeds they sit in the centre, and ward areas stay small.
  const byArea = tess.cells.slice().sort((a, b) => areaKm2(a.ring) - areaKm2(b.ring));
  const drafts: Draft[] = byArea.map((c, k) => ({
    type: k < UNIT_COUNTS.wards ? 'phường' : 'xã',
    ring: c.ring,
    seed: c.seed,
    radius: c.radius,
  }));
  drafts.push({ type: 'đặc khu', ring: tess.island, seed: [0, 0], radius: 1.2 });
  const codes = assignCodes(rng.fork('codes'), drafts);

  const nameRng = rng.fork('names');
  const island = islandName(nameRng);
  const names = uniquePlaceNames(nameRng, mainland, new Set([island]));
  const numbered = new Set(
    nameRng.shuffled(drafts.slice(0, UNIT_COUNTS.wards).map((_, i) => i)).slice(0, NUMBERED_WARDS),
  );
  let wardNo = nameRng.int(1, 4);

  const popRng = rng.fork('population');
  const units = drafts.map((d, i): SampleUnit => {
    let name = d.type === 'đặc khu' ? island : at(names, i);
    if (numbered.has(i)) {
      name = String(wardNo);
      wardNo += nameRng.int(3, 8);
    }
    const prefix = d.type === 'phường' ? 'Phường' : d.type === 'xã' ? 'Xã' : 'Đặc khu';
    return {
      code: at(codes, i),
      name,
      fullName: `${prefix} ${name}`,
      type: d.type,
      population: population(popRng, d.type),
      areaKm2: Math.round(areaKm2(d.ring) * 100) / 100,
      ring: ringToLonLat(d.ring),
      radius: Math.round(d.radius * 1000) / 1000,
    };
  });
  return units.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
