import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridColumn, GridRow, PivotGrid } from '../../../../shared/pivot-grid';
import { groupId, heatLevel, heatRanges, shownLabels, visibleRows } from './grid-model';
import type { PivotText } from './use-pivot-text';

/** Props of PivotTable. */
export interface PivotTableProps {
  grid: PivotGrid;
  text: PivotText;
  heat: boolean;
  /** Open the models behind a cell; absent = cells are not clickable. */
  onDrill?: (row: GridRow, col: GridColumn) => void;
  canDrill: (row: GridRow, col: GridColumn) => boolean;
}

const ROW_H = 32;
const HEAD_W = 190;
const COL_W = 150;
/** The value-name header row: room for two lines. */
const VALUE_HEAD_H = 44;

/**
 * The pivot grid: rows and columns virtualised (smooth at 170 units × 36 months), header rows sticky at
 * the top and row headers sticky at the left, subtotal and total rows styled, row groups collapsible,
 * optional heat shading per value column. Keyboard: arrows move the active cell, Enter drills through,
 * Space folds a group on a subtotal row.
 */
export function PivotTable({ grid, text, heat, onDrill, canDrill }: PivotTableProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState({ r: 0, c: 0 });
  const rows = useMemo(() => visibleRows(grid, collapsed), [grid, collapsed]);
  const ranges = useMemo(() => (heat ? heatRanges(grid) : []), [grid, heat]);
  const lead = grid.rowHeaderCount;
  const width = lead * HEAD_W + grid.columns.length * COL_W;

  const rowV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    overscan: 12,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: grid.columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_W,
    overscan: 4,
  });
  const vcols = colV.getVirtualItems();
  const padLeft = vcols[0]?.start ?? 0;

  const toggle = (r: GridRow) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      const id = groupId(r);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const focusCell = (r: number, c: number) => {
    const rr = Math.max(0, Math.min(rows.length - 1, r));
    const cc = Math.max(0, Math.min(grid.columns.length - 1, c));
    setActive({ r: rr, c: cc });
    rowV.scrollToIndex(rr, { align: 'auto' });
    colV.scrollToIndex(cc, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current
        ?.querySelector<HTMLElement>(`[data-cell="${rr}:${cc}"]`)
        ?.focus({ preventScroll: true }),
    );
  };

  const onKey = (e: KeyboardEvent) => {
    const { r, c } = active;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_H) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      PageDown: [r + page, c],
      PageUp: [r - page, c],
      Home: [r, 0],
      End: [r, grid.columns.length - 1],
    };
    const to = moves[e.key];
    const row = rows[r];
    const col = grid.columns[c];
    if (to) focusCell(to[0], to[1]);
    else if (e.key === 'Enter' && row && col && onDrill && canDrill(row, col)) onDrill(row, col);
    else if (e.key === ' ' && row?.kind === 'subtotal') toggle(row);
    else return;
    e.preventDefault();
  };

  const headCell = (label: string, i: number, extra = '') => (
    <div
      key={`h${i}`}
      role="columnheader"
      className={`pivot-grid__cell pivot-grid__cell--rowhead pivot-grid__cell--headrow ${extra}`}
      style={{ left: i * HEAD_W, width: HEAD_W }}
    >
      {label}
    </div>
  );

  return (
    <div
      className="pivot-grid"
      ref={scroller}
      role="grid"
      aria-label={t('pivot.gridLabel', { rows: rows.length, cols: grid.columns.length })}
      aria-rowcount={grid.headers.length + rows.length}
      aria-colcount={lead + grid.columns.length}
      onKeyDown={onKey}
      data-testid="pivot-grid"
    >
      <div style={{ width, position: 'relative' }}>
        <div className="pivot-grid__head" role="rowgroup">
          {grid.headers.map((h, hi) => (
            <div
              key={hi}
              role="row"
              className={`pivot-grid__row${hi === grid.headers.length - 1 ? ' pivot-grid__row--values' : ''}`}
              aria-rowindex={hi + 1}
              style={{ width, height: hi === grid.headers.length - 1 ? VALUE_HEAD_H : ROW_H }}
            >
              {h.slice(0, lead).map((label, i) => headCell(label, i))}
              <div style={{ width: padLeft, flex: 'none' }} />
              {vcols.map((vc) => {
                const label = h[lead + vc.index] ?? '';
                const prev = vc.index > 0 ? h[lead + vc.index - 1] : undefined;
                const col = grid.columns[vc.index];
                const group = hi < grid.headers.length - 1;
                const cont = group && prev === label && vc.index !== vcols[0]?.index;
                // A column group's label spans its columns: no rule inside the group.
                const open = group && h[lead + vc.index + 1] === label;
                return (
                  <div
                    key={vc.key}
                    role="columnheader"
                    className={`pivot-grid__cell pivot-grid__cell--head${col?.kind !== 'detail' ? ' pivot-grid__cell--total' : ''}${open ? ' pivot-grid__cell--open' : ''}${group ? ' pivot-grid__cell--group' : ''}`}
                    style={{ width: COL_W }}
                    title={label}
                  >
                    {cont ? '' : label}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" style={{ height: rowV.getTotalSize(), position: 'relative' }}>
          {rowV.getVirtualItems().map((vr) => {
            const row = rows[vr.index];
            if (!row) return null;
            const labels = shownLabels(rows, vr.index);
            const foldable = row.kind === 'subtotal';
            const isCollapsed = foldable && collapsed.has(groupId(row));
            return (
              <div
                key={vr.key}
                role="row"
                aria-rowindex={grid.headers.length + vr.index + 1}
                className={`pivot-grid__row pivot-grid__row--body pivot-grid__row--${row.kind}`}
                style={{ width, height: ROW_H, transform: `translateY(${vr.start}px)` }}
                data-row-kind={row.kind}
                data-row-key={row.keys.map((k) => k ?? '').join('|')}
              >
                {Array.from({ length: lead }, (_, i) => {
                  const label = labels[i] ?? '';
                  const fold = foldable && i === row.level - 1;
                  return (
                    <div
                      key={`r${i}`}
                      role="rowheader"
                      className="pivot-grid__cell pivot-grid__cell--rowhead"
                      style={{ left: i * HEAD_W, width: HEAD_W }}
                      title={label}
                    >
                      {fold && (
                        <button
                          type="button"
                          className="pivot-grid__fold"
                          aria-expanded={!isCollapsed}
                          aria-label={t(isCollapsed ? 'pivot.expand' : 'pivot.collapse', {
                            name: row.labels[i] ?? '',
                          })}
                          onClick={() => toggle(row)}
                        >
                          {isCollapsed ? '▸' : '▾'}
                        </button>
                      )}
                      <span className="pivot-grid__label">{label}</span>
                    </div>
                  );
                })}
                <div style={{ width: padLeft, flex: 'none' }} />
                {vcols.map((vc) => {
                  const col = grid.columns[vc.index];
                  const v = row.cells[vc.index] ?? null;
                  if (!col) return null;
                  const level = heat && row.kind === 'detail' ? heatLevel(v, ranges[vc.index]) : null;
                  const drill = onDrill !== undefined && canDrill(row, col);
                  const isActive = active.r === vr.index && active.c === vc.index;
                  return (
                    <div
                      key={vc.key}
                      role="gridcell"
                      tabIndex={isActive ? 0 : -1}
                      data-cell={`${vr.index}:${vc.index}`}
                      data-col-key={`${col.keys.map((k) => k ?? '').join('|')}#${col.value}`}
                      className={`pivot-grid__cell pivot-grid__cell--num${col.kind !== 'detail' ? ' pivot-grid__cell--total' : ''}${drill ? ' pivot-grid__cell--drill' : ''}`}
                      style={{
                        width: COL_W,
                        ...(level !== null ? { ['--heat' as string]: String(level) } : {}),
                      }}
                      data-heat={level !== null ? '' : undefined}
                      title={text.cellWithUnit(v, col.value)}
                      onClick={() => {
                        setActive({ r: vr.index, c: vc.index });
                        if (drill && onDrill) onDrill(row, col);
                      }}
                    >
                      {text.cell(v, col.value)}
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
