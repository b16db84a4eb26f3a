import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table, Vector } from 'apache-arrow';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
import { MODEL_PAGE_SIZE, pagesForRows } from './models-specs';

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

/** The column vectors of one loaded page, read once per page. */
interface PageColumns {
  cells: (Vector | null)[];
  ids: Vector | null;
  names: Vector | null;
}
const pageColumns = new WeakMap<Table, PageColumns>();
function columnsOf(page: Table): PageColumns {
  let c = pageColumns.get(page);
  if (!c) {
    c = {
      cells: MODEL_TABLE_COLUMNS.map((col) => page.getChild(col.id)),
      ids: page.getChild('model_id'),
      names: page.getChild('name'),
    };
    pageColumns.set(page, c);
  }
  return c;
}

/** Props of ModelsTable. */
export interface ModelsTableProps {
  /** Identity of the list shown (a new one scrolls back to the top). */
  listKey: string;
  /** Rows in the whole list (the scrollbar covers them all from the start). */
  total: number;
  /** Loaded page `page` of the list, if it is here. */
  pageAt: (page: number) => Table | undefined;
  /** The pages the table shows now (plus one ahead), most needed first. */
  onWant: (pages: number[]) => void;
  sort: ModelSort | null;
  onSort: (column: ModelColumn) => void;
  selected: string | null;
  onSelect: (modelId: string) => void;
}

const ROW_HEIGHT = 38;

/**
 * The virtualised, paged model list. The scrollbar spans the whole list; only the pages of rows near the
 * viewport are fetched (`onWant`), and a row whose page is not here yet is a quiet placeholder. Cells are
 * read straight from the pages' Arrow column vectors (no row objects). Keyboard: arrows/Home/End/PageUp/
 * PageDown move, Enter or Space opens the details; one row is in the tab order at a time.
 */
export function ModelsTable({
  listKey,
  total,
  pageAt,
  onWant,
  sort,
  onSort,
  selected,
  onSelect,
}: ModelsTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const scroller = useRef<HTMLDivElement>(null);
  const [focusRow, setFocusRow] = useState(0);
  const count = total;
  /** The page holding row `i` and the row's index in it, or null while that page loads. */
  const rowAt = (i: number): { cols: PageColumns; at: number } | null => {
    const page = pageAt(Math.floor(i / MODEL_PAGE_SIZE));
    const at = i % MODEL_PAGE_SIZE;
    return page && at < page.numRows ? { cols: columnsOf(page), at } : null;
  };
  // One flags.list per data version, looked up per visible row.
  const { info, catalog } = useReadyWorkspace();
  const flags = useModelFlags(info.dataVersion);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // A new list (filter or sort change) starts at the top.
  useEffect(() => {
    setFocusRow(0);
    virtualizer.scrollToOffset(0);
  }, [listKey, virtualizer]);

  // Ask for the pages on screen, plus one ahead, whenever the rows shown cross a page boundary. Right
  // after a list change the rows measured are still those of the old scroll position: ask for the top.
  const items = virtualizer.getVirtualItems();
  const wanted = pagesForRows(items[0]?.index ?? 0, items.at(-1)?.index ?? 0, count).join(',');
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (askedFor.current !== listKey) {
      askedFor.current = listKey;
      const screen = Math.ceil((scroller.current?.clientHeight ?? 800) / ROW_HEIGHT);
      onWant(pagesForRows(0, screen, count));
    } else {
      onWant(wanted ? wanted.split(',').map(Number) : []);
    }
  }, [wanted, listKey, count, onWant]);

  const moveFocus = (to: number) => {
    const i = Math.max(0, Math.min(count - 1, to));
    setFocusRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // A row already drawn (the next one, usually) takes the focus at once, so a key pressed right after
    // acts on it; a far one (End, PageDown) once the virtualiser has drawn it (a few frames at most).
    const focusRowEl = (framesLeft: number) => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${i}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (framesLeft > 0) requestAnimationFrame(() => focusRowEl(framesLeft - 1));
    };
    focusRowEl(10);
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
      const row = rowAt(i);
      const id: unknown = row?.cols.ids?.get(row.at);
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
          {items.map((v) => {
            const row = rowAt(v.index);
            const rowClass = `models-table__row${v.index % 2 ? ' models-table__row--odd' : ''}`;
            const rowProps = {
              role: 'row',
              'aria-rowindex': v.index + 2,
              'data-row-index': v.index,
              tabIndex: v.index === focusRow ? 0 : -1,
              onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => onKeyDown(e, v.index),
            };
            const style = {
              gridTemplateColumns: ROW_TEMPLATE,
              height: ROW_HEIGHT,
              transform: `translateY(${v.start}px)`,
            };
            if (!row) {
              // Its page is on its way: the row's place, quietly, with nothing to click yet.
              return (
                <div
                  key={v.key}
                  {...rowProps}
                  aria-busy="true"
                  data-placeholder=""
                  className={`${rowClass} models-table__row--placeholder`}
                  style={style}
                  onClick={() => setFocusRow(v.index)}
                >
                  <div role="gridcell" className="models-table__cell">
                    <span className="visually-hidden">{t('models.rowLoading')}</span>
                  </div>
                  {withFlags(
                    MODEL_TABLE_COLUMNS.map((c) => (
                      <div key={c.id} role="gridcell" className="models-table__cell">
                        <span className="models-table__skeleton" aria-hidden="true" />
                      </div>
                    )),
                    <div key="flags" role="gridcell" className="models-table__cell" />,
                  )}
                </div>
              );
            }
            const { cols, at } = row;
            const rawId: unknown = cols.ids?.get(at);
            const id = rawId == null ? null : String(rawId);
            const isSelected = id !== null && id === selected;
            const modelFlags = id !== null ? flags?.get(id) : undefined;
            return (
              <div
                key={v.key}
                {...rowProps}
                aria-selected={isSelected}
                className={`${rowClass}${isSelected ? ' models-table__row--selected' : ''}`}
                style={style}
                onClick={() => {
                  setFocusRow(v.index);
                  if (id !== null) onSelect(id);
                }}
              >
                <div role="gridcell" className="models-table__cell">
                  {id !== null && (
                    <ShortlistToggle modelId={id} name={String(cols.names?.get(at) ?? id)} compact />
                  )}
                </div>
                {withFlags(
                  MODEL_TABLE_COLUMNS.map((c, j) => {
                    const text = cellText(c, cols.cells[j]?.get(at), lang);
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
                    {modelFlags && (
                      <ModelFlagBadges flags={modelFlags} indicators={catalog.indicators} lang={lang} />
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
