/**
 * Load a boundary file (GeoJSON, TopoJSON or zipped Shapefile): every feature is validated, then
 * matched to a registered unit by code, confirmed alias or normalised name (shared/geo-match.ts).
 * Matched features replace that unit's boundary. Unmatched features are kept in `boundary_pending`
 * with their geometry until a person confirms their unit (`geo.confirm`); nothing is guessed or
 * dropped silently. When the workspace has no units at all, the file is the unit list: features with
 * a code register their unit. Features without a geometry, or without any code or name, are rejected.
 */
import { listValue } from '@duckdb/node-api';
import { codeKey, matchFeatures } from '../../../../shared/geo-match';
import type { BoundaryMatchReport } from '../../../../shared/import-types';
import { normaliseUnitName } from '../../../../shared/text';
import { sql } from '../../db/sql';
import type { Workspace } from '../../workspace/workspace';
import { matchContext, matchReport, registrations, toMatchFeature } from '../geo/match-units';
import { readBoundaryFile, type GeoFeature } from '../geo/read';
import { idList, type LoadResult } from './context';

/** A 1–4 digit code lost its leading zeros in a spreadsheet: commune codes have five digits. */
function unitCode(code: string): string {
  return /^[0-9]{1,4}$/.test(code) ? code.padStart(5, '0') : code;
}

async function reject(ws: Workspace, importId: number, f: GeoFeature, reason: string): Promise<void> {
  await ws.exec(
    sql`INSERT INTO import_rejects VALUES (${importId}, ${f.index + 1}, 'feature', ${reason}, ${f.name ?? f.code})`,
  );
}

/**
 * Store the boundaries of a file in two statements: each unit's earlier boundary goes, the file's goes in
 * (the last feature of a unit wins). One DELETE and one INSERT per feature were most of a 170-unit file's
 * load (about 0.2 s of the import).
 */
async function storeBoundaries(
  ws: Workspace,
  byCode: ReadonlyMap<string, GeoFeature>,
  file: string,
  importId: number,
): Promise<void> {
  if (byCode.size === 0) return;
  const codes = listValue([...byCode.keys()]);
  const shapes = listValue([...byCode.values()].map((f) => JSON.stringify(f.geometry)));
  await ws.exec(sql`DELETE FROM boundaries WHERE list_contains(${codes}::VARCHAR[], unit_code)`);
  await ws.exec(sql`INSERT INTO boundaries
    SELECT unnest(${codes}::VARCHAR[]), unnest(${shapes}::VARCHAR[]), ${file}, ${importId}`);
}

export async function loadBoundaries(
  ws: Workspace,
  file: string,
  importId: number,
  replaces: number[],
): Promise<LoadResult & { boundaryMatch: BoundaryMatchReport }> {
  const { features } = await readBoundaryFile(file);
  await ws.exec(sql`DELETE FROM boundaries WHERE import_id IN ${idList(replaces)}`);
  await ws.exec(sql`DELETE FROM boundary_pending WHERE import_id IN ${idList(replaces)}`);

  const { units, aliases } = await matchContext(ws, ws.write);
  const usable = features.filter((f) => f.geometry);
  const result = matchFeatures(usable.map(toMatchFeature), units, { aliases });
  const registered = registrations(units.length > 0, usable, result);
  const byIndex = new Map(features.map((f) => [f.index, f]));

  let rejected = 0;
  for (const f of features) {
    if (f.geometry) continue;
    rejected++;
    await reject(ws, importId, f, 'IMPORT_MISSING_VALUE: geometry');
  }
  // Boundaries to store, by unit (a later feature of the same unit replaces an earlier one).
  const stored = new Map<string, GeoFeature>();
  const store = (code: string, f: GeoFeature) => {
    stored.delete(code);
    stored.set(code, f);
  };
  for (const m of result.matched) store(m.unitCode, byIndex.get(m.index) as GeoFeature);
  for (const u of result.unmatchedFeatures) {
    const f = byIndex.get(u.index) as GeoFeature;
    if (registered.has(u.index)) {
      const code = unitCode(f.code as string);
      const name = f.name ?? code;
      const n = normaliseUnitName(name);
      store(code, f);
      await ws.exec(sql`INSERT INTO units SELECT ${code}, ${name}, ${f.name}, ${f.type ?? n.type ?? null},
          ${f.province}, NULL, ${f.area}, ${n.key}, ${importId}
        WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = ${code})`);
    } else if (u.reason === 'no_key') {
      rejected++;
      await reject(ws, importId, f, 'IMPORT_MISSING_VALUE: code');
    } else if (u.reason === 'duplicate' && f.code && codeKey(f.code) === codeKey(u.candidates[0]?.code)) {
      // The same code twice in one file: the first feature wins, as with duplicate ids elsewhere.
      rejected++;
      await reject(ws, importId, f, 'IMPORT_DUPLICATE_ID');
    } else {
      await ws.exec(sql`INSERT INTO boundary_pending VALUES (${importId}, ${f.index}, ${f.code}, ${f.name},
        ${f.altNames[0] ?? null}, ${f.type}, ${f.province}, ${JSON.stringify(f.geometry)})`);
    }
  }
  await storeBoundaries(ws, stored, file, importId);
  const bounded = await ws.rows<{ c: string }>('SELECT DISTINCT unit_code AS c FROM boundaries', ws.write);
  const boundaryMatch = matchReport(importId, features, result, registered, new Set(bounded.map((b) => b.c)));
  return {
    rowsIn: features.length,
    imported: result.matched.length + registered.size,
    rejected,
    // Pending features are neither imported nor rejected; the matching report lists them.
    skipped: 0,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
    boundaryMatch,
  };
}
