import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../api/arrow';
import { ChartCard } from '../../charts/ChartCard';
import { categoryBarOption } from '../../charts/options/category-bar';
import { lightTheme } from '../../charts/theme';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import { useAtlas } from '../../state/store';
import type { QueryState } from '../../state/use-query';

/** Props of FieldsChart. */
export interface FieldsChartProps {
  query: QueryState;
  onDrawn: (key: string | null) => void;
}

/** Models by field, largest first; clicking a bar toggles that field in the global filter. */
export function FieldsChart({ query, onDrawn }: FieldsChartProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const selected = useAtlas((s) => s.filter.fields);
  const toggleValue = useAtlas((s) => s.toggleValue);
  const rows = useMemo(
    () =>
      query.data
        ? toRows(query.data)
            .filter((r) => typeof r.key === 'string')
            .map((r) => ({
              key: r.key as string,
              label: vocabLabel('field', r.key as string, lang),
              value: typeof r.m0 === 'number' ? r.m0 : null,
            }))
        : null,
    [query.data, lang],
  );
  const option = useMemo(
    () =>
      rows
        ? categoryBarOption(rows, lightTheme, lang, t, {
            unit: t('units.models'),
            ...(selected ? { highlighted: selected } : {}),
          })
        : null,
    [rows, lang, t, selected],
  );
  const height = Math.max(220, (rows?.length ?? 8) * 30 + 24);
  return (
    <ChartCard
      id="by-field"
      title={t('overview.byField')}
      hint={t('overview.byFieldHint')}
      query={query}
      empty={!rows || rows.length === 0}
      option={option}
      height={height}
      ariaLabel={t('overview.byFieldAria')}
      onItemClick={(name) => toggleValue('fields', name)}
      onDrawn={onDrawn}
    />
  );
}
