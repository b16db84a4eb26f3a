import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table } from 'apache-arrow';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelColumn } from '../../../../shared/specs';
import { useLang } from '../../i18n';
import type { ModelSort } from '../../state/url-hash';
import { cellText } from './cell-text';
import './models-table.css';
import { GRID_MIN_WIDTH, GRID_TEMPLATE, MODEL_TABLE_COLUMNS } from './model-columns';

/** Props of ModelsTable. */
export interface ModelsTableProps {
  table: Table;
  sort: ModelSort | null;
  onSort: (column: ModelColumn) => void;
  selected: string | null;
  onSelect: (modelId: string) => void;
}

const ROW_HEIGHT = 38;

/**
 * The virtualised model list. Cells are read straight from the Arrow column vectors for the rows on
 * screen (no row objects for the whole list). Keyboard: arrows/Home/End/PageUp/PageDown move, Enter or
 * Space opens the details; one row is in the tab order at a time.
 */
export function ModelsTable({ table, sort, onSort, selected, onSelect }: ModelsTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const scroller = useRef<HTMLDivElement>(null);
  const [focusRow, setFocusRow] = useState(0);
  const vectors = useMemo(() => MODEL_TABLE_COLUMNS.map((c) => table.getChild(c.id)), [table]);
  const ids = useMemo(() => table.getChild('model_id'), [table]);
  const count = table.numRows;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // A new result (filter or sort change) starts at the top.
  useEffect(() => {
    setFocusRow(0);
    virtualizer.scrollToOffset(0);
  }, [table, virtualizer]);

  const moveFocus = (to: number) => {
    const i = Math.max(0, Math.min(count - 1, to));
    setFocusRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row-index="${i}"]`)?.focus({ preventScroll: true }),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, i: number) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + page,
      PageUp: i - page,
      Home: 0,
      End: count - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveFocus(to);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const id = ids?.get(i);
      if (id != null) onSelect(String(id));
    }
  };

  return (
    <div className="models-table" role="grid" aria-label={t('models.tableLabel')} aria-rowcount={count + 1}>
      <div ref={scroller} className="models-table__scroller">
        <div
          className="models-table__row models-table__row--head"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: GRID_TEMPLATE, minWidth: GRID_MIN_WIDTH }}
        >
          {MODEL_TABLE_COLUMNS.map((c) => {
            const dir = sort?.by === c.id ? sort.dir : null;
            return (
              <div
                key={c.id}
                role="columnheader"
                className="models-table__head"
                aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
              >
                <button
                  type="button"
                  className="models-table__sort"
                  onClick={() => onSort(c.id)}
                  data-column={c.id}
                  title={t(`models.columns.${c.id}`)}
                >
                  <span className="models-table__label">{t(`models.columns.${c.id}`)}</span>
                  <span className="models-table__arrow" aria-hidden="true">
                    {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
        <div
          className="models-table__body"
          style={{ height: virtualizer.getTotalSize(), minWidth: GRID_MIN_WIDTH }}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const id = ids?.get(v.index);
            const isSelected = id != null && String(id) === selected;
            return (
              <div
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={isSelected}
                data-row-index={v.index}
                tabIndex={v.index === focusRow ? 0 : -1}
                className={`models-table__row${isSelected ? ' models-table__row--selected' : ''}${v.index % 2 ? ' models-table__row--odd' : ''}`}
                style={{
                  gridTemplateColumns: GRID_TEMPLATE,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
                onClick={() => {
                  setFocusRow(v.index);
                  if (id != null) onSelect(String(id));
                }}
                onKeyDown={(e) => onKeyDown(e, v.index)}
              >
                {MODEL_TABLE_COLUMNS.map((c, j) => {
                  const text = cellText(c, vectors[j]?.get(v.index), lang);
                  return (
                    <div
                      key={c.id}
                      role="gridcell"
                      className={`models-table__cell models-table__cell--${c.id}`}
                      title={text}
                    >
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
