/**
 * Kept ranking cores (electron/engine/query/rank-cores.ts): a spec answered from a kept first stage equals
 * the same spec computed in one statement; weights, sort, flag shown and page reuse the core; new
 * components, filters or data make a new one; at most MAX_CORES are kept per connection.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { coreKey, MAX_CORES, rankFromCore } from '../../../electron/engine/query/rank-cores';
import { prepareRankFlags } from '../../../electron/engine/query/rank-flags';
import { EngineServer } from '../../../electron/engine/server';
import { RANK_PRESETS, type RankSpec } from '../../../shared/rank-spec';
import { openSampleCopy } from '../pivot/sample-workspace';

let copy: Awaited<ReturnType<typeof openSampleCopy>>;
/** Keeps cores in SQL (the path of rankings the kernel does not answer), no result cache: every request runs SQL. */
let kept: EngineServer;
/** Computes every ranking in one statement. */
let cold: EngineServer;

beforeAll(async () => {
  copy = await openSampleCopy();
  // The SQL path throughout: the columnar kernel (rank-kernel.test.ts) would answer these specs.
  kept = new EngineServer(copy.ws, { resultCache: false, rankKernel: false });
  cold = new EngineServer(copy.ws, { resultCache: false, rankCores: false, rankKernel: false });
}, 300_000);
afterAll(() => copy?.cleanup());

const base = (() => {
  const p = RANK_PRESETS.find((x) => x.id === 'households_per_vnd');
  if (!p) throw new Error('preset gone');
  return p.spec;
})();

async function rows(on: EngineServer, spec: RankSpec) {
  const r = await on.query(spec);
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

/** Temp tables of kept cores on the read connection. */
async function coreTables(): Promise<string[]> {
  const r = await copy.ws.rows<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'rank_core_') ORDER BY 1`,
    copy.ws.read,
  );
  return r.map((x) => x.name);
}

describe('kept ranking cores', () => {
  it('weights, sort, flag shown and page reuse the core and answer exactly as one statement does', async () => {
    const variants: RankSpec[] = [
      base,
      { ...base, components: base.components.map((c, i) => ({ ...c, weight: i === 0 ? 1 : 5 })) },
      { ...base, sort: { by: 'name', dir: 'desc' }, offset: 20, limit: 50, counts: true },
      { ...base, only: 'identical_run', counts: true },
      { ...base, sort: { by: 'flags', dir: 'desc' }, limit: 30 },
      { ...base, focus: 'MH-000100' },
    ];
    const before = (await coreTables()).length;
    for (const spec of variants)
      expect(await rows(kept, spec), JSON.stringify(spec)).toEqual(await rows(cold, spec));
    // One core (its rows and its group statistics) for all of them.
    expect((await coreTables()).length - before).toBeLessThanOrEqual(2);
    expect(new Set(variants.map(coreKey)).size).toBe(1);
  });

  it('components, peer group, filter and exclusions make a new core', () => {
    const keys = [
      base,
      { ...base, peer: 'unit_type' as const },
      { ...base, filter: { fields: ['An sinh xã hội'] } },
      { ...base, exclude: ['spike' as const] },
      { ...base, components: [...base.components, { type: 'months_active' as const, weight: 1 }] },
      { ...base, components: [{ ...base.components[0]!, per: 'per10k' as const }, base.components[1]!] },
    ].map(coreKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps at most MAX_CORES per connection, least recently used out; new data drops them all', async () => {
    const catalog = await CatalogCache.load(copy.ws);
    await prepareRankFlags(copy.ws, copy.ws.read, undefined);
    const specs: RankSpec[] = Array.from({ length: MAX_CORES + 2 }, (_, i) => ({
      ...base,
      components: [...base.components, { type: 'indicator', indicator: 'beneficiaries', weight: i + 1 }],
      filter: { period: { from: `202${3 + (i % 3)}-01`, to: `202${3 + (i % 3)}-${i < 3 ? '12' : '06'}` } },
    }));
    for (const s of specs) await rankFromCore(copy.ws.read, s, catalog, 'v-test');
    expect((await coreTables()).length).toBe(2 * MAX_CORES);
    // The first one was evicted: using it again makes a new table (a higher number).
    const sqlAgain = (await rankFromCore(copy.ws.read, specs[0]!, catalog, 'v-test')).build().text;
    const last = (await rankFromCore(copy.ws.read, specs[MAX_CORES + 1]!, catalog, 'v-test')).build().text;
    const num = (text: string) => Number(/rank_core_(\d+)\b/.exec(text)?.[1]);
    expect(num(sqlAgain)).toBeGreaterThan(num(last));
    await rankFromCore(copy.ws.read, base, catalog, 'v-other');
    expect((await coreTables()).length).toBe(2);
  });

  it('an invalid spec keeps nothing and reports SPEC_INVALID', async () => {
    await kept.query(base);
    const before = await coreTables();
    expect(before.length).toBe(2);
    await expect(
      kept.query({ kind: 'rank', components: [{ type: 'indicator', indicator: 'no_such', weight: 1 }] }),
    ).rejects.toMatchObject({ code: 'SPEC_INVALID' });
    expect(await coreTables()).toEqual(before);
  });
});
