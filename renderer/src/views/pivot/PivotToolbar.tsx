import { useTranslation } from 'react-i18next';
import type { Grain } from '../../../../shared/specs';
import { swapAxes, type PivotLayout } from './pivot-layout';

/** How the pivot is drawn. */
export type PivotDisplay = 'table' | 'bar' | 'stacked' | 'line' | 'heatmap';
const DISPLAYS: readonly PivotDisplay[] = ['table', 'bar', 'stacked', 'line', 'heatmap'];

/** Props of PivotToolbar. */
export interface PivotToolbarProps {
  layout: PivotLayout;
  onChange: (l: PivotLayout) => void;
  heat: boolean;
  onHeat: (on: boolean) => void;
  display: PivotDisplay;
  onDisplay: (d: PivotDisplay) => void;
  exporting: boolean;
  onExport: (format: 'xlsx' | 'csv') => void;
}

const SORTS = ['label_asc', 'label_desc', 'value_desc', 'value_asc'] as const;
type SortChoice = (typeof SORTS)[number];
const TOP_NS = [0, 5, 10, 20, 50] as const;

function sortChoice(l: PivotLayout): SortChoice {
  const by = l.sort?.by ?? 'label';
  const dir = l.sort?.dir ?? (by === 'value' ? 'desc' : 'asc');
  return `${by}_${dir}` as SortChoice;
}

/** Controls above the grid: period grain, sort, top-N, swap axes, heat map, display, export. */
export function PivotToolbar(p: PivotToolbarProps) {
  const { t } = useTranslation();
  const l = p.layout;
  const usesPeriod = l.rows.includes('period') || l.columns.includes('period');
  const setSort = (c: SortChoice) => {
    const [by, dir] = c.split('_') as ['label' | 'value', 'asc' | 'desc'];
    p.onChange({ ...l, sort: { by, dir, ...(by === 'value' ? { value: 0 } : {}) } });
  };
  const setTopN = (n: number) => {
    const { topN: _old, ...rest } = l;
    p.onChange(n > 0 ? { ...rest, topN: { n, value: 0 } } : rest);
  };
  return (
    <div className="pivot-toolbar" role="toolbar" aria-label={t('pivot.title')}>
      {usesPeriod && (
        <label className="pivot-toolbar__field">
          <span>{t('pivot.grain')}</span>
          <select
            value={l.grain ?? 'month'}
            onChange={(e) => p.onChange({ ...l, grain: e.target.value as Grain })}
          >
            {(['month', 'quarter', 'year'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`pivot.grains.${g}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="pivot-toolbar__field">
        <span>{t('pivot.sort.label')}</span>
        <select value={sortChoice(l)} onChange={(e) => setSort(e.target.value as SortChoice)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`pivot.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="pivot-toolbar__field">
        <span>{t('pivot.topN')}</span>
        <select
          value={l.topN?.n ?? 0}
          disabled={l.rows.length === 0}
          onChange={(e) => setTopN(Number(e.target.value))}
          data-testid="pivot-topn"
        >
          {TOP_NS.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('pivot.topNNone') : n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => p.onChange(swapAxes(l))}>
        {t('pivot.swap')}
      </button>
      <label className="pivot-toolbar__check">
        <input type="checkbox" checked={p.heat} onChange={(e) => p.onHeat(e.target.checked)} />
        <span>{t('pivot.heat')}</span>
      </label>
      <label className="pivot-toolbar__field">
        <span>{t('pivot.display.label')}</span>
        <select
          value={p.display}
          onChange={(e) => p.onDisplay(e.target.value as PivotDisplay)}
          data-testid="pivot-display"
        >
          {DISPLAYS.map((d) => (
            <option key={d} value={d}>
              {t(`pivot.display.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="pivot-toolbar__spacer" />
      <button
        type="button"
        className="button button--primary"
        disabled={p.exporting}
        onClick={() => p.onExport('xlsx')}
      >
        {p.exporting ? t('pivot.exporting') : t('pivot.exportXlsx')}
      </button>
      <button type="button" className="button" disabled={p.exporting} onClick={() => p.onExport('csv')}>
        {t('pivot.exportCsv')}
      </button>
    </div>
  );
}
