/**
 * A deterministic pivot fixture generated in SQL (hash-based pseudo-random, no RNG state): 50 units in two
 * provinces (one unit with no models, one with no population, one 'đặc khu'), 2,000 models spread unevenly
 * over them, and ~35,000 monthly values from 2023 to 2025. Edge cases on purpose: models with no unit, with
 * an unregistered unit code, with an unknown field or none, without sponsor or start date; null values;
 * turnaround rows without a records weight or with a zero weight; a mean (satisfaction_pct) and a weighted
 * mean (turnaround_minutes by records_processed).
 * The scale-1 sample (sample-workspace.ts) has none of these edge cases, hence this fixture.
 */
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { SEARCH_FOLD_SQL } from '../../../electron/engine/query/filter';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';
import { openTemp } from '../../helpers/workspace';
import type { CaseData } from './cases';

export const FIELDS = [
  'Cải cách hành chính',
  'An sinh xã hội',
  'Chỉnh trang đô thị',
  'Bảo vệ môi trường',
  'Du lịch bền vững',
  'Phát triển mảng xanh',
];
export const UNKNOWN_FIELD = 'Lĩnh vực lạ';
export const EMPTY_UNIT = '70047';
export const UNREGISTERED_UNIT = '88888';

/** Filter values of the fixture for the shared cases. */
export const FIXTURE_CASE_DATA: CaseData = {
  fields: ['An sinh xã hội', 'Chỉnh trang đô thị'],
  province: 'Tỉnh Thử',
  units: ['70000', '70003', EMPTY_UNIT, '70049'],
  search: 'duong hoa',
};

const list = (xs: readonly string[]) => `[${xs.map((s) => `'${s}'`).join(', ')}]`;
/** A pseudo-random integer in [0, n) from the hash of a row number and a salt. */
const h = (expr: string, salt: string, n: number) => `CAST(hash(${expr}, '${salt}') % ${n} AS INTEGER)`;

async function insertUnits(ws: Workspace): Promise<void> {
  const names = list([
    'An Phú',
    'Bình Lợi',
    'Cầu Kho',
    'Đông Hưng',
    'Ấp Bắc',
    'Tân Định',
    'Long Bình',
    'Hòa Hưng',
    'Ông Lãnh',
    'Úc Lạc',
  ]);
  await ws.exec(`INSERT INTO units
    SELECT code, name, name, type, province, population, area_km2, NULL, NULL FROM (
      SELECT '7' || lpad(CAST(i AS VARCHAR), 4, '0') AS code,
        CASE WHEN i = 49 THEN 'Đặc khu ' WHEN i % 3 = 0 THEN 'Xã ' ELSE 'Phường ' END || ${names}[i % 10 + 1] || ' ' || i AS name,
        CASE WHEN i = 49 THEN 'đặc khu' WHEN i % 3 = 0 THEN 'xã' ELSE 'phường' END AS type,
        CASE WHEN i < 40 THEN 'Thành phố Mẫu' ELSE 'Tỉnh Thử' END AS province,
        CASE WHEN i = 48 THEN NULL ELSE 8000 + ${h('i', 'pop', 60000)} END AS population,
        1 + ${h('i', 'area', 4000)} / 100.0 AS area_km2
      FROM range(50) t(i))`);
}

async function insertModels(ws: Workspace): Promise<void> {
  const words = list([
    'Cầu nông thôn',
    'Đường hoa',
    'Một cửa thân thiện',
    'Bữa cơm nghĩa tình',
    'Ánh sáng đường quê',
    'Tổ tự quản',
  ]);
  const sponsors = list([
    'Hội Nông dân',
    'Đoàn Thanh niên',
    'Hội Liên hiệp Phụ nữ',
    'UBND phường/xã',
    'Ủy ban MTTQ Việt Nam',
  ]);
  const statuses = list(['Đang triển khai', 'Đã hoàn thành', 'Tạm dừng']);
  const recognitions = list(['Cấp xã', 'Cấp thành phố', 'Cấp trung ương']);
  const skewedUnit = `'7' || lpad(CAST(CAST(floor(47 * pow(${h('i', 'u', 1_000_000)} / 1000000.0, 1.6)) AS INTEGER) AS VARCHAR), 4, '0')`;
  await ws.exec(`INSERT INTO models (model_id, name, unit_code, unit_name, province, field, sponsor, start_date, status, recognition)
    SELECT 'MH-' || lpad(CAST(i AS VARCHAR), 5, '0'), ${words}[${h('i', 'w', 6)} + 1] || ' ' || i,
      CASE WHEN i % 97 = 0 THEN NULL WHEN i % 211 = 0 THEN '${UNREGISTERED_UNIT}' WHEN i % 61 = 0 THEN '70048'
        WHEN i % 73 = 0 THEN '70049' ELSE ${skewedUnit} END,
      CASE WHEN i % 97 = 0 THEN 'Phường Không Rõ' WHEN i % 211 = 0 THEN 'Xã Chưa Đăng Ký' END,
      CASE WHEN i % 211 = 0 THEN 'Tỉnh Thử' END,
      CASE WHEN i % 151 = 0 THEN NULL WHEN i % 53 = 0 THEN '${UNKNOWN_FIELD}' ELSE ${list(FIELDS)}[${h('i', 'f', 6)} + 1] END,
      CASE WHEN i % 17 = 0 THEN NULL ELSE ${sponsors}[${h('i', 'sp', 5)} + 1] END,
      CASE WHEN i % 89 = 0 THEN NULL ELSE DATE '2023-01-01' + to_months(${h('i', 's', 34)}) END,
      ${statuses}[${h('i', 'st', 3)} + 1],
      CASE WHEN i % 4 = 0 THEN NULL ELSE ${recognitions}[${h('i', 'r', 3)} + 1] END
    FROM range(2000) t(i)`);
  await ws.exec(
    `UPDATE models SET search_text = ${SEARCH_FOLD_SQL("concat_ws(' ', model_id, name, unit_name, field, sponsor)")}`,
  );
}

async function insertValues(ws: Workspace): Promise<void> {
  // One row per model × month × indicator the model reports; `k` salts the hashes per row.
  await ws.exec(`INSERT INTO indicator_values
    WITH mm AS (
      SELECT m.model_id, m.field, CAST(substr(m.model_id, 4) AS INTEGER) AS i,
        CAST(coalesce(m.start_date, DATE '2024-01-01') AS DATE) AS d0
      FROM models m),
    per AS (
      SELECT mm.*, CAST(mm.d0 + to_months(t.j) AS DATE) AS p, t.j, mm.i * 100 + t.j AS k
      FROM mm, range(14) t(j)
      WHERE t.j < 3 + ${h('mm.i', 'len', 11)} AND mm.d0 + to_months(t.j) <= DATE '2025-12-01'),
    ind AS (
      SELECT per.*, x.code FROM per, (VALUES ('records_processed'), ('turnaround_minutes'), ('satisfaction_pct'),
        ('funds_mobilized_vnd'), ('participants')) x(code)
      WHERE CASE WHEN per.field = 'Cải cách hành chính'
          THEN x.code IN ('records_processed', 'turnaround_minutes', 'satisfaction_pct')
            AND NOT (x.code = 'records_processed' AND per.k % 13 = 0)
          ELSE (x.code = 'funds_mobilized_vnd' AND per.i % 2 = 0) OR x.code = 'participants'
            OR (x.code = 'satisfaction_pct' AND per.i % 3 = 0) END)
    SELECT model_id, p, 'month', code,
      CASE code
        WHEN 'records_processed' THEN CAST(${h('k', 'rec', 400)} AS DOUBLE)
        WHEN 'turnaround_minutes' THEN 5 + ${h('k', 'tat', 600)} / 10.0
        WHEN 'satisfaction_pct' THEN CASE WHEN k % 41 = 0 THEN NULL ELSE 50 + ${h('k', 'sat', 500)} / 10.0 END
        WHEN 'funds_mobilized_vnd' THEN CAST(pow(${h('k', 'fund', 1000)}, 2) * 1000 AS DOUBLE)
        ELSE CASE WHEN k % 37 = 0 THEN NULL ELSE CAST(${h('k', 'part', 200)} AS DOUBLE) END END,
      NULL
    FROM ind`);
}

/** Insert the fixture into an empty workspace and rebuild the derived tables. */
export async function insertPivotFixture(ws: Workspace): Promise<void> {
  await insertUnits(ws);
  await insertModels(ws);
  await insertValues(ws);
  await rebuildDerived(ws);
}

/** A temp workspace holding the fixture; call `cleanup` when done. */
export async function openPivotFixture(): Promise<Awaited<ReturnType<typeof openTemp>>> {
  const t = await openTemp();
  await insertPivotFixture(t.ws);
  return t;
}
