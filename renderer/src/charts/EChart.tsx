import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { echarts } from './echarts-setup';
import { fitForPrint } from './print-fit';
import type { ChartOption } from './types';
import './echart.css';

/** What a chart offers its parent (export, presentation mode). */
export interface ChartHandle {
  /** PNG data URL of the chart as drawn (2× pixels, white background); null before init. */
  getDataURL: (opts?: { pixelRatio?: number; backgroundColor?: string }) => string | null;
}

/** Props of EChart. */
export interface EChartProps {
  option: ChartOption;
  /** CSS height of the drawing area; width follows the container. */
  height: number | string;
  /** Text alternative of the chart for screen readers. */
  ariaLabel: string;
  /** Click on a data item: its `name` (the category key) and index. */
  onItemClick?: (name: string, dataIndex: number) => void;
  /** Called once after the option built for `renderKey` has been drawn. */
  onRendered?: (renderKey: string | null) => void;
  renderKey?: string | null;
  ref?: Ref<ChartHandle>;
}

/**
 * The one ECharts wrapper: init on mount (canvas renderer), setOption on every option change (not
 * merged, so removed data disappears), resize with the container (ResizeObserver), dispose on unmount.
 */
export function EChart({
  option,
  height,
  ariaLabel,
  onItemClick,
  onRendered,
  renderKey = null,
  ref,
}: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const handlers = useRef({ onItemClick, onRendered });
  useEffect(() => {
    handlers.current = { onItemClick, onRendered };
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.name === 'string') handlers.current.onItemClick?.(p.name, p.dataIndex);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    const unfit = fitForPrint(c, el);
    return () => {
      unfit();
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const done = () => {
      c.off('rendered', done);
      handlers.current.onRendered?.(renderKey);
    };
    // Subscribe first: setOption may repaint synchronously and fire 'rendered' before returning.
    c.on('rendered', done);
    c.setOption(option, { notMerge: true });
    return () => {
      c.off('rendered', done);
    };
  }, [option, renderKey]);

  useImperativeHandle(
    ref,
    () => ({
      getDataURL: (o) =>
        chart.current?.getDataURL({
          type: 'png',
          pixelRatio: o?.pixelRatio ?? 2,
          backgroundColor: o?.backgroundColor ?? '#ffffff',
        }) ?? null,
    }),
    [],
  );

  return <div ref={host} className="echart" style={{ height }} role="img" aria-label={ariaLabel} />;
}
