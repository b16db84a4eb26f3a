/** Workspace summaries: table counts, period range, import history, and the catalogue for the UI. */
import type { CatalogInfo, WorkspaceInfo } from '../../../shared/api';
import { FIELDS, SPONSORS, STATUSES } from '../../../shared/catalog';
import { DATA_TABLES, SCHEMA_VERSION } from './schema';
import type { Workspace } from './workspace';

export async function workspaceInfo(ws: Workspace): Promise<WorkspaceInfo> {
  const counts: Record<string, number> = {};
  const union = DATA_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::INTEGER AS n FROM ${t}`).join(
    ' UNION ALL ',
  );
  for (const r of await ws.rows<{ t: string; n: number }>(union)) counts[r.t] = r.n;
  const range = await ws.rows<{ f: string | null; l: string | null }>(
    `SELECT strftime(min(period_start), '%Y-%m') AS f, strftime(max(period_start), '%Y-%m') AS l FROM indicator_values`,
  );
  const imports = await ws.rows<WorkspaceInfo['imports'][number]>(
    `SELECT id, file, sheet, kind, rows_in AS "rowsIn", rows_imported AS "rowsImported", rows_rejected AS "rowsRejected",
       status, strftime(finished, '%Y-%m-%dT%H:%M:%S') AS finished FROM imports ORDER BY id`,
  );
  return {
    path: ws.path,
    schemaVersion: SCHEMA_VERSION,
    dataVersion: ws.dataVersion,
    counts,
    periodRange: { from: range[0]?.f ?? null, to: range[0]?.l ?? null },
    imports,
  };
}

export async function catalogInfo(ws: Workspace): Promise<CatalogInfo> {
  const indicators = await ws.rows<CatalogInfo['indicators'][number]>(
    `SELECT code, name_vi, name_en, unit, aggregation, higher_is_better FROM indicators ORDER BY builtin DESC, code`,
  );
  const distinct = async (col: string) =>
    (
      await ws.rows<{ v: string }>(
        `SELECT DISTINCT ${col} AS v FROM models WHERE ${col} IS NOT NULL ORDER BY 1`,
      )
    ).map((r) => r.v);
  const merge = (canon: readonly string[], seen: string[]) => [
    ...canon,
    ...seen.filter((s) => !canon.includes(s)),
  ];
  const units = await ws.rows<CatalogInfo['units'][number]>(
    `SELECT code, name, type, province FROM units ORDER BY name`,
  );
  const provinces = (
    await ws.rows<{ v: string }>(
      `SELECT DISTINCT v FROM (SELECT province AS v FROM units UNION SELECT province FROM models) WHERE v IS NOT NULL ORDER BY 1`,
    )
  ).map((r) => r.v);
  return {
    indicators,
    fields: merge(
      FIELDS.map((f) => f.name_vi),
      await distinct('field'),
    ),
    sponsors: merge(SPONSORS, await distinct('sponsor')),
    statuses: merge(STATUSES, await distinct('status')),
    provinces,
    units,
  };
}
