import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod, type UiLang } from '../format/numbers';
import { monthsBetween } from '../format/months';

/** Props of PeriodRange. */
export interface PeriodRangeProps {
  /** The workspace's data months ('YYYY-MM'); null when it holds no values. */
  min: string | null;
  max: string | null;
  from: string | undefined;
  to: string | undefined;
  lang: UiLang;
  onChange: (from: string | null, to: string | null) => void;
}

/** Two month pickers bounded by the workspace's period range; an empty choice leaves that end open. */
export function PeriodRange({ min, max, from, to, lang, onChange }: PeriodRangeProps) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const months = min && max ? monthsBetween(min, max) : [];
  const options = (selected: string | undefined) => {
    // Keep a month from a shared link visible even when this workspace's range does not hold it.
    const list = selected && !months.includes(selected) ? [selected, ...months] : months;
    return list.map((m) => (
      <option key={m} value={m}>
        {formatPeriod(m, lang)}
      </option>
    ));
  };
  return (
    <div className="period-range" role="group" aria-label={`${t('filters.from')} – ${t('filters.to')}`}>
      <div className="filter-field">
        <label htmlFor={fromId}>{t('filters.from')}</label>
        <select id={fromId} value={from ?? ''} onChange={(e) => onChange(e.target.value || null, to ?? null)}>
          <option value="">{t('filters.anyMonth')}</option>
          {options(from)}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={toId}>{t('filters.to')}</label>
        <select id={toId} value={to ?? ''} onChange={(e) => onChange(from ?? null, e.target.value || null)}>
          <option value="">{t('filters.anyMonth')}</option>
          {options(to)}
        </select>
      </div>
    </div>
  );
}
