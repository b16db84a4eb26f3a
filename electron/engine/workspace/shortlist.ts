/**
 * The replication shortlist in the workspace: `shortlist` (one row per model: status, owner, added,
 * updated) and `notes` (a model's notes, newest last). Every write is one transaction, so a crash leaves
 * either the old or the new state; the file is checkpointed after it (see Workspace.transaction), so the
 * shortlist survives a restart. Coverage follows the `replicated_from` lineage transitively.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AtlasError } from '../../../shared/errors';
import type {
  CoverageModel,
  CoverageUnit,
  ShortlistCoverage,
  ShortlistEntry,
  ShortlistSet,
  ShortlistStatus,
} from '../../../shared/shortlist';
import { sql } from '../db/sql';
import type { Workspace } from './workspace';

interface Row {
  model_id: string;
  status: ShortlistStatus;
  owner: string | null;
  added: string;
  updated: string;
  name: string | null;
  unit_code: string | null;
  unit_name: string | null;
  field: string | null;
  sponsor: string | null;
}

/** Every shortlisted model (added order), with its notes, newest first. */
export async function listShortlist(
  ws: Workspace,
  conn: DuckDBConnection = ws.read,
): Promise<ShortlistEntry[]> {
  const rows = await ws.rows<Row>(
    `SELECT s.model_id, s.status, s.owner, CAST(s.added AS VARCHAR) AS added, CAST(s.updated AS VARCHAR) AS updated,
       d.name, d.unit_code, d.unit_name, d.field, d.sponsor
     FROM shortlist s LEFT JOIN model_dim d USING (model_id) ORDER BY s.added, s.model_id`,
    conn,
  );
  const notes = await ws.rows<{ model_id: string; note: string; author: string | null; created: string }>(
    `SELECT n.model_id, n.note, n.author, CAST(n.created AS VARCHAR) AS created
     FROM notes n WHERE n.model_id IN (SELECT model_id FROM shortlist) ORDER BY n.created DESC, n.rowid DESC`,
    conn,
  );
  return rows.map((r) => ({
    modelId: r.model_id,
    status: r.status,
    owner: r.owner,
    added: r.added,
    updated: r.updated,
    name: r.name,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    field: r.field,
    sponsor: r.sponsor,
    notes: notes
      .filter((n) => n.model_id === r.model_id)
      .map((n) => ({ note: n.note, author: n.author, created: n.created })),
  }));
}

/**
 * Add a model to the shortlist or update its entry (status, owner, a new note). Throws REQUEST_INVALID
 * when the model is not in the workspace.
 */
export async function setShortlist(ws: Workspace, p: ShortlistSet): Promise<ShortlistEntry> {
  const entry = await ws.transaction(async () => {
    const known = await ws.rows<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM models WHERE model_id = ${p.modelId}`,
      ws.write,
    );
    if ((known[0]?.n ?? 0) === 0)
      throw new AtlasError('REQUEST_INVALID', `No model with id ${p.modelId}`, { modelId: p.modelId });
    const existing = await ws.rows<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM shortlist WHERE model_id = ${p.modelId}`,
      ws.write,
    );
    const owner = p.owner === undefined ? null : p.owner || null;
    if ((existing[0]?.n ?? 0) === 0) {
      await ws.exec(
        sql`INSERT INTO shortlist VALUES (${p.modelId}, ${p.status ?? 'candidate'}, ${owner}, now()::TIMESTAMP, now()::TIMESTAMP)`,
      );
    } else {
      if (p.status)
        await ws.exec(sql`UPDATE shortlist SET status = ${p.status} WHERE model_id = ${p.modelId}`);
      if (p.owner !== undefined)
        await ws.exec(sql`UPDATE shortlist SET owner = ${owner} WHERE model_id = ${p.modelId}`);
      await ws.exec(sql`UPDATE shortlist SET updated = now()::TIMESTAMP WHERE model_id = ${p.modelId}`);
    }
    if (p.note) {
      const last = await ws.rows<{ note: string }>(
        sql`SELECT note FROM notes WHERE model_id = ${p.modelId} ORDER BY created DESC, rowid DESC LIMIT 1`,
        ws.write,
      );
      if (last[0]?.note !== p.note)
        await ws.exec(
          sql`INSERT INTO notes VALUES (${p.modelId}, ${p.note}, ${owner ?? null}, now()::TIMESTAMP)`,
        );
    }
    // Read back in the same transaction, on the write connection: the read connection belongs to the
    // request queue, and another write cannot slip in between.
    return (await listShortlist(ws, ws.write)).find((e) => e.modelId === p.modelId);
  });
  if (!entry) throw new AtlasError('INTERNAL', 'The shortlist entry was not found after saving');
  return entry;
}

/** Remove a model from the shortlist (its notes stay, for when it comes back). */
export async function removeShortlist(ws: Workspace, modelId: string): Promise<{ removed: boolean }> {
  return ws.transaction(async () => {
    const n = await ws.rows<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM shortlist WHERE model_id = ${modelId}`,
      ws.write,
    );
    await ws.exec(sql`DELETE FROM shortlist WHERE model_id = ${modelId}`);
    return { removed: (n[0]?.n ?? 0) > 0 };
  });
}

interface LineageRow {
  model_id: string;
  name: string;
  unit_code: string | null;
  unit_name: string | null;
  depth: number;
}

const toModel = (r: LineageRow): CoverageModel => ({
  modelId: r.model_id,
  name: r.name,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  depth: r.depth,
});

/** Coverage of one model: lineage both ways (cycles in bad data stop at depth 50) and units lacking its field. */
export async function modelCoverage(ws: Workspace, modelId: string): Promise<ShortlistCoverage> {
  const self = await ws.rows<{ field: string | null }>(
    sql`SELECT field FROM model_dim WHERE model_id = ${modelId}`,
  );
  if (!self[0]) throw new AtlasError('REQUEST_INVALID', `No model with id ${modelId}`, { modelId });
  const field = self[0].field;
  const replicas = await ws.rows<LineageRow>(
    sql`WITH RECURSIVE down(model_id, depth) AS (
        SELECT model_id, 1 FROM models WHERE replicated_from = ${modelId}
        UNION
        SELECT m.model_id, d.depth + 1 FROM models m JOIN down d ON m.replicated_from = d.model_id WHERE d.depth < 50
      )
      SELECT md.model_id, md.name, md.unit_code, md.unit_name, min(d.depth)::INTEGER AS depth
      FROM down d JOIN model_dim md USING (model_id) WHERE md.model_id <> ${modelId}
      GROUP BY ALL ORDER BY depth, md.model_id`,
  );
  const origins = await ws.rows<LineageRow>(
    sql`WITH RECURSIVE up(model_id, depth) AS (
        SELECT replicated_from, 1 FROM models WHERE model_id = ${modelId} AND replicated_from IS NOT NULL
        UNION
        SELECT m.replicated_from, u.depth + 1 FROM models m JOIN up u ON m.model_id = u.model_id
        WHERE m.replicated_from IS NOT NULL AND u.depth < 50
      )
      SELECT md.model_id, md.name, md.unit_code, md.unit_name, min(u.depth)::INTEGER AS depth
      FROM up u JOIN model_dim md USING (model_id) WHERE md.model_id <> ${modelId}
      GROUP BY ALL ORDER BY depth, md.model_id`,
  );
  const units = await ws.rows<{ code: string; name: string; type: string | null; has: boolean }>(
    sql`SELECT u.code, u.name, u.type,
        EXISTS (SELECT 1 FROM models m WHERE m.unit_code = u.code AND m.field IS NOT DISTINCT FROM ${field}) AS has
      FROM units u ORDER BY u.code`,
  );
  const lacking: CoverageUnit[] = units
    .filter((u) => !u.has)
    .map((u) => ({ code: u.code, name: u.name, type: u.type }));
  return {
    modelId,
    field,
    origins: origins.map(toModel),
    replicas: replicas.map(toModel),
    unitsWithField: units.length - lacking.length,
    unitsLacking: lacking,
    unitsTotal: units.length,
  };
}

/** Coverage of every shortlisted model still in the workspace (or of the one given). */
export async function shortlistCoverage(ws: Workspace, modelId?: string): Promise<ShortlistCoverage[]> {
  const ids = modelId
    ? [modelId]
    : (
        await ws.rows<{ model_id: string }>(
          `SELECT s.model_id FROM shortlist s JOIN model_dim USING (model_id) ORDER BY s.added, s.model_id`,
        )
      ).map((r) => r.model_id);
  const out: ShortlistCoverage[] = [];
  for (const id of ids) out.push(await modelCoverage(ws, id));
  return out;
}
