import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotGrid } from '../../../../shared/pivot-grid';
import { EChart } from '../../charts/EChart';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import type { ChartItem } from '../../export/types';
import { pivotChartData, pivotChartOption, type PivotChartKind } from '../../charts/options/pivot-chart';
import { lightTheme } from '../../charts/theme';
import { formatCompact } from '../../format/numbers';
import { useLang } from '../../i18n';
import type { PivotText } from './use-pivot-text';

/** Props of PivotChart. */
export interface PivotChartProps {
  grid: PivotGrid;
  text: PivotText;
  kind: PivotChartKind;
}

/** The pivot drawn as bars, stacked bars or lines (first value; series = column groups). */
export function PivotChart({ grid, text, kind }: PivotChartProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useMemo(() => pivotChartData(grid), [grid]);
  const option = useMemo(
    () =>
      pivotChartOption(
        data,
        kind,
        lightTheme,
        (v) => text.cellWithUnit(v, 0),
        (v) => formatCompact(v, null, lang),
      ),
    [data, kind, text, lang],
  );
  const item = useMemo<ChartItem>(
    () => ({
      kind: 'chart',
      id: 'pivot-chart',
      title: `${t('pivot.title')} — ${text.grid.value(0)}`,
      option,
    }),
    [option, t, text],
  );
  usePresentable(item);
  return (
    <div className="pivot-chart export-host" data-testid="pivot-chart">
      <ExportMenu item={item} />
      <EChart option={option} height="100%" ariaLabel={t('pivot.chartAria', { value: text.grid.value(0) })} />
    </div>
  );
}
