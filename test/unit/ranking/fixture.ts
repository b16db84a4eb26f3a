/**
 * A constructed workspace where the right integrity flags are known by construction: one model per
 * pattern (12 identical months, a single 50× spike, a steady series, a seasonal peak, values before the
 * start, a completed model still reporting, round numbers, near-duplicate names, a reporting gap).
 * Every series runs 2024-01 … 2025-12 unless the pattern says otherwise.
 */
import type { Workspace } from '../../../electron/engine/workspace/workspace';
import { SEARCH_FOLD_SQL } from '../../../electron/engine/query/filter';
import { rebuildDerived } from '../../../electron/engine/workspace/derived';

export interface FixtureModel {
  id: string;
  name: string;
  unit: string;
  field: string;
  sponsor: string;
  start: string;
  status: string;
  replicatedFrom?: string;
  /** indicator → month ('YYYY-MM') → value */
  values: Record<string, Record<string, number>>;
}

/** A small deterministic generator (LCG) for randomised tests, so a failure reproduces. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const MONTHS: string[] = [];
for (let y = 2024; y <= 2025; y++)
  for (let m = 1; m <= 12; m++) MONTHS.push(`${y}-${String(m).padStart(2, '0')}`);

/** A steady, irregular, non-round series around `base` (never a multiple of 10, never repeating). */
export function steady(base: number, months = MONTHS, seed = 1): Record<string, number> {
  const out: Record<string, number> = {};
  months.forEach((m, i) => {
    let v = base + ((i * 37 + seed * 11) % 23) - 11;
    if (v % 10 === 0) v += 3;
    out[m] = v;
  });
  return out;
}

const RUNNING = 'Đang triển khai';
const DONE = 'Đã hoàn thành';
const SOCIAL = 'An sinh xã hội';
const ADMIN = 'Cải cách hành chính';

const flat12: Record<string, number> = steady(300, MONTHS, 2);
MONTHS.slice(6, 18).forEach((m) => (flat12[m] = 257));
const flat5: Record<string, number> = steady(300, MONTHS, 3);
MONTHS.slice(6, 11).forEach((m) => (flat5[m] = 257));
const spike = steady(100, MONTHS, 4);
spike['2025-03'] = (spike['2025-03'] ?? 100) * 50;
const seasonal = steady(100, MONTHS, 5);
seasonal['2025-01'] = 260;
const round: Record<string, number> = {};
MONTHS.forEach((m, i) => (round[m] = 100 + 10 * ((i * 7) % 9)));
const gapMonths = MONTHS.filter((m) => m < '2024-07' || m >= '2024-12');

export const FIXTURE_MODELS: FixtureModel[] = [
  {
    id: 'M-STEADY',
    name: 'Bữa cơm nghĩa tình',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Hội Liên hiệp Phụ nữ',
    start: '2024-01-10',
    status: RUNNING,
    values: {
      households_supported: steady(120, MONTHS, 6),
      funds_mobilized_vnd: steady(50_000_000, MONTHS, 7),
    },
  },
  {
    id: 'M-FLAT12',
    name: 'Tủ sách cộng đồng',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Đoàn Thanh niên',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: flat12 },
  },
  {
    id: 'M-FLAT5',
    name: 'Quỹ học bổng vượt khó',
    unit: '00102',
    field: SOCIAL,
    sponsor: 'Đoàn Thanh niên',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: flat5 },
  },
  {
    id: 'M-SPIKE',
    name: 'Mái ấm tình thương',
    unit: '00102',
    field: SOCIAL,
    sponsor: 'Hội Nông dân',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: spike },
  },
  {
    id: 'M-SEASON',
    name: 'Xuân yêu thương',
    unit: '00103',
    field: SOCIAL,
    sponsor: 'Hội Nông dân',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: seasonal },
  },
  {
    id: 'M-BEFORE',
    name: 'Hẻm xanh sạch đẹp',
    unit: '00103',
    field: SOCIAL,
    sponsor: 'Hội Cựu chiến binh',
    start: '2024-06-15',
    status: RUNNING,
    values: { households_supported: steady(80, MONTHS, 8) },
  },
  {
    id: 'M-DONE',
    name: 'Cầu nông thôn kiểu mới',
    unit: '00103',
    field: SOCIAL,
    sponsor: 'Hội Cựu chiến binh',
    start: '2024-01-01',
    status: DONE,
    values: { households_supported: steady(90, MONTHS, 9) },
  },
  {
    id: 'M-ROUND',
    name: 'Ngày thứ bảy tình nguyện',
    unit: '00102',
    field: SOCIAL,
    sponsor: 'Công an',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: round },
  },
  {
    id: 'M-GAP',
    name: 'Điểm tựa an sinh',
    unit: '00102',
    field: SOCIAL,
    sponsor: 'Liên đoàn Lao động',
    start: '2024-01-01',
    status: RUNNING,
    values: { households_supported: steady(110, gapMonths, 10) },
  },
  {
    id: 'M-DUP-A',
    name: 'Bếp ăn tình thương An Phú',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Tổ chức tôn giáo',
    start: '2024-01-05',
    status: RUNNING,
    values: { households_supported: steady(140, MONTHS, 11) },
  },
  {
    id: 'M-DUP-B',
    name: 'Bếp ăn tình thuơng – An Phú',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Tổ chức tôn giáo',
    start: '2024-02-01',
    status: RUNNING,
    values: { households_supported: steady(150, MONTHS.slice(1), 12) },
  },
  {
    id: 'M-SAMENAME-OTHER-UNIT',
    name: 'Bếp ăn tình thương An Phú',
    unit: '00102',
    field: SOCIAL,
    sponsor: 'Tổ chức tôn giáo',
    start: '2024-01-05',
    status: RUNNING,
    values: { households_supported: steady(130, MONTHS, 13) },
  },
  {
    id: 'M-SAMENAME-OTHER-SPONSOR',
    name: 'Bếp ăn tình thương An Phú',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Hội Nông dân',
    start: '2024-01-05',
    status: RUNNING,
    values: { households_supported: steady(125, MONTHS, 14) },
  },
  {
    id: 'M-REPLICA',
    name: 'Bếp ăn tình thương An Phú',
    unit: '00101',
    field: SOCIAL,
    sponsor: 'Tổ chức tôn giáo',
    start: '2023-12-20',
    status: RUNNING,
    replicatedFrom: 'M-DUP-A',
    values: { households_supported: steady(135, MONTHS, 15) },
  },
  {
    id: 'M-ADMIN-1',
    name: 'Một cửa thân thiện',
    unit: '00101',
    field: ADMIN,
    sponsor: 'UBND phường/xã',
    start: '2024-01-01',
    status: RUNNING,
    values: {
      turnaround_minutes: steady(30, MONTHS, 16),
      satisfaction_pct: steady(85, MONTHS, 17),
      records_processed: steady(400, MONTHS, 18),
    },
  },
  {
    id: 'M-ADMIN-2',
    name: 'Trả kết quả tận nhà',
    unit: '00102',
    field: ADMIN,
    sponsor: 'UBND phường/xã',
    start: '2024-01-01',
    status: RUNNING,
    values: {
      turnaround_minutes: steady(20, MONTHS, 19),
      satisfaction_pct: steady(75, MONTHS, 20),
      records_processed: steady(300, MONTHS, 21),
    },
  },
];

/** Insert the fixture (units, models, monthly values) and rebuild the derived tables. */
export async function insertFixture(
  ws: Workspace,
  models: readonly FixtureModel[] = FIXTURE_MODELS,
): Promise<void> {
  await ws.exec(`INSERT INTO units VALUES
    ('00101', 'Phường An Phú', 'Phường An Phú', 'phường', 'Thành phố Mẫu', 50000, 5, 'an phu', NULL),
    ('00102', 'Xã Bình Lợi', 'Xã Bình Lợi', 'xã', 'Thành phố Mẫu', 20000, 40, 'binh loi', NULL),
    ('00103', 'Xã Tân Hòa', 'Xã Tân Hòa', 'xã', 'Thành phố Mẫu', 30000, 60, 'tan hoa', NULL)`);
  for (const m of models) {
    await ws.exec(
      `INSERT INTO models (model_id, name, unit_code, field, sponsor, start_date, status, replicated_from)
       VALUES ('${m.id}', '${m.name}', '${m.unit}', '${m.field}', '${m.sponsor}', DATE '${m.start}', '${m.status}', ${m.replicatedFrom ? `'${m.replicatedFrom}'` : 'NULL'})`,
    );
    const rows = Object.entries(m.values).flatMap(([ind, series]) =>
      Object.entries(series).map(
        ([month, v]) => `('${m.id}', DATE '${month}-01', 'month', '${ind}', ${v}, NULL)`,
      ),
    );
    await ws.exec(`INSERT INTO indicator_values VALUES ${rows.join(', ')}`);
  }
  await ws.exec(
    `UPDATE models SET search_text = ${SEARCH_FOLD_SQL("concat_ws(' ', model_id, name, unit_name, field, sponsor)")}`,
  );
  await rebuildDerived(ws);
}
