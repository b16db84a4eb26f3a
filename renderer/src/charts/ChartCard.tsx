import { useEffect, useMemo, type Ref } from 'react';
import { DataState } from '../components/DataState';
import { ExportMenu } from '../export/ExportMenu';
import { usePresentable } from '../export/registry';
import type { ChartItem } from '../export/types';
import type { QueryState } from '../state/use-query';
import { EChart, type ChartHandle } from './EChart';
import type { ChartOption } from './types';

/** Props of ChartCard. */
export interface ChartCardProps {
  /** Stable id for tests ('by-field'). */
  id: string;
  title: string;
  hint?: string;
  query: QueryState;
  /** True when the current result has nothing to draw. */
  empty: boolean;
  /** Built from the result (null while there is none). */
  option: ChartOption | null;
  height: number;
  ariaLabel: string;
  onItemClick?: (name: string, dataIndex: number) => void;
  /** Reports the spec key whose result is now on screen (drawn, or shown as empty/error). */
  onDrawn?: (key: string | null) => void;
  chartRef?: Ref<ChartHandle>;
  /** Position among the page's items for decks and presentation mode (lower first). */
  order?: number;
}

/**
 * A titled card holding one chart with the common loading, empty and error states. Every card is
 * registered as a presentable item and gets an export menu (PNG 2×/3×, SVG, clipboard), so each view's
 * charts reach the deck, presentation mode and printing without code of their own.
 */
export function ChartCard(props: ChartCardProps) {
  const { id, title, hint, query, empty, option, height, ariaLabel, onItemClick, onDrawn, chartRef, order } =
    props;
  const showsChart = !query.error && option !== null && !(empty && !query.loading);
  // Empty and error states are on screen as soon as they commit; drawn charts report from ECharts.
  useEffect(() => {
    if (!showsChart && !query.loading && onDrawn) onDrawn(query.error ? query.key : query.dataKey);
  }, [showsChart, query.loading, query.error, query.key, query.dataKey, onDrawn]);
  const item = useMemo<ChartItem>(
    () => ({
      kind: 'chart',
      id,
      title,
      option: showsChart ? option : null,
      ...(order !== undefined ? { order } : {}),
    }),
    [id, title, option, showsChart, order],
  );
  usePresentable(item);

  return (
    <section className="card chart-card" data-chart={id} aria-labelledby={`${id}-title`}>
      <header className="card__header">
        <h2 className="card__title" id={`${id}-title`}>
          {title}
        </h2>
        {hint && <p className="card__hint">{hint}</p>}
        <ExportMenu item={item} />
      </header>
      <div className="chart-card__body" style={{ minHeight: height }}>
        <DataState
          loading={query.loading}
          error={query.error}
          hasData={option !== null}
          empty={empty}
          onRetry={query.retry}
        >
          {option && (
            <EChart
              option={option}
              height={height}
              ariaLabel={ariaLabel}
              renderKey={query.dataKey}
              {...(onItemClick ? { onItemClick } : {})}
              {...(onDrawn ? { onRendered: onDrawn } : {})}
              {...(chartRef ? { ref: chartRef } : {})}
            />
          )}
        </DataState>
      </div>
    </section>
  );
}
