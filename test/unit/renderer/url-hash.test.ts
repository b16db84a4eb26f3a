import { describe, expect, it } from 'vitest';
import { activeFilterCount, normaliseFilter } from '../../../renderer/src/state/filter-model';
import { formatHash, parseHash, type UrlState } from '../../../renderer/src/state/url-hash';

const base: UrlState = { view: 'overview', filter: {}, modelSort: null, selectedModel: null };

describe('URL hash', () => {
  it('round-trips a view and its filters, field names with commas and diacritics included', () => {
    const state: UrlState = {
      view: 'models',
      filter: {
        fields: ['Xây dựng Đảng, chính quyền', 'An sinh xã hội'],
        units: ['27621'],
        startYears: ['2021', '2023'],
        indicators: ['beneficiaries'],
        period: { from: '2024-01', to: '2025-06' },
        search: 'cầu đường',
      },
      modelSort: { by: 'start_date', dir: 'desc' },
      selectedModel: 'MH-000079',
    };
    const hash = formatHash(state);
    expect(hash.startsWith('#/models?')).toBe(true);
    expect(parseHash(hash)).toEqual(state);
  });

  it('writes nothing after the view when nothing is filtered', () => {
    expect(formatHash(base)).toBe('#/overview');
    expect(parseHash('')).toEqual(base);
  });

  it('falls back to the overview for an unknown page and drops malformed values', () => {
    const s = parseHash('#/nowhere?from=2024-13&to=2024-02&sort=password&dir=up&status=');
    expect(s).toEqual({ ...base, filter: { period: { to: '2024-02' } } });
  });

  it('keeps model sort and selection only on the models page', () => {
    const hash = formatHash({ ...base, modelSort: { by: 'name', dir: 'asc' }, selectedModel: 'X' });
    expect(hash).toBe('#/overview');
  });
});

describe('filter normal form', () => {
  it('drops empty lists and blank search, dedupes values and swaps a reversed period', () => {
    expect(
      normaliseFilter({
        fields: [],
        sponsors: ['Công an', 'Công an'],
        search: '  ',
        period: { from: '2025-03', to: '2024-01' },
      }),
    ).toEqual({ sponsors: ['Công an'], period: { from: '2024-01', to: '2025-03' } });
  });

  it('counts each control once', () => {
    expect(activeFilterCount({ fields: ['a', 'b'], period: { from: '2024-01' }, search: 'x' })).toBe(3);
    expect(activeFilterCount({})).toBe(0);
  });
});
