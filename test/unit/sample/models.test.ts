import { describe, expect, it } from 'vitest';
import { FIELDS, RECOGNITIONS, SPONSORS, STATUSES } from '../../../shared/catalog';
import { generateSample, MODELS_PER_SCALE } from '../../../electron/engine/sample/index';
import { pointInRing } from '../../../electron/engine/sample/geometry';
import { NAME_TEMPLATES } from '../../../electron/engine/sample/vocabulary';

const SCALE = 0.25;
const { units, models } = generateSample(7, SCALE);
const share = (pred: (m: (typeof models)[number]) => boolean): number =>
  models.filter(pred).length / models.length;

describe('sample models', () => {
  it('generates MODELS_PER_SCALE × scale models with unique, sequential ids', () => {
    expect(models.length).toBe(Math.round(MODELS_PER_SCALE * SCALE));
    models.forEach((m, i) => {
      expect(m.index).toBe(i);
      expect(m.id).toBe(`MH-${String(i + 1).padStart(6, '0')}`);
    });
  });

  it('draws fields, sponsors, statuses and recognition from the catalogue vocabularies', () => {
    for (const m of models) {
      expect(FIELDS[m.field]).toBeDefined();
      expect(SPONSORS).toContain(m.sponsor);
      expect(STATUSES).toContain(m.status);
      if (m.recognition !== '') expect(RECOGNITIONS).toContain(m.recognition);
      expect(units[m.unit]).toBeDefined();
    }
  });

  it('spreads models unevenly: every field used, the busiest unit far above the median', () => {
    const perField = new Set(models.map((m) => m.field));
    expect(perField.size).toBe(FIELDS.length);
    const perUnit = units.map((_, u) => models.filter((m) => m.unit === u).length).sort((a, b) => a - b);
    const median = perUnit[Math.floor(perUnit.length / 2)] ?? 0;
    expect(perUnit[perUnit.length - 1] ?? 0).toBeGreaterThan(3 * median);
  });

  it('starts between 2023-01 and 2025-10, skewed towards the early months', () => {
    for (const m of models) {
      expect(m.startDate >= '2023-01-01' && m.startDate <= '2025-10-31').toBe(true);
      expect(m.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(m.startDate))).toBe(false);
    }
    expect(share((m) => m.startDate < '2024-01-01')).toBeGreaterThan(0.5);
    expect(share((m) => m.startDate >= '2025-01-01')).toBeGreaterThan(0.03);
  });

  it('mostly runs, sometimes completes or pauses, and only active models run to 2025-12', () => {
    expect(share((m) => m.status === 'Đang triển khai')).toBeGreaterThan(0.7);
    expect(share((m) => m.status === 'Đã hoàn thành')).toBeGreaterThan(0.05);
    expect(share((m) => m.status === 'Tạm dừng')).toBeGreaterThan(0.02);
    for (const m of models) {
      if (m.status === 'Tạm dừng') expect(m.lastMonth).toBeLessThan(35);
      if (m.status === 'Đang triển khai') expect(m.lastMonth).toBe(35);
      expect(m.lastMonth).toBeGreaterThanOrEqual(m.startMonth + 2);
    }
  });

  it('recognises few models, and very few at the central level', () => {
    expect(share((m) => m.recognition === '')).toBeGreaterThan(0.7);
    expect(share((m) => m.recognition === 'Cấp xã')).toBeGreaterThan(0.1);
    expect(share((m) => m.recognition === 'Cấp thành phố')).toBeLessThan(0.06);
    expect(share((m) => m.recognition === 'Cấp trung ương')).toBeGreaterThan(0);
    expect(share((m) => m.recognition === 'Cấp trung ương')).toBeLessThan(0.01);
  });

  it('links about 5 % of models to an earlier model of the same field', () => {
    const byId = new Map(models.map((m) => [m.id, m]));
    const replicas = models.filter((m) => m.replicatedFrom !== null);
    expect(replicas.length / models.length).toBeGreaterThan(0.03);
    expect(replicas.length / models.length).toBeLessThan(0.08);
    for (const m of replicas) {
      const src = byId.get(m.replicatedFrom ?? '');
      expect(src).toBeDefined();
      expect(src?.field).toBe(m.field);
      expect(src?.template).toBe(m.template);
      expect((src?.startMonth ?? 99) < m.startMonth).toBe(true);
      expect(m.description).toContain(m.replicatedFrom);
    }
  });

  it('places about a third of models at a point inside their unit', () => {
    const placed = models.filter((m) => m.lat !== null && m.lon !== null);
    expect(placed.length / models.length).toBeGreaterThan(0.28);
    expect(placed.length / models.length).toBeLessThan(0.4);
    for (const m of placed) {
      const ring = units[m.unit]?.ring ?? [];
      expect(pointInRing([m.lon ?? 0, m.lat ?? 0], ring)).toBe(true);
    }
  });

  it('names models from their field templates, usually with a place', () => {
    for (const m of models) {
      const template = NAME_TEMPLATES[m.field]?.[m.template];
      expect(template).toBeDefined();
      expect(m.name).toContain(template);
      expect(m.description.length).toBeGreaterThan(40);
    }
    expect(share((m) => m.name !== NAME_TEMPLATES[m.field]?.[m.template])).toBeGreaterThan(0.8);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSample(7, SCALE);
    expect(again.models).toEqual(models);
    const other = generateSample(8, SCALE);
    expect(other.models.map((m) => m.name)).not.toEqual(models.map((m) => m.name));
  });

  it('rejects a bad seed or scale with REQUEST_INVALID', () => {
    expect(() => generateSample(1, 0)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
    expect(() => generateSample(-1, 1)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
    expect(() => generateSample(1.5, 1)).toThrow(expect.objectContaining({ code: 'REQUEST_INVALID' }));
  });
});
