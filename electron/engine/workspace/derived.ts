/**
 * Derived tables, rebuilt from the imported data inside every import transaction so they are always
 * consistent with it (their `derived_version` in meta equals `data_version`):
 * - `model_dim`: one row per model with its unit's attributes resolved (the model-level fact table);
 * - `facts`: one row per indicator value with every model dimension denormalised next to it and the
 *   weight for weighted-mean indicators, sorted by indicator and period (zone maps prune scans).
 * Queries read these instead of joining models, units and values at query time.
 */
import type { Workspace } from './workspace';

export async function rebuildDerived(ws: Workspace): Promise<void> {
  await ws.exec(`CREATE OR REPLACE TABLE model_dim AS
    SELECT m.model_id, m.name, m.unit_code, coalesce(u.name, m.unit_name, m.unit_code) AS unit_name, u.type AS unit_type,
      coalesce(u.province, m.province) AS province, m.field, m.sponsor, m.status, m.recognition,
      CAST(year(m.start_date) AS VARCHAR) AS start_year, m.start_date, m.lat, m.lon, m.replicated_from,
      u.population, u.area_km2, m.search_text
    FROM models m LEFT JOIN units u ON u.code = m.unit_code`);
  // Weights as their own relation so every join stays an equi-join (an OR/IS NOT NULL in the join
  // condition made DuckDB pick a nested-loop join: minutes instead of a second at 1M rows).
  await ws.exec(`CREATE OR REPLACE TABLE facts AS
    WITH w AS (
      SELECT i.code AS indicator_code, x.model_id, x.period_start, x.value AS weight
      FROM indicators i JOIN indicator_values x ON x.indicator_code = i.weight_by
      WHERE i.weight_by IS NOT NULL
    )
    SELECT v.model_id, v.period_start, v.indicator_code, v.value, w.weight,
      d.unit_code, d.unit_name, d.unit_type, d.province, d.field, d.sponsor, d.status, d.recognition, d.start_year
    FROM indicator_values v
    JOIN model_dim d ON d.model_id = v.model_id
    LEFT JOIN w ON w.indicator_code = v.indicator_code AND w.model_id = v.model_id AND w.period_start = v.period_start
    ORDER BY v.indicator_code, v.period_start`);
  await ws.exec(
    `INSERT OR REPLACE INTO meta SELECT 'derived_version', value FROM meta WHERE key = 'data_version'`,
  );
}

/** True when the derived tables are missing or older than the data (e.g. a workspace from an older build). */
export async function derivedStale(ws: Workspace): Promise<boolean> {
  const r = await ws.rows<{ d: string | null; v: string | null; t: number }>(
    `SELECT (SELECT value FROM meta WHERE key = 'derived_version') AS d, (SELECT value FROM meta WHERE key = 'data_version') AS v,
       (SELECT count(*)::INTEGER FROM information_schema.tables WHERE table_name IN ('facts', 'model_dim') AND table_schema = 'main') AS t`,
    ws.write,
  );
  const x = r[0];
  return !x || x.t < 2 || x.d !== x.v;
}
