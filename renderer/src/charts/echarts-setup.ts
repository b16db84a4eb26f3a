/**
 * ECharts core with only what DVK Atlas draws registered (tree-shaken bundle) and the canvas renderer.
 * Add a chart or component here when a view needs it. The SVG renderer is for SVG export only.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
// The map: a geo component with scatter (points, bubbles), lines (replication) and heatmap (density).
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
// Trends: brush and zoom on the time axis, flag markers, Tết and start/stop annotations.
import {
  BrushComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  // Exports: titles and footers (title, graphic), legends, and SVG files (the SVG renderer).
  TitleComponent,
  GraphicComponent,
  LegendComponent,
  SVGRenderer,
  GeoComponent,
  ScatterChart,
  LinesChart,
  BrushComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
]);

export { echarts };
