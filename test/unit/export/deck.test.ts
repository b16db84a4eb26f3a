import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDeck, type DeckSlide } from '../../../renderer/src/export/deck';
import { nativeChartOf } from '../../../renderer/src/export/native-chart';
import { categoryBarOption } from '../../../renderer/src/charts/options/category-bar';
import { lightTheme } from '../../../renderer/src/charts/theme';
import { unzip } from '../../helpers/unzip';

/** A valid 4×3 PNG (red), built here so the picture slide has real image bytes. */
function tinyPng(): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc(td), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(3, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.concat(
    Array.from({ length: 3 }, () => Buffer.from([0, ...Array(4).fill([255, 0, 0]).flat()])),
  );
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

const option = categoryBarOption(
  [
    { key: 'An sinh xã hội', label: 'An sinh xã hội', value: 12 },
    { key: 'Chỉnh trang đô thị', label: 'Chỉnh trang đô thị', value: 7 },
  ],
  lightTheme,
  'vi',
  (k) => k,
  { unit: 'mô hình' },
);

const slides: DeckSlide[] = [
  {
    title: 'Mô hình theo lĩnh vực',
    subtitle: 'Bộ lọc: Phường/Xã: Phường Bến Nghé',
    notes: 'Ghi chú: số liệu đến 12/2025',
    chart: nativeChartOf(option),
  },
  {
    title: 'Bản đồ mật độ',
    subtitle: 'Không lọc',
    notes: 'Ảnh',
    image: { dataUrl: tinyPng(), width: 4, height: 3 },
  },
  {
    title: 'Danh sách mô hình',
    subtitle: 'Không lọc',
    notes: 'Bảng',
    table: {
      columns: [
        { name: 'Tên mô hình', kind: 'text' },
        { name: 'Kinh phí', kind: 'number', unit: 'đồng' },
      ],
      rows: [
        ['“Ngày Chủ nhật xanh” ở Thủ Đức', 1_500_000],
        ['=cmd', -3],
      ],
    },
  },
];

describe('slide deck', () => {
  it('builds a 16:9 deck: a title slide plus one slide per item, with native chart, picture and table', async () => {
    const bytes = await buildDeck(slides, {
      title: 'DVK Atlas — Tổng quan',
      subtitle: 'Bộ lọc: Không lọc',
      dataDate: 'Số liệu đến 12/2025',
      source: 'Nguồn: DVK Atlas',
      lang: 'vi',
    });
    const zip = unzip(bytes);
    const slideNames = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slideNames).toHaveLength(slides.length + 1);

    const pres = zip.get('ppt/presentation.xml')!.toString('utf8');
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pres);
    expect(Number(size?.[1]) / Number(size?.[2])).toBeCloseTo(16 / 9, 2);

    const xml = (i: number) => zip.get(`ppt/slides/slide${i}.xml`)!.toString('utf8');
    expect(xml(1)).toContain('DVK Atlas — Tổng quan');
    expect(xml(2)).toContain('Mô hình theo lĩnh vực');
    expect(xml(2)).toContain('Bộ lọc: Phường/Xã: Phường Bến Nghé');
    expect(xml(4)).toContain('“Ngày Chủ nhật xanh” ở Thủ Đức');
    // Table text is guarded against formula injection like every other export.
    expect(xml(4)).toContain('&apos;=cmd');

    const charts = [...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const chartXml = zip.get(charts[0]!)!.toString('utf8');
    expect(chartXml).toContain('<c:barChart>');
    expect(chartXml).toContain('Chỉnh trang đô thị');
    expect([...zip.keys()].some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true);

    const notes = [...zip.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBeGreaterThanOrEqual(slides.length);
    expect(notes.map((n) => zip.get(n)!.toString('utf8')).join('')).toContain('Ghi chú: số liệu đến 12/2025');
  });
});
