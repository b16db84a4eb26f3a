/**
 * The pure parts that make the Trends chart, the map, the ranked table and the shortlist presentable:
 * export layouts of the small multiples, the map's drawn-in legend and frame, table cells, print width.
 */
import { describe, expect, it } from 'vitest';
import type { ShortlistEntry } from '../../../shared/shortlist';
import {
  LEGEND_H,
  seriesChartOption,
  type ChartPanel,
  type SeriesChartInput,
} from '../../../renderer/src/charts/options/series-chart';
import { PRINT_PAGE_WIDTH_PX, printWidth } from '../../../renderer/src/charts/print-fit';
import { lightTheme } from '../../../renderer/src/charts/theme';
import type { ChartOption } from '../../../renderer/src/charts/types';
import {
  decorateOption,
  EXPORT_SIZE,
  frameHeights,
  PROJECTOR_LOOK,
} from '../../../renderer/src/export/decorate';
import { nativeChartOf } from '../../../renderer/src/export/native-chart';
import { rankTableData, shortlistTableData } from '../../../renderer/src/export/tables/list-tables';
import { LEGEND_WIDTH, mapExportOption } from '../../../renderer/src/views/map/map-export';
import type { RankRow } from '../../../renderer/src/views/ranking/rank-rows';
import {
  exportColumns,
  exportPanelHeight,
  trendsExportItems,
} from '../../../renderer/src/views/trends/trends-export';

type Loose = Record<string, unknown>;

const panel = (title: string, values: (number | null)[]): ChartPanel => ({
  title,
  lines: [{ key: 'all', name: 'Tất cả', values, flags: [] }],
  format: (v) => String(v),
  formatAxis: (v) => String(v),
});

const input = (panels: ChartPanel[]): SeriesChartInput => ({
  labels: ['01/2025', '02/2025', '03/2025'],
  panels,
  kind: 'line',
  sharedY: false,
  selected: [1, 2],
  tet: [0],
  events: [],
  text: { tet: 'Tết', jump: 'Tăng vọt', flat: 'Đứng yên', selected: 'Kỳ chọn', noValue: 'Không có' },
  columns: 2,
  panelHeight: 260,
  brush: true,
});

const meta = {
  title: 'Xu hướng chỉ số',
  subtitle: 'Bộ lọc: Lĩnh vực: An sinh xã hội',
  dataDate: 'Số liệu đến 12/2025',
  source: 'Nguồn: DVK Atlas',
};

describe('Trends export items', () => {
  const two = input([panel('Quỹ huy động (đồng)', [1, null, 3]), panel('Hộ được hỗ trợ', [4, 5, 6])]);

  it('gives the whole chart and one item per panel, without brush or zoom slider', () => {
    const items = trendsExportItems(two, 'Xu hướng', lightTheme);
    expect(items.map((i) => [i.id, i.title])).toEqual([
      ['trends-chart', 'Xu hướng'],
      ['trends-panel-0', 'Quỹ huy động (đồng)'],
      ['trends-panel-1', 'Hộ được hỗ trợ'],
    ]);
    for (const i of items) {
      const o = i.option as Loose;
      expect(o.brush).toBeUndefined();
      expect(o.dataZoom).toBeUndefined();
    }
    // The whole chart keeps its panel titles; a single panel's title is the item's title instead.
    expect((items[0]!.option as Loose).title).toHaveLength(2);
    expect((items[1]!.option as Loose).title).toBeUndefined();
    // The on-screen option of the same input does have brush and zoom (the export removed them).
    const screen = seriesChartOption(two, lightTheme) as Loose;
    expect(screen.brush).toBeDefined();
    expect(screen.dataZoom).toBeDefined();
  });

  it('draws each panel as a native line chart in the deck; gaps become 0', () => {
    const items = trendsExportItems(two, 'Xu hướng', lightTheme);
    expect(nativeChartOf(items[1]!.option)).toEqual({
      type: 'line',
      horizontal: false,
      stacked: false,
      labels: ['01/2025', '02/2025', '03/2025'],
      series: [{ name: 'Tất cả', values: [1, 0, 3] }],
    });
    // Several grids cannot be one PowerPoint chart: the whole chart goes as a picture.
    expect(nativeChartOf(items[0]!.option)).toBeNull();
  });

  it('a single panel is the whole chart: one item, titled with both', () => {
    const items = trendsExportItems(input([panel('Quỹ', [1, 2, 3])]), 'Xu hướng', lightTheme);
    expect(items.map((i) => [i.id, i.title])).toEqual([['trends-panel-0', 'Xu hướng: Quỹ']]);
  });

  it('fits every panel row on the 16:9 page under the largest export frame', () => {
    for (const n of [1, 2, 3, 4, 5, 8, 9, 12, 24]) {
      const columns = exportColumns(n);
      const rows = Math.ceil(n / columns);
      const h = exportPanelHeight(rows);
      expect(h).toBeGreaterThanOrEqual(40);
      const { header, footer } = frameHeights(meta, PROJECTOR_LOOK, EXPORT_SIZE.width);
      // Legend, then rows of (title + plot + axis labels), inside the frame.
      const used = header + LEGEND_H + rows * (h + 36) + footer;
      if (rows <= 6) expect(used).toBeLessThanOrEqual(EXPORT_SIZE.height);
    }
    expect(exportColumns(1)).toBe(1);
    expect(exportColumns(4)).toBe(2);
    expect(exportColumns(24)).toBe(4);
  });

  it('the frame moves panel titles down with their grids', () => {
    const whole = trendsExportItems(two, 'Xu hướng', lightTheme)[0]!.option;
    const before = (whole as Loose).title as { top: number; text: string }[];
    const o = decorateOption(whole, meta, PROJECTOR_LOOK) as Loose;
    const titles = o.title as { top: number; text: string }[];
    const { header } = frameHeights(meta, PROJECTOR_LOOK, EXPORT_SIZE.width);
    expect(titles[0]).toMatchObject({ text: meta.title, subtext: meta.subtitle });
    expect(titles.slice(1).map((t) => [t.text, t.top])).toEqual(before.map((t) => [t.text, t.top + header]));
  });
});

describe('map export', () => {
  const screen = {
    geo: { map: 'units', layoutCenter: ['50%', '50%'], layoutSize: '95%', roam: true },
    series: [],
  } as unknown as ChartOption;
  const legend = [
    { color: '#fff', label: '0 – 10 mô hình (3 phường/xã)' },
    { color: '#000', label: 'Điểm mô hình', shape: 'dot' as const },
  ];

  it('draws the legend in the picture and keeps the map clear of it', () => {
    const o = mapExportOption(screen, 'Số mô hình', legend) as Loose;
    expect((o.geo as Loose).right).toBe(LEGEND_WIDTH);
    const group = (o.graphic as Loose[])[0] as { children: Loose[] };
    const texts = group.children.filter((c) => c.type === 'text').map((c) => (c.style as Loose).text);
    expect(texts).toEqual(['Số mô hình', ...legend.map((l) => l.label)]);
    expect(group.children.filter((c) => c.type === 'circle')).toHaveLength(1);
    // The screen option is untouched.
    expect((screen as Loose).graphic).toBeUndefined();
  });

  it('the frame fits the map between header and footer and keeps the legend beside the footer', () => {
    const o = decorateOption(mapExportOption(screen, 'Số mô hình', legend), meta, PROJECTOR_LOOK) as Loose;
    const geo = o.geo as Loose;
    const { header, footer } = frameHeights(meta, PROJECTOR_LOOK, EXPORT_SIZE.width);
    expect(geo.layoutCenter).toBeUndefined();
    expect(geo.layoutSize).toBeUndefined();
    expect(geo).toMatchObject({ map: 'units', top: header + 8, bottom: footer + 8, right: LEGEND_WIDTH });
    const graphic = o.graphic as Loose[];
    expect(graphic).toHaveLength(2);
    expect(graphic[0]?.type).toBe('group');
    expect((graphic[1]?.style as Loose).text).toBe('Số liệu đến 12/2025 · Nguồn: DVK Atlas');
  });
});

const rankRow = (over: Partial<RankRow>): RankRow => ({
  rank: 1,
  score: 87.5,
  peer: 'An sinh xã hội',
  modelId: 'M001',
  name: 'Bếp ăn 0 đồng',
  unitCode: 'P01',
  unitName: 'Phường Bến Thành',
  unitType: 'ward',
  field: 'An sinh xã hội',
  sponsor: null,
  status: null,
  startDate: null,
  parts: [],
  flagCodes: [],
  flags: [],
  ...over,
});

describe('list tables', () => {
  const words = {
    rank: 'Hạng',
    score: 'Điểm',
    modelId: 'Mã mô hình',
    name: 'Mô hình',
    unit: 'Phường/Xã',
    field: 'Lĩnh vực',
    peer: 'Nhóm so sánh',
    flags: 'Cờ',
    flag: (c: string) => `cờ ${c}`,
  };

  it('ranked rows keep numbers as numbers and spell flags out', () => {
    const t = rankTableData(
      [
        rankRow({}),
        rankRow({
          rank: 2,
          score: 40,
          modelId: 'M002',
          name: '=HYPERLINK("x")',
          unitName: null,
          flagCodes: ['spike', 'identical_run'],
        }),
      ],
      words,
    );
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['Hạng', 'number'],
      ['Điểm', 'number'],
      ['Mã mô hình', 'text'],
      ['Mô hình', 'text'],
      ['Phường/Xã', 'text'],
      ['Lĩnh vực', 'text'],
      ['Nhóm so sánh', 'text'],
      ['Cờ', 'text'],
    ]);
    expect(t.rows).toEqual([
      [1, 87.5, 'M001', 'Bếp ăn 0 đồng', 'Phường Bến Thành', 'An sinh xã hội', 'An sinh xã hội', null],
      // Formula-like text stays as typed here: the engine's export.table neutralises it in the file.
      [
        2,
        40,
        'M002',
        '=HYPERLINK("x")',
        null,
        'An sinh xã hội',
        'An sinh xã hội',
        'cờ spike; cờ identical_run',
      ],
    ]);
  });

  it('shortlist rows carry status words, owner and the newest note', () => {
    const entry: ShortlistEntry = {
      modelId: 'M007',
      status: 'approved',
      owner: '',
      added: '2026-01-01',
      updated: '2026-01-02',
      name: 'Tổ tự quản',
      unitCode: 'P02',
      unitName: 'Phường 2',
      field: 'An ninh trật tự',
      sponsor: null,
      notes: [
        { note: 'Mới nhất', author: null, created: '2026-01-02' },
        { note: 'Cũ', author: null, created: '2026-01-01' },
      ],
    };
    const t = shortlistTableData([entry, { ...entry, modelId: 'M008', name: null, notes: [] }], {
      modelId: 'Mã',
      name: 'Tên',
      unit: 'Phường/Xã',
      field: 'Lĩnh vực',
      status: 'Trạng thái',
      owner: 'Người phụ trách',
      note: 'Ghi chú',
      statusLabel: (s) => `[${s}]`,
    });
    expect(t.rows).toEqual([
      ['M007', 'Tổ tự quản', 'Phường 2', 'An ninh trật tự', '[approved]', null, 'Mới nhất'],
      ['M008', null, 'Phường 2', 'An ninh trật tự', '[approved]', null, null],
    ]);
  });
});

describe('print width', () => {
  it('is the A4 landscape printable width less the card around the chart', () => {
    expect(PRINT_PAGE_WIDTH_PX).toBe(1031);
    expect(printWidth(600, 640)).toBe(PRINT_PAGE_WIDTH_PX - 40);
    expect(printWidth(600, null)).toBe(PRINT_PAGE_WIDTH_PX);
    expect(printWidth(600, 500)).toBe(PRINT_PAGE_WIDTH_PX);
  });
});
