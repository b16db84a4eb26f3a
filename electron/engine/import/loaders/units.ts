/**
 * Load a staged units sheet (code, name, type, province, population, area) and register the units,
 * replacing earlier rows with the same code. Names are keyed with `normaliseUnitName` for matching.
 */
import { normaliseUnitName } from '../../../../shared/text';
import { raw, sql } from '../../db/sql';
import { distinctMap } from '../distinct-map';
import { nonDataRow } from '../row-rules';
import { count, headerOf, idList, recordRejects, textOf, type LoadContext, type LoadResult } from './context';

export async function loadUnits(ctx: LoadContext): Promise<LoadResult> {
  const { ws } = ctx;
  const t = (f: Parameters<typeof textOf>[1]) => textOf(ctx, f);
  const nd = nonDataRow(ctx.columnCount, ctx.col.unit_code ?? 'NULL', ctx.col.unit_name ?? null);
  await distinctMap(ws, 'map_uname', raw(ctx.stg), t('unit_name'), ['k', 'type', 'name'], (s) => {
    const n = normaliseUnitName(s);
    return [n.key, n.type ?? null, s.normalize('NFC').trim()];
  });
  await ws.exec(raw('DROP TABLE IF EXISTS ui'));
  await ws.exec(sql`CREATE TEMP TABLE ui AS
    WITH src AS (
      SELECT _row, ${nd} AS nondata, ${t('unit_code')} AS code_raw, ${t('unit_name')} AS name,
        ${t('type')} AS type_raw, ${t('province')} AS province, ${t('population')} AS pop_raw, ${t('area_km2')} AS area_raw
      FROM ${raw(ctx.stg)}
    ), p AS (
      SELECT src.*, CASE WHEN regexp_matches(code_raw, '^[0-9]{1,4}$') THEN lpad(code_raw, 5, '0') ELSE code_raw END AS code,
        vi_number(pop_raw) AS population, vi_number(area_raw) AS area_km2, mu.k AS name_key,
        lower(coalesce(type_raw, mu.type)) AS type,
        row_number() OVER (PARTITION BY code_raw ORDER BY _row) AS dup_rank
      FROM src LEFT JOIN map_uname mu ON mu.s = src.name WHERE NOT nondata
    )
    SELECT *,
      CASE WHEN code IS NULL THEN ${headerOf(ctx, 'unit_code')} WHEN name IS NULL THEN ${headerOf(ctx, 'unit_name')}
           WHEN dup_rank > 1 THEN ${headerOf(ctx, 'unit_code')}
           WHEN pop_raw IS NOT NULL AND population IS NULL THEN ${headerOf(ctx, 'population')}
           WHEN area_raw IS NOT NULL AND area_km2 IS NULL THEN ${headerOf(ctx, 'area_km2')} END AS reject_col,
      CASE WHEN code IS NULL THEN 'IMPORT_MISSING_VALUE: code' WHEN name IS NULL THEN 'IMPORT_MISSING_VALUE: name'
           WHEN dup_rank > 1 THEN 'IMPORT_DUPLICATE_ID'
           WHEN pop_raw IS NOT NULL AND population IS NULL THEN 'IMPORT_BAD_NUMBER'
           WHEN area_raw IS NOT NULL AND area_km2 IS NULL THEN 'IMPORT_BAD_NUMBER' END AS reject_reason,
      coalesce(CASE WHEN pop_raw IS NOT NULL AND population IS NULL THEN pop_raw END, area_raw) AS reject_value
    FROM p`);
  const rowsIn = await count(ws, `SELECT count(*) AS n FROM ${ctx.stg}`);
  const kept = await count(ws, 'SELECT count(*) AS n FROM ui');
  const rejected = await recordRejects(ctx, 'ui');
  await ws.exec(sql`DELETE FROM units WHERE import_id IN ${idList(ctx.replaces)}`);
  await ws.exec(raw('DELETE FROM units WHERE code IN (SELECT code FROM ui WHERE reject_reason IS NULL)'));
  await ws.exec(sql`INSERT INTO units
    SELECT code, name, name, type, coalesce(province, ${ctx.defaultProvince ?? null}), population, area_km2, name_key, ${ctx.importId}
    FROM ui WHERE reject_reason IS NULL`);
  await ws.exec(raw('DROP TABLE ui'));
  return {
    rowsIn,
    imported: kept - rejected,
    rejected,
    skipped: rowsIn - kept,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
  };
}
