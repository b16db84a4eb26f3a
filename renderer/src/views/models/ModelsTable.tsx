import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table } from 'apache-arrow';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelColumn } from '../../../../shared/specs';
import { useLang } from '../../i18n';
import type { ModelSort } from '../../state/url-hash';
import { cellText } from './cell-text';
import './models-table.css';
import { GRID_MIN_WIDTH, MODEL_TABLE_COLUMNS } from './model-columns';
import { ShortlistToggle } from '../shortlist/ShortlistToggle';
import { useReadyWorkspace } from '../../state/workspace';
import { ModelFlagBadges } from './ModelFlagBadges';
import { useModelFlags } from './use-model-flags';

/**
 * A first narrow column for the add-to-shortlist star, then the columns, with the integrity flags right
 * after the name (on screen without scrolling sideways). The flags are not a sortable engine column.
 */
const FLAGS_WIDTH = 150;
const FLAGS_AT = MODEL_TABLE_COLUMNS.findIndex((c) => c.id === 'name') + 1;
const ROW_TEMPLATE = [
  '44px',
  ...MODEL_TABLE_COLUMNS.slice(0, FLAGS_AT).map((c) => c.width),
  `${FLAGS_WIDTH}px`,
  ...MODEL_TABLE_COLUMNS.slice(FLAGS_AT).map((c) => c.width),
].join(' ');
const ROW_MIN_WIDTH = GRID_MIN_WIDTH + 44 + FLAGS_WIDTH;

/** Cells in column order: the flags cell spliced in after the name. */
const withFlags = (cells: ReactNode[], flagsCell: ReactNode): ReactNode[] => [
  ...cells.slice(0, FLAGS_AT),
  flagsCell,
  ...cells.slice(FLAGS_AT),
];

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
  const names = useMemo(() => table.getChild('name'), [table]);
  const count = table.numRows;
  // One flags.list per data version, looked up per visible row.
  const { info, catalog } = useReadyWorkspace();
  const flags = useModelFlags(info.dataVersion);

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
    <div
      className="models-table"
      role="grid"
      aria-label={t('models.tableLabel')}
      aria-rowcount={count + 1}
      data-flags={flags ? 'ready' : 'loading'}
    >
      <div ref={scroller} className="models-table__scroller">
        <div
          className="models-table__row models-table__row--head"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: ROW_TEMPLATE, minWidth: ROW_MIN_WIDTH }}
        >
          <div role="columnheader" className="models-table__head">
            <span className="visually-hidden">{t('ranking.columns.shortlist')}</span>
          </div>
          {withFlags(
            MODEL_TABLE_COLUMNS.map((c) => {
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
            }),
            <div key="flags" role="columnheader" className="models-table__head models-table__head--flags">
              {t('ranking.columns.flags')}
            </div>,
          )}
        </div>
        <div
          className="models-table__body"
          style={{ height: virtualizer.getTotalSize(), minWidth: ROW_MIN_WIDTH }}
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
                  gridTemplateColumns: ROW_TEMPLATE,
                  height: ROW_HEIGHT,
                  transform: `translateY(${v.start}px)`,
                }}
                onClick={() => {
                  setFocusRow(v.index);
                  if (id != null) onSelect(String(id));
                }}
                onKeyDown={(e) => onKeyDown(e, v.index)}
              >
                <div role="gridcell" className="models-table__cell">
                  {id != null && (
                    <ShortlistToggle modelId={String(id)} name={String(names?.get(v.index) ?? id)} compact />
                  )}
                </div>
                {withFlags(
                  MODEL_TABLE_COLUMNS.map((c, j) => {
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
                  }),
                  <div key="flags" role="gridcell" className="models-table__cell models-table__cell--flags">
                    {id != null && flags?.get(String(id)) && (
                      <ModelFlagBadges
                        flags={flags.get(String(id)) ?? []}
                        indicators={catalog.indicators}
                        lang={lang}
                      />
                    )}
                  </div>,
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
