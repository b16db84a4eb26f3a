import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import { MAP_COLOR_BY, type MapPer } from '../../../../shared/map-spec';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import { CLASS_METHODS } from './classify';
import { rateAllowed } from './map-specs';
import { MAP_MODES, UI_MEASURES, useMapSettings, type MapSettings } from './map-store';
import { PALETTE_IDS } from './palettes';

/** A labelled select of the control bar. */
function Choice<T extends string | number>(p: {
  label: string;
  value: T;
  options: readonly T[];
  text: (v: T) => string;
  onChange: (v: T) => void;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <label className="map-controls__field">
      <span>{p.label}</span>
      <select
        value={String(p.value)}
        disabled={p.disabled}
        data-testid={p.testId}
        onChange={(e) => {
          const v = p.options.find((o) => String(o) === e.target.value);
          if (v !== undefined) p.onChange(v);
        }}
      >
        {p.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {p.text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Props of MapControls. */
export interface MapControlsProps {
  catalog: CatalogInfo;
  /** The indicator in effect (the chosen one, or the catalogue's first). */
  indicator: string;
}

/** What the map shows: mode, measure, classification, palette, and the options of each mode. */
export function MapControls({ catalog, indicator }: MapControlsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useMapSettings();
  const set = (patch: Partial<MapSettings>) => s.set(patch);
  const indicatorName = (code: string) => {
    const ind = catalog.indicators.find((i) => i.code === code);
    return (lang === 'en' ? ind?.name_en : ind?.name_vi) ?? ind?.name_vi ?? code;
  };
  const agg = catalog.indicators.find((i) => i.code === indicator)?.aggregation;
  const colouring = s.mode === 'choropleth' || s.mode === 'bubbles';
  const needsField =
    (colouring && s.measure === 'count_field') ||
    s.mode === 'gaps' ||
    (s.mode === 'replication' && s.replicationByField);
  const pers: MapPer[] = ['none', 'per10k', 'per_km2'];
  return (
    <section className="map-controls card" aria-label={t('map.controls')}>
      <Choice
        label={t('map.mode')}
        value={s.mode}
        options={MAP_MODES}
        text={(m) => t(`map.modes.${m}`)}
        onChange={(mode) => set({ mode })}
        testId="map-mode"
      />
      {colouring && (
        <Choice
          label={t('map.measure')}
          value={s.measure}
          options={UI_MEASURES}
          text={(m) => t(`map.measures.${m}`)}
          onChange={(measure) =>
            set({ measure, ...(rateAllowed({ ...s, measure }, agg) ? {} : { per: 'none' }) })
          }
          testId="map-measure"
        />
      )}
      {colouring && (s.measure === 'indicator' || s.measure === 'growth') && (
        <Choice
          label={t('map.indicator')}
          value={indicator}
          options={catalog.indicators.map((i) => i.code)}
          text={indicatorName}
          onChange={(code) => {
            const a = catalog.indicators.find((i) => i.code === code)?.aggregation;
            set({ indicator: code, ...(rateAllowed(s, a) ? {} : { per: 'none' }) });
          }}
          testId="map-indicator"
        />
      )}
      {needsField && (
        <Choice
          label={t('map.field')}
          value={s.field}
          options={['', ...catalog.fields]}
          text={(f) => (f ? vocabLabel('field', f, lang) : t('map.chooseField'))}
          onChange={(field) => set({ field })}
          testId="map-field"
        />
      )}
      {colouring && (
        <Choice
          label={t('map.per')}
          value={s.per}
          options={pers}
          text={(p) => t(`map.pers.${p}`)}
          onChange={(per) => set({ per })}
          disabled={!rateAllowed(s, agg)}
          testId="map-per"
        />
      )}
      {colouring && (
        <>
          <Choice
            label={t('map.method')}
            value={s.method}
            options={CLASS_METHODS}
            text={(m) => t(`map.methods.${m}`)}
            onChange={(method) => set({ method })}
            testId="map-method"
          />
          <Choice
            label={t('map.classes')}
            value={s.classes}
            options={[3, 4, 5, 6, 7]}
            text={String}
            onChange={(classes) => set({ classes })}
            testId="map-classes"
          />
          <Choice
            label={t('map.palette')}
            value={s.palette}
            options={['auto', ...PALETTE_IDS] as const}
            text={(p) => t(`map.palettes.${p}`)}
            onChange={(palette) => set({ palette })}
            testId="map-palette"
          />
        </>
      )}
      {s.mode === 'points' && (
        <>
          <Choice
            label={t('map.colorBy')}
            value={s.colorBy}
            options={MAP_COLOR_BY}
            text={(c) => t(`map.colorBys.${c}`)}
            onChange={(colorBy) => set({ colorBy })}
            testId="map-color-by"
          />
          <Choice
            label={t('map.pointStyle')}
            value={s.pointStyle}
            options={['auto', 'points', 'density'] as const}
            text={(p) => t(`map.pointStyles.${p}`)}
            onChange={(pointStyle) => set({ pointStyle })}
            testId="map-point-style"
          />
        </>
      )}
      {s.mode === 'replication' && (
        <>
          <label className="map-controls__field">
            <span>{t('map.origin')}</span>
            <input
              type="text"
              value={s.origin}
              maxLength={200}
              data-testid="map-origin"
              onChange={(e) => set({ origin: e.target.value })}
            />
          </label>
          <label className="map-controls__check">
            <input
              type="checkbox"
              checked={s.replicationByField}
              data-testid="map-by-field"
              onChange={(e) => set({ replicationByField: e.target.checked })}
            />
            <span>{t('map.byField')}</span>
          </label>
        </>
      )}
    </section>
  );
}
