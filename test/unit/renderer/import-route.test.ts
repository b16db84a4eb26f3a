import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, VIEW_IDS } from '../../../renderer/src/state/url-hash';

describe('the import route', () => {
  it('is a page of its own, kept with the filters in the hash', () => {
    expect(parseHash('#/import').view).toBe('import');
    const s = parseHash('#/import?field=An+sinh+x%C3%A3+h%E1%BB%99i');
    expect(s).toMatchObject({ view: 'import', filter: { fields: ['An sinh xã hội'] } });
    expect(formatHash(s)).toBe('#/import?field=An+sinh+x%C3%A3+h%E1%BB%99i');
  });

  it('is not one of the analysis pages listed in the navigation', () => {
    expect(VIEW_IDS as readonly string[]).not.toContain('import');
  });
});
