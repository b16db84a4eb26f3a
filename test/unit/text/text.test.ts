import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanText,
  foldVi,
  isVietnameseSyllable,
  normaliseUnitName,
  searchKey,
  similarity,
} from '../../../shared/text';

describe('cleanText and foldVi keep their behaviour', () => {
  it('cleanText trims, collapses whitespace and NFC-normalises', () => {
    expect(cleanText('  Phu\u031bo\u031b\u0300ng \u00a0 Sài   Gòn ')).toBe('Phường Sài Gòn');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('foldVi lower-cases, removes diacritics and maps đ to d', () => {
    expect(foldVi('Cầu Đường')).toBe('cau duong');
    expect(foldVi('  HOÀ   Thuỷ ')).toBe('hoa thuy');
    expect(foldVi(null)).toBe('');
  });
});

describe('searchKey', () => {
  it('lets an undiacritised query find a diacritised name', () => {
    expect(searchKey('Đường giao thông')).toContain(searchKey('duong'));
  });

  it('collapses punctuation and symbols into single spaces', () => {
    expect(searchKey('Kinh tế – nông nghiệp sạch')).toBe('kinh te nong nghiep sach');
    expect(searchKey('P.1, Q.3')).toBe('p 1 q 3');
    expect(searchKey('  ...Hội (Liên-hiệp) Phụ nữ!! ')).toBe('hoi lien hiep phu nu');
  });

  it('is empty for null, blanks and pure punctuation', () => {
    expect(searchKey(null)).toBe('');
    expect(searchKey('   ')).toBe('');
    expect(searchKey('–/.,')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => searchKey(searchKey(s)) === searchKey(s)));
  });
});

describe('normaliseUnitName', () => {
  it('gives one key for the spellings of a numbered ward', () => {
    const forms = ['Phường 01', 'P.1', 'phuong 1', 'P1', 'P. 01', 'PHƯỜNG 1', 'p 1', 'Phường  1'];
    for (const f of forms) expect(normaliseUnitName(f), f).toEqual({ key: '1', type: 'phường' });
  });

  it('gives one key with and without the commune prefix', () => {
    expect(normaliseUnitName('Xã Bình Chánh')).toEqual({ key: 'binh chanh', type: 'xã' });
    expect(normaliseUnitName('X. Binh Chanh')).toEqual({ key: 'binh chanh', type: 'xã' });
    expect(normaliseUnitName('xa binh chanh')).toEqual({ key: 'binh chanh', type: 'xã' });
    expect(normaliseUnitName('Bình Chánh')).toEqual({ key: 'binh chanh' });
  });

  it('recognises the special zone, township, district and town prefixes', () => {
    expect(normaliseUnitName('Đặc khu Côn Đảo')).toEqual({ key: 'con dao', type: 'đặc khu' });
    expect(normaliseUnitName('Côn Đảo').key).toBe('con dao');
    expect(normaliseUnitName('Thị trấn Cần Thạnh')).toEqual({ key: 'can thanh', type: 'thị trấn' });
    expect(normaliseUnitName('TT. Cần Thạnh')).toEqual({ key: 'can thanh', type: 'thị trấn' });
    expect(normaliseUnitName('Quận 03')).toEqual({ key: '3', type: 'quận' });
    expect(normaliseUnitName('Q.3')).toEqual({ key: '3', type: 'quận' });
    expect(normaliseUnitName('Huyện Cần Giờ')).toEqual({ key: 'can gio', type: 'huyện' });
    expect(normaliseUnitName('Thị xã Bình Minh')).toEqual({ key: 'binh minh', type: 'thị xã' });
    expect(normaliseUnitName('Thành phố Thủ Đức')).toEqual({ key: 'thu duc', type: 'thành phố' });
    expect(normaliseUnitName('Phường Sài Gòn')).toEqual({ key: 'sai gon', type: 'phường' });
  });

  it('folds tone-mark placement variants together', () => {
    expect(normaliseUnitName('Phường Tân Hoà').key).toBe(normaliseUnitName('Tân Hòa').key);
    expect(normaliseUnitName('Xã Thuỷ An').key).toBe(normaliseUnitName('Thủy An').key);
  });

  it('keeps names whose first word only folds to a prefix', () => {
    expect(normaliseUnitName('Xà Phiên')).toEqual({ key: 'xa phien' });
    expect(normaliseUnitName('Quan Hóa')).toEqual({ key: 'quan hoa' });
    expect(normaliseUnitName('Phương Lâm')).toEqual({ key: 'phuong lam' });
  });

  it('does not strip a bare prefix with nothing after it', () => {
    expect(normaliseUnitName('Phường')).toEqual({ key: 'phuong' });
    expect(normaliseUnitName('P.')).toEqual({ key: 'p' });
  });

  it('removes leading zeros inside numbers but keeps a lone zero', () => {
    expect(normaliseUnitName('Phường 007').key).toBe('7');
    expect(normaliseUnitName('Khu phố 0').key).toBe('khu pho 0');
    expect(normaliseUnitName('Ấp 02A').key).toBe('ap 2a');
  });

  it('handles empty input', () => {
    expect(normaliseUnitName(null)).toEqual({ key: '' });
    expect(normaliseUnitName('  ')).toEqual({ key: '' });
  });

  it('is stable: normalising a key again gives the same key', () => {
    const names = fc.constantFrom('Phường 01', 'Xã Bình Chánh', 'Đặc khu Côn Đảo', 'P.7', 'Tân Hoà', 'Q.10');
    fc.assert(
      fc.property(names, (n) => normaliseUnitName(normaliseUnitName(n).key).key === normaliseUnitName(n).key),
    );
  });
});

describe('similarity', () => {
  it('is 1 for names equal up to case, diacritics and punctuation', () => {
    expect(similarity('Hội Liên hiệp Phụ nữ', 'hoi lien-hiep phu nu')).toBe(1);
    expect(similarity('', '')).toBe(1);
  });

  it('is 0 when exactly one side is empty and for disjoint strings', () => {
    expect(similarity('abc', '')).toBe(0);
    expect(similarity(null, 'abc')).toBe(0);
    expect(similarity('ab', 'xy')).toBe(0);
  });

  it('ranks a close variant above an unrelated name', () => {
    const a = 'Mô hình Tổ tự quản đường hẻm xanh';
    expect(similarity(a, 'Mô hình tổ tự quản hẻm xanh')).toBeGreaterThan(0.8);
    expect(similarity(a, 'Hội Cựu chiến binh')).toBeLessThan(0.3);
  });

  it('tolerates word order', () => {
    expect(similarity('Bình Chánh xã', 'xã Bình Chánh')).toBeGreaterThan(0.75);
  });

  it('is symmetric, bounded to [0, 1] and 1 on identical input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBe(s);
        expect(similarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('isVietnameseSyllable', () => {
  const valid = [
    'phường',
    'Nguyễn',
    'khuỷu',
    'giếng',
    'Hội',
    'Liên',
    'hiệp',
    'Phụ',
    'nữ',
    'Đường',
    'giao',
    'thông',
    'Ủy',
    'ban',
    'Việt',
    'Nam',
    'thành',
    'phố',
    'Hồ',
    'Chí',
    'Minh',
    'kinh',
    'phí',
    'vận',
    'động',
    'đồng',
    'quyết',
    'quốc',
    'Quỳnh',
    'nghiêng',
    'người',
    'hoà',
    'hòa',
    'thuở',
    'khuya',
    'oai',
    'xoong',
    'gì',
    'gìn',
    'giữ',
    'kỳ',
    'yêu',
    'ở',
    'ấy',
    'tuyết',
    'ngoằn',
    'HỘI',
    'a',
    'y',
  ];
  it.each(valid)('accepts %s', (w) => expect(isVietnameseSyllable(w)).toBe(true));

  const invalid = [
    'Ph\u00adêng',
    'tỉng',
    'céng',
    'xyz',
    'gha',
    'kan',
    'ngi',
    'mat',
    'màt',
    'hồ1',
    'Tæng',
    'ưu\u0301\u0300',
    'coọng',
    'quu',
    'ca phe',
    '',
    'wifi',
    'Ñang',
    'ñ',
    'Straße',
    'ã̀',
    'OCOP',
  ];
  it.each(invalid)('rejects %j', (w) => expect(isVietnameseSyllable(w)).toBe(false));

  it('accepts decomposed (NFD) input like its NFC form', () => {
    expect(isVietnameseSyllable('phường'.normalize('NFD'))).toBe(true);
  });
});
