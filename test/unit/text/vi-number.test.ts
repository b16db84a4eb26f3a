import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDecimalStyle, parseViNumber, parseViNumberDetailed } from '../../../shared/vi-number';

/** Curated cases shared in spirit with the SQL macro tests: [input, vi result, en result]. */
const CASES: readonly (readonly [string, number | null, number | null])[] = [
  ['1.234.567', 1234567, 1234567],
  ['12,5', 12.5, 12.5],
  ['1.234.567,5 đồng', 1234567.5, 1234567.5],
  ['1,234,567.5', 1234567.5, 1234567.5],
  ['1,234,567', 1234567, 1234567],
  ['12.5', 12.5, 12.5],
  ['12.500', 12500, 12.5],
  ['12,500', 12.5, 12500],
  ['0.500', 0.5, 0.5],
  ['01.500', 1.5, 1.5],
  ['1234.567', 1234.567, 1234.567],
  ['(1.234)', -1234, -1.234],
  ['-1.234', -1234, -1.234],
  ['−5', -5, -5],
  ['+5', 5, 5],
  ['-0', 0, 0],
  ['1 234 567', 1234567, 1234567],
  ['1\u00a0234\u00a0567', 1234567, 1234567],
  ['1\u202f234,5', 1234.5, 1234.5],
  ['1 234.5', 1234.5, 1234.5],
  ['12,5%', 12.5, 12.5],
  ['12,5 %', 12.5, 12.5],
  ['VNĐ 1.000', 1000, 1],
  ['1.000.000 VND', 1000000, 1000000],
  ['₫1.000', 1000, 1],
  ['1.000đ', 1000, 1],
  ['1.000 ĐỒNG', 1000, 1],
  ['1.000 dong', 1000, 1],
  ['2 cây cầu', 2, 2],
  ['100 m2', 100, 100],
  ['250 kg', 250, 250],
  ['(1.234 đồng)', -1234, -1.234],
  ['007', 7, 7],
  [',5', 0.5, 0.5],
  ['.5', 0.5, 0.5],
  ['1.5E+06', 1500000, 1500000],
  ['1,5e3', 1500, 1500],
  ['  42  ', 42, 42],
  ['1.234,5', 1234.5, 1234.5],
  ['5,', null, null],
  ['1.000.', null, null],
  ['1,2.3', null, null],
  ['1.2.3', null, null],
  ['0.123.456', null, null],
  ['1.23.456', null, null],
  ['1 23', null, null],
  ['1.234-', null, null],
  ['abc', null, null],
  ['()', null, null],
  ['1e400', null, null],
];

describe('parseViNumber on curated export values', () => {
  it.each(CASES)('reads %j as %s (vi) and %s (en)', (input, vi, en) => {
    expect(parseViNumber(input)).toBe(vi);
    expect(parseViNumber(input, { style: 'vi' })).toBe(vi);
    expect(parseViNumber(input, { style: 'en' })).toBe(en);
  });

  it('passes finite numbers through and rejects non-finite ones', () => {
    expect(parseViNumber(12.345)).toBe(12.345);
    expect(parseViNumber(-0)).toBe(0);
    expect(Object.is(parseViNumber(-0), 0)).toBe(true);
    expect(parseViNumber(Number.NaN)).toBeNull();
    expect(parseViNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('returns null, never NaN, for blanks and placeholders', () => {
    for (const s of [
      null,
      undefined,
      '',
      '   ',
      '-',
      '–',
      '—',
      'x',
      'X',
      'N/A',
      'n/a',
      'NA',
      '...',
      '…',
      '?',
    ]) {
      expect(parseViNumber(s), String(s)).toBeNull();
    }
  });

  it('never returns NaN or an infinity for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseViNumber(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
    );
  });
});

describe('parseViNumberDetailed reasons', () => {
  it('distinguishes blank from placeholder', () => {
    expect(parseViNumberDetailed('')).toEqual({ value: null, reason: 'blank' });
    expect(parseViNumberDetailed(null)).toEqual({ value: null, reason: 'blank' });
    expect(parseViNumberDetailed(' - ')).toEqual({ value: null, reason: 'placeholder' });
    expect(parseViNumberDetailed('N/A')).toEqual({ value: null, reason: 'placeholder' });
  });

  it('reports Excel error values', () => {
    expect(parseViNumberDetailed('#DIV/0!').reason).toBe('excel-error');
    expect(parseViNumberDetailed('#N/A').reason).toBe('excel-error');
    expect(parseViNumberDetailed('#VALUE!').reason).toBe('excel-error');
  });

  it('refuses scale words instead of multiplying', () => {
    for (const s of ['12 triệu', '12 triệu đồng', '1,5 tỷ', '50k', '3 nghìn', '2 ngàn', '5tr']) {
      const r = parseViNumberDetailed(s);
      expect(r.value, s).toBeNull();
      expect(r.reason, s).toBe('scale-word');
      expect(r.detail).toContain(s);
    }
  });

  it('reports words that are not units', () => {
    for (const s of ['khoảng 100', '100 người/tháng', '1.000 đ/người', 'tổng 5', '12 abc']) {
      expect(parseViNumberDetailed(s).reason, s).toBe('unknown-unit');
    }
  });

  it('reports malformed numbers and out-of-range values', () => {
    expect(parseViNumberDetailed('1.2.3').reason).toBe('malformed');
    expect(parseViNumberDetailed('abc').reason).toBe('malformed');
    expect(parseViNumberDetailed('1e400').reason).toBe('not-finite');
    expect(parseViNumberDetailed(Number.NaN).reason).toBe('not-finite');
  });

  it('gives no reason for a parsed value', () => {
    expect(parseViNumberDetailed('1.234')).toEqual({ value: 1234 });
  });
});

describe('detectDecimalStyle', () => {
  it('defaults to vi, also with no evidence', () => {
    expect(detectDecimalStyle([])).toBe('vi');
    expect(detectDecimalStyle(['12', '', null, 5])).toBe('vi');
    expect(detectDecimalStyle(['12.500', '3.000'])).toBe('vi');
  });

  it('sees vi from comma decimals and dot thousands', () => {
    expect(detectDecimalStyle(['12,5', '12.500'])).toBe('vi');
    expect(detectDecimalStyle(['1.234.567', '1.000'])).toBe('vi');
    expect(detectDecimalStyle(['1.234,5 đồng'])).toBe('vi');
  });

  it('sees en from dot decimals and comma thousands', () => {
    expect(detectDecimalStyle(['12.500', '1,234.5'])).toBe('en');
    expect(detectDecimalStyle(['1,234,567', '12.500'])).toBe('en');
    expect(detectDecimalStyle(['12.5', '3.25'])).toBe('en');
    expect(detectDecimalStyle(['(1,234.50)', '-2,000.75'])).toBe('en');
  });

  it('reads a column of only comma-thousands values as en', () => {
    expect(detectDecimalStyle(['1,000', '25,000', '300,000'])).toBe('en');
  });

  it('lets unambiguous evidence outweigh ambiguous values', () => {
    expect(detectDecimalStyle(['1,000', '2,000', '12,5'])).toBe('vi');
  });
});

/** Format like a Vietnamese (dot thousands, comma decimals) or English export. */
function formatLike(v: number, style: 'vi' | 'en', digits: number, grouping: boolean): string {
  return new Intl.NumberFormat(style === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: grouping,
  }).format(v);
}

const amounts = fc.tuple(
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 999 }),
);

describe('round trips through export formatting', () => {
  it('parses any vi-formatted number back with the vi style', () => {
    fc.assert(
      fc.property(amounts, fc.boolean(), ([int, digits, frac], grouping) => {
        const v = Number((int + frac / 1000).toFixed(digits));
        const text = formatLike(v, 'vi', digits, grouping);
        expect(parseViNumber(text)).toBeCloseTo(v, 6);
      }),
    );
  });

  it('parses any en-formatted number back with the en style', () => {
    fc.assert(
      fc.property(amounts, fc.boolean(), ([int, digits, frac], grouping) => {
        const v = Number((int + frac / 1000).toFixed(digits));
        const text = formatLike(v, 'en', digits, grouping);
        expect(parseViNumber(text, { style: 'en' })).toBeCloseTo(v, 6);
      }),
    );
  });

  it('detects the style of a column with a decimal value and parses every value right', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        fc.array(fc.integer({ min: 1000, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        (style, ints) => {
          const column = [
            ...ints.map((n) => formatLike(n, style, 0, true)),
            formatLike(1234.5, style, 1, true),
          ];
          const detected = detectDecimalStyle(column);
          expect(detected).toBe(style);
          ints.forEach((n, i) => expect(parseViNumber(column[i], { style: detected })).toBe(n));
        },
      ),
    );
  });

  it('accepts known units and accounting negatives around any number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.constantFrom('', ' đồng', 'đ', ' VNĐ', '%', ' người', ' hồ sơ'),
        (n, unit) => {
          const text = formatLike(n, 'vi', 0, true);
          expect(parseViNumber(text + unit)).toBe(n);
          expect(parseViNumber(`(${text})${unit}`)).toBe(-n);
          expect(parseViNumber(`-${text}${unit}`)).toBe(-n);
        },
      ),
    );
  });
});
