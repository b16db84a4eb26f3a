import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEED,
  generateSample,
  modelSeries,
  yearOfMonth,
} from '../../../electron/engine/sample/index';

describe('the sample at scale 1', () => {
  it('has ≥ 7,600 models over 160–180 units, 1–2.5 million value rows and wide sheets under Excel’s limit', () => {
    const { units, models } = generateSample(DEFAULT_SEED, 1);
    expect(units.length).toBeGreaterThanOrEqual(160);
    expect(units.length).toBeLessThanOrEqual(180);
    expect(models.length).toBeGreaterThanOrEqual(7_600);

    let rows = 0;
    const wideByYear = new Map<number, number>();
    for (const m of models) {
      const { months } = modelSeries(m);
      rows += months.length * m.values.indicators.length;
      for (const month of months)
        wideByYear.set(yearOfMonth(month), (wideByYear.get(yearOfMonth(month)) ?? 0) + 1);
    }
    expect(rows).toBeGreaterThanOrEqual(1_000_000);
    expect(rows).toBeLessThanOrEqual(2_500_000);
    expect([...wideByYear.keys()].sort()).toEqual([2023, 2024, 2025]);
    for (const n of wideByYear.values()) expect(n).toBeLessThan(1_048_576 - 20);

    const flat = models.filter((m) => m.values.pattern === 'flat').length;
    const jump = models.filter((m) => m.values.pattern === 'jump').length;
    expect(flat / models.length).toBeGreaterThan(0.005);
    expect(flat / models.length).toBeLessThan(0.02);
    expect(jump / models.length).toBeGreaterThan(0.002);
    expect(jump / models.length).toBeLessThan(0.01);
  });
});
