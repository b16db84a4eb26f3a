/**
 * The duplicate rule (flags-duplicates.ts: sponsor buckets, start-date windows, names folded once, integer
 * bigrams) finds exactly the pairs — same similarity, same order — that comparing every pair of models of
 * each unit and field finds (the rule's plain definition, the engine's algorithm before blocking, kept
 * here as the oracle). The models are seeded random variants of a few names (case, diacritics, punctuation,
 * one letter changed, a word added, names folding to nothing) with fields and sponsors that differ only
 * by case or diacritics, missing sponsors and start dates, start dates exactly at and just past the
 * window's edge, replicas and models without a unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicatePairs, type DuplicatePair } from '../../../electron/engine/query/flags-duplicates';
import { computeFlags } from '../../../electron/engine/query/flags';
import { searchKey } from '../../../shared/text';
import { sql } from '../../../electron/engine/db/sql';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import { openTemp } from '../../helpers/workspace';
import { rng } from './fixture';

const BASES = [
  'Mái ấm cho hộ nghèo',
  'Hẻm sạch hẻm đẹp',
  'Bếp ăn tình thương',
  'Chuyến xe nghĩa tình',
  'Phân loại rác tại nguồn',
  'Ấp văn hóa',
  'Tổ tự quản an ninh trật tự khu phố',
];
const FIELDS = ['An sinh xã hội', 'an sinh xa hoi', 'Cải cách hành chính', null];
const SPONSORS = ['UBND phường', 'ubnd phuong', 'Đoàn Thanh niên', 'Hội Phụ nữ', null, '', '---'];
/** Day offsets from 2024-01-01: around the default 31-day window's edges, and spread out. */
const OFFSETS = [0, 1, 30, 31, 32, 62, 63, 64, 93, 95];

interface Model {
  id: string;
  name: string;
  unit: string | null;
  field: string | null;
  sponsor: string | null;
  start: number | null;
  replicatedFrom: string | null;
}

function variant(base: string, r: () => number): string {
  const k = Math.floor(r() * 9);
  if (k === 0) return base;
  if (k === 1) return base.toUpperCase();
  if (k === 2) return searchKey(base);
  if (k === 3) return `${base} - ${Math.floor(r() * 3) + 1}`;
  if (k === 4) return base.replace(/\s/, '  , ');
  if (k === 5) {
    const i = Math.floor(r() * base.length);
    return base.slice(0, i) + 'x' + base.slice(i + 1);
  }
  if (k === 6) return `${base} mới`;
  if (k === 7) return r() < 0.3 ? '—!' : base.slice(0, -1);
  return `${base}!`;
}

function makeModels(n: number, seed: number): Model[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const models: Model[] = [];
  for (let k = 0; k < n; k++) {
    const start =
      r() < 0.1 ? null : r() < 0.7 ? pick(OFFSETS) : Math.floor(r() * 400) + Math.floor(r() * 3) * 31;
    models.push({
      // Ids in another order than names, groups and dates.
      id: `D-${String((k * 7919) % 100_003).padStart(6, '0')}`,
      name: variant(pick(BASES), r),
      unit: r() < 0.05 ? null : pick(['00101', '00102']),
      field: pick(FIELDS),
      sponsor: pick(SPONSORS),
      start,
      replicatedFrom: null,
    });
  }
  for (const m of models) if (r() < 0.05) m.replicatedFrom = pick(models).id;
  return models;
}

async function insert(ws: Awaited<ReturnType<typeof openTemp>>['ws'], models: readonly Model[]) {
  for (const m of models)
    await ws.exec(
      sql`INSERT INTO models (model_id, name, unit_code, field, sponsor, start_date, replicated_from)
        VALUES (${m.id}, ${m.name}, ${m.unit}, ${m.field}, ${m.sponsor},
          DATE '2024-01-01' + CAST(${m.start} AS INTEGER), ${m.replicatedFrom})`,
    );
  await rebuildDerived(ws);
}

/** The plain definition: every pair of each unit-and-field group, in group then position order. */
async function oracle(
  ws: Awaited<ReturnType<typeof openTemp>>['ws'],
  threshold: number,
  maxDays: number,
): Promise<DuplicatePair[]> {
  const rows = await ws.rows<{
    model_id: string;
    name: string;
    unit_code: string;
    field: string | null;
    sponsor: string | null;
    start: number | null;
    replicated_from: string | null;
  }>(
    `SELECT model_id, name, unit_code, field, sponsor, (start_date - DATE '1970-01-01')::INTEGER AS start, replicated_from
     FROM models WHERE unit_code IS NOT NULL ORDER BY unit_code, model_id`,
  );
  const grams = (key: string) => {
    const p = ` ${key} `;
    const out: string[] = [];
    for (let i = 0; i < p.length - 1; i++) out.push(p.slice(i, i + 2));
    return out.sort();
  };
  const dice = (a: string[], b: string[]) => {
    const rest = [...b];
    let shared = 0;
    for (const g of a) {
      const i = rest.indexOf(g);
      if (i >= 0) {
        shared++;
        rest.splice(i, 1);
      }
    }
    return (2 * shared) / (a.length + b.length);
  };
  const groups = new Map<
    string,
    { id: string; key: string; sponsor: string; start: number | null; rf: string | null }[]
  >();
  for (const r of rows) {
    const key = searchKey(r.name);
    if (!key) continue;
    const g = `${r.unit_code}\u0000${searchKey(r.field)}`;
    const list = groups.get(g) ?? [];
    list.push({ id: r.model_id, key, sponsor: searchKey(r.sponsor), start: r.start, rf: r.replicated_from });
    groups.set(g, list);
  }
  const out: DuplicatePair[] = [];
  for (const list of groups.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.sponsor && b.sponsor && a.sponsor !== b.sponsor) continue;
        if (a.start !== null && b.start !== null && Math.abs(a.start - b.start) > maxDays) continue;
        if (a.rf === b.id || b.rf === a.id) continue;
        const s = a.key === b.key ? 1 : dice(grams(a.key), grams(b.key));
        if (s >= threshold)
          out.push(a.id < b.id ? { a: a.id, b: b.id, similarity: s } : { a: b.id, b: a.id, similarity: s });
      }
  return out;
}

let t: Awaited<ReturnType<typeof openTemp>>;
let models: Model[];

beforeAll(async () => {
  t = await openTemp();
  models = makeModels(500, 20251123);
  await insert(t.ws, models);
}, 120_000);
afterAll(() => t.cleanup());

const CASES: [number, number][] = [
  [0.9, 31],
  [0.9, 30],
  [0.8, 0],
  [0.5, 62],
  [1, 31],
  [0.95, 100_000],
];

describe('duplicate rule: blocked comparison equals the all-pairs definition', () => {
  it.each(CASES)('similarity ≥ %s, starts ≤ %s days apart', async (threshold, maxDays) => {
    const want = await oracle(t.ws, threshold, maxDays);
    const got = await duplicatePairs(t.ws, t.ws.read, threshold, maxDays);
    expect(got).toEqual(want);
    expect(want.length).toBeGreaterThan(20);
  });

  it('an empty workspace has no pairs and no flags', async () => {
    const empty = await openTemp();
    try {
      expect(await duplicatePairs(empty.ws, empty.ws.read, 0.9, 31)).toEqual([]);
      expect(await computeFlags(empty.ws, empty.ws.read)).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });

  it('the generated data exercises the window edge, missing dates and sponsors, and replicas', async () => {
    const byId = new Map(models.map((m) => [m.id, m]));
    const pairs = await oracle(t.ws, 0.9, 31);
    const gap = (p: DuplicatePair) => {
      const a = byId.get(p.a)?.start;
      const b = byId.get(p.b)?.start;
      return a == null || b == null ? null : Math.abs(a - b);
    };
    expect(pairs.some((p) => gap(p) === 31)).toBe(true);
    expect(pairs.some((p) => gap(p) === null)).toBe(true);
    expect(pairs.some((p) => !searchKey(byId.get(p.a)?.sponsor) !== !searchKey(byId.get(p.b)?.sponsor))).toBe(
      true,
    );
    // One day less loses the pairs exactly 31 days apart.
    expect((await oracle(t.ws, 0.9, 30)).length).toBeLessThan(pairs.length);
    expect(models.some((m) => m.replicatedFrom)).toBe(true);
  });

  it('computeFlags reports each pair on both models, in the same order as before', async () => {
    const flags = (await computeFlags(t.ws, t.ws.read)).filter((f) => f.code === 'duplicate');
    const pairs = await oracle(t.ws, 0.9, 31);
    const want = pairs
      .flatMap((p) => {
        const similarity = Math.round(p.similarity * 1000) / 1000;
        return [
          { modelId: p.a, code: 'duplicate', params: { other: p.b, similarity } },
          { modelId: p.b, code: 'duplicate', params: { other: p.a, similarity } },
        ];
      })
      .sort((x, y) => (x.modelId < y.modelId ? -1 : x.modelId > y.modelId ? 1 : 0));
    expect(flags).toEqual(want);
  });
});
