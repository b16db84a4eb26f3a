import { describe, expect, it } from 'vitest';
import { generateUnits, UNIT_COUNTS } from '../../../electron/engine/sample/units';
import { tessellate, toKm } from '../../../electron/engine/sample/geography';
import { pointInRing, signedArea, type Pt } from '../../../electron/engine/sample/geometry';
import { Rng } from '../../../electron/engine/sample/rng';
import { DEFAULT_SEED } from '../../../electron/engine/sample/index';

const SEED = DEFAULT_SEED;
const units = generateUnits(new Rng(SEED, 'units'));
const kmRing = (ring: readonly (readonly [number, number])[]): Pt[] => ring.slice(0, -1).map((p) => toKm(p));

describe('sample units', () => {
  it('has about 170 units: two thirds phường, one third xã and one đặc khu', () => {
    expect(units.length).toBeGreaterThanOrEqual(160);
    expect(units.length).toBeLessThanOrEqual(180);
    const count = (t: string): number => units.filter((u) => u.type === t).length;
    expect(count('phường')).toBe(UNIT_COUNTS.wards);
    expect(count('xã')).toBe(UNIT_COUNTS.communes);
    expect(count('đặc khu')).toBe(1);
  });

  it('uses unique 5-digit text codes, some with a leading zero, sorted', () => {
    const codes = units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^\d{5}$/);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    expect(codes.filter((c) => c.startsWith('27')).length).toBeGreaterThan(units.length / 2);
    expect(codes).toEqual(codes.slice().sort());
  });

  it('names units uniquely with their type prefix, numbered wards being rare', () => {
    expect(new Set(units.map((u) => u.fullName)).size).toBe(units.length);
    for (const u of units) {
      const prefix = { phường: 'Phường', xã: 'Xã', 'đặc khu': 'Đặc khu' }[u.type];
      expect(u.fullName).toBe(`${prefix} ${u.name}`);
      expect(u.name).toBe(u.name.normalize('NFC'));
    }
    const numbered = units.filter((u) => /^\d+$/.test(u.name)).length;
    expect(numbered).toBeGreaterThan(0);
    expect(numbered).toBeLessThanOrEqual(3);
  });

  it('gives plausible populations and areas, wards smaller than communes', () => {
    for (const u of units) {
      if (u.type === 'phường') {
        expect(u.population).toBeGreaterThanOrEqual(20_000);
        expect(u.population).toBeLessThanOrEqual(150_000);
        expect(u.areaKm2).toBeGreaterThanOrEqual(1);
        expect(u.areaKm2).toBeLessThanOrEqual(16);
      } else if (u.type === 'xã') {
        expect(u.population).toBeGreaterThanOrEqual(10_000);
        expect(u.population).toBeLessThanOrEqual(80_000);
        expect(u.areaKm2).toBeGreaterThanOrEqual(12);
        expect(u.areaKm2).toBeLessThanOrEqual(200);
      }
    }
    const meanRadius = (t: string): number => {
      const r = units.filter((u) => u.type === t).map((u) => u.radius);
      return r.reduce((a, b) => a + b, 0) / r.length;
    };
    expect(meanRadius('phường')).toBeLessThan(meanRadius('xã'));
  });

  it('gives each unit one closed, counter-clockwise ring with 6-decimal coordinates around HCMC', () => {
    for (const u of units) {
      expect(u.ring.length).toBeGreaterThanOrEqual(4);
      expect(u.ring[0]).toEqual(u.ring[u.ring.length - 1]);
      expect(signedArea(u.ring.slice(0, -1))).toBeGreaterThan(0);
      for (const [lon, lat] of u.ring) {
        expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
        expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
        expect(lon).toBeGreaterThan(106.2);
        expect(lon).toBeLessThan(107.1);
        expect(lat).toBeGreaterThan(10.4);
        expect(lat).toBeLessThan(11.2);
      }
      for (let i = 1; i < u.ring.length; i++) expect(u.ring[i]).not.toEqual(u.ring[i - 1]);
    }
    const lons = units.flatMap((u) => u.ring.map((p) => p[0]));
    const lats = units.flatMap((u) => u.ring.map((p) => p[1]));
    expect(Math.max(...lons) - Math.min(...lons)).toBeGreaterThan(0.45);
    expect(Math.max(...lats) - Math.min(...lats)).toBeGreaterThan(0.38);
  });

  it('tiles the city outline: cell areas sum to the outline area within 1 %, and points are covered once', () => {
    const tess = tessellate(
      new Rng(SEED, 'units').fork('geography'),
      UNIT_COUNTS.wards + UNIT_COUNTS.communes,
    );
    const outlineArea = signedArea(tess.outline);
    const mainland = units.filter((u) => u.type !== 'đặc khu').map((u) => kmRing(u.ring));
    const sum = mainland.reduce((s, r) => s + signedArea(r), 0);
    expect(Math.abs(sum - outlineArea) / outlineArea).toBeLessThan(0.01);

    const rng = new Rng(99, 'probe');
    let probes = 0;
    while (probes < 1500) {
      const p: Pt = [rng.float(-40, 40), rng.float(-35, 35)];
      if (!pointInRing(p, tess.outline)) continue;
      probes++;
      expect(mainland.filter((r) => pointInRing(p, r)).length).toBe(1);
    }
    const island = kmRing(units.find((u) => u.type === 'đặc khu')?.ring ?? []);
    for (const p of island) expect(pointInRing(p, tess.outline)).toBe(false);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateUnits(new Rng(SEED, 'units'))).toEqual(units);
    const other = generateUnits(new Rng(SEED + 1, 'units'));
    expect(other.map((u) => u.fullName)).not.toEqual(units.map((u) => u.fullName));
    expect(other.map((u) => u.ring)).not.toEqual(units.map((u) => u.ring));
  });
});
