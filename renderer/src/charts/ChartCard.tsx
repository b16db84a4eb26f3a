import { useEffect, type Ref } from 'react';
import { DataState } from '../components/DataState';
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
}

/** A titled card holding one chart with the common loading, empty and error states. */
export function ChartCard(props: ChartCardProps) {
  const { id, title, hint, query, empty, option, height, ariaLabel, onItemClick, onDrawn, chartRef } = props;
  const showsChart = !query.error && option !== null && !(empty && !query.loading);
  // Empty and error states are on screen as soon as they commit; drawn charts report from ECharts.
  useEffect(() => {
    if (!showsChart && !query.loading && onDrawn) onDrawn(query.error ? query.key : query.dataKey);
  }, [showsChart, query.loading, query.error, query.key, query.dataKey, onDrawn]);

  return (
    <section className="card chart-card" data-chart={id} aria-labelledby={`${id}-title`}>
      <header className="card__header">
        <h2 className="card__title" id={`${id}-title`}>
          {title}
        </h2>
        {hint && <p className="card__hint">{hint}</p>}
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
