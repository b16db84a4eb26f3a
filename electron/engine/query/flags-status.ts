/**
 * Integrity flags from a model's declared dates and status against what it reported: values for months
 * before its start month, and reports continuing into the last month of data although its status says it
 * is completed or paused (the workspace has no end dates, so the latest month of data is the evidence).
 * Both read `model_values` (derived.ts: every row of indicator_values, all grains and NULL values included,
 * sorted by model id), where the join by model and the scan for the last month run in a third of the time
 * they take on indicator_values in import order.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { STATUSES } from '../../../shared/catalog';
import { sql } from '../db/sql';
import type { Workspace } from '../workspace/workspace';

export interface BeforeStartRow {
  model_id: string;
  n: number;
  first: string;
  start: string;
}

/** Models with values in months before the month of their start date (a start on the 15th covers its month). */
export function beforeStart(ws: Workspace, conn: DuckDBConnection): Promise<BeforeStartRow[]> {
  return ws.rows<BeforeStartRow>(
    sql`SELECT v.model_id, count(*)::INTEGER AS n, strftime(min(v.period_start), '%Y-%m') AS first,
        strftime(any_value(m.start_date), '%Y-%m-%d') AS start
      FROM model_values v JOIN models m USING (model_id)
      WHERE m.start_date IS NOT NULL AND v.period_start < date_trunc('month', m.start_date)
      GROUP BY v.model_id ORDER BY v.model_id`,
    conn,
  );
}

export interface AfterCompletionRow {
  model_id: string;
  status: string;
  last: string;
}

/** Completed or paused models that still reported in the last month of data. */
export function afterCompletion(ws: Workspace, conn: DuckDBConnection): Promise<AfterCompletionRow[]> {
  const [, completed, paused] = STATUSES;
  return ws.rows<AfterCompletionRow>(
    sql`WITH e AS (SELECT max(period_start) AS last_data FROM model_values)
      SELECT m.model_id, any_value(m.status) AS status, strftime(any_value(e.last_data), '%Y-%m') AS last
      FROM models m JOIN model_values v USING (model_id) CROSS JOIN e
      WHERE m.status IN (${completed}, ${paused}) AND v.period_start = e.last_data
      GROUP BY m.model_id ORDER BY m.model_id`,
    conn,
  );
}
