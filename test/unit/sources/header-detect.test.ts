import { describe, expect, it } from 'vitest';
import {
  buildHeaders,
  cellKind,
  detectHeader,
  isColumnNumberingRow,
} from '../../../electron/engine/import/sources/header-detect';

const MODELS_HEADER = ['STT', 'Mã mô hình', 'Tên mô hình', 'Phường/Xã', 'Lĩnh vực', 'Ngày bắt đầu'];
const dataRow = (i: number): string[] => [
  String(i),
  `MH${String(i).padStart(3, '0')}`,
  `Mô hình ${i}`,
  'Phường Sài Gòn',
  'An sinh xã hội',
  '01/03/2024',
];

describe('cellKind', () => {
  it('classifies numbers, dates, titles, sentences and labels', () => {
    expect(cellKind('')).toBe('empty');
    expect(cellKind('  ')).toBe('empty');
    expect(cellKind('1.234.567')).toBe('number');
    expect(cellKind('12,5')).toBe('number');
    expect(cellKind('1.234.567 đồng')).toBe('number');
    expect(cellKind('45%')).toBe('number');
    expect(cellKind('15/03/2024')).toBe('date');
    expect(cellKind('2024-03-15')).toBe('date');
    expect(cellKind('ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN')).toBe('title');
    expect(cellKind('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe('title');
    expect(cellKind('BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO')).toBe('title');
    expect(cellKind('TP. Hồ Chí Minh, ngày 15 tháng 3 năm 2025')).toBe('title');
    expect(
      cellKind('Số liệu được tổng hợp từ báo cáo của các phường xã trên địa bàn thành phố trong năm'),
    ).toBe('long');
    expect(cellKind('Tên mô hình')).toBe('label');
    expect(cellKind('Kinh phí vận động (đồng)')).toBe('label');
  });
});

describe('detectHeader', () => {
  it('finds a header on row 1', () => {
    const g = detectHeader([MODELS_HEADER, dataRow(1), dataRow(2)]);
    expect(g).toEqual({ headerRow: 1, headerRows: 1, headers: MODELS_HEADER });
  });

  it('skips title rows and blank rows (header on row 5)', () => {
    const rows = [
      ['ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['', '', '', 'Độc lập - Tự do - Hạnh phúc'],
      ['BÁO CÁO TỔNG HỢP MÔ HÌNH DÂN VẬN KHÉO NĂM 2025'],
      [],
      MODELS_HEADER,
      dataRow(1),
      dataRow(2),
      dataRow(3),
    ];
    const g = detectHeader(rows);
    expect(g?.headerRow).toBe(5);
    expect(g?.headerRows).toBe(1);
    expect(g?.headers).toEqual(MODELS_HEADER);
  });

  it('skips a title merged over the whole width directly above the header', () => {
    const rows = [['DANH SÁCH MÔ HÌNH', '', '', '', '', ''], MODELS_HEADER, dataRow(1)];
    expect(detectHeader(rows)?.headerRow).toBe(2);
    expect(detectHeader(rows)?.headerRows).toBe(1);
  });

  it('skips a one-cell non-title caption above the header', () => {
    const rows = [['Danh mục mô hình năm 2025'], [], MODELS_HEADER, dataRow(1), dataRow(2)];
    expect(detectHeader(rows)?.headerRow).toBe(3);
  });

  it('joins a two-row header under a merged group cell', () => {
    const rows = [
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN'],
      [],
      ['STT', 'Mã MH', 'Tên mô hình', 'Kết quả thực hiện', '', '', 'Ghi chú'],
      ['', '', '', 'Số căn nhà xây mới', 'Số hộ được hỗ trợ', 'Kinh phí vận động (đồng)', ''],
      ['1', 'MH001', 'Mô hình A', '3', '12', '150.000.000', ''],
      ['2', 'MH002', 'Mô hình B', '1', '4', '20.000.000', 'x'],
    ];
    const g = detectHeader(rows);
    expect(g).toEqual({
      headerRow: 4,
      headerRows: 2,
      headers: [
        'STT',
        'Mã MH',
        'Tên mô hình',
        'Kết quả thực hiện / Số căn nhà xây mới',
        'Kết quả thực hiện / Số hộ được hỗ trợ',
        'Kết quả thực hiện / Kinh phí vận động (đồng)',
        'Ghi chú',
      ],
    });
  });

  it('joins two-row headers with several groups and labels repeated in the lower row', () => {
    const rows = [
      ['STT', 'Tên mô hình', 'Năm 2024', '', 'Năm 2025', ''],
      ['STT', 'Tên mô hình', 'Số hộ', 'Kinh phí', 'Số hộ', 'Kinh phí'],
      ['1', 'A', '3', '4', '5', '6'],
    ];
    const g = detectHeader(rows);
    expect(g?.headerRows).toBe(2);
    expect(g?.headers).toEqual([
      'STT',
      'Tên mô hình',
      'Năm 2024 / Số hộ',
      'Năm 2024 / Kinh phí',
      'Năm 2025 / Số hộ',
      'Năm 2025 / Kinh phí',
    ]);
  });

  it('does not take the first data row as a lower header row', () => {
    const rows = [
      ['Mã', 'Tên', 'Chỉ tiêu', '', ''],
      ['MH01', 'Mô hình A', '5', '10', '20'],
    ];
    const g = detectHeader(rows);
    expect(g?.headerRow).toBe(1);
    expect(g?.headerRows).toBe(1);
    expect(g?.headers).toEqual(['Mã', 'Tên', 'Chỉ tiêu', '', '']);
  });

  it('extends the headers to data wider than the header', () => {
    const g = detectHeader([
      ['Mã', 'Tên'],
      ['MH01', 'A', 'ghi chú lạc'],
    ]);
    expect(g?.headers).toEqual(['Mã', 'Tên', '']);
  });

  it('collapses line breaks and spaces inside header cells and normalises to NFC', () => {
    const nfd = 'Tên mô hình'.normalize('NFD');
    const g = detectHeader([
      ['Số hộ\n(hộ)', `  ${nfd} `],
      ['1', 'A'],
    ]);
    expect(g?.headers).toEqual(['Số hộ (hộ)', 'Tên mô hình']);
  });

  it('returns null for a sheet with only a title', () => {
    expect(detectHeader([['BÁO CÁO TỔNG HỢP'], [], ['(Kèm theo Công văn số 12/UBND)']])).toBeNull();
    expect(detectHeader([['Danh mục mô hình dân vận khéo']])).toBeNull();
  });

  it('returns null for an empty matrix and for numbers only', () => {
    expect(detectHeader([])).toBeNull();
    expect(detectHeader([[], ['', '']])).toBeNull();
    expect(
      detectHeader([
        ['1', '2', '3'],
        ['4', '5', '6'],
      ]),
    ).toBeNull();
  });

  it('accepts a header-only table', () => {
    expect(detectHeader([MODELS_HEADER])?.headerRow).toBe(1);
  });

  it('handles a header made of periods through the relaxed rule', () => {
    const g = detectHeader([
      ['Mã MH', '2023', '2024', '2025'],
      ['MH01', '1', '2', '3'],
    ]);
    expect(g?.headerRow).toBe(1);
    expect(g?.headers).toEqual(['Mã MH', '2023', '2024', '2025']);
  });

  it('handles a one-column list', () => {
    expect(detectHeader([['Mã phường'], ['26734'], ['26737']])?.headerRow).toBe(1);
  });

  it('ignores a header further down than 30 rows', () => {
    const rows: string[][] = Array.from({ length: 35 }, () => ['ghi chú']);
    rows.push(MODELS_HEADER, dataRow(1));
    expect(detectHeader(rows)).toBeNull();
  });
});

describe('buildHeaders', () => {
  it('takes the upper cell where the lower one is empty (vertical merge)', () => {
    const rows = [
      ['STT', 'Nội dung', 'Kết quả', ''],
      ['', '', 'Số lượng', 'Đơn vị tính'],
    ];
    expect(buildHeaders(rows, 2, 2)).toEqual([
      'STT',
      'Nội dung',
      'Kết quả / Số lượng',
      'Kết quả / Đơn vị tính',
    ]);
  });

  it('uses only the lower name when the group covers one column', () => {
    expect(
      buildHeaders(
        [
          ['Kinh phí', 'Ghi chú'],
          ['Đồng', ''],
        ],
        2,
        2,
      ),
    ).toEqual(['Đồng', 'Ghi chú']);
  });

  it('pads to the width asked for', () => {
    expect(buildHeaders([['A']], 1, 1, 3)).toEqual(['A', '', '']);
  });
});

describe('isColumnNumberingRow', () => {
  it('recognises (1) (2) (3) and A B 1 2 rows', () => {
    expect(isColumnNumberingRow(['(1)', '(2)', '(3)', '(4)'])).toBe(true);
    expect(isColumnNumberingRow(['A', 'B', '1', '2', '3'])).toBe(true);
    expect(isColumnNumberingRow(['1', 'MH001', 'Mô hình', '3'])).toBe(false);
    expect(isColumnNumberingRow(['1', '2'])).toBe(false);
  });
});

describe('detectHeader: more two-row shapes', () => {
  it('accepts a group row without vertical merges when numbers sit below the group labels', () => {
    const rows = [
      ['', '', 'Kết quả thực hiện', '', ''],
      ['STT', 'Tên mô hình', 'Số hộ', 'Kinh phí', 'Số người'],
      ['1', 'Mô hình A', '3', '1.000.000', '20'],
    ];
    const g = detectHeader(rows);
    expect(g?.headerRow).toBe(2);
    expect(g?.headerRows).toBe(2);
    expect(g?.headers).toEqual([
      'STT',
      'Tên mô hình',
      'Kết quả thực hiện / Số hộ',
      'Kết quả thực hiện / Kinh phí',
      'Kết quả thực hiện / Số người',
    ]);
  });

  it('keeps a single header when text data is wider than the header', () => {
    const rows = [
      ['Mã', 'Tên'],
      ['MH01', 'Mô hình A', 'ghi chú'],
      ['MH02', 'Mô hình B', 'ghi chú'],
    ];
    expect(detectHeader(rows)?.headerRows).toBe(1);
  });
});
