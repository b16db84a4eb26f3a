/**
 * Load a staged models sheet: validate each row (required id, name and unit; parseable date and
 * coordinates; no duplicate id in the file), reject with row/column/reason, resolve units by code or
 * by normalised name, canonicalise vocabularies, and replace earlier rows of the same model ids.
 */
import { FIELDS, RECOGNITIONS, SPONSORS, STATUSES } from '../../../../shared/catalog';
import { parseViDate } from '../../../../shared/vi-date';
import { normaliseUnitName } from '../../../../shared/text';
import { raw, sql } from '../../db/sql';
import { SEARCH_FOLD_SQL } from '../../query/filter';
import { distinctMap } from '../distinct-map';
import { nonDataRow } from '../row-rules';
import { canonicaliser } from './vocab';
import { count, headerOf, idList, recordRejects, textOf, type LoadContext, type LoadResult } from './context';

export async function loadModels(ctx: LoadContext): Promise<LoadResult> {
  const { ws } = ctx;
  const stg = raw(ctx.stg);
  const t = (f: Parameters<typeof textOf>[1]) => textOf(ctx, f);
  const nd = nonDataRow(ctx.columnCount, ctx.col.model_id ?? 'NULL', ctx.col.name ?? null);

  await distinctMap(ws, 'map_date', stg, t('start_date'), ['iso'], (s) => [parseViDate(s)]);
  const field = canonicaliser(FIELDS.map((f) => f.name_vi));
  await distinctMap(ws, 'map_field', stg, t('field'), ['v', 'unknown'], field);
  await distinctMap(ws, 'map_status', stg, t('status'), ['v', 'unknown'], canonicaliser(STATUSES));
  await distinctMap(ws, 'map_sponsor', stg, t('sponsor'), ['v', 'unknown'], canonicaliser(SPONSORS));
  await distinctMap(ws, 'map_recog', stg, t('recognition'), ['v', 'unknown'], canonicaliser(RECOGNITIONS));
  await distinctMap(ws, 'map_uname', stg, t('unit_name'), ['k'], (s) => [normaliseUnitName(s).key]);

  const h = (f: Parameters<typeof headerOf>[1]) => headerOf(ctx, f);
  // Coordinates are decimal degrees: "106.691" is never thousands, "10,787" uses a decimal comma.
  await ws.exec(
    raw(`CREATE OR REPLACE TEMP MACRO coord(s) AS
    TRY_CAST(CASE WHEN regexp_matches(trim(s), '^-?[0-9]+([.,][0-9]+)?$') THEN replace(trim(s), ',', '.') END AS DOUBLE)`),
  );
  await ws.exec(raw('DROP TABLE IF EXISTS mi'));
  await ws.exec(sql`CREATE TEMP TABLE mi AS
    WITH src AS (
      SELECT _row, ${nd} AS nondata,
        ${t('model_id')} AS model_id, ${t('name')} AS name,
        ${t('unit_code')} AS unit_code_raw, ${t('unit_name')} AS unit_name, ${t('province')} AS province,
        ${t('field')} AS field_raw, ${t('sponsor')} AS sponsor_raw, ${t('start_date')} AS start_raw,
        ${t('status')} AS status_raw, ${t('recognition')} AS recog_raw,
        ${t('lat')} AS lat_raw, ${t('lon')} AS lon_raw, ${t('replicated_from')} AS replicated_from,
        ${t('description')} AS description
      FROM ${stg}
    ), parsed AS (
      SELECT src.*, md.iso AS start_iso, coord(lat_raw) AS lat, coord(lon_raw) AS lon,
        CASE WHEN regexp_matches(unit_code_raw, '^[0-9]{1,4}$') THEN lpad(unit_code_raw, 5, '0')
             WHEN regexp_matches(unit_code_raw, '^[0-9]+\\.0$') THEN lpad(split_part(unit_code_raw, '.', 1), 5, '0')
             ELSE unit_code_raw END AS unit_code,
        mf.v AS field, mf.unknown AS field_unknown, ms.v AS status, msp.v AS sponsor, mr.v AS recognition,
        mu.k AS unit_key,
        row_number() OVER (PARTITION BY model_id ORDER BY _row) AS dup_rank,
        min(_row) OVER (PARTITION BY model_id) AS first_row
      FROM src
      LEFT JOIN map_date md ON md.s = start_raw
      LEFT JOIN map_field mf ON mf.s = field_raw
      LEFT JOIN map_status ms ON ms.s = status_raw
      LEFT JOIN map_sponsor msp ON msp.s = sponsor_raw
      LEFT JOIN map_recog mr ON mr.s = recog_raw
      LEFT JOIN map_uname mu ON mu.s = unit_name
      WHERE NOT nondata
    )
    SELECT *,
      CASE WHEN model_id IS NULL THEN ${h('model_id')}
           WHEN name IS NULL THEN ${h('name')}
           WHEN unit_code IS NULL AND unit_name IS NULL THEN ${h('unit_code')}
           WHEN dup_rank > 1 THEN ${h('model_id')}
           WHEN start_raw IS NOT NULL AND start_iso IS NULL THEN ${h('start_date')}
           WHEN lat_raw IS NOT NULL AND (lat IS NULL OR lat NOT BETWEEN -90 AND 90) THEN ${h('lat')}
           WHEN lon_raw IS NOT NULL AND (lon IS NULL OR lon NOT BETWEEN -180 AND 180) THEN ${h('lon')}
      END AS reject_col,
      CASE WHEN model_id IS NULL THEN 'IMPORT_MISSING_VALUE: model_id'
           WHEN name IS NULL THEN 'IMPORT_MISSING_VALUE: name'
           WHEN unit_code IS NULL AND unit_name IS NULL THEN 'IMPORT_MISSING_VALUE: unit'
           WHEN dup_rank > 1 THEN 'IMPORT_DUPLICATE_ID: first at row ' || first_row
           WHEN start_raw IS NOT NULL AND start_iso IS NULL THEN 'IMPORT_BAD_DATE'
           WHEN lat_raw IS NOT NULL AND (lat IS NULL OR lat NOT BETWEEN -90 AND 90) THEN 'IMPORT_BAD_NUMBER'
           WHEN lon_raw IS NOT NULL AND (lon IS NULL OR lon NOT BETWEEN -180 AND 180) THEN 'IMPORT_BAD_NUMBER'
      END AS reject_reason,
      CASE WHEN dup_rank > 1 THEN model_id WHEN start_raw IS NOT NULL AND start_iso IS NULL THEN start_raw
           WHEN lat_raw IS NOT NULL THEN lat_raw || ', ' || coalesce(lon_raw, '') ELSE NULL END AS reject_value
    FROM parsed`);

  const rowsIn = await count(ws, `SELECT count(*) AS n FROM ${ctx.stg}`);
  const kept = await count(ws, `SELECT count(*) AS n FROM mi`);
  const rejected = await recordRejects(ctx, 'mi');

  // Replace: rows of earlier imports of this source, and any earlier row of the same model ids.
  await ws.exec(sql`DELETE FROM models WHERE import_id IN ${idList(ctx.replaces)}`);
  await ws.exec(
    raw(`DELETE FROM models WHERE model_id IN (SELECT model_id FROM mi WHERE reject_reason IS NULL)`),
  );
  const fold = (e: string) => raw(SEARCH_FOLD_SQL(e));
  await ws.exec(sql`INSERT INTO models
    SELECT mi.model_id, mi.name, coalesce(mi.unit_code, un.code), coalesce(uc.name, un.name, mi.unit_name),
      coalesce(mi.province, uc.province, un.province, ${ctx.defaultProvince ?? null}), mi.field, mi.sponsor,
      CAST(mi.start_iso AS DATE), mi.status, mi.recognition, mi.lat, mi.lon, mi.replicated_from, mi.description,
      ${fold("concat_ws(' ', mi.model_id, mi.name, coalesce(uc.name, un.name, mi.unit_name), mi.field, mi.sponsor, mi.description)")},
      ${ctx.importId}, mi._row
    FROM mi
    LEFT JOIN units uc ON uc.code = mi.unit_code
    LEFT JOIN (SELECT name_key, any_value(code) AS code, any_value(name) AS name, any_value(province) AS province
               FROM units GROUP BY name_key HAVING count(*) = 1) un
      ON mi.unit_code IS NULL AND un.name_key = mi.unit_key
    WHERE mi.reject_reason IS NULL`);
  const imported = kept - rejected;

  const unreg = await ws.rows<{ u: string }>(
    raw(`SELECT DISTINCT coalesce(m.unit_code, m.unit_name) AS u FROM models m
         WHERE m.import_id = ${ctx.importId} AND NOT EXISTS (SELECT 1 FROM units u WHERE u.code = m.unit_code)
         ORDER BY 1 LIMIT 1000`),
    ws.write,
  );
  const unknownFields = await ws.rows<{ f: string }>(
    raw(
      `SELECT DISTINCT field AS f FROM mi WHERE field_unknown IS NOT NULL AND reject_reason IS NULL ORDER BY 1`,
    ),
    ws.write,
  );
  await ws.exec(raw('DROP TABLE mi'));
  return {
    rowsIn,
    imported,
    rejected,
    skipped: rowsIn - kept,
    unregisteredUnits: unreg.map((r) => r.u),
    unknownFields: unknownFields.map((r) => r.f),
    newIndicators: [],
  };
}
