import { useEffect, useRef } from 'react';
import { echarts } from '../../charts/echarts-setup';
import { fitForPrint } from '../../charts/print-fit';
import type { SeriesChartOption } from '../../charts/options/series-chart';
import '../../charts/echart.css';

/** Props of SeriesCanvas. */
export interface SeriesCanvasProps {
  option: SeriesChartOption;
  height: number;
  ariaLabel: string;
  /** Brushing on: called with the axis indices [first, last] the user swept over. */
  onBrush?: (range: [number, number]) => void;
  /** Reported once the option built for `renderKey` has been drawn (tests wait for it). */
  renderKey: string;
}

/**
 * The trend chart host. Like charts/EChart but it also listens to the brush: after each option the brush
 * cursor (lineX over the period axes) is armed, and the end of a sweep reports the category indices
 * covered, then clears the brush (the selection is drawn by the option as a shaded area instead, so it
 * survives re-renders).
 */
export function SeriesCanvas({ option, height, ariaLabel, onBrush, renderKey }: SeriesCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const brushRef = useRef(onBrush);
  useEffect(() => {
    brushRef.current = onBrush;
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('brushEnd', (p) => {
      const areas = (p as { areas?: { coordRange?: number[] | number[][] }[] }).areas ?? [];
      const range = areas[0]?.coordRange;
      const flat = Array.isArray(range?.[0]) ? (range[0] as number[]) : (range as number[] | undefined);
      if (flat && flat.length === 2 && brushRef.current) {
        const a = Math.max(0, Math.round(Math.min(flat[0] as number, flat[1] as number)));
        const b = Math.round(Math.max(flat[0] as number, flat[1] as number));
        brushRef.current([a, b]);
      }
      c.dispatchAction({ type: 'brush', areas: [] });
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

  // Arming the brush depends on whether there is a handler, not on its identity (new every render).
  const armed = onBrush !== undefined;
  useEffect(() => {
    const c = chart.current;
    const el = host.current;
    if (!c || !el) return;
    el.removeAttribute('data-rendered');
    const done = () => {
      c.off('rendered', done);
      el.setAttribute('data-rendered', renderKey);
    };
    c.on('rendered', done);
    c.resize();
    c.setOption(option, { notMerge: true });
    if (armed)
      c.dispatchAction({
        type: 'takeGlobalCursor',
        key: 'brush',
        brushOption: { brushType: 'lineX', brushMode: 'single' },
      });
    return () => {
      c.off('rendered', done);
    };
  }, [option, renderKey, armed]);

  return (
    <div
      ref={host}
      className="echart trends-canvas"
      data-testid="trends-canvas"
      style={{ height }}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
