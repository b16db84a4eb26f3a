/**
 * Load an old → new unit crosswalk (the 2025 reorganisation): old code, old name and old district
 * map to a new code, in full or in part (a split old unit appears once per receiving new unit).
 * Columns are found by header role (`matchCrosswalkColumns`), not by the column mapping. Rows are
 * stored in `unit_crosswalk`; re-assigning the models is `applyCrosswalk`'s job.
 */
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import { AtlasError } from '../../../../shared/errors';
import { matchCrosswalkColumns, type CrosswalkRole } from '../../../../shared/import-mapping';
import { foldVi, normaliseUnitName } from '../../../../shared/text';
import { raw, sql } from '../../db/sql';
import { idList, type LoadContext, type LoadResult } from './context';
import { textList, unmarked } from '../geo/text-list';

/** Relation words: English, Vietnamese (folded) and the usual abbreviations. */
const FULL = new Set(['full', 'toan bo', 'toan phan', 'nguyen trang', 'giu nguyen', 'nguyen ven', 'all']);
const PARTIAL = new Set(['partial', 'mot phan', 'tach', 'chia tach', 'part']);

/** 'full' | 'partial' for a relation cell, null when blank, 'bad' when it says something else. */
export function parseRelation(s: string | null): 'full' | 'partial' | null | 'bad' {
  if (s === null || !s.trim()) return null;
  const k = foldVi(s)
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (FULL.has(k)) return 'full';
  if (PARTIAL.has(k)) return 'partial';
  return 'bad';
}

interface CwRow {
  _row: number;
  [col: string]: string | number | null;
}

export async function loadCrosswalk(
  ctx: LoadContext,
): Promise<LoadResult & { full: number; partial: number }> {
  const { ws } = ctx;
  const roles = matchCrosswalkColumns(ctx.headers);
  const need = (alternatives: CrosswalkRole[]) => {
    if (alternatives.some((r) => roles[r] !== undefined)) return;
    throw new AtlasError(
      'IMPORT_MISSING_COLUMN',
      `${path.basename(ctx.file)} / ${ctx.sheet}: no column for ${alternatives.join(' or ')}`,
      { file: ctx.file, sheet: ctx.sheet, column: alternatives.join(' | ') },
    );
  };
  need(['new_code']);
  need(['old_code', 'old_name']);
  const cols = Array.from({ length: ctx.columnCount }, (_, i) => `c${i}`).join(', ');
  const rows = await ws.rows<CwRow>(raw(`SELECT _row, ${cols} FROM ${ctx.stg} ORDER BY _row`), ws.write);
  const cell = (r: CwRow, role: CrosswalkRole): string | null => {
    const i = roles[role];
    if (i === undefined) return null;
    const v = r[`c${i}`];
    return v === null || v === undefined ? null : String(v).normalize('NFC').trim() || null;
  };
  const header = (role: CrosswalkRole) => ctx.headers[roles[role] ?? -1] ?? role;

  const out = {
    oldCode: [] as (string | null)[],
    oldName: [] as (string | null)[],
    oldKey: [] as (string | null)[],
    district: [] as (string | null)[],
    districtKey: [] as (string | null)[],
    province: [] as (string | null)[],
    newCode: [] as string[],
    newName: [] as (string | null)[],
    relation: [] as (string | null)[],
    row: [] as number[],
  };
  const rejects: { row: number; col: string; reason: string; value: string | null }[] = [];
  let skipped = 0;
  for (const r of rows) {
    const newCode = cell(r, 'new_code');
    const oldCode = cell(r, 'old_code');
    const oldName = cell(r, 'old_name');
    const relText = cell(r, 'relation');
    const relation = parseRelation(relText);
    if (!newCode && !oldCode && !oldName) {
      skipped++;
      continue;
    }
    if (!newCode)
      rejects.push({
        row: r._row,
        col: header('new_code'),
        reason: 'IMPORT_MISSING_VALUE: new_code',
        value: oldName ?? oldCode,
      });
    else if (!oldCode && !oldName)
      rejects.push({
        row: r._row,
        col: header('old_code'),
        reason: 'IMPORT_MISSING_VALUE: old_code',
        value: newCode,
      });
    else if (relation === 'bad')
      rejects.push({
        row: r._row,
        col: header('relation'),
        reason: 'IMPORT_BAD_VALUE: relation',
        value: relText,
      });
    else {
      const district = cell(r, 'old_district_name');
      out.oldCode.push(oldCode);
      out.oldName.push(oldName);
      out.oldKey.push(oldName ? normaliseUnitName(oldName).key : null);
      out.district.push(district);
      out.districtKey.push(district ? normaliseUnitName(district).key : null);
      out.province.push(cell(r, 'old_province_name'));
      out.newCode.push(/^[0-9]{1,4}$/.test(newCode) ? newCode.padStart(5, '0') : newCode);
      out.newName.push(cell(r, 'new_name'));
      out.relation.push(relation);
      out.row.push(r._row);
    }
  }
  for (const j of rejects)
    await ws.exec(
      sql`INSERT INTO import_rejects VALUES (${ctx.importId}, ${j.row}, ${j.col}, ${j.reason}, ${j.value})`,
    );
  await ws.exec(sql`DELETE FROM unit_crosswalk WHERE import_id IN ${idList(ctx.replaces)}`);
  const T = (xs: (string | null)[]) => textList(xs);
  const L = (xs: number[]) => listValue(xs);
  const oldCols = ['old_code', 'old_name', 'old_key', 'old_district', 'old_district_key', 'old_province'];
  await ws.exec(sql`INSERT INTO unit_crosswalk
    SELECT ${raw(oldCols.join(', '))}, new_code, new_name,
      -- A blank relation is 'partial' when the old unit went to several new units, else 'full'.
      coalesce(relation, CASE WHEN count(DISTINCT new_code) OVER (
          PARTITION BY coalesce(old_code, old_key || '|' || coalesce(old_district_key, ''))) > 1
        THEN 'partial' ELSE 'full' END),
      ${ctx.importId}, source_row
    FROM (SELECT ${raw(unmarked([...oldCols, 'new_code', 'new_name', 'relation']))}, source_row
      FROM (SELECT unnest(${T(out.oldCode)}) AS old_code, unnest(${T(out.oldName)}) AS old_name,
        unnest(${T(out.oldKey)}) AS old_key, unnest(${T(out.district)}) AS old_district,
        unnest(${T(out.districtKey)}) AS old_district_key, unnest(${T(out.province)}) AS old_province,
        unnest(${T(out.newCode)}) AS new_code, unnest(${T(out.newName)}) AS new_name,
        unnest(${T(out.relation)}) AS relation, unnest(CAST(${L(out.row)} AS INTEGER[])) AS source_row))`);
  const counts = await ws.rows<{ full: number; partial: number }>(
    sql`SELECT count(*) FILTER (WHERE relation = 'full')::INTEGER AS full,
      count(*) FILTER (WHERE relation = 'partial')::INTEGER AS partial FROM unit_crosswalk WHERE import_id = ${ctx.importId}`,
    ws.write,
  );
  return {
    rowsIn: rows.length,
    imported: out.newCode.length,
    rejected: rejects.length,
    skipped,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [],
    full: counts[0]?.full ?? 0,
    partial: counts[0]?.partial ?? 0,
  };
}
