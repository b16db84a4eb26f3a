import { describe, expect, it } from 'vitest';
import {
  codeKey,
  matchFeatures,
  nameKey,
  splitUnitReference,
  type MatchFeature,
  type MatchUnit,
} from '../../../shared/geo-match';

const UNITS: MatchUnit[] = [
  { code: '26734', name: 'Phường Sài Gòn', type: 'phường', province: 'Thành phố Hồ Chí Minh' },
  { code: '26737', name: 'Phường Tân Định', type: 'phường', province: 'Thành phố Hồ Chí Minh' },
  { code: '00101', name: 'Phường 1', type: 'phường', province: 'Thành phố Mẫu' },
  { code: '27541', name: 'Xã Bình Chánh', type: 'xã', province: 'Thành phố Hồ Chí Minh' },
  { code: '26911', name: 'Phường Bình Chánh', type: 'phường', province: 'Thành phố Cần Thơ' },
  { code: '31213', name: 'Phường Tân Lộc', type: 'phường', province: 'Thành phố Cần Thơ' },
  { code: '26965', name: 'Phường Hòa Hưng', type: 'phường', province: 'Thành phố Hồ Chí Minh' },
];

const f = (index: number, name: string | null, extra: Partial<MatchFeature> = {}): MatchFeature => ({
  index,
  name,
  ...extra,
});

describe('unit name and code keys', () => {
  it('"Phường 01", "P.1", "phuong 1", "P1" and "P. 01" are the same name', () => {
    const keys = ['Phường 01', 'P.1', 'phuong 1', 'P1', 'P. 01', 'PHƯỜNG 1'].map(nameKey);
    expect(new Set(keys)).toEqual(new Set(['1']));
  });

  it('diacritics, tone-mark placement and the Xã/X./Thị trấn/TT prefixes are ignored', () => {
    expect(nameKey('Xã Bình Chánh')).toBe('binh chanh');
    expect(nameKey('X. Binh Chanh')).toBe('binh chanh');
    expect(nameKey('Thị trấn Cần Thạnh')).toBe(nameKey('TT. Can Thanh'));
    expect(nameKey('Phường Hoà Hưng')).toBe(nameKey('Phường Hòa Hưng'));
  });

  it('codes that lost their leading zeros still meet', () => {
    expect(codeKey('00101')).toBe(codeKey('101'));
    expect(codeKey('101.0')).toBe(codeKey('0101'));
    expect(codeKey('26734')).not.toBe(codeKey('2673'));
  });
});

describe('matchFeatures', () => {
  it('matches by code first, even when the feature name says something else', () => {
    const r = matchFeatures([f(0, 'Tên cũ', { code: '26734' })], UNITS);
    expect(r.matched).toEqual([{ index: 0, unitCode: '26734', by: 'code' }]);
  });

  it('matches by normalised name when there is no code, with and without diacritics and prefixes', () => {
    const r = matchFeatures(
      [f(0, 'sai gon'), f(1, 'P. Tân Định'), f(2, 'Phường 01'), f(3, 'Phuong Hoa Hung')],
      UNITS,
    );
    expect(r.matched.map((m) => [m.index, m.unitCode, m.by])).toEqual([
      [0, '26734', 'name'],
      [1, '26737', 'name'],
      [2, '00101', 'name'],
      [3, '26965', 'name'],
    ]);
    expect(r.unmatchedFeatures).toEqual([]);
  });

  it('an alternative spelling of the name is accepted', () => {
    const r = matchFeatures([f(0, 'Phường Hưng Hòa', { altNames: ['Hoà Hưng'] })], UNITS);
    expect(r.matched).toEqual([{ index: 0, unitCode: '26965', by: 'name' }]);
  });

  it('the type prefix separates a phường from a xã with the same name; a bare name fitting both is ambiguous', () => {
    const r = matchFeatures([f(0, 'Xã Bình Chánh'), f(1, 'P. Bình Chánh'), f(2, 'Bình Chánh')], UNITS);
    expect(r.matched).toEqual([
      { index: 0, unitCode: '27541', by: 'name' },
      { index: 1, unitCode: '26911', by: 'name' },
    ]);
    expect(r.unmatchedFeatures).toHaveLength(1);
    expect(r.unmatchedFeatures[0]).toMatchObject({ index: 2, reason: 'ambiguous' });
    expect(r.unmatchedFeatures[0]?.candidates.map((c) => c.code).sort()).toEqual(['26911', '27541']);
  });

  it('the province settles a name two provinces share', () => {
    const r = matchFeatures([f(0, 'Bình Chánh', { province: 'TP Cần Thơ' })], UNITS);
    expect(r.matched).toEqual([{ index: 0, unitCode: '26911', by: 'name' }]);
  });

  it('a unit takes one feature: a code match wins over an earlier name match, the loser is a duplicate', () => {
    const r = matchFeatures([f(0, 'Sài Gòn'), f(1, 'whatever', { code: '26734' })], UNITS);
    expect(r.matched).toEqual([{ index: 1, unitCode: '26734', by: 'code' }]);
    expect(r.unmatchedFeatures[0]).toMatchObject({ index: 0, reason: 'duplicate' });
  });

  it('unmatched features get likely units by name similarity; features without code or name are no_key', () => {
    const r = matchFeatures([f(0, 'Phường Tân Đinh Mới'), f(1, null), f(2, 'Hoàn toàn khác')], UNITS);
    expect(r.matched).toEqual([]);
    const [a, b, c] = r.unmatchedFeatures;
    expect(a).toMatchObject({ index: 0, reason: 'no_match' });
    expect(a?.candidates[0]?.code).toBe('26737');
    expect(a?.candidates[0]?.score).toBeGreaterThan(0.5);
    expect(a?.candidates[0]?.score).toBeLessThan(1);
    expect(b).toMatchObject({ index: 1, reason: 'no_key', candidates: [] });
    expect(c?.candidates).toEqual([]);
  });

  it('unmatched units are listed with their likely features', () => {
    const r = matchFeatures([f(0, 'Phường Tân Đinh Mới')], UNITS);
    expect(r.unmatchedUnits.map((u) => u.code).sort()).toEqual(UNITS.map((u) => u.code).sort());
    const tanDinh = r.unmatchedUnits.find((u) => u.code === '26737');
    expect(tanDinh?.candidates.map((c) => c.index)).toEqual([0]);
  });

  it('a confirmed alias matches a name that matches nothing by itself', () => {
    const aliases = new Map([[nameKey('Phường Tân Đinh Mới'), '26737']]);
    const r = matchFeatures([f(0, 'phuong tan dinh moi')], UNITS, { aliases });
    expect(r.matched).toEqual([{ index: 0, unitCode: '26737', by: 'alias' }]);
  });

  it("a person's override beats the code, and null leaves the feature unmatched", () => {
    const overrides = new Map<number, string | null>([
      [0, '26737'],
      [1, null],
    ]);
    const r = matchFeatures([f(0, 'x', { code: '26734' }), f(1, 'Sài Gòn')], UNITS, { overrides });
    expect(r.matched).toEqual([{ index: 0, unitCode: '26737', by: 'confirmed' }]);
    expect(r.unmatchedFeatures.map((u) => u.index)).toEqual([1]);
  });

  it('an English type property does not block a match by name', () => {
    const r = matchFeatures([f(0, 'Tân Lộc', { type: 'ward' })], UNITS);
    expect(r.matched).toEqual([{ index: 0, unitCode: '31213', by: 'name' }]);
  });
});

describe('splitUnitReference', () => {
  it('splits the commune from its district in the ways old exports write it', () => {
    expect(splitUnitReference('Phường 1, Quận 3')).toEqual({ commune: 'Phường 1', district: 'Quận 3' });
    expect(splitUnitReference('Phường 1 - Quận 3')).toEqual({ commune: 'Phường 1', district: 'Quận 3' });
    expect(splitUnitReference('P.1 Q.3')).toEqual({ commune: 'P.1', district: 'Q.3' });
    expect(splitUnitReference('Xã Tân Thông Hội huyện Củ Chi')).toEqual({
      commune: 'Xã Tân Thông Hội',
      district: 'huyện Củ Chi',
    });
    expect(splitUnitReference('Phường 1, Quận 3, TP. Hồ Chí Minh').district).toBe('Quận 3');
  });

  it('keeps names that only look like a district word', () => {
    expect(splitUnitReference('Xã Quan Sơn')).toEqual({ commune: 'Xã Quan Sơn', district: null });
    expect(splitUnitReference('Phường Bến Nghé')).toEqual({ commune: 'Phường Bến Nghé', district: null });
  });
});

describe('names that differ only in diacritics', () => {
  it('"Xã Thanh An" and "Xã Thạnh An" are told apart by their exact spelling', () => {
    const units: MatchUnit[] = [
      { code: '1', name: 'Xã Thanh An', type: 'xã' },
      { code: '2', name: 'Xã Thạnh An', type: 'xã' },
    ];
    const r = matchFeatures([f(0, 'Xã Thạnh An'), f(1, 'xã thanh an'), f(2, 'Thanh An')], units);
    expect(r.matched).toEqual([
      { index: 0, unitCode: '2', by: 'name' },
      { index: 1, unitCode: '1', by: 'name' },
    ]);
    // The undiacritised spelling is Thanh An's, which is taken: listed for a person, not forced.
    expect(r.unmatchedFeatures[0]).toMatchObject({ index: 2, reason: 'duplicate' });
  });
});
