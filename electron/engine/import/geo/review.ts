/**
 * What waits for a person after boundary and crosswalk imports (`geo.review`), and their decisions
 * (`geo.confirm`): a boundary feature gets its unit (the name is remembered as an alias so the next
 * import of the file matches by itself), a model naming a split old unit gets its new unit. Decisions
 * land in one transaction with the derived tables rebuilt, like an import.
 */
import { codeKey, matchFeatures, nameKey } from '../../../../shared/geo-match';
import { AtlasError } from '../../../../shared/errors';
import {
  GEO_REPORT_LIMIT,
  type GeoReview,
  type PendingBoundary,
  type PendingReassignment,
} from '../../../../shared/import-types';
import { sql } from '../../db/sql';
import type { Workspace } from '../../workspace/workspace';
import { derivedStale, rebuildDerived } from '../../workspace/derived';
import { matchContext } from './match-units';

/** A person's decisions; every code must name a registered unit. */
export interface GeoDecisions {
  boundaries?: { importId: number; index: number; unitCode: string }[];
  reassignments?: { modelId: string; unitCode: string }[];
}

interface PendingRow {
  import_id: number;
  feature_index: number;
  code: string | null;
  name: string | null;
  alt_name: string | null;
  type: string | null;
  province: string | null;
}

/** Pending boundary features with their likely units. */
async function pendingBoundaries(ws: Workspace): Promise<{ list: PendingBoundary[]; count: number }> {
  const rows = await ws.rows<PendingRow>(
    `SELECT import_id, feature_index, code, name, alt_name, type, province FROM boundary_pending
     ORDER BY import_id, feature_index`,
  );
  if (!rows.length) return { list: [], count: 0 };
  // Candidates among every unit, as in the import report: a unit may already have an older boundary.
  const { units } = await matchContext(ws, ws.read);
  const list: PendingBoundary[] = [];
  const byImport = new Map<number, PendingRow[]>();
  for (const r of rows) byImport.set(r.import_id, [...(byImport.get(r.import_id) ?? []), r]);
  for (const [importId, group] of byImport) {
    const result = matchFeatures(
      group.map((r) => ({
        index: r.feature_index,
        code: r.code,
        name: r.name,
        altNames: r.alt_name ? [r.alt_name] : [],
        type: r.type,
        province: r.province,
      })),
      units,
    );
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const r of group) {
      const m = result.matched.find((x) => x.index === r.feature_index);
      const u = result.unmatchedFeatures.find((x) => x.index === r.feature_index);
      const unit = m ? byCode.get(m.unitCode) : undefined;
      list.push({
        importId,
        index: r.feature_index,
        code: r.code,
        name: r.name,
        candidates: unit ? [{ code: unit.code, name: unit.name, score: 1 }] : (u?.candidates ?? []),
      });
    }
  }
  return { list: list.slice(0, GEO_REPORT_LIMIT), count: rows.length };
}

async function pendingReassignments(ws: Workspace): Promise<{ list: PendingReassignment[]; count: number }> {
  const rows = await ws.rows<{ model_id: string; name: string; old_ref: string; candidates: string | null }>(
    `SELECT r.model_id, m.name, r.old_ref, r.candidates FROM unit_reassignments r
     JOIN models m ON m.model_id = r.model_id WHERE r.status = 'pending' ORDER BY r.old_ref, r.model_id`,
  );
  const names = new Map(
    (await ws.rows<{ code: string; name: string }>('SELECT code, name FROM units')).map((u) => [
      u.code,
      u.name,
    ]),
  );
  const list = rows.slice(0, GEO_REPORT_LIMIT).map((r) => ({
    modelId: r.model_id,
    modelName: r.name,
    oldUnit: r.old_ref,
    candidates: (r.candidates ?? '')
      .split(',')
      .filter(Boolean)
      .map((code) => ({ code, name: names.get(code) ?? code })),
  }));
  return { list, count: rows.length };
}

/** Everything waiting for a decision. */
export async function geoReview(ws: Workspace): Promise<GeoReview> {
  const b = await pendingBoundaries(ws);
  const r = await pendingReassignments(ws);
  return { boundaries: b.list, boundaryCount: b.count, reassignments: r.list, reassignmentCount: r.count };
}

async function requireUnit(ws: Workspace, code: string): Promise<{ name: string; province: string | null }> {
  const u = await ws.rows<{ name: string; province: string | null }>(
    sql`SELECT name, province FROM units WHERE code = ${code}`,
    ws.write,
  );
  if (!u[0])
    throw new AtlasError('IMPORT_MAPPING_INVALID', `Unit ${code} is not registered`, { column: code });
  return u[0];
}

/**
 * Apply decisions in one transaction (all or none) and return the review afterwards. Throws
 * IMPORT_MAPPING_INVALID when a unit, a pending feature or a pending model does not exist.
 */
export async function geoConfirm(ws: Workspace, d: GeoDecisions): Promise<GeoReview> {
  await ws.transaction(async () => {
    for (const b of d.boundaries ?? []) {
      await requireUnit(ws, b.unitCode);
      const rows = await ws.rows<{
        geometry: string;
        name: string | null;
        code: string | null;
        file: string | null;
      }>(
        sql`SELECT p.geometry, p.name, p.code, i.file FROM boundary_pending p LEFT JOIN imports i ON i.id = p.import_id
            WHERE p.import_id = ${b.importId} AND p.feature_index = ${b.index}`,
        ws.write,
      );
      const p = rows[0];
      if (!p)
        throw new AtlasError(
          'IMPORT_MAPPING_INVALID',
          `No boundary feature ${b.index + 1} of import ${b.importId} is waiting for a unit`,
          { row: b.index + 1 },
        );
      await ws.exec(sql`DELETE FROM boundaries WHERE unit_code = ${b.unitCode}`);
      await ws.exec(
        sql`INSERT INTO boundaries VALUES (${b.unitCode}, ${p.geometry}, ${p.file}, ${b.importId})`,
      );
      await ws.exec(
        sql`DELETE FROM boundary_pending WHERE import_id = ${b.importId} AND feature_index = ${b.index}`,
      );
      const key = nameKey(p.name);
      // A name key is remembered; a bare code is not (codes already match by themselves).
      if (key && codeKey(key) !== codeKey(p.code)) {
        await ws.exec(sql`DELETE FROM unit_aliases WHERE alias_key = ${key}`);
        await ws.exec(
          sql`INSERT INTO unit_aliases VALUES (${key}, ${b.unitCode}, ${p.name}, now()::TIMESTAMP)`,
        );
      }
    }
    for (const r of d.reassignments ?? []) {
      const unit = await requireUnit(ws, r.unitCode);
      const found = await ws.rows<{ n: number }>(
        sql`SELECT count(*)::INTEGER AS n FROM unit_reassignments WHERE model_id = ${r.modelId} AND status IN ('pending', 'confirmed')`,
        ws.write,
      );
      if (!found[0]?.n)
        throw new AtlasError('IMPORT_MAPPING_INVALID', `Model ${r.modelId} is not waiting for a unit`, {
          column: r.modelId,
        });
      await ws.exec(sql`UPDATE unit_reassignments SET new_code = ${r.unitCode}, status = 'confirmed',
        updated = now()::TIMESTAMP WHERE model_id = ${r.modelId} AND status IN ('pending', 'confirmed')`);
      await ws.exec(sql`UPDATE models SET unit_code = ${r.unitCode}, unit_name = ${unit.name},
        province = coalesce(${unit.province}, province) WHERE model_id = ${r.modelId}`);
    }
    // Boundaries and aliases feed no derived table: a boundary-only decision keeps the derived tables
    // (rebuilding them takes seconds on a large workspace) and only moves their version along.
    const fresh = !d.reassignments?.length && !(await derivedStale(ws));
    await ws.bumpDataVersion();
    if (fresh)
      await ws.exec(
        `INSERT OR REPLACE INTO meta SELECT 'derived_version', value FROM meta WHERE key = 'data_version'`,
      );
    else await rebuildDerived(ws);
  });
  return geoReview(ws);
}
