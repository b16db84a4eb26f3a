/**
 * The Map settings in the URL hash (`#/map?map=…`): written only on the map page and only for what differs
 * from the defaults, read back to the same settings, and forgiving — malformed JSON, unknown keys, wrong
 * types and out-of-range values fall back to the defaults, never an error.
 */
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type UrlState } from '../../../renderer/src/state/url-hash';
import { formatMapSettings, parseMapSettings } from '../../../renderer/src/views/map/map-settings';
import { DEFAULT_MAP_SETTINGS, type MapSettings } from '../../../renderer/src/views/map/map-store';

const base: UrlState = { view: 'map', filter: {}, modelSort: null, selectedModel: null };

const custom: MapSettings = {
  ...DEFAULT_MAP_SETTINGS,
  mode: 'bubbles',
  measure: 'count_field',
  field: 'Xây dựng Đảng, chính quyền',
  indicator: 'funds_mobilized_vnd',
  per: 'per10k',
  method: 'jenks',
  classes: 7,
  palette: 'viridis',
  colorBy: 'status',
  pointStyle: 'points',
  origin: 'MH-000079',
  replicationByField: true,
  focus: '27621',
  view: { center: [106.7, 10.78], zoom: 4.096 },
};

describe('map settings in the URL', () => {
  it('round-trips every setting through the hash, diacritics and commas included', () => {
    const hash = formatHash({ ...base, filter: { units: ['27621'] }, map: formatMapSettings(custom) });
    expect(hash.startsWith('#/map?unit=27621&map=')).toBe(true);
    const back = parseHash(hash);
    expect(back.view).toBe('map');
    expect(back.filter).toEqual({ units: ['27621'] });
    expect(parseMapSettings(back.map)).toEqual(custom);
  });

  it('writes only what differs from the defaults, and nothing for the default map', () => {
    expect(formatMapSettings(DEFAULT_MAP_SETTINGS)).toBeNull();
    expect(formatHash({ ...base, map: formatMapSettings(DEFAULT_MAP_SETTINGS) })).toBe('#/map');
    expect(JSON.parse(formatMapSettings({ ...DEFAULT_MAP_SETTINGS, classes: 4 }) ?? '')).toEqual({
      classes: 4,
    });
  });

  it('keeps the map settings off other pages and reads them only on the map page', () => {
    const map = formatMapSettings(custom);
    expect(formatHash({ ...base, view: 'models', map })).toBe('#/models');
    const elsewhere = parseHash(`#/overview?map=${encodeURIComponent(map ?? '')}`);
    expect(elsewhere.map).toBeUndefined();
  });

  it('falls back to the defaults for malformed or hostile input', () => {
    for (const bad of [null, '', '{', '[]', 'null', '42', '"x"', '{"__proto__":{"mode":"points"}}'])
      expect(parseMapSettings(bad), String(bad)).toEqual(DEFAULT_MAP_SETTINGS);
    const odd = parseMapSettings(
      JSON.stringify({
        mode: 'satellite',
        measure: 7,
        classes: 12,
        palette: 'rainbow',
        method: 'quantile ',
        per: 'per_mile',
        colorBy: ['field'],
        pointStyle: null,
        indicator: 'x'.repeat(500),
        replicationByField: 'yes',
        focus: '',
        view: { center: [500, 10], zoom: 3 },
        extra: 'ignored',
      }),
    );
    expect(odd).toEqual(DEFAULT_MAP_SETTINGS);
    // A good value next to a bad one is kept.
    expect(parseMapSettings('{"mode":"gaps","classes":"7","view":{"center":[106,10],"zoom":0}}')).toEqual({
      ...DEFAULT_MAP_SETTINGS,
      mode: 'gaps',
    });
    // A too-long value never reaches the state.
    expect(
      parseHash(`#/map?map=${encodeURIComponent('{"x":"' + 'y'.repeat(5000) + '"}')}`).map,
    ).toBeUndefined();
  });
});
