/**
 * Likely duplicate models: two models of the same unit and field, with the same sponsor (folded; either
 * missing matches), start dates close together, and near-identical normalised names (diacritics, case and
 * punctuation folded by `searchKey`) — the same model listed twice with slightly different names. Two
 * models that merely share a common name ("Tuyến hẻm an toàn …") but were started by different bodies or
 * years apart are distinct models. Similarity is the Sørensen–Dice coefficient of character bigrams, as
 * `similarity()` in shared/text.ts computes it; bigram multisets are built once per model so a unit with
 * hundreds of models stays fast. A model replicated from the other is a replica, not a duplicate.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { searchKey } from '../../../shared/text';
import type { Workspace } from '../workspace/workspace';

export interface DuplicatePair {
  a: string;
  b: string;
  similarity: number;
}

interface Entry {
  id: string;
  key: string;
  group: string;
  sponsor: string;
  /** Days since 1970, or null. */
  start: number | null;
  replicatedFrom: string | null;
  /** Sorted bigrams of ` key `. */
  grams: string[];
}

function sortedBigrams(key: string): string[] {
  const padded = ` ${key} `;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out.sort();
}

/** Dice coefficient of two sorted bigram multisets (a merge, no allocation). */
export function diceSorted(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

function close(a: Entry, b: Entry, maxDays: number): boolean {
  if (a.sponsor && b.sponsor && a.sponsor !== b.sponsor) return false;
  if (a.start !== null && b.start !== null && Math.abs(a.start - b.start) > maxDays) return false;
  return a.replicatedFrom !== b.id && b.replicatedFrom !== a.id;
}

/** Pairs of likely duplicates (a < b by id), compared within each unit and field. */
export async function duplicatePairs(
  ws: Workspace,
  conn: DuckDBConnection,
  threshold: number,
  maxStartDays: number,
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
    conn,
  );
  const groups = new Map<string, Entry[]>();
  for (const r of rows) {
    const key = searchKey(r.name);
    if (!key) continue;
    const group = `${r.unit_code}\u0000${searchKey(r.field)}`;
    const list = groups.get(group) ?? [];
    list.push({
      id: r.model_id,
      key,
      group,
      sponsor: searchKey(r.sponsor),
      start: r.start,
      replicatedFrom: r.replicated_from,
      grams: sortedBigrams(key),
    });
    groups.set(group, list);
  }
  const out: DuplicatePair[] = [];
  // Dice ≥ t needs the smaller multiset to be at least t/(2−t) of the larger: skip the rest unread.
  const lengthRatio = threshold / (2 - threshold);
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as Entry;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] as Entry;
        if (!close(a, b, maxStartDays)) continue;
        const na = a.grams.length;
        const nb = b.grams.length;
        if (Math.min(na, nb) < lengthRatio * Math.max(na, nb)) continue;
        const s = a.key === b.key ? 1 : diceSorted(a.grams, b.grams);
        if (s >= threshold)
          out.push(a.id < b.id ? { a: a.id, b: b.id, similarity: s } : { a: b.id, b: a.id, similarity: s });
      }
    }
  }
  return out;
}
