import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of KpiTile. */
export interface KpiTileProps {
  /** Stable id ('models', 'funds'…) for tests and styling. */
  id: string;
  label: string;
  /** The figure as shown ("1,2 tỷ"); undefined while loading. */
  value: string | undefined;
  /** Unit written small after the figure ("đồng"). */
  unit?: string;
  /** Full-precision text for the tooltip and screen readers. */
  title?: string;
  detail?: ReactNode;
  loading: boolean;
  empty: boolean;
}

/** One KPI figure with its label, in loading, empty or ready state (errors are shown for the whole row). */
export function KpiTile({ id, label, value, unit, title, detail, loading, empty }: KpiTileProps) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (value === undefined) {
    body = (
      <p className="kpi__value kpi__value--loading" aria-label={t('state.loading')}>
        <span className="kpi__skeleton" />
      </p>
    );
  } else if (empty) body = <p className="kpi__empty">{t('state.empty')}</p>;
  else {
    body = (
      <>
        <p className="kpi__value" title={title}>
          <span className="kpi__number">{value}</span>
          {unit && <span className="kpi__unit"> {unit}</span>}
        </p>
        {detail && <p className="kpi__detail">{detail}</p>}
      </>
    );
  }
  return (
    <article className={`kpi card${loading ? ' kpi--busy' : ''}`} data-kpi={id} aria-busy={loading}>
      <h3 className="kpi__label">{label}</h3>
      {body}
    </article>
  );
}
