/**
 * Likely duplicate models: two models of the same unit and field, with the same sponsor (folded; either
 * missing matches), start dates close together, and near-identical normalised names (diacritics, case and
 * punctuation folded by `searchKey`) — the same model listed twice with slightly different names. Two
 * models that merely share a common name ("Tuyến hẻm an toàn …") but were started by different bodies or
 * years apart are distinct models. Similarity is the Sørensen–Dice coefficient of character bigrams, as
 * `similarity()` in shared/text.ts computes it. A model replicated from the other is a replica, not a
 * duplicate.
 *
 * Only pairs that can qualify are compared (scale 10: 8.3 M pairs within unit and field, a few hundred
 * thousand after blocking): within a unit and field, models are bucketed by folded sponsor (the bucket of
 * models without one is compared with every bucket) and sorted by start date, so each model meets only the
 * models of its window (start dates at most `maxStartDays` apart; undated models meet every model of the
 * other bucket). Names are folded and split into bigrams once per distinct name, bigrams as sorted integer
 * codes. The pairs come out in the order of a plain comparison of every pair of each unit-and-field group
 * (groups in order of their first model by unit code and model id, then by the pair's positions), so the
 * flags are the same, in the same order, as that comparison gives.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { searchKey } from '../../../shared/text';
import type { Workspace } from '../workspace/workspace';

export interface DuplicatePair {
  a: string;
  b: string;
  similarity: number;
}

/** A folded name and its bigrams (shared by every model of that name). */
interface Name {
  key: string;
  /** Bigrams of ` key ` as UTF-16 code-unit pairs (hi × 65536 + lo), sorted ascending. */
  grams: Uint32Array;
}

interface Entry {
  /** Position in (unit code, model id) order: the pair order of the plain comparison. */
  rank: number;
  id: string;
  name: Name;
  /** Days since 1970, or null. */
  start: number | null;
  replicatedFrom: string | null;
}

/** Entries of one sponsor bucket: dated ones sorted by start (then rank), undated ones in rank order. */
interface Bucket {
  dated: Entry[];
  undated: Entry[];
}

/** Found pairs with their sort key (group, then the positions of the two models in it). */
interface Found extends DuplicatePair {
  group: number;
  lo: number;
  hi: number;
}

/** Sorted bigram codes of ` key ` (the padding `similarity()` uses). */
export function bigramCodes(key: string): Uint32Array {
  const padded = ` ${key} `;
  const out = new Uint32Array(padded.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = padded.charCodeAt(i) * 65536 + padded.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two sorted bigram multisets (a merge, no allocation). */
export function diceCodes(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Comparisons between two yields to the event loop: the engine keeps answering requests meanwhile. */
const YIELD_EVERY = 200_000;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The models with a unit as columns, in (unit code, model id) order. */
interface Models {
  id: string[];
  unit: string[];
  /** Days since 1970, or null. */
  start: (number | null)[];
  replicatedFrom: (string | null)[];
  /** Dense ranks of name, field and sponsor, and each one's text on one row of that value (else null). */
  ni: number[];
  name: (string | null)[];
  fi: number[];
  field: (string | null)[];
  si: number[];
  sponsor: (string | null)[];
}

/**
 * Read the models. Names, fields and sponsors repeat (24,500 names, 12 fields and 12 sponsors for 96,000
 * models at scale 10): each row carries their dense ranks, and the text only on one row of each value —
 * reading the same long string out of DuckDB once per model took most of this rule's SQL time.
 */
async function readModels(conn: DuckDBConnection): Promise<Models> {
  const once = (c: string) =>
    `dense_rank() OVER (ORDER BY ${c})::INTEGER, CASE WHEN row_number() OVER (PARTITION BY ${c}) = 1 THEN ${c} END`;
  const reader = await conn.runAndReadAll(
    `SELECT model_id, unit_code, (start_date - DATE '1970-01-01')::INTEGER, replicated_from,
       ${once('name')}, ${once('field')}, ${once('sponsor')}
     FROM models WHERE unit_code IS NOT NULL ORDER BY unit_code, model_id`,
  );
  // No rows, no chunks: then there are no columns either.
  const cols = reader.getColumnsJS();
  const col = (i: number) => cols[i] ?? [];
  const [id, unit, start, replicatedFrom, ni, name, fi, field, si, sponsor] = Array.from(
    { length: 10 },
    (_, i) => col(i),
  );
  return { id, unit, start, replicatedFrom, ni, name, fi, field, si, sponsor } as unknown as Models;
}

/** Pairs of likely duplicates (a < b by id), compared within each unit and field. */
export async function duplicatePairs(
  _ws: Workspace,
  conn: DuckDBConnection,
  threshold: number,
  maxStartDays: number,
): Promise<DuplicatePair[]> {
  const m = await readModels(conn);
  const n = m.id.length;
  // Fold each distinct name, field and sponsor once (its text is on one row, not necessarily the first).
  const names: (Name | null)[] = [];
  const fields: string[] = [];
  const sponsors: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = m.name[i];
    if (name != null) {
      const key = searchKey(name);
      names[m.ni[i] as number] = key ? { key, grams: bigramCodes(key) } : null;
    }
    const field = m.field[i];
    if (field != null) fields[m.fi[i] as number] = searchKey(field);
    const sponsor = m.sponsor[i];
    if (sponsor != null) sponsors[m.si[i] as number] = searchKey(sponsor);
  }
  // Groups (unit and folded field) in order of their first model; within each, buckets by folded sponsor.
  const groups = new Map<string, { index: number; buckets: Map<string, Entry[]> }>();
  for (let rank = 0; rank < n; rank++) {
    const name = names[m.ni[rank] as number];
    if (!name) continue;
    const gk = `${m.unit[rank]}\u0000${fields[m.fi[rank] as number] ?? ''}`;
    let g = groups.get(gk);
    if (!g) {
      g = { index: groups.size, buckets: new Map() };
      groups.set(gk, g);
    }
    const sk = sponsors[m.si[rank] as number] ?? '';
    const list = g.buckets.get(sk) ?? [];
    list.push({
      rank,
      id: m.id[rank] as string,
      name,
      start: m.start[rank] ?? null,
      replicatedFrom: m.replicatedFrom[rank] ?? null,
    });
    g.buckets.set(sk, list);
  }

  const found: Found[] = [];
  // Dice ≥ t needs the smaller multiset to be at least t/(2−t) of the larger: skip the rest unread.
  const lengthRatio = threshold / (2 - threshold);
  let group = 0;
  let work = 0;
  const consider = (a: Entry, b: Entry) => {
    work++;
    if (a.replicatedFrom === b.id || b.replicatedFrom === a.id) return;
    const na = a.name.grams.length;
    const nb = b.name.grams.length;
    if (Math.min(na, nb) < lengthRatio * Math.max(na, nb)) return;
    const s = a.name.key === b.name.key ? 1 : diceCodes(a.name.grams, b.name.grams);
    if (s < threshold) return;
    const [lo, hi] = a.rank < b.rank ? [a, b] : [b, a];
    found.push({
      ...(lo.id < hi.id ? { a: lo.id, b: hi.id } : { a: hi.id, b: lo.id }),
      similarity: s,
      group,
      lo: lo.rank,
      hi: hi.rank,
    });
  };
  /** Every pair within one bucket. */
  const within = (x: Bucket) => {
    const d = x.dated;
    for (let i = 0; i < d.length; i++) {
      const a = d[i] as Entry;
      const end = (a.start as number) + maxStartDays;
      for (let j = i + 1; j < d.length && ((d[j] as Entry).start as number) <= end; j++)
        consider(a, d[j] as Entry);
    }
    const u = x.undated;
    for (let i = 0; i < u.length; i++) {
      const a = u[i] as Entry;
      for (const b of d) consider(a, b);
      for (let j = i + 1; j < u.length; j++) consider(a, u[j] as Entry);
    }
  };
  /** Every pair with one model in each bucket. */
  const between = (x: Bucket, y: Bucket) => {
    let from = 0;
    for (const a of x.dated) {
      const start = a.start as number;
      while (from < y.dated.length && ((y.dated[from] as Entry).start as number) < start - maxStartDays)
        from++;
      for (
        let j = from;
        j < y.dated.length && ((y.dated[j] as Entry).start as number) <= start + maxStartDays;
        j++
      )
        consider(a, y.dated[j] as Entry);
      for (const b of y.undated) consider(a, b);
    }
    for (const a of x.undated) {
      for (const b of y.dated) consider(a, b);
      for (const b of y.undated) consider(a, b);
    }
  };
  const bucket = (list: Entry[] | undefined): Bucket => ({
    dated: (list ?? [])
      .filter((e) => e.start !== null)
      .sort((p, q) => (p.start as number) - (q.start as number) || p.rank - q.rank),
    undated: (list ?? []).filter((e) => e.start === null),
  });
  for (const g of groups.values()) {
    group = g.index;
    // Models without a sponsor match every sponsor.
    const open = bucket(g.buckets.get(''));
    within(open);
    for (const [sk, list] of g.buckets) {
      if (sk === '') continue;
      const b = bucket(list);
      within(b);
      between(open, b);
    }
    if (work >= YIELD_EVERY) {
      work = 0;
      await tick();
    }
  }
  found.sort((p, q) => p.group - q.group || p.lo - q.lo || p.hi - q.hi);
  return found.map(({ a, b, similarity }) => ({ a, b, similarity }));
}
