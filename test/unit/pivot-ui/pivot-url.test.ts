import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../renderer/src/state/url-hash';
import { DEFAULT_LAYOUT, formatLayout, parseLayout } from '../../../renderer/src/views/pivot/pivot-layout';

describe('pivot layout in the URL hash', () => {
  it('a pivot layout round-trips through the hash with the global filter', () => {
    const pivot = formatLayout({ ...DEFAULT_LAYOUT, rows: ['unit', 'field'] });
    const hash = formatHash({
      view: 'pivot',
      filter: { fields: ['A'] },
      modelSort: null,
      selectedModel: null,
      pivot,
    });
    const back = parseHash(hash);
    expect(back.view).toBe('pivot');
    expect(back.filter).toEqual({ fields: ['A'] });
    expect(parseLayout(back.pivot)).toEqual({ ...DEFAULT_LAYOUT, rows: ['unit', 'field'] });
  });

  it('other pages neither write nor read a pivot layout', () => {
    const pivot = formatLayout(DEFAULT_LAYOUT);
    expect(formatHash({ view: 'models', filter: {}, modelSort: null, selectedModel: null, pivot })).toBe(
      '#/models',
    );
    expect(parseHash(`#/models?pivot=${encodeURIComponent(pivot)}`)).not.toHaveProperty('pivot');
  });
});
