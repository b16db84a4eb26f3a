/** Test helpers: run a pivot through the engine and read its long-format Arrow result. */
import { tableFromIPC } from 'apache-arrow';
import { expect } from 'vitest';
import type { EngineServer } from '../../../electron/engine/server';
import type { PivotSpec } from '../../../shared/pivot-spec';
import { cellId, type Cell } from './oracle';

export type Row = Record<string, unknown>;

/** The rows of a pivot result as plain objects, and the engine's time. */
export async function pivotRows(server: EngineServer, spec: PivotSpec): Promise<{ rows: Row[]; ms: number }> {
  const r = await server.query(spec);
  return {
    rows: tableFromIPC(r.arrow)
      .toArray()
      .map((x) => ({ ...x.toJSON() }) as Row),
    ms: r.ms,
  };
}

/** Result rows keyed like the reference (`cellId`). */
export function toCells(spec: PivotSpec, rows: Row[]): Map<string, Cell> {
  const keyCols = [...spec.rows.map((_, i) => `r${i}`), ...spec.columns.map((_, i) => `c${i}`)];
  const out = new Map<string, Cell>();
  for (const row of rows) {
    const keys = keyCols.map((c) => (row[c] ?? null) as string | null);
    const labels = keyCols.map((c) => (row[`${c}_label`] ?? null) as string | null);
    const values = spec.values.map((_, j) => (row[`v${j}`] ?? null) as number | null);
    const grp = row.grp as number;
    const id = cellId(grp, keys);
    if (out.has(id)) throw new Error(`duplicate cell ${id}`);
    out.set(id, { grp, keys, labels, values });
  }
  return out;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Assert the engine's cells equal the reference's: same cells, labels and values (to 1e-9 relative). */
export function expectSameCells(actual: Map<string, Cell>, expected: Map<string, Cell>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const bad: string[] = [];
  for (const [id, e] of expected) {
    const a = actual.get(id) as Cell;
    if (!e.values.every((v, j) => close(a.values[j] ?? null, v)))
      bad.push(`${id}: got ${JSON.stringify(a.values)}, want ${JSON.stringify(e.values)}`);
    if (JSON.stringify(a.labels) !== JSON.stringify(e.labels))
      bad.push(`${id}: labels ${JSON.stringify(a.labels)} ≠ ${JSON.stringify(e.labels)}`);
  }
  expect(bad.slice(0, 10)).toEqual([]);
}
