/**
 * Results reduced to a canonical key → value map so the engine, the plain-SQL baseline and the peers can be
 * compared whatever their shape or row order. Keys of pivot cells are `grp|k0|k1…` (a rolled-up key is `*`,
 * a missing one `∅`) plus `#v{j}`; aggregates are `key#m{i}`; lists use the row position. Series, map units
 * and rankings are keyed by their row key (see KEYED) with every other column as `rowkey#column`, and
 * `#{i}` → row key checks the row order too.
 */
import { tableFromIPC, type Table } from 'apache-arrow';

export type Canon = Map<string, number | string | null>;

/** The result shapes of the suite. */
export type Shape = 'aggregate' | 'pivot' | 'list' | 'values' | 'series' | 'map' | 'rank';

/**
 * Shapes compared column by column: the columns that identify a row, and the columns left out. A ranking's
 * `flag_codes` and `flags_json` are left out: the integrity flags come from the engine's JS detectors
 * (query/flags.ts), a computation no SQL baseline reproduces, and the spec excludes no flag.
 */
const KEYED: Record<'series' | 'map' | 'rank', { key: string[]; skip: string[] }> = {
  series: { key: ['series', 'indicator', 'period'], skip: [] },
  map: { key: ['unit_code'], skip: [] },
  rank: { key: ['model_id'], skip: ['flag_codes', 'flags_json'] },
};

/** A cell as number (numbers and BigInts), text, or null. */
function cellOf(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  return String(v);
}

const MISSING = '∅';
const str = (v: unknown) => (v === null || v === undefined ? MISSING : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function columns(t: Table, prefix: string): string[] {
  return t.schema.fields.map((f) => f.name).filter((n) => new RegExp(`^${prefix}\\d+$`).test(n));
}

/** Canonical map of an Arrow result (engine or baseline: both go through the engine's Arrow encoder). */
export function canonArrow(bytes: Uint8Array, shape: Shape): Canon {
  const t = tableFromIPC(bytes);
  const out: Canon = new Map();
  const col = (n: string) => t.getChild(n);
  for (let i = 0; i < t.numRows; i++) {
    if (shape === 'aggregate') {
      const key = str(col('key')?.get(i));
      for (const m of columns(t, 'm')) out.set(`${key}#${m}`, num(col(m)?.get(i)));
    } else if (shape === 'pivot') {
      const grp = Number(col('grp')?.get(i));
      const keys = [...columns(t, 'r'), ...columns(t, 'c')].map((k, j) =>
        (grp >> j) & 1 ? '*' : str(col(k)?.get(i)),
      );
      for (const v of columns(t, 'v')) out.set(`${grp}|${keys.join('|')}#${v}`, num(col(v)?.get(i)));
    } else if (shape === 'series' || shape === 'map' || shape === 'rank') {
      const { key, skip } = KEYED[shape];
      const id = key.map((k) => str(col(k)?.get(i))).join('|');
      out.set(`#${i}`, id);
      for (const f of t.schema.fields)
        if (!key.includes(f.name) && !skip.includes(f.name))
          out.set(`${id}#${f.name}`, cellOf(col(f.name)?.get(i)));
    } else if (shape === 'list') {
      const id = str(col('model_id')?.get(i));
      out.set(`#${i}`, id);
      for (const c of ['name', 'unit_name', 'field', 'status']) out.set(`${id}#${c}`, str(col(c)?.get(i)));
      out.set(`${id}#lat`, num(col('lat')?.get(i)));
    } else {
      const day = col('period_start')?.get(i) as unknown;
      const period = typeof day === 'number' ? new Date(day).toISOString().slice(0, 10) : str(day);
      out.set(`${str(col('indicator_code')?.get(i))}|${period}`, num(col('value')?.get(i)));
    }
  }
  return out;
}

/** Differences between two canonical maps (relative tolerance for numbers); at most `max` listed. */
export function diffCanon(expected: Canon, actual: Canon, tol = 1e-9, max = 3): string[] {
  const out: string[] = [];
  const note = (s: string) => out.length < max && out.push(s);
  if (expected.size !== actual.size) note(`${actual.size} entries, expected ${expected.size}`);
  for (const [k, e] of expected) {
    if (!actual.has(k)) {
      note(`missing ${k}`);
      continue;
    }
    const a = actual.get(k) ?? null;
    const same =
      typeof e === 'number' && typeof a === 'number'
        ? Math.abs(a - e) <= tol * Math.max(Math.abs(a), Math.abs(e)) || a === e
        : a === e;
    if (!same) note(`${k}: ${String(a)} ≠ ${String(e)}`);
  }
  for (const k of actual.keys()) if (!expected.has(k)) note(`unexpected ${k}`);
  return out;
}
