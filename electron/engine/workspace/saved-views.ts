/**
 * Named views a person saved (a pivot's spec, …) in the workspace's `saved_views` table: upsert by
 * (name, view) in one write transaction, list, delete. A pivot's spec is validated as a PivotSpec (a
 * ranking's as a RankSpec) before it is stored, so reopening a saved view never meets a malformed spec.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SavedView } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import { PivotSpecSchema } from '../../../shared/pivot-spec';
import { RankSpecSchema } from '../../../shared/rank-spec';
import { sql } from '../db/sql';
import type { Workspace } from './workspace';

/** Largest stored spec, in characters of JSON. */
const MAX_SPEC_CHARS = 100_000;

type Kind = SavedView['view'];

function checkSpec(view: Kind, spec: unknown): string {
  if (spec === undefined) throw new AtlasError('SPEC_INVALID', 'A saved view needs a spec');
  if (view === 'pivot' || view === 'ranking') {
    const p = (view === 'pivot' ? PivotSpecSchema : RankSpecSchema).safeParse(spec);
    if (!p.success) {
      const issue = p.error.issues[0];
      throw new AtlasError(
        'SPEC_INVALID',
        issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : `Invalid ${view} spec`,
      );
    }
  }
  const text = JSON.stringify(spec);
  if (text.length > MAX_SPEC_CHARS) throw new AtlasError('SPEC_INVALID', 'The saved view is too large');
  return text;
}

/** Save or replace the view `name` of kind `view`. Throws SPEC_INVALID for an invalid pivot spec. */
export async function saveView(ws: Workspace, name: string, view: Kind, spec: unknown): Promise<SavedView> {
  const text = checkSpec(view, spec);
  const trimmed = name.trim();
  const saved = await ws.transaction(async () => {
    const existing = await ws.rows<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM saved_views WHERE name = ${trimmed} AND view = ${view}`,
      ws.write,
    );
    if ((existing[0]?.n ?? 0) > 0) {
      await ws.exec(
        sql`UPDATE saved_views SET spec = ${text}, updated = now()::TIMESTAMP WHERE name = ${trimmed} AND view = ${view}`,
      );
    } else {
      await ws.exec(
        sql`INSERT INTO saved_views VALUES (${trimmed}, ${view}, ${text}, now()::TIMESTAMP, now()::TIMESTAMP)`,
      );
    }
    // Read back in the same transaction, on the write connection (see shortlist.ts setShortlist).
    return (await listViews(ws, view, ws.write)).find((v) => v.name === trimmed);
  });
  if (!saved) throw new AtlasError('INTERNAL', 'The saved view was not found after saving');
  return saved;
}

/** Saved views (of one kind when given), newest first. */
export async function listViews(
  ws: Workspace,
  view?: Kind,
  conn: DuckDBConnection = ws.read,
): Promise<SavedView[]> {
  const rows = await ws.rows<{ name: string; view: Kind; spec: string; updated: string }>(
    view
      ? sql`SELECT name, view, spec, CAST(updated AS VARCHAR) AS updated FROM saved_views WHERE view = ${view} ORDER BY updated DESC, name`
      : sql`SELECT name, view, spec, CAST(updated AS VARCHAR) AS updated FROM saved_views ORDER BY updated DESC, name`,
    conn,
  );
  return rows.map((r) => ({
    name: r.name,
    view: r.view,
    spec: JSON.parse(r.spec) as unknown,
    updated: r.updated,
  }));
}

/** Delete a saved view; `deleted` is false when there was none. */
export async function deleteView(ws: Workspace, name: string, view: Kind): Promise<{ deleted: boolean }> {
  return ws.transaction(async () => {
    const n = await ws.rows<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM saved_views WHERE name = ${name} AND view = ${view}`,
      ws.write,
    );
    await ws.exec(sql`DELETE FROM saved_views WHERE name = ${name} AND view = ${view}`);
    return { deleted: (n[0]?.n ?? 0) > 0 };
  });
}
