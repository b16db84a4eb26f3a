/**
 * The integrity flags' words live once, in shared/flag-text.ts: every code has a Vietnamese and an English
 * label and sentence with the same placeholders, the renderer's i18n serves exactly those objects, and the
 * brief's sentences are the UI templates filled in (no second dictionary to drift).
 */
import { describe, expect, it } from 'vitest';
import { flagLabel, flagSentence } from '../../../electron/engine/export/brief-text';
import type { CatalogCache } from '../../../electron/engine/query/catalog-cache';
import { FLAG_TEXT, fillFlagTemplate, flagTemplateKey } from '../../../shared/flag-text';
import { EXTRA_COMPONENTS, FLAG_CODES } from '../../../shared/rank-spec';
import { RANK_WORDS } from '../../../shared/rank-words';
import { rankingEn } from '../../../renderer/src/i18n/ranking-en';
import { rankingVi } from '../../../renderer/src/i18n/ranking-vi';

const placeholders = (s: string | undefined) =>
  [...(s ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('flag words', () => {
  it('has a vi and an en label and sentence for every flag code, with matching placeholders', () => {
    for (const code of FLAG_CODES) {
      const vi = FLAG_TEXT.vi[code];
      const en = FLAG_TEXT.en[code];
      expect(vi.label.trim().length, `${code} vi label`).toBeGreaterThan(0);
      expect(en.label.trim().length, `${code} en label`).toBeGreaterThan(0);
      expect(vi.text.trim().length, `${code} vi text`).toBeGreaterThan(0);
      expect(en.text.trim().length, `${code} en text`).toBeGreaterThan(0);
      expect(vi.label).not.toBe(en.label);
      expect(placeholders(vi.text), code).toEqual(placeholders(en.text));
      expect(placeholders(vi.textUntil), code).toEqual(placeholders(en.textUntil));
    }
    expect(Object.keys(FLAG_TEXT.vi).sort()).toEqual([...FLAG_CODES].sort());
    expect(Object.keys(FLAG_TEXT.en).sort()).toEqual([...FLAG_CODES].sort());
  });

  it('is what the renderer i18n serves under ranking.flag (and ranking.per / ranking.component)', () => {
    expect(rankingVi.flag).toBe(FLAG_TEXT.vi);
    expect(rankingEn.flag).toBe(FLAG_TEXT.en);
    // The component and basis labels, likewise shared with the brief.
    expect(rankingVi.per).toBe(RANK_WORDS.vi.per);
    expect(rankingEn.component).toBe(RANK_WORDS.en.component);
    expect(Object.keys(RANK_WORDS.en.component).sort()).toEqual([...EXTRA_COMPONENTS].sort());
    expect(Object.keys(RANK_WORDS.vi.component).sort()).toEqual([...EXTRA_COMPONENTS].sort());
  });

  it('fills {{param}} like i18next and picks the reporting gap variant with an end', () => {
    expect(fillFlagTemplate(FLAG_TEXT.vi.reporting_gap.text, { months: '5', after: '2024-03' })).toBe(
      '5 tháng liên tiếp không báo cáo sau 2024-03.',
    );
    expect(fillFlagTemplate('{{ a }}-{{b}}-{{missing}}', { a: 'x', b: 'y' })).toBe('x-y-');
    expect(flagTemplateKey('reporting_gap', { before: '2024-09' })).toBe('textUntil');
    expect(flagTemplateKey('reporting_gap', {})).toBe('text');
    expect(flagTemplateKey('spike', { before: 'x' })).toBe('text');
  });

  it('gives the brief the same words, every template filled', () => {
    // The brief only looks indicators up by code; one known indicator is enough here.
    const catalog = {
      indicator: (code: string) =>
        code === 'funds' ? { code, name_vi: 'Kinh phí', name_en: 'Funds', unit: 'đồng' } : undefined,
    } as unknown as CatalogCache;
    const params = {
      months: 6,
      value: 1500000,
      from: '2024-01',
      to: '2024-06',
      period: '2024-05',
      median: 20000,
      z: 12.3,
      n: 3,
      start: '2024-04-01',
      first: '2024-01',
      status: 'Đã kết thúc',
      last: '2025-06',
      share: 0.8,
      expected: 0.1,
      other: 'MH-000002',
      similarity: 0.95,
      after: '2024-02',
      before: '2024-08',
    };
    for (const code of FLAG_CODES)
      for (const locale of ['vi', 'en'] as const) {
        const f = { modelId: 'MH-000001', code, indicator: 'funds', params };
        expect(flagLabel(f, locale)).toBe(FLAG_TEXT[locale][code].label);
        const sentence = flagSentence(f, catalog, locale);
        expect(sentence, `${code} ${locale}`).not.toMatch(/\{\{|\}\}|undefined/);
      }
    expect(flagSentence({ modelId: 'x', code: 'spike', indicator: 'funds', params }, catalog, 'vi')).toBe(
      'Kinh phí tháng 2024-05: 1.500.000 đồng, gấp nhiều lần trung vị 20.000 đồng của chính mô hình (z = 12,3).',
    );
    expect(
      flagSentence(
        { modelId: 'x', code: 'reporting_gap', params: { months: 5, after: '2024-02' } },
        catalog,
        'en',
      ),
    ).toBe('5 consecutive months without a report after 2024-02.');
  });
});
