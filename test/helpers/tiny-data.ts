/** A tiny hand-made dataset inserted straight into a workspace, for query tests with known answers. */
import type { Workspace } from '../../electron/engine/workspace/workspace';
import { SEARCH_FOLD_SQL } from '../../electron/engine/query/filter';
import { rebuildDerived } from '../../electron/engine/workspace/derived';

export async function insertTinyData(ws: Workspace): Promise<void> {
  await ws.exec(`INSERT INTO units VALUES
    ('00101', 'Phường An Phú', 'Phường An Phú', 'phường', 'Thành phố Mẫu', 50000, 5, 'an phu', NULL),
    ('00102', 'Xã Bình Lợi', 'Xã Bình Lợi', 'xã', 'Thành phố Mẫu', 20000, 40, 'binh loi', NULL)`);
  await ws.exec(`INSERT INTO models (model_id, name, unit_code, unit_name, province, field, sponsor, start_date, status, search_text)
    VALUES
    ('MH-1', 'Cầu nông thôn Bình Lợi', '00102', NULL, NULL, 'Hạ tầng giao thông nông thôn', 'Hội Nông dân', DATE '2024-01-01', 'Đang triển khai', NULL),
    ('MH-2', 'Một cửa 10 bản sao trong 15 phút', '00101', NULL, NULL, 'Cải cách hành chính', 'UBND phường/xã', DATE '2024-03-01', 'Đang triển khai', NULL),
    ('MH-3', 'Đường hoa An Phú', '00101', NULL, NULL, 'Cải cách hành chính', 'Đoàn Thanh niên', DATE '2025-02-01', 'Tạm dừng', NULL),
    ('MH-4', 'Mô hình chưa rõ địa bàn', NULL, 'Phường Không Có', NULL, 'Lĩnh vực lạ', NULL, NULL, NULL, NULL)`);
  await ws.exec(
    `UPDATE models SET search_text = ${SEARCH_FOLD_SQL("concat_ws(' ', model_id, name, unit_name, field, sponsor)")}`,
  );
  await ws.exec(`INSERT INTO indicator_values VALUES
    ('MH-1', DATE '2024-01-01', 'month', 'bridges_built', 1, NULL),
    ('MH-1', DATE '2024-02-01', 'month', 'bridges_built', 2, NULL),
    ('MH-1', DATE '2025-01-01', 'month', 'funds_mobilized_vnd', 1000000, NULL),
    ('MH-2', DATE '2024-03-01', 'month', 'satisfaction_pct', 90, NULL),
    ('MH-2', DATE '2024-04-01', 'month', 'satisfaction_pct', 80, NULL),
    ('MH-2', DATE '2024-05-01', 'month', 'satisfaction_pct', 70, NULL),
    ('MH-3', DATE '2025-02-01', 'month', 'satisfaction_pct', 100, NULL),
    ('MH-2', DATE '2024-03-01', 'month', 'turnaround_minutes', 10, NULL),
    ('MH-2', DATE '2024-03-01', 'month', 'records_processed', 300, NULL),
    ('MH-3', DATE '2025-02-01', 'month', 'turnaround_minutes', 40, NULL),
    ('MH-3', DATE '2025-02-01', 'month', 'records_processed', 100, NULL)`);
  await rebuildDerived(ws);
}
