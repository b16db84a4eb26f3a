import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import { DIMENSIONS, type Dimension, type Measure } from '../../../../shared/specs';
import { startDrag } from './drag';
import { AXIS_MAX, addValue, placeDimension, placeOf, VALUES_MAX, type PivotLayout } from './pivot-layout';
import type { PivotText } from './use-pivot-text';

/** Props of FieldList. */
export interface FieldListProps {
  layout: PivotLayout;
  catalog: CatalogInfo;
  text: PivotText;
  onChange: (l: PivotLayout) => void;
}

/** The measures offered: model and unit counts, then every catalogue indicator. */
export function measuresOf(catalog: CatalogInfo): Measure[] {
  return [
    { type: 'count_models' },
    { type: 'count_units' },
    ...catalog.indicators.map((i): Measure => ({ type: 'indicator', indicator: i.code })),
  ];
}

/**
 * The field list: dimensions (to Rows or Columns) and measures (to Values), each with buttons (the
 * keyboard path) and draggable onto the wells.
 */
export function FieldList({ layout, catalog, text, onChange }: FieldListProps) {
  const { t } = useTranslation();
  const units = new Map(catalog.indicators.map((i) => [i.code, i.unit]));
  const dimButton = (d: Dimension, axis: 'rows' | 'columns') => {
    const at = placeOf(layout, d);
    const full = layout[axis].length >= AXIS_MAX[axis];
    const name = text.dim(d);
    return (
      <button
        type="button"
        className="pivot-field__add"
        disabled={at?.axis === axis || full}
        aria-label={t(axis === 'rows' ? 'pivot.toRows' : 'pivot.toColumns', { name })}
        title={t(axis === 'rows' ? 'pivot.toRows' : 'pivot.toColumns', { name })}
        onClick={() => onChange(placeDimension(layout, d, axis))}
      >
        {t(axis === 'rows' ? 'pivot.wells.rows' : 'pivot.wells.columns')}
      </button>
    );
  };
  return (
    <section className="pivot-fields card" aria-labelledby="pivot-fields-title">
      <h2 className="pivot-panel__title" id="pivot-fields-title">
        {t('pivot.fields')}
      </h2>
      <h3 className="pivot-fields__group">{t('pivot.dimensions')}</h3>
      <ul className="pivot-fields__list" data-testid="pivot-dimensions">
        {DIMENSIONS.map((d) => (
          <li
            key={d}
            className={`pivot-field${placeOf(layout, d) ? ' pivot-field--used' : ''}`}
            draggable
            onDragStart={(e) => startDrag(e, { kind: 'dim', dim: d })}
            data-field={d}
          >
            <span className="pivot-field__name">{text.dim(d)}</span>
            {dimButton(d, 'rows')}
            {dimButton(d, 'columns')}
          </li>
        ))}
      </ul>
      <h3 className="pivot-fields__group">{t('pivot.measures')}</h3>
      <ul className="pivot-fields__list pivot-fields__list--measures" data-testid="pivot-measures">
        {measuresOf(catalog).map((m) => {
          const name = text.measure(m);
          const unit = m.type === 'indicator' ? units.get(m.indicator) : null;
          const id = m.type === 'indicator' ? m.indicator : m.type;
          return (
            <li
              key={id}
              className="pivot-field"
              draggable
              onDragStart={(e) => startDrag(e, { kind: 'measure', measure: m })}
              data-measure={id}
            >
              <span className="pivot-field__name">
                {name}
                {unit && <span className="pivot-field__unit"> ({unit})</span>}
              </span>
              <button
                type="button"
                className="pivot-field__add"
                disabled={layout.values.length >= VALUES_MAX}
                aria-label={t('pivot.toValues', { name })}
                title={t('pivot.toValues', { name })}
                onClick={() => onChange(addValue(layout, m))}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
