import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../export/ExportMenu';
import { usePresentable } from '../../export/registry';
import type { ChartItem } from '../../export/types';
import type { TrendsExportItem } from './trends-export';

/** One trend chart registered for the deck and presentation mode, with its export menu. */
function TrendsExport({ item, order }: { item: TrendsExportItem; order: number }) {
  const presentable = useMemo<ChartItem>(
    () => ({ kind: 'chart', id: item.id, title: item.title, option: item.option, order }),
    [item, order],
  );
  usePresentable(presentable);
  return (
    <li className="trends__export" data-trends-export={item.id}>
      <span className="trends__export-title">{item.title}</span>
      <ExportMenu item={presentable} inline />
    </li>
  );
}

/**
 * The Trends chart's presentable items (the whole chart and each panel): they reach the export menus,
 * the deck and presentation mode like every ChartCard, while the chart on screen keeps its own canvas
 * for the brush.
 */
export function TrendsExports({ items }: { items: readonly TrendsExportItem[] }) {
  const { t } = useTranslation();
  return (
    <details className="trends__exports" data-testid="trends-exports">
      <summary>{t('trends.exportsTitle')}</summary>
      <ul>
        {items.map((item, i) => (
          <TrendsExport key={item.id} item={item} order={i} />
        ))}
      </ul>
    </details>
  );
}
