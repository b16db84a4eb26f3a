/**
 * Spec fuzzing: for EVERY kind in the SpecSchema union (iterated, so kinds added later are covered),
 * generated specs (from the zod schemas), hostile mutations of them (SQL metacharacters and comments,
 * quotes, unicode/RTL, NUL bytes, huge/negative numbers, NaN/Infinity, 10,000 filter values, deep
 * nesting, unknown fields) go through the engine's full dispatcher on a copy of the sample workspace.
 * Each must answer with a result or a typed validation error (never INTERNAL, never a crash or a hang);
 * every statement the engine executes is spied on: none carries user text (hostile strings only ever
 * appear as bound parameters), nothing runs on the write connection, and the workspace's table
 * checksums are unchanged at the end.
 */
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMessage } from '../../../shared/api';
import { SpecSchema } from '../../../shared/specs';
import { EngineServer } from '../../../electron/engine/server';
import { catalogInfo } from '../../../electron/engine/workspace/info';
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { openSampleCopy } from '../pivot/sample-workspace';
import { tableChecksums } from '../../helpers/workspace';
import {
  MARKER,
  arbitraryFor,
  deepNest,
  hugeList,
  mutated,
  repair,
  unionOptions,
  type Pools,
} from './zod-arbitrary';

/** Codes a fuzzed query may answer with: a result, or an error the UI explains. */
const TYPED = new Set(['SPEC_INVALID', 'REQUEST_INVALID']);
const BUDGET_MS = 40_000;

interface Executed {
  conn: 'read' | 'write';
  text: string;
  params: unknown[];
}

let ws: Workspace;
let cleanup: () => void;
let server: EngineServer;
let pools: Pools;
let before: Record<string, string>;
const executed: Executed[] = [];
const counts = new Map<string, { cases: number; results: number; refused: number }>();

/** Record every statement run or prepared on a connection (text and bound values), then run it as usual. */
function spy(conn: DuckDBConnection, name: 'read' | 'write'): void {
  const target = conn as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(conn) as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (!/^(run|stream|prepare|start|pending|extract)/.test(key)) continue;
    const orig = proto[key];
    if (typeof orig !== 'function') continue;
    if (key === 'prepare') {
      // A prepared statement is kept and run again with other values (db/statements.ts): record every bind.
      target[key] = async function (this: unknown, text: unknown, ...rest: unknown[]) {
        executed.push({ conn: name, text: String(text), params: [] });
        const p = (await (orig as (...a: unknown[]) => Promise<unknown>).call(conn, text, ...rest)) as {
          bind: (values: unknown, types?: unknown) => void;
        };
        const bind = p.bind.bind(p);
        p.bind = (values: unknown, types?: unknown) => {
          executed.push({
            conn: name,
            text: String(text),
            params: Array.isArray(values) ? values : [values],
          });
          bind(values, types);
        };
        return p;
      };
      continue;
    }
    target[key] = function (this: unknown, text: unknown, params?: unknown, ...rest: unknown[]) {
      executed.push({
        conn: name,
        text: String(text),
        params: Array.isArray(params) ? params : params === undefined ? [] : [params],
      });
      return (orig as (...a: unknown[]) => unknown).call(conn, text, params, ...rest);
    };
  }
}

/** Flatten bound values (DuckDB list values included) into strings. */
function paramStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => paramStrings(x, out));
  else if (v && typeof v === 'object' && 'items' in v) paramStrings((v as { items: unknown }).items, out);
  return out;
}

/** Send one query through the full dispatcher; the answer, or a failure if none comes. */
function ask(spec: unknown): Promise<Extract<ResponseMessage, { ok: boolean }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer in 30 s')), 30_000);
    try {
      server.handle({ id: 1, method: 'query', params: spec }, (m) => {
        if (!('ok' in m)) return;
        clearTimeout(timer);
        resolve(m);
      });
    } catch (e) {
      clearTimeout(timer);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

function mentionsMarker(spec: unknown): boolean {
  try {
    return JSON.stringify(spec)?.toLowerCase().includes(MARKER) ?? false;
  } catch {
    return false;
  }
}

/** Run one case and check every invariant; returns 'result' or the error code. */
async function check(kind: string, spec: unknown): Promise<string> {
  const c = counts.get(kind) ?? { cases: 0, results: 0, refused: 0 };
  counts.set(kind, c);
  c.cases++;
  const from = executed.length;
  const answer = await ask(spec);
  const ran = executed.slice(from);
  expect(
    ran.filter((e) => e.conn === 'write'),
    'nothing runs on the write connection',
  ).toEqual([]);
  for (const e of ran) expect(e.text.toLowerCase(), 'user text in executed SQL').not.toContain(MARKER);
  if (answer.ok) {
    c.results++;
    // The spec was accepted as it was: its hostile strings reached the query as bound values — except a
    // ranking's `focus`, which the columnar ranking kernel (rank-kernel.ts) matches against the model ids
    // in the engine process, never in SQL.
    const parsed = SpecSchema.safeParse(spec);
    expect(parsed.success).toBe(true);
    const sqlText =
      parsed.success && parsed.data.kind === 'rank' ? { ...parsed.data, focus: undefined } : parsed.data;
    if (parsed.success && mentionsMarker(sqlText) && ran.length > 0) {
      const bound = ran.flatMap((e) => paramStrings(e.params)).some((s) => s.toLowerCase().includes(MARKER));
      expect(bound, `hostile text of ${JSON.stringify(parsed.data).slice(0, 200)} not bound`).toBe(true);
    }
    return 'result';
  }
  c.refused++;
  expect(TYPED.has(answer.error.code), `${answer.error.code}: ${answer.error.message}`).toBe(true);
  expect(answer.error.message.length).toBeGreaterThan(0);
  return answer.error.code;
}

beforeAll(async () => {
  ({ ws, cleanup } = await openSampleCopy());
  const cat = await catalogInfo(ws);
  const ids = await ws.rows<{ id: string }>(`SELECT model_id AS id FROM models ORDER BY model_id LIMIT 20`);
  pools = {
    strings: [
      ...cat.provinces,
      ...cat.fields,
      ...cat.sponsors,
      ...cat.statuses,
      ...cat.units.slice(0, 30).map((u) => u.code),
      ...cat.indicators.map((i) => i.code),
      ...ids.map((r) => r.id),
      '2024-01',
      '2025-06',
      'cau',
    ],
  };
  before = await tableChecksums(ws);
  server = new EngineServer(ws);
  spy(ws.read, 'read');
  spy(ws.write, 'write');
}, 180_000);

afterAll(() => cleanup?.());

describe('spec fuzzing', () => {
  const kinds = unionOptions(SpecSchema);

  it('covers every kind of the SpecSchema union', () => {
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['models', 'aggregate', 'pivot']));
    expect(kinds.every((k) => k.kind !== '?')).toBe(true);
  });

  it('generated and hostile specs of every kind give a result or a typed error, run only compiled SQL, change nothing', async () => {
    const perKind = BUDGET_MS / kinds.length;
    for (const [i, { kind, schema }] of kinds.entries()) {
      const t0 = Date.now();
      const generated = arbitraryFor(schema, pools);
      // Mostly specs repaired until valid (they reach the compiler), raw generated ones, and hostile mutations.
      const valid = generated.map((s) => repair(s, (v) => SpecSchema.safeParse(v)));
      const arb = fc.oneof(
        { arbitrary: valid, weight: 4 },
        { arbitrary: generated, weight: 1 },
        { arbitrary: mutated(valid, pools), weight: 3 },
      );
      // Fixed handcrafted extremes for this kind first: the largest inputs a caller can send.
      const [seedSpec] = fc.sample(generated, { numRuns: 1, seed: 1 });
      const extremes: unknown[] = [
        { ...(seedSpec as object), filter: { units: hugeList(pools) } },
        { ...(seedSpec as object), filter: { search: `${MARKER}'; DROP TABLE facts; --` } },
        { ...(seedSpec as object), [`unknown_${MARKER}`]: 1 },
        { ...(seedSpec as object), kind: deepNest(5_000) },
        { ...(seedSpec as object), limit: Number.NaN, offset: Number.POSITIVE_INFINITY },
        deepNest(10_000),
      ];
      for (const e of extremes) await check(kind, e);
      const property = fc.asyncProperty(arb, async (spec) => {
        await check(kind, spec);
      });
      // A fixed minimum per kind whatever the machine's speed, then as many more as the time budget allows.
      await fc.assert(property, { numRuns: 40, seed: 20251122 + i });
      const left = perKind - (Date.now() - t0);
      if (left > 1_000) {
        await fc
          .assert(property, { numRuns: 5_000, seed: 20261122 + i, interruptAfterTimeLimit: left })
          .catch((e: unknown) => {
            // Out of time before one more case finished: not a failure of the property.
            if (!/interrupted after 0 tests/.test(String(e))) throw e;
          });
      }
    }
    expect(await tableChecksums(ws)).toEqual(before);
    const total = [...counts.values()].reduce(
      (a, c) => ({
        cases: a.cases + c.cases,
        results: a.results + c.results,
        refused: a.refused + c.refused,
      }),
      { cases: 0, results: 0, refused: 0 },
    );
    const lines = [...counts].map(
      ([k, c]) => `  ${k}: ${c.cases} cases, ${c.results} results, ${c.refused} refused`,
    );
    console.log(
      `spec fuzz: ${total.cases} cases (${total.results} results, ${total.refused} typed refusals), ` +
        `${executed.length} statements executed, none with user text\n${lines.join('\n')}`,
    );
    // Enough cases reach the compiler for the SQL assertions to mean something.
    for (const [k, c] of counts) expect(c.results, `${k}: no case reached the engine`).toBeGreaterThan(0);
  }, 240_000);
});
