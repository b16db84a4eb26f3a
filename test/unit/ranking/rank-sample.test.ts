/**
 * RankSpec results on the sample workspace equal an independent JS computation (rank-oracle.ts) from plain
 * rows: raw values, percentiles, peer medians and top deciles, scores and the order — through both sources
 * of the per-model partials (the model cube and `facts`). The ranked table's pages (sort, flag, focus,
 * offset, limit, counts) equal the full ranking sorted and sliced in JS.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { compileRank } from '../../../electron/engine/query/rank-compile';
import { EngineServer } from '../../../electron/engine/server';
import { RANK_PRESETS, type RankSpec } from '../../../shared/rank-spec';
import { openSampleCopy } from '../pivot/sample-workspace';
import { oracleRank, type FactRow, type ModelRow } from './rank-oracle';

let copy: Awaited<ReturnType<typeof openSampleCopy>>;
let server: EngineServer;
/** The same engine with the cubes off: rankings read `facts` (the check compares both with the oracle). */
let factsOnly: EngineServer;

beforeAll(async () => {
  copy = await openSampleCopy();
  server = new EngineServer(copy.ws);
  factsOnly = new EngineServer(copy.ws, { resultCache: false, cubes: false });
}, 300_000);
afterAll(() => copy?.cleanup());

async function engineRows(spec: RankSpec, on = server): Promise<Record<string, unknown>[]> {
  const r = await on.query(spec);
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

/**
 * Plain rows for the oracle: the models of `field` (all when null) and their facts — only those of
 * `indicators` when given (components that need no other indicator and no month counts).
 */
async function oracleInputs(
  field: string | null,
  indicators?: string[],
  period?: { from: string; to: string },
): Promise<{ models: ModelRow[]; facts: FactRow[] }> {
  const where = field === null ? 'TRUE' : `field = '${field}'`;
  const codes = [
    indicators ? `indicator_code IN (${indicators.map((c) => `'${c}'`).join(', ')})` : 'TRUE',
    period ? `strftime(period_start, '%Y-%m') BETWEEN '${period.from}' AND '${period.to}'` : 'TRUE',
  ].join(' AND ');
  const models = await copy.ws.rows<ModelRow>(
    `SELECT model_id, field, unit_type, population, status,
       CASE WHEN start_date IS NULL THEN NULL ELSE year(start_date) * 12 + month(start_date) - 1 END AS start_month
     FROM model_dim WHERE ${where}`,
  );
  const facts = await copy.ws.rows<FactRow>(
    `SELECT model_id, indicator_code, year(period_start) * 12 + month(period_start) - 1 AS month, value, weight
     FROM facts WHERE ${where} AND ${codes}`,
  );
  return { models, facts };
}

function close(a: unknown, b: number | null | undefined, what: string) {
  if (b === null || b === undefined) return expect(a, what).toBeNull();
  expect(typeof a, what).toBe('number');
  expect(Math.abs((a as number) - b), `${what}: ${String(a)} vs ${b}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(b)),
  );
}

/** Check `spec` against the oracle through the model cube (when it answers) and through `facts`. */
async function check(spec: RankSpec, field: string | null, indicators?: string[]) {
  const got = await checkOn(server, spec, field, indicators);
  const viaFacts = await checkOn(factsOnly, spec, field, indicators);
  expect(viaFacts.map((r) => r.model_id)).toEqual(got.map((r) => r.model_id));
  return got;
}

async function checkOn(on: EngineServer, spec: RankSpec, field: string | null, indicators?: string[]) {
  const got = await engineRows(spec, on);
  const period = spec.filter?.period;
  const { models, facts } = await oracleInputs(
    field,
    indicators,
    period?.from && period.to ? { from: period.from, to: period.to } : undefined,
  );
  const want = oracleRank(spec, models, facts);
  expect(got.length).toBe(want.length);
  expect(got.length).toBeGreaterThan(10);
  const byId = new Map(want.map((w) => [w.model_id, w]));
  for (const g of got) {
    const w = byId.get(String(g.model_id));
    expect(w, String(g.model_id)).toBeDefined();
    if (!w) continue;
    expect(g.peer).toBe(w.peer);
    spec.components.forEach((_, i) => {
      close(g[`c${i}_raw`], w.raw[i], `${w.model_id} c${i}_raw`);
      close(g[`c${i}_pct`], w.pct[i], `${w.model_id} c${i}_pct`);
      close(g[`c${i}_median`], w.median[i], `${w.model_id} c${i}_median`);
      close(g[`c${i}_top10`], w.top10[i], `${w.model_id} c${i}_top10`);
    });
    close(g.score, w.score, `${w.model_id} score`);
  }
  // Ranks are 1..n in descending score.
  got.forEach((g, i) => {
    expect(g.rank).toBe(i + 1);
    if (i > 0) expect(g.score as number).toBeLessThanOrEqual((got[i - 1]?.score as number) + 1e-12);
  });
  return got;
}

const preset = (id: string) => {
  const p = RANK_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p.spec;
};

describe('ranking on the sample dataset equals an independent computation', () => {
  it('“most households supported per VND” (per million VND, per month; peers by field)', async () => {
    const got = await check(preset('households_per_vnd'), null, [
      'households_supported',
      'funds_mobilized_vnd',
    ]);
    expect(got[0]?.field).toBe('An sinh xã hội');
  });

  it('“fastest turnaround with high satisfaction” ranks low turnaround high (weighted mean, peers by unit type)', async () => {
    const got = await check(preset('fast_turnaround_satisfaction'), 'Cải cách hành chính');
    const top = got[0];
    expect(top?.c0_raw as number).toBeLessThan(top?.c0_median as number);
  });

  it('sustainability, reach and efficiency components with per-10,000-residents rates', async () => {
    const spec: RankSpec = {
      kind: 'rank',
      peer: 'unit_type',
      filter: { fields: ['Kinh tế – nông nghiệp sạch'] },
      components: [
        { type: 'months_active', weight: 1 },
        { type: 'reporting_share', weight: 2 },
        { type: 'trend', weight: 1.5 },
        { type: 'reach', weight: 1 },
        { type: 'efficiency', weight: 0.5 },
        { type: 'indicator', indicator: 'beneficiaries', per: 'per10k', weight: 1 },
      ],
    };
    await check(spec, 'Kinh tế – nông nghiệp sạch');
  });

  it('every component type at once within a period (months, expected months and the data range from the period only), peers all', async () => {
    const spec: RankSpec = {
      kind: 'rank',
      peer: 'all',
      filter: { fields: ['An sinh xã hội'], period: { from: '2024-03', to: '2024-11' } },
      components: [
        { type: 'months_active', weight: 1 },
        { type: 'reporting_share', weight: 2 },
        { type: 'trend', weight: 1 },
        { type: 'efficiency', weight: 1 },
        { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 1 },
        { type: 'indicator', indicator: 'funds_mobilized_vnd', per: 'per10k', weight: 1 },
        { type: 'indicator', indicator: 'turnaround_minutes', weight: 1 },
      ],
    };
    await check(spec, 'An sinh xã hội');
  });

  it('the SQL computes only the inputs the components use (no trend regression, month counts or totals otherwise)', async () => {
    const catalog = await CatalogCache.load(copy.ws);
    const text = (spec: RankSpec) => compileRank(spec, catalog).build().text;
    const perVnd = text(preset('households_per_vnd'));
    expect(perVnd).not.toContain('regr_slope');
    expect(perVnd).not.toMatch(/model_months|model_years/);
    expect(perVnd).toContain('AS funds');
    expect(perVnd).not.toContain('AS beneficiaries');
    expect(perVnd).not.toContain('txy) AS');
    const sustained = text(preset('sustained'));
    expect(sustained).toMatch(/\btr AS/);
    // Months from the per-year summary without a period; from the months themselves for part of a year.
    expect(sustained).toContain('FROM model_years');
    const partYear = { ...preset('sustained'), filter: { period: { from: '2024-03', to: '2024-11' } } };
    expect(text(partYear)).toContain('FROM model_months');
    expect(sustained).not.toMatch(/\biv AS/);
  });

  it('the partials come from the model cube without a period or with whole years, else from facts', async () => {
    const catalog = await CatalogCache.load(copy.ws);
    const off = await CatalogCache.load(copy.ws, { cubes: false });
    expect(catalog.modelCube).toBe(true);
    const spec = preset('households_per_vnd');
    const from = (s: RankSpec, c = catalog) => {
      const text = compileRank(s, c).build().text;
      return { cube: text.includes('FROM model_cube'), facts: /FROM facts f\b/.test(text) };
    };
    const years = { ...spec, filter: { period: { from: '2024-01', to: '2025-12' } } };
    const months = { ...spec, filter: { period: { from: '2024-02', to: '2024-12' } } };
    expect(from(spec)).toEqual({ cube: true, facts: false });
    expect(from(years)).toEqual({ cube: true, facts: false });
    expect(from(months)).toEqual({ cube: false, facts: true });
    expect(from(spec, off)).toEqual({ cube: false, facts: true });
  });

  it('whole years with every component type (the model cube over two years; trend from its partials)', async () => {
    const spec: RankSpec = {
      kind: 'rank',
      peer: 'field',
      filter: { fields: ['An sinh xã hội'], period: { from: '2024-01', to: '2025-12' } },
      components: [
        { type: 'months_active', weight: 1 },
        { type: 'reporting_share', weight: 1 },
        { type: 'trend', weight: 2 },
        { type: 'reach', weight: 1 },
        { type: 'efficiency', weight: 1 },
        { type: 'indicator', indicator: 'households_supported', per: 'per_month', weight: 1 },
        { type: 'indicator', indicator: 'turnaround_minutes', weight: 1 },
        { type: 'indicator', indicator: 'satisfaction_pct', weight: 1 },
      ],
    };
    await check(spec, 'An sinh xã hội');
  });

  it('every row carries its flags; excluding a flag leaves those models out and re-ranks the rest', async () => {
    const spec = preset('households_per_vnd');
    const all = await engineRows(spec);
    const flagged = all.filter((r) =>
      String(r.flag_codes ?? '')
        .split(',')
        .includes('identical_run'),
    );
    expect(flagged.length).toBeGreaterThan(0);
    const f = JSON.parse(String(flagged[0]?.flags_json)) as { code: string; modelId: string }[];
    expect(f.some((x) => x.code === 'identical_run' && x.modelId === flagged[0]?.model_id)).toBe(true);
    const kept = await engineRows({ ...spec, exclude: ['identical_run'] });
    expect(kept.length).toBe(all.length - flagged.length);
    expect(kept.some((r) => String(r.flag_codes ?? '').includes('identical_run'))).toBe(false);
  });

  it('an unknown indicator or a rate of a mean-type indicator is SPEC_INVALID', async () => {
    await expect(
      server.query({ kind: 'rank', components: [{ type: 'indicator', indicator: 'no_such', weight: 1 }] }),
    ).rejects.toMatchObject({ code: 'SPEC_INVALID' });
    await expect(
      server.query({
        kind: 'rank',
        components: [{ type: 'indicator', indicator: 'satisfaction_pct', per: 'per10k', weight: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'SPEC_INVALID' });
  });
});

describe('pages of the ranked table', () => {
  const base = preset('households_per_vnd');
  const collator = new Intl.Collator('vi');
  let all: Record<string, unknown>[];
  beforeAll(async () => {
    all = await engineRows(base);
  });
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.model_id));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  /** JS order of the full ranking: by `cmp`, ties by rank. */
  function sorted(cmp: (a: Record<string, unknown>, b: Record<string, unknown>) => number) {
    return [...all].sort((a, b) => cmp(a, b) || (a.rank as number) - (b.rank as number));
  }
  /** Missing text first ascending (the Ranking view's order for units and fields). */
  const byText = (k: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const x = text(a[k]);
    const y = text(b[k]);
    if (x === y) return 0;
    if (x === null) return -1;
    if (y === null) return 1;
    return collator.compare(x, y);
  };
  const flagCount = (r: Record<string, unknown>) =>
    (text(r.flag_codes) ?? '').split(',').filter(Boolean).length;

  it('pages in rank order are slices of the full ranking, with the counts', async () => {
    expect(all.length).toBeGreaterThan(300);
    const page = await engineRows({ ...base, offset: 100, limit: 100, counts: true });
    expect(ids(page)).toEqual(ids(all.slice(100, 200)));
    expect(page.every((r) => r.ranked === all.length && r.matching === all.length)).toBe(true);
    expect(page[0]?.rank).toBe(101);
  });

  it('sorts by name, unit and field in Vietnamese collation order and by flag count, both directions', async () => {
    const cases: [RankSpec['sort'], (a: Record<string, unknown>, b: Record<string, unknown>) => number][] = [
      [{ by: 'name', dir: 'asc' }, (a, b) => collator.compare(String(a.name), String(b.name))],
      [{ by: 'name', dir: 'desc' }, (a, b) => collator.compare(String(b.name), String(a.name))],
      [{ by: 'unit', dir: 'asc' }, byText('unit_name')],
      [{ by: 'unit', dir: 'desc' }, (a, b) => byText('unit_name')(b, a)],
      [{ by: 'field', dir: 'asc' }, byText('field')],
      [{ by: 'flags', dir: 'desc' }, (a, b) => flagCount(b) - flagCount(a)],
      [{ by: 'rank', dir: 'desc' }, (a, b) => (b.rank as number) - (a.rank as number)],
    ];
    for (const [sort, cmp] of cases) {
      const want = sorted(cmp);
      const got = await engineRows({ ...base, sort, limit: 150 });
      // Equal names tie in both orders (then by rank); compare the sort keys and, where keys differ, ids.
      expect(ids(got), JSON.stringify(sort)).toEqual(ids(want.slice(0, 150)));
    }
  });

  it('`only` keeps the rows with that flag, ranks unchanged; an empty page still carries the counts', async () => {
    const flagged = all.filter((r) => (text(r.flag_codes) ?? '').split(',').includes('identical_run'));
    expect(flagged.length).toBeGreaterThan(0);
    const got = await engineRows({ ...base, only: 'identical_run', counts: true });
    expect(ids(got)).toEqual(ids(flagged));
    expect(got.map((r) => r.rank)).toEqual(flagged.map((r) => r.rank));
    expect(got[0]?.matching).toBe(flagged.length);
    expect(got[0]?.ranked).toBe(all.length);
    const past = await engineRows({
      ...base,
      only: 'identical_run',
      offset: flagged.length,
      limit: 10,
      counts: true,
    });
    expect(past).toHaveLength(1);
    expect(past[0]?.model_id).toBeNull();
    expect(past[0]?.rank).toBeNull();
    expect(past[0]).toMatchObject({ ranked: all.length, matching: flagged.length });
  });

  it('`focus` answers one model ranked among all; a model not ranked answers no row', async () => {
    const target = all[Math.floor(all.length / 2)];
    const got = await engineRows({ ...base, focus: String(target?.model_id) });
    expect(got).toHaveLength(1);
    expect(got[0]).toEqual(target);
    const unranked = await copy.ws.rows<{ model_id: string }>(
      `SELECT model_id FROM model_dim WHERE model_id NOT IN (${all.map((r) => `'${String(r.model_id)}'`).join(', ')}) LIMIT 1`,
    );
    expect(unranked.length).toBe(1);
    expect(await engineRows({ ...base, focus: unranked[0]?.model_id })).toHaveLength(0);
  });
});
