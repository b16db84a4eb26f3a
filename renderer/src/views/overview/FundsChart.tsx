import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../api/arrow';
import { ChartCard } from '../../charts/ChartCard';
import { monthlyBarOption } from '../../charts/options/monthly-bar';
import { lightTheme } from '../../charts/theme';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import type { QueryState } from '../../state/use-query';

/** Props of FundsChart. */
export interface FundsChartProps {
  query: QueryState;
  onDrawn: (key: string | null) => void;
}

/** Funds mobilised per month (sum over the filtered models), gaps kept for months with no reports. */
export function FundsChart({ query, onDrawn }: FundsChartProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useMemo(
    () =>
      query.data
        ? toRows(query.data)
            .filter((r) => typeof r.key === 'string')
            .map((r) => ({ period: r.key as string, value: typeof r.m0 === 'number' ? r.m0 : null }))
        : null,
    [query.data],
  );
  const option = useMemo(
    () =>
      rows
        ? monthlyBarOption(rows, lightTheme, lang, t, {
            unit: vocabLabel('unit', 'đồng', lang),
            name: t('overview.kpi.funds'),
          })
        : null,
    [rows, lang, t],
  );
  return (
    <ChartCard
      id="funds-by-month"
      title={t('overview.fundsByMonth')}
      hint={t('overview.fundsByMonthHint')}
      query={query}
      empty={!rows || rows.every((r) => r.value === null)}
      option={option}
      height={320}
      ariaLabel={t('overview.fundsByMonthAria')}
      onDrawn={onDrawn}
    />
  );
}
