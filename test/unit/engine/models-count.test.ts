/**
 * The paged Models list on the scale-1 sample: its total comes from an `aggregate` count_models spec and its
 * rows from `models` pages of 500 (limit/offset, same sort). Both must describe the very same list: for every
 * kind of filter the count equals the rows of the whole list, and the pages laid end to end are the whole
 * list in the same order, whatever the sort (ties and NULLs included). The renderer's page loader, over the
 * same engine, fetches each page once and serves it again from its cache.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineServer } from '../../../electron/engine/server';
import { SpecSchema, type Filter, type ModelQuery, type Spec } from '../../../shared/specs';
import {
  MODEL_PAGE_SIZE,
  modelCountSpec,
  modelListSpec,
  modelPageSpec,
} from '../../../renderer/src/views/models/models-specs';
import type { ModelSort } from '../../../renderer/src/state/url-hash';
import {
  ModelPageLoader,
  modelListKey,
  type ModelList,
} from '../../../renderer/src/views/models/model-pages';
import { openSampleCopy } from '../pivot/sample-workspace';

let t: Awaited<ReturnType<typeof openSampleCopy>>;
let engine: EngineServer;

beforeAll(async () => {
  t = await openSampleCopy();
  engine = new EngineServer(t.ws, { resultCache: false });
}, 300_000);
afterAll(() => t?.cleanup());

/** Run a spec as the app's API would: validated by the schema first (dispatch does), then the engine. */
async function rows(spec: Spec): Promise<Record<string, unknown>[]> {
  const r = await engine.query(SpecSchema.parse(spec));
  return tableFromIPC(r.arrow)
    .toArray()
    .map((x) => ({ ...x.toJSON() }));
}

async function count(filter: Filter): Promise<number> {
  const [row] = await rows(modelCountSpec(filter));
  return Number(row?.m0);
}

/** The keys of one dimension that hold models, most models first (so picked values are not trivial). */
async function keys(by: 'field' | 'unit' | 'status' | 'start_year' | 'indicator'): Promise<string[]> {
  const r = await rows({ kind: 'aggregate', by, measures: [{ type: 'count_models' }], sort: 'value_desc' });
  return r.map((x) => String(x.key));
}

const ids = (r: Record<string, unknown>[]) => r.map((x) => String(x.model_id));

describe('the count spec and the model list select the same models', () => {
  let filters: [string, Filter][] = [];

  beforeAll(async () => {
    const [fields, units, statuses, years, indicators] = await Promise.all([
      keys('field'),
      keys('unit'),
      keys('status'),
      keys('start_year'),
      keys('indicator'),
    ]);
    const [field = '', field2 = ''] = fields;
    const rareIndicator = indicators.at(-1) ?? '';
    filters = [
      ['no filter', {}],
      ['one field', { fields: [field] }],
      ['two fields', { fields: [field, field2] }],
      ['a unit', { units: [units[0] ?? ''] }],
      ['a status', { statuses: [statuses[0] ?? ''] }],
      ['a period (models that reported in it)', { period: { from: '2024-03', to: '2024-05' } }],
      ['an open-ended period', { period: { from: '2025-06' } }],
      ['search without diacritics', { search: 'cau' }],
      ['search with diacritics', { search: 'cầu' }],
      ['start years', { startYears: years.slice(0, 2) }],
      ['a rarely reported indicator', { indicators: [rareIndicator] }],
      ['indicators within a period', { indicators: [rareIndicator], period: { to: '2024-12' } }],
      [
        'field, status, start year and period',
        {
          fields: [field],
          statuses: [statuses[0] ?? ''],
          startYears: years.slice(0, 3),
          period: { from: '2024-01', to: '2024-12' },
        },
      ],
      ['search within a unit', { units: units.slice(0, 5), search: 'an' }],
      ['nothing matches', { search: 'zzzz-khong-co-mo-hinh-nao' }],
    ];
  });

  it('has picked filters that narrow the list (the cases are not vacuous)', async () => {
    const all = await count({});
    expect(all).toBeGreaterThan(1000);
    const narrowed = await Promise.all(filters.slice(1).map(([, f]) => count(f)));
    expect(narrowed.every((n) => n < all)).toBe(true);
    expect(narrowed.filter((n) => n > 0).length).toBeGreaterThanOrEqual(filters.length - 2);
  });

  it('counts exactly the rows of the whole list, for every filter', async () => {
    const bad: string[] = [];
    for (const [name, filter] of filters) {
      const [n, list] = await Promise.all([count(filter), rows(modelListSpec(filter, null))]);
      if (n !== list.length) bad.push(`${name}: count ${n}, list ${list.length}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('pages of 500 laid end to end are the whole list', () => {
  const sorts: (ModelSort | null)[] = [
    null,
    { by: 'name', dir: 'desc' },
    { by: 'unit_name', dir: 'asc' },
    { by: 'status', dir: 'desc' },
    { by: 'start_date', dir: 'asc' },
  ];

  it.each(sorts.map((s) => [s ? `${s.by} ${s.dir}` : 'default order', s] as const))(
    '%s',
    async (_name, sort) => {
      const filter: Filter = { period: { from: '2024-01' } };
      const whole = ids(await rows(modelListSpec(filter, sort)));
      const n = await count(filter);
      expect(whole.length).toBe(n);
      expect(n).toBeGreaterThan(2 * MODEL_PAGE_SIZE);
      const pages: string[] = [];
      for (let p = 0; p * MODEL_PAGE_SIZE < n; p++) {
        const spec: ModelQuery = modelPageSpec(filter, sort, p);
        const page = ids(await rows(spec));
        expect(page.length).toBe(Math.min(MODEL_PAGE_SIZE, n - p * MODEL_PAGE_SIZE));
        pages.push(...page);
      }
      expect(pages).toEqual(whole);
      // Past the end: an empty page, not an error.
      expect(await rows(modelPageSpec(filter, sort, Math.ceil(n / MODEL_PAGE_SIZE)))).toEqual([]);
    },
  );
});

describe('the page loader', () => {
  /** Resolves once every page of `pages` is loaded (or failed). */
  const loaded = (loader: ModelPageLoader, list: ModelList, pages: number[]) =>
    new Promise<void>((resolve) => {
      const done = () => pages.every((p) => loader.page(list.key, p) !== undefined);
      if (done()) return resolve();
      const off = loader.subscribe(() => {
        if (done() || loader.error(list.key) !== undefined) {
          off();
          resolve();
        }
      });
    });

  it('fetches each wanted page once, in order, and serves scrolling back from its cache', async () => {
    const specs: string[] = [];
    const loader = new ModelPageLoader(async (spec) => {
      specs.push(`${spec.offset ?? 0}`);
      return tableFromIPC((await engine.query(SpecSchema.parse(spec))).arrow);
    });
    const sort: ModelSort = { by: 'name', dir: 'asc' };
    const filter: Filter = {};
    const list: ModelList = { key: modelListKey(1, filter, sort), filter, sort };
    const whole = ids(await rows(modelListSpec(filter, sort)));

    loader.want(list, [0, 1]);
    await loaded(loader, list, [0, 1]);
    loader.want(list, [7, 8]);
    await loaded(loader, list, [7, 8]);
    expect(specs).toEqual(['0', '500', '3500', '4000']);
    expect(loader.requests).toBe(4);

    // Back to the top: no request, the same rows.
    loader.want(list, [0, 1]);
    expect(loader.requests).toBe(4);
    const page7 = loader.page(list.key, 7);
    const at = (p: number, i: number) => String(loader.page(list.key, p)?.getChild('model_id')?.get(i));
    expect([at(0, 0), at(1, 499), at(7, 0), at(8, 499)]).toEqual([
      whole[0],
      whole[999],
      whole[3500],
      whole[4499],
    ]);
    expect(page7?.numRows).toBe(MODEL_PAGE_SIZE);

    // Another sort is another list: its own pages.
    const other: ModelList = { key: modelListKey(1, filter, null), filter, sort: null };
    loader.want(other, [0]);
    await loaded(loader, other, [0]);
    expect(loader.requests).toBe(5);
    expect(loader.page(list.key, 0)).toBeDefined();
  });
});

describe('the Models list sorts text in Vietnamese collation order', () => {
  const vi = new Intl.Collator('vi');
  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['unit_name', 'asc'],
    ['field', 'desc'],
    ['sponsor', 'asc'],
  ] as const)('by %s %s, ties by id (checked against Intl.Collator("vi"))', async (by, dir) => {
    const list = await rows({ kind: 'models', sort: { by, dir }, limit: 200_000 });
    expect(list.length).toBeGreaterThan(1000);
    const sign = dir === 'asc' ? 1 : -1;
    let bad = 0;
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as Record<string, unknown>;
      const b = list[i] as Record<string, unknown>;
      if (a[by] === null || b[by] === null) continue; // NULLS LAST
      const c = sign * vi.compare(String(a[by]), String(b[by]));
      if (c > 0 || (c === 0 && String(a.model_id) > String(b.model_id))) bad++;
    }
    expect(bad).toBe(0);
    // Byte order would put every "Đ…" name after "Z…": the collation puts it among the D's.
    if (by === 'name' && dir === 'asc') {
      const names = list.map((r) => String(r.name));
      const firstD = names.findIndex((n) => n.startsWith('Đ'));
      const firstE = names.findIndex((n) => /^[EÊÉÈẺẼẸ]/.test(n));
      if (firstD >= 0 && firstE >= 0) expect(firstD).toBeLessThan(firstE);
    }
  });
});
