import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {
  VIETNAMESE_LETTERS,
  decodeLegacyVietnamese,
  decodeTcvn3,
  decodeVni,
  detectLegacyVietnamese,
  encodeTcvn3,
  encodeVni,
  legacyBytesToString,
  legacyStringToBytes,
} from '../../../shared/legacy-encoding';
import { FIELDS, INDICATORS, RECOGNITIONS, SPONSORS, STATUSES } from '../../../shared/catalog';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Real phrases: DATA.md examples and the built-in catalogue. */
const PHRASES: readonly string[] = [
  'Hội Liên hiệp Phụ nữ',
  'Đường giao thông',
  'Ủy ban MTTQ Việt Nam',
  'Thành phố Hồ Chí Minh',
  'Kinh phí vận động (đồng)',
  'Phường Sài Gòn',
  'Xã Bình Chánh',
  'Đặc khu Côn Đảo',
  'Tổng cộng',
  'ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN',
  'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN MÔ HÌNH DÂN VẬN KHÉO NĂM 2025',
  'Số căn nhà xây mới, sửa chữa',
  'Số người dân hưởng lợi',
  'Mã mô hình; Tên mô hình; Phường/Xã; Lĩnh vực; Cơ quan chủ trì; Ngày bắt đầu; Tình trạng',
  'Ở đây, Ông Ấn và Ổn định; Ước mơ của Ưng; Ý kiến; Ỷ lại; Ỳ ạch; Ỹ; Ỵ',
  'Nguyễn Thị Ánh Tuyết, khu phố 3, ấp Mỹ Hòa, huyện Hóc Môn',
  ...INDICATORS.map((i) => i.name_vi),
  ...FIELDS.map((f) => f.name_vi),
  ...SPONSORS,
  ...STATUSES,
  ...RECOGNITIONS,
];

describe('byte ⇄ string conventions', () => {
  it('decodes bytes as Windows-1252, undefined bytes as their C1 controls (the WHATWG mapping)', () => {
    const text = legacyBytesToString(ALL_BYTES);
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    for (let b = 0; b < 256; b++) {
      const expected = undefinedBytes.includes(b)
        ? String.fromCharCode(b)
        : iconv.decode(Buffer.from([b]), 'win1252');
      expect(text.charAt(b), `byte 0x${b.toString(16)}`).toBe(expected);
    }
    expect(text.slice(0x80, 0x88)).toBe('€\u0081‚ƒ„…†‡');
  });

  it('maps Windows-1252 and Latin-1 decodings back to the same bytes', () => {
    expect([...legacyStringToBytes(legacyBytesToString(ALL_BYTES))]).toEqual([...ALL_BYTES]);
    expect([...legacyStringToBytes(Buffer.from(ALL_BYTES).toString('latin1'))]).toEqual([...ALL_BYTES]);
  });

  it('writes characters outside Windows-1252 as ?', () => {
    expect([...legacyStringToBytes('aư')]).toEqual([0x61, 0x3f]);
  });
});

describe('the letter inventory', () => {
  it('has the 134 distinct Vietnamese letters with diacritics, half lower and half upper case', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134);
    expect(VIETNAMESE_LETTERS.slice(0, 67).every((c) => c === c.toLowerCase())).toBe(true);
    expect(VIETNAMESE_LETTERS.slice(67).every((c) => c === c.toUpperCase())).toBe(true);
    for (const c of 'ạảãàáâậầấẩẫăắằặẳẵđêếềểễệỉịĩìíỏọõòóôốồổỗộơớờởỡợụủũùúưứừửữựỳýỷỹỵ') {
      expect(VIETNAMESE_LETTERS).toContain(c);
    }
  });
});

describe('TCVN3 tables', () => {
  it('agree with iconv-lite TCVN 5712:1993 (VN1) on every byte in vn1 mode', () => {
    for (let b = 0; b < 256; b++) {
      if (b >= 0x20 && b < 0x80) continue;
      const expected = iconv.decode(Buffer.from([b]), 'tcvn').normalize('NFC');
      const got = decodeTcvn3(legacyBytesToString(Uint8Array.of(b)), { mode: 'vn1' });
      expect(got, `byte 0x${b.toString(16)}`).toBe(expected);
    }
  });

  it('agree with iconv-lite when encoding every letter', () => {
    for (const c of VIETNAMESE_LETTERS) {
      const bytes = legacyStringToBytes(encodeTcvn3(c));
      expect(bytes.length, c).toBe(1);
      expect([...bytes], c).toEqual([...iconv.encode(c, 'tcvn')]);
    }
  });

  it('decode the examples from real files', () => {
    expect(decodeTcvn3('Ph\u00adêng')).toBe('Phường');
    expect(decodeTcvn3('Tæng céng')).toBe('Tổng cộng');
    expect(decodeTcvn3('Hå ChÝ Minh')).toBe('Hồ Chí Minh');
    expect(decodeTcvn3('Héi Liªn hiÖp Phô n÷')).toBe('Hội Liên hiệp Phụ nữ');
    expect(decodeTcvn3('§­êng giao th«ng')).toBe('Đường giao thông');
  });

  it('round-trip all 134 letters alone in vn1 mode', () => {
    for (const c of VIETNAMESE_LETTERS) expect(decodeTcvn3(encodeTcvn3(c), { mode: 'vn1' }), c).toBe(c);
  });

  it('round-trip all 134 letters inside a word in auto mode', () => {
    for (const c of VIETNAMESE_LETTERS) {
      const word = c === c.toUpperCase() ? `B${c}N` : `b${c}n`;
      expect(decodeTcvn3(encodeTcvn3(word)), word).toBe(word);
    }
  });

  it('round-trip every catalogue and DATA.md phrase in auto mode', () => {
    for (const p of PHRASES) expect(decodeTcvn3(encodeTcvn3(p)), p).toBe(p);
  });

  it('keep Windows punctuation outside words in auto mode', () => {
    expect(decodeTcvn3('\u201cTæ tù qu¶n\u201d \u2013 Ph\u00adêng \u2026 \u2022 \u2018a\u2019')).toBe(
      '\u201cTổ tự quản\u201d \u2013 Phường \u2026 \u2022 \u2018a\u2019',
    );
    expect(decodeTcvn3('Kinh tÕ \u2013 n«ng nghiÖp s¹ch')).toBe('Kinh tế \u2013 nông nghiệp sạch');
  });

  it('turn punctuation codes into capitals inside all-caps words in auto mode', () => {
    expect(decodeTcvn3(encodeTcvn3('HỘI NGỌC HỌ'))).toBe('HỘI NGỌC HỌ');
    expect(decodeTcvn3('H\u2014I')).toBe('HỘI');
  });

  it('leave punctuation codes as they are in vn3 mode and decode them as capitals in vn1 mode', () => {
    expect(decodeTcvn3('a \u2013 b', { mode: 'vn3' })).toBe('a \u2013 b');
    expect(decodeTcvn3('a \u2013 b', { mode: 'vn1' })).toBe('a Ọ b');
    expect(decodeTcvn3('\u017ey', { mode: 'vn3' })).toBe('\u017ey');
  });

  it('accept Latin-1 C1 controls for the bytes 0x80–0x9F', () => {
    const latin1 = Buffer.from(legacyStringToBytes(encodeTcvn3('ỦY BAN ỞĐÂY'))).toString('latin1');
    expect(decodeTcvn3(latin1)).toBe('ỦY BAN ỞĐÂY');
  });

  it('restore capitals of all-caps text typed with lower-case codes (.VnTimeH)', () => {
    const caps = encodeTcvn3('THÀNH PHỐ HỒ CHÍ MINH', { capitals: 'lowercase' });
    expect(caps).toBe('TH\u00b5NH PH\u00e8 H\u00e5 CH\u00dd MINH');
    expect(decodeTcvn3(caps)).toBe('THÀNH PHỐ HỒ CHÍ MINH');
    expect(decodeTcvn3(caps, { restoreCase: false })).toBe('THàNH PHố Hồ CHí MINH');
    expect(decodeTcvn3('TæNG CéNG')).toBe('TỔNG CỘNG');
    expect(decodeTcvn3('\u00f1Y')).toBe('ỦY');
  });

  it('keep title case and per-cell case when restoring capitals', () => {
    expect(decodeTcvn3('Hå')).toBe('Hồ');
    expect(decodeTcvn3('MH001;Hå ChÝ Minh;TæNG')).toBe('MH001;Hồ Chí Minh;TỔNG');
  });

  it('cannot recover a toned capital typed with a lower-case code at the start of a title-case word', () => {
    expect(decodeTcvn3(encodeTcvn3('Ủy ban', { capitals: 'lowercase' }))).toBe('ủy ban');
  });

  it('leave ASCII and U+FFFD untouched', () => {
    expect(decodeTcvn3('Hello, world 123!')).toBe('Hello, world 123!');
    expect(decodeTcvn3('a\ufffdb')).toBe('a\ufffdb');
  });

  it('round-trip random text of Vietnamese letters and ASCII in vn1 mode', () => {
    const alphabet = [
      ...VIETNAMESE_LETTERS,
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()-/',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        expect(decodeTcvn3(encodeTcvn3(s), { mode: 'vn1' })).toBe(s);
      }),
    );
  });
});

describe('VNI tables', () => {
  it('decode the examples from real files', () => {
    expect(decodeVni('Phöôøng')).toBe('Phường');
    expect(decodeVni('Toång coäng')).toBe('Tổng cộng');
    expect(decodeVni('Vieät Nam')).toBe('Việt Nam');
    expect(decodeVni('Hoà Chí Minh')).toBe('Hồ Chí Minh');
  });

  it('use the documented mark bytes', () => {
    const expected: Record<string, string> = {
      á: 'aù',
      à: 'aø',
      ả: 'aû',
      ã: 'aõ',
      ạ: 'aï',
      â: 'aâ',
      ă: 'aê',
      ấ: 'aá',
      ầ: 'aà',
      ẩ: 'aå',
      ẫ: 'aã',
      ậ: 'aä',
      ắ: 'aé',
      ằ: 'aè',
      ẳ: 'aú',
      ẵ: 'aü',
      ặ: 'aë',
      ư: 'ö',
      ơ: 'ô',
      đ: 'ñ',
      Đ: 'Ñ',
      í: 'í',
      ì: 'ì',
      ỉ: 'æ',
      ĩ: 'ó',
      ị: 'ò',
      ỵ: 'î',
      ứ: 'öù',
      ợ: 'ôï',
      Ấ: 'AÁ',
      Ư: 'Ö',
      Ờ: 'ÔØ',
      Ỵ: 'Î',
      Ĩ: 'Ó',
    };
    for (const [ch, seq] of Object.entries(expected)) expect(encodeVni(ch), ch).toBe(seq);
  });

  it('round-trip all 134 letters alone and inside words', () => {
    for (const c of VIETNAMESE_LETTERS) {
      expect(decodeVni(encodeVni(c)), c).toBe(c);
      expect(decodeVni(encodeVni(`b${c}n ${c}${c}`)), c).toBe(`b${c}n ${c}${c}`);
    }
  });

  it('round-trip every catalogue and DATA.md phrase', () => {
    for (const p of PHRASES) expect(decodeVni(encodeVni(p)), p).toBe(p);
  });

  it('accept a mark in the other case than its base letter', () => {
    expect(decodeVni('Aù')).toBe('Á');
    expect(decodeVni('aÙ')).toBe('á');
    expect(decodeVni('yï')).toBe('ỵ');
  });

  it('leave marks that fit no letter as they are', () => {
    expect(decodeVni('tù')).toBe('tù');
    expect(decodeVni('Hello 123')).toBe('Hello 123');
  });

  it('round-trip random text of Vietnamese letters and ASCII', () => {
    const alphabet = [
      ...VIETNAMESE_LETTERS,
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()-/',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const s = chars.join('');
        expect(decodeVni(encodeVni(s))).toBe(s);
      }),
    );
  });

  it('survive a trip through real bytes', () => {
    const p = 'Ủy ban MTTQ Việt Nam';
    const bytes = legacyStringToBytes(encodeVni(p));
    expect(decodeVni(new TextDecoder('windows-1252').decode(bytes))).toBe(p);
    expect(decodeLegacyVietnamese(legacyBytesToString(bytes), 'vni')).toBe(p);
    expect(decodeLegacyVietnamese(encodeTcvn3(p), 'tcvn3')).toBe(p);
  });
});

describe('detectLegacyVietnamese', () => {
  it('recognises the brief examples', () => {
    expect(detectLegacyVietnamese('Ph\u00adêng').encoding).toBe('tcvn3');
    expect(detectLegacyVietnamese('Tæng céng').encoding).toBe('tcvn3');
    expect(detectLegacyVietnamese('Hå ChÝ Minh').encoding).toBe('tcvn3');
    expect(detectLegacyVietnamese('Phöôøng').encoding).toBe('vni');
    expect(detectLegacyVietnamese('Toång coäng').encoding).toBe('vni');
  });

  it('recognises every multi-word phrase in both encodings', () => {
    for (const p of PHRASES.filter((x) => x.split(' ').length >= 3)) {
      expect(detectLegacyVietnamese(encodeTcvn3(p)).encoding, `tcvn3: ${p}`).toBe('tcvn3');
      expect(detectLegacyVietnamese(encodeVni(p)).encoding, `vni: ${p}`).toBe('vni');
    }
  });

  it('is confident on a whole file', () => {
    const file = PHRASES.join('\n');
    const t = detectLegacyVietnamese(encodeTcvn3(file));
    expect(t.encoding).toBe('tcvn3');
    expect(t.confidence).toBeGreaterThan(0.8);
    const v = detectLegacyVietnamese(encodeVni(file));
    expect(v.encoding).toBe('vni');
    expect(v.confidence).toBeGreaterThan(0.8);
    expect(v.alternatives).toEqual([]);
  });

  it('returns null for Unicode Vietnamese, even when it only uses Latin-1 letters', () => {
    for (const p of [...PHRASES, 'Cà phê', 'Tô', 'Bà Rịa', 'Sài Gòn']) {
      expect(detectLegacyVietnamese(p), p).toEqual({ encoding: null, confidence: 0, alternatives: [] });
    }
  });

  it('returns null for ASCII, empty text and other Latin-1 languages', () => {
    for (const s of [
      '',
      'Hello world',
      'Mo hinh Dan van kheo 2025',
      'Café crème brûlée',
      'Straße',
      'Año nuevo',
    ]) {
      expect(detectLegacyVietnamese(s).encoding, s).toBeNull();
    }
  });

  it('keeps confidence within [0, 1] and never lists the chosen encoding as an alternative', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const d = detectLegacyVietnamese(s);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        if (d.encoding) expect(d.alternatives).not.toContain(d.encoding);
      }),
    );
  });
});
