import { describe, expect, it } from 'vitest';
import { Rng, hash32 } from '../../../electron/engine/sample/rng';

describe('sample PRNG', () => {
  it('gives the same sequence for the same seed and labels', () => {
    const a = new Rng(42, 'x', 1);
    const b = new Rng(42, 'x', 1);
    expect(Array.from({ length: 20 }, () => a.uint32())).toEqual(
      Array.from({ length: 20 }, () => b.uint32()),
    );
  });

  it('gives different sequences for different seeds or labels', () => {
    const first = (r: Rng): number[] => Array.from({ length: 5 }, () => r.uint32());
    expect(first(new Rng(42, 'x'))).not.toEqual(first(new Rng(43, 'x')));
    expect(first(new Rng(42, 'x'))).not.toEqual(first(new Rng(42, 'y')));
  });

  it('forks streams that do not depend on how much of the parent was used', () => {
    const a = new Rng(7, 'parent');
    const b = new Rng(7, 'parent');
    b.next();
    b.next();
    expect(a.fork('child').uint32()).toBe(b.fork('child').uint32());
    expect(new Rng(7, 'p1').fork('c').uint32()).not.toBe(new Rng(7, 'p2').fork('c').uint32());
  });

  it('draws uniform floats in [0, 1) and integers within inclusive bounds', () => {
    const r = new Rng(1);
    const floats = Array.from({ length: 20_000 }, () => r.next());
    const ints = new Set(Array.from({ length: 2_000 }, () => r.int(3, 5)));
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / floats.length).toBeCloseTo(0.5, 1);
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('draws Poisson counts with the requested mean', () => {
    const r = new Rng(2);
    for (const lambda of [0.3, 4, 80]) {
      let s = 0;
      for (let i = 0; i < 20_000; i++) s += r.poisson(lambda);
      expect(s / 20_000).toBeCloseTo(lambda, lambda < 1 ? 1 : 0);
    }
  });

  it('hashes strings to stable 32-bit values', () => {
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
    expect(hash32('abc')).toBeGreaterThanOrEqual(0);
    expect(hash32('abc')).toBeLessThan(2 ** 32);
  });
});
