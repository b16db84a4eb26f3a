import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogInfo } from '../../../../shared/api';
import { isFieldDrag, readDrop } from './drag';
import { DimChip } from './DimChip';
import {
  addValue,
  flipDimension,
  placeDimension,
  removeDimension,
  removeValue,
  shiftDimension,
  shiftValue,
  updateValue,
  type Axis,
  type PivotLayout,
} from './pivot-layout';
import type { PivotText } from './use-pivot-text';
import { ValueChip } from './ValueChip';

/** Props of FieldWells. */
export interface FieldWellsProps {
  layout: PivotLayout;
  catalog: CatalogInfo;
  text: PivotText;
  onChange: (l: PivotLayout) => void;
}

function Well(props: {
  id: string;
  title: string;
  empty: boolean;
  onDrop: (e: DragEvent) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  return (
    <section
      className={`pivot-well${over ? ' pivot-well--over' : ''}`}
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
      onDragOver={(e) => {
        if (!isFieldDrag(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        e.preventDefault();
        props.onDrop(e);
      }}
    >
      <h3 className="pivot-well__title" id={`${props.id}-title`}>
        {props.title}
      </h3>
      {props.empty ? (
        <p className="pivot-well__empty">{t('pivot.wellEmpty')}</p>
      ) : (
        <ul className="pivot-well__list">{props.children}</ul>
      )}
    </section>
  );
}

/** The Rows, Columns and Values wells: drop targets, and lists of chips operable by buttons and keys. */
export function FieldWells({ layout, catalog, text, onChange }: FieldWellsProps) {
  const { t } = useTranslation();
  const aggOf = new Map(catalog.indicators.map((i) => [i.code, i.aggregation]));
  const dropOnAxis = (axis: Axis) => (e: DragEvent) => {
    const p = readDrop(e);
    if (p?.kind === 'dim') onChange(placeDimension(layout, p.dim, axis));
  };
  const axisWell = (axis: Axis) => (
    <Well
      id={`pivot-well-${axis}`}
      title={t(`pivot.wells.${axis}`)}
      empty={layout[axis].length === 0}
      onDrop={dropOnAxis(axis)}
    >
      {layout[axis].map((d, i) => (
        <DimChip
          key={d}
          dim={d}
          axis={axis}
          name={text.dim(d)}
          first={i === 0}
          last={i === layout[axis].length - 1}
          onShift={(delta) => onChange(shiftDimension(layout, d, delta))}
          onFlip={() => onChange(flipDimension(layout, d))}
          onRemove={() => onChange(removeDimension(layout, d))}
        />
      ))}
    </Well>
  );
  return (
    <div className="pivot-wells">
      {axisWell('rows')}
      {axisWell('columns')}
      <Well
        id="pivot-well-values"
        title={t('pivot.wells.values')}
        empty={false}
        onDrop={(e) => {
          const p = readDrop(e);
          if (p?.kind === 'measure' && p.from === undefined) onChange(addValue(layout, p.measure));
        }}
      >
        {layout.values.map((v, i) => (
          <ValueChip
            key={`${i}-${JSON.stringify(v.measure)}`}
            value={v}
            index={i}
            name={text.measure(v.measure)}
            catalogAggregation={v.measure.type === 'indicator' ? aggOf.get(v.measure.indicator) : undefined}
            first={i === 0}
            last={i === layout.values.length - 1}
            only={layout.values.length === 1}
            onChange={(patch) => onChange(updateValue(layout, i, patch))}
            onShift={(delta) => onChange(shiftValue(layout, i, delta))}
            onRemove={() => onChange(removeValue(layout, i))}
          />
        ))}
      </Well>
      <p className="pivot-wells__note">{t('pivot.wells.filtersNote')}</p>
    </div>
  );
}
