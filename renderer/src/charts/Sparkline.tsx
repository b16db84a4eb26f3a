import { sparklineGeometry } from './sparkline-path';
import './sparkline.css';

/** Props of Sparkline. */
export interface SparklineProps {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  ariaLabel: string;
}

/** A tiny inline SVG line of monthly values, broken where months are missing. */
export function Sparkline({ values, width = 320, height = 36, ariaLabel }: SparklineProps) {
  const g = sparklineGeometry(values, width, height, 3);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={ariaLabel}
    >
      <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="sparkline__base" />
      {g.d && <path d={g.d} className="sparkline__line" />}
      {g.dots.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={1.6} className="sparkline__dot" />
      ))}
      {g.last && <circle cx={g.last.x} cy={g.last.y} r={2.6} className="sparkline__last" />}
    </svg>
  );
}
