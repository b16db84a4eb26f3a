/**
 * fast-check arbitraries derived from zod schemas (zod 4 internals, `_zod.def`), so every spec kind in
 * the SpecSchema union is fuzzed, including kinds added after this file was written. Strings come from
 * a pool of real workspace values, hostile strings and random unicode; numbers from the schema's bounds
 * plus edge values. Kinds the walker cannot understand fall back to `fc.anything()` leaves, which the
 * validator must still refuse cleanly.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Every hostile string carries this marker, so executed SQL can be searched for user text. */
export const MARKER = 'xsqlx';

/** SQL metacharacters, comments, quotes, DuckDB file/extension functions, unicode/RTL, NUL, overlong. */
export const HOSTILE_STRINGS: readonly string[] = [
  `'; DROP TABLE facts; -- ${MARKER}`,
  `" OR 1=1 -- ${MARKER}`,
  `${MARKER}') UNION SELECT * FROM read_csv('/etc/passwd') --`,
  `/* ${MARKER} */ SELECT 1`,
  `${MARKER}\\'`,
  `${MARKER}%_`,
  `${MARKER}$1 ? :name @x`,
  `${MARKER}; COPY facts TO '/tmp/dvk-${MARKER}.csv'`,
  `${MARKER}'; ATTACH '/tmp/${MARKER}.duckdb' AS evil; --`,
  `${MARKER}'; INSTALL httpfs; LOAD httpfs; --`,
  `${MARKER}'; SET enable_external_access = true; --`,
  `${MARKER}\u0000tail`,
  `\u0000${MARKER}`,
  `\u202e${MARKER}ﻻ עברית مرحبا`,
  `Cầu Giấy ${MARKER}`,
  `Cầu Giấy ${MARKER}`.normalize('NFD'),
  `${MARKER}\ud800`,
  `${MARKER}😀👩‍👩‍👧`,
  `${MARKER}\r\n\t`,
  `${MARKER}${'x'.repeat(9_000)}`,
  `${MARKER}'`.repeat(60),
];

/** Numbers outside every sane bound, including values JSON cannot carry (in-process callers can). */
export const HOSTILE_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  -(2 ** 31) - 1,
  0.5,
  Number.MIN_VALUE,
];

interface Def {
  type: string;
  [k: string]: unknown;
}
type AnySchema = z.ZodType;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  maximum?: number;
  minimum?: number;
  format?: string;
  pattern?: RegExp;
}
const checksOf = (d: Def): Check[] =>
  ((d.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** The schemas of a discriminated union's options (lazy ones unwrapped), keyed by discriminator value. */
export function unionOptions(schema: AnySchema): { kind: string; schema: AnySchema }[] {
  const d = defOf(schema);
  const disc = String(d.discriminator ?? 'kind');
  return (d.options as AnySchema[]).map((o) => {
    const inner = unwrap(o);
    const shape = (defOf(inner).shape ?? {}) as Record<string, AnySchema>;
    const lit = shape[disc] ? defOf(unwrap(shape[disc])) : undefined;
    const kind = String((lit?.values as unknown[] | undefined)?.[0] ?? '?');
    return { kind, schema: inner };
  });
}

/** Strip lazy/optional/default/pipe/readonly wrappers down to the schema that describes values. */
function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if (d.type === 'lazy') cur = (d.getter as () => AnySchema)();
    else if (['optional', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type))
      cur = d.innerType as AnySchema;
    else if (d.type === 'pipe') cur = d.in as AnySchema;
    else return cur;
  }
  return cur;
}

export interface Pools {
  /** Real values of the workspace (provinces, unit codes, fields, model ids, indicator codes, …). */
  strings: readonly string[];
}

/** An arbitrary for values of `schema`: mostly valid-looking, sometimes hostile. */
export function arbitraryFor(schema: AnySchema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  if (depth > 12) return fc.constant(null);
  switch (d.type) {
    case 'lazy':
      return arbitraryFor((d.getter as () => AnySchema)(), pools, depth);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return arbitraryFor(d.innerType as AnySchema, pools, depth);
    case 'nullable':
      return fc.option(arbitraryFor(d.innerType as AnySchema, pools, depth + 1), { freq: 8 });
    case 'pipe':
      return arbitraryFor(d.in as AnySchema, pools, depth);
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArb(checksOf(d), pools);
    case 'number':
      return numberArb(checksOf(d));
    case 'array': {
      const checks = checksOf(d);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 8;
      return fc.array(arbitraryFor(d.element as AnySchema, pools, depth + 1), {
        minLength: Math.min(min, 6),
        maxLength: Math.max(Math.min(min, 6), Math.min(max, 5)),
      });
    }
    case 'object': {
      const shape = d.shape as Record<string, AnySchema>;
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !['optional', 'default'].includes(defOf(shape[k]).type));
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) rec[k] = arbitraryFor(shape[k] as AnySchema, pools, depth + 1);
      return fc.record(rec, { requiredKeys: required });
    }
    case 'union':
      return fc.oneof(...(d.options as AnySchema[]).map((o) => arbitraryFor(o, pools, depth + 1)));
    case 'tuple':
      return fc.tuple(...(d.items as AnySchema[]).map((o) => arbitraryFor(o, pools, depth + 1)));
    case 'record':
      return fc.dictionary(
        fc.constantFrom(...pools.strings.slice(0, 20), 'k'),
        arbitraryFor(d.valueType as AnySchema, pools, depth + 1),
        { maxKeys: 3 },
      );
    default:
      // A construct this walker does not know: random JSON-ish values (the validator must refuse cleanly).
      return fc.anything({ maxDepth: 2 });
  }
}

function stringArb(checks: Check[], pools: Pools): fc.Arbitrary<string> {
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 500;
  const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  const fitting = pools.strings.filter((s) => s.length <= max && (!pattern || pattern.test(s)));
  const arbs: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  ];
  if (fitting.length > 0) arbs.push({ arbitrary: fc.constantFrom(...fitting), weight: 5 });
  if (pattern) arbs.push({ arbitrary: fc.stringMatching(pattern), weight: 2 });
  return fc.oneof(...arbs);
}

function numberArb(checks: Check[]): fc.Arbitrary<number> {
  const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const lo = checks.find((c) => c.check === 'greater_than')?.value ?? -1000;
  const hi = checks.find((c) => c.check === 'less_than')?.value ?? 1000;
  const min = Math.max(lo, -1e6);
  const max = Math.min(hi, Math.max(min, 0) + 50);
  const inRange = int
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true });
  return fc.oneof(
    { arbitrary: inRange, weight: 6 },
    { arbitrary: fc.constantFrom(lo, hi), weight: 1 },
    { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 1 },
  );
}

type Json = unknown;
type PathKey = string | number;

/** Paths of every node (objects, arrays and leaves) of a value. */
function paths(v: Json, at: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) paths(x, [...at, k], out);
  return out;
}

function setAt(root: Json, at: PathKey[], value: unknown): Json {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<PathKey, unknown>;
  let cur = copy;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<PathKey, unknown>;
  cur[at[at.length - 1] as PathKey] = value;
  return copy;
}

/** A value nested `n` deep: arrays or objects, alternating. */
export function deepNest(n: number): unknown {
  let v: unknown = MARKER;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** 10,000 filter values: real ones, hostile ones and numbered junk. */
export function hugeList(pools: Pools): string[] {
  const out: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const r = i % 3;
    out.push(
      r === 0
        ? (pools.strings[i % pools.strings.length] ?? 'x')
        : r === 1
          ? (HOSTILE_STRINGS[i % HOSTILE_STRINGS.length] ?? MARKER).slice(0, 400)
          : `${MARKER}-${i}`,
    );
  }
  return out;
}

const FILTER_LISTS = [
  'provinces',
  'units',
  'unitTypes',
  'fields',
  'sponsors',
  'statuses',
  'recognitions',
  'modelIds',
];

/** Mutations of a generated spec: the ways a hostile or buggy caller breaks a valid-looking one. */
export function mutated(base: fc.Arbitrary<unknown>, pools: Pools): fc.Arbitrary<unknown> {
  const leafValue = fc.oneof(
    fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, [], {}, true, '', '__proto__'),
    fc.anything({ maxDepth: 1 }),
  );
  return fc
    .tuple(base, fc.nat(), fc.integer({ min: 0, max: 5 }), leafValue, fc.constantFrom(...FILTER_LISTS))
    .map(([spec, pick, op, leaf, listKey]) => {
      const all = paths(spec);
      const at = all[pick % all.length] ?? [];
      switch (op) {
        case 0:
          return setAt(spec, at, leaf);
        case 1: {
          // An unknown field somewhere (objects are strict: this must be refused).
          const objs = all.filter((p) => {
            let cur: unknown = spec;
            for (const k of p) cur = (cur as Record<PathKey, unknown>)[k];
            return cur !== null && typeof cur === 'object' && !Array.isArray(cur);
          });
          const o = objs[pick % objs.length] ?? [];
          return setAt(spec, [...o, pick % 2 ? `unknown_${MARKER}` : 'constructor'], leaf);
        }
        case 2:
          return setAt(spec, at, deepNest(2_000 + (pick % 3_000)));
        case 3:
          // 10,000 filter values (the filter stays valid otherwise: it must run, values bound as a list).
          return { ...(spec as object), filter: { [listKey]: hugeList(pools) } };
        case 4:
          return setAt(spec, at, HOSTILE_NUMBERS[pick % HOSTILE_NUMBERS.length]);
        default:
          return { ...(spec as object), filter: { search: HOSTILE_STRINGS[pick % HOSTILE_STRINGS.length] } };
      }
    });
}

/**
 * Make a generated value valid where a validator's issues point at removable parts: drop the property
 * or array element each issue names (cross-field rules such as "topN needs a row dimension" or "a
 * measure applies only to the units layer" reject most random combinations). Up to five rounds; what
 * stays invalid is returned as it is (still a useful case).
 */
export function repair(
  value: unknown,
  validate: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } },
): unknown {
  const cur = structuredClone(value);
  for (let round = 0; round < 5; round++) {
    const r = validate(cur);
    if (r.success || !r.error) return cur;
    for (const issue of r.error.issues) {
      const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (p.length === 0) return cur;
      let parent: unknown = cur;
      for (const k of p.slice(0, -1)) parent = (parent as Record<PathKey, unknown> | undefined)?.[k];
      const last = p[p.length - 1] as PathKey;
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (parent && typeof parent === 'object') delete (parent as Record<PathKey, unknown>)[last];
    }
  }
  return cur;
}
