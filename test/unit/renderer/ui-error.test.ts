import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../../shared/errors';
import { errorMessageKey, isSuperseded, toUiError } from '../../../renderer/src/errors/ui-error';
import { en } from '../../../renderer/src/i18n/en';
import { vi } from '../../../renderer/src/i18n/vi';

describe('errors in the UI', () => {
  it('keeps the engine code of an AtlasError or of a rebuilt error object', () => {
    expect(toUiError(new AtlasError('WORKSPACE_LOCKED', 'locked'))).toEqual({
      code: 'WORKSPACE_LOCKED',
      message: 'locked',
    });
    expect(toUiError({ code: 'QUERY_FAILED', message: 'boom' })).toEqual({
      code: 'QUERY_FAILED',
      message: 'boom',
    });
  });

  it('treats anything without a code as INTERNAL, which reads as a lost engine connection', () => {
    expect(toUiError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toUiError('oops').code).toBe('INTERNAL');
    expect(errorMessageKey('INTERNAL')).toBe('DISCONNECTED');
  });

  it('maps the codes a query can meet to an explanation with a next step in both languages', () => {
    for (const code of [
      'WORKSPACE_LOCKED',
      'QUERY_FAILED',
      'SPEC_INVALID',
      'INTERNAL',
      'REQUEST_INVALID',
      'FILE_EMPTY',
    ] as const) {
      const key = errorMessageKey(code);
      expect(vi.errors[key].title.length).toBeGreaterThan(0);
      expect(vi.errors[key].action.length).toBeGreaterThan(0);
      expect(en.errors[key].action.length).toBeGreaterThan(0);
    }
    expect(vi.errors[errorMessageKey('INTERNAL')].title).toBe('Mất kết nối với bộ máy dữ liệu.');
  });

  it('recognises a superseded request, which is never shown', () => {
    expect(isSuperseded(new AtlasError('SUPERSEDED', 'newer'))).toBe(true);
    expect(isSuperseded(new AtlasError('CANCELLED', 'x'))).toBe(false);
  });
});
