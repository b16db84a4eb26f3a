import { useTranslation } from 'react-i18next';
import { formatNumber, type UiLang } from '../../format/numbers';
import type { LegendClass } from './map-model';
import { NO_DATA } from './palettes';

/** One legend entry: a swatch and its text. */
export interface LegendItem {
  color: string;
  label: string;
  /** Shape of the swatch: a filled box (units), a dot (points) or a line. */
  shape?: 'box' | 'dot' | 'line';
  testId?: string;
}

/** Legend items of a classified measure: one per class with its range and number of units, then no data. */
export function classItems(
  classes: readonly LegendClass[],
  noData: number,
  lang: UiLang,
  t: (k: string, o?: Record<string, unknown>) => string,
  unit: string,
): LegendItem[] {
  // Enough digits that small rates (0,003 per km²) do not all print as 0.
  const n = (v: number) => {
    const a = Math.abs(v);
    const digits = a === 0 || a >= 1000 ? 0 : a >= 10 ? 1 : Math.max(2, Math.ceil(-Math.log10(a)) + 1);
    return formatNumber(v, lang, Math.min(digits, 6));
  };
  const items: LegendItem[] = classes.map((c, i) => ({
    color: c.color,
    label: `${n(c.from)} – ${n(c.to)}${unit ? ` ${unit}` : ''} (${t('map.classCount', { count: c.units })})`,
    testId: `map-class-${i}`,
  }));
  if (noData > 0)
    items.push({
      color: NO_DATA,
      label: `${t('map.noData')} (${t('map.classCount', { count: noData })})`,
      testId: 'map-class-nodata',
    });
  return items;
}

/** Props of MapLegend. */
export interface MapLegendProps {
  title: string;
  items: readonly LegendItem[];
  notes?: readonly string[];
}

/** The legend beside the map: what each colour means, with the class ranges. */
export function MapLegend({ title, items, notes }: MapLegendProps) {
  const { t } = useTranslation();
  return (
    <section className="map-legend" aria-label={t('map.legend')} data-testid="map-legend">
      <h3 className="map-legend__title">{title}</h3>
      <ul>
        {items.map((it, i) => (
          <li key={i} data-testid={it.testId}>
            <span
              className={`map-legend__swatch map-legend__swatch--${it.shape ?? 'box'}`}
              style={{ background: it.color }}
              aria-hidden="true"
            />
            <span>{it.label}</span>
          </li>
        ))}
      </ul>
      {notes?.map((n) => (
        <p key={n} className="map-legend__note">
          {n}
        </p>
      ))}
    </section>
  );
}
