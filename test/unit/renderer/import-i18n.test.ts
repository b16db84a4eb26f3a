import { describe, expect, it } from 'vitest';
import { allowedTargets } from '../../../shared/import-mapping';
import type { ImportKind } from '../../../shared/import-types';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';
import { importErrorKey } from '../../../renderer/src/views/import/import-errors';
import { PROBLEM_CODES } from '../../../renderer/src/views/import/problem-text';
import { REJECT_CODES } from '../../../renderer/src/views/import/reject-reasons';

const KINDS: ImportKind[] = [
  'models',
  'values_long',
  'values_wide',
  'units',
  'boundaries',
  'crosswalk',
  'unknown',
];
const ERROR_CODES = [
  'IMPORT_MISSING_COLUMN',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_XLS_UNSUPPORTED',
  'IMPORT_KIND_UNKNOWN',
  'WORKSPACE_LOCKED',
  'FILE_NOT_FOUND',
  'CANCELLED',
  'INTERNAL',
  'QUERY_FAILED',
] as const;

describe('import strings', () => {
  for (const [lang, m] of [
    ['vi', vi.import],
    ['en', en.import],
  ] as const) {
    it(`${lang}: every kind, target, reason, problem and error has words`, () => {
      for (const k of KINDS) expect(m.kinds[k]).toBeTruthy();
      for (const k of KINDS) for (const target of allowedTargets(k)) expect(m.targets[target]).toBeTruthy();
      for (const code of REJECT_CODES) expect(m.reasons[code]).toBeTruthy();
      for (const code of PROBLEM_CODES) expect(m.problems[code]).toBeTruthy();
      for (const code of ERROR_CODES) {
        const group = m.errors[importErrorKey(code) as keyof typeof m.errors];
        expect(typeof group === 'object' && group.title && group.action).toBeTruthy();
      }
    });
  }

  it('say how to re-save an old .xls workbook', () => {
    expect(vi.import.errors.FILE_XLS_UNSUPPORTED.action).toMatch(/\.xlsx/);
    expect(en.import.errors.FILE_XLS_UNSUPPORTED.action).toMatch(/Save As/);
  });

  it('names the import screen in the navigation', () => {
    expect(vi.nav.import).toBe('Nhập dữ liệu');
    expect(en.nav.import).toBe('Import data');
  });
});
