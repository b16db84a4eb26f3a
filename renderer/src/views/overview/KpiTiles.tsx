import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatCompact, formatNumber, formatPercent, formatValue } from '../../format/numbers';
import { useLang } from '../../i18n';
import { vocabLabel } from '../../i18n/vocab';
import type { QueryState } from '../../state/use-query';
import { readKpis } from './kpi-values';
import { KpiTile } from './KpiTile';

/** Props of KpiTiles. */
export interface KpiTilesProps {
  kpi: QueryState;
  status: QueryState;
  /** Number of units in the workspace (for "x of y communes"). */
  totalUnits: number;
}

/** The six headline figures of the Overview, following the global filter. */
export function KpiTiles({ kpi, status, totalUnits }: KpiTilesProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const v = readKpis(kpi.data, status.data);
  const noModels = v.models === 0;
  const common = { loading: kpi.loading };
  const unit = (u: string) => vocabLabel('unit', u, lang);
  const count = (n: number | null | undefined) => (n === undefined ? undefined : formatNumber(n, lang));
  const compact = (n: number | null | undefined) =>
    n === undefined ? undefined : formatCompact(n, null, lang);
  const full = (n: number | null | undefined, u: string) =>
    n == null ? undefined : formatValue(n, unit(u), lang);
  const pct = v.active != null && v.models ? formatPercent(v.active / v.models, lang) : null;

  // One query feeds five tiles: a failure is said once, with one retry, not five times.
  const failed = kpi.error ?? status.error;
  if (failed) {
    const retry = () => {
      if (kpi.error) kpi.retry();
      if (status.error) status.retry();
    };
    return (
      <section className="kpis kpis--error card" aria-label={t('overview.kpiLabel')}>
        <ErrorState error={failed} onRetry={retry} />
      </section>
    );
  }

  return (
    <section className="kpis" aria-label={t('overview.kpiLabel')}>
      <KpiTile
        id="models"
        label={t('overview.kpi.models')}
        value={count(v.models)}
        empty={noModels}
        {...common}
      />
      <KpiTile
        id="active"
        label={t('overview.kpi.active')}
        value={count(v.active)}
        empty={noModels}
        detail={pct ? t('overview.kpi.activeShare', { pct }) : undefined}
        loading={status.loading}
      />
      <KpiTile
        id="units"
        label={t('overview.kpi.units')}
        value={count(v.units)}
        empty={noModels}
        detail={totalUnits ? t('overview.kpi.unitsOf', { total: formatNumber(totalUnits, lang) }) : undefined}
        {...common}
      />
      <KpiTile
        id="funds"
        label={t('overview.kpi.funds')}
        value={compact(v.funds)}
        unit={unit('đồng')}
        title={full(v.funds, 'đồng')}
        empty={noModels || v.funds === null}
        {...common}
      />
      <KpiTile
        id="beneficiaries"
        label={t('overview.kpi.beneficiaries')}
        value={compact(v.beneficiaries)}
        unit={unit('người')}
        title={full(v.beneficiaries, 'người')}
        empty={noModels || v.beneficiaries === null}
        {...common}
      />
      <KpiTile
        id="households"
        label={t('overview.kpi.households')}
        value={compact(v.households)}
        unit={unit('hộ')}
        title={full(v.households, 'hộ')}
        empty={noModels || v.households === null}
        {...common}
      />
    </section>
  );
}
