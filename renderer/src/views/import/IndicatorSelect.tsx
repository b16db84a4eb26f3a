import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATORS } from '../../../../shared/catalog';
import { useLang } from '../../i18n';
import { useWorkspace } from '../../state/workspace';

/** Props of IndicatorSelect. */
export interface IndicatorSelectProps {
  value: string;
  onChange: (code: string) => void;
  label: string;
}

/** The indicator a wide value column holds: the catalogue (built in and imported) or a new code. */
export function IndicatorSelect({ value, onChange, label }: IndicatorSelectProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const ws = useWorkspace((w) => w.state);
  const options = useMemo(() => {
    const list =
      ws.status === 'ready'
        ? ws.catalog.indicators.map((i) => ({ code: i.code, vi: i.name_vi, en: i.name_en }))
        : INDICATORS.map((i) => ({ code: i.code, vi: i.name_vi, en: i.name_en }));
    return list.map((i) => ({ code: i.code, label: lang === 'en' ? (i.en ?? i.vi) : i.vi }));
  }, [ws, lang]);
  const known = value === '' || options.some((o) => o.code === value);
  return (
    <select
      className="import-select import-select--indicator"
      value={value}
      aria-label={label}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('import.mapping.chooseIndicator')}</option>
      {!known && <option value={value}>{t('import.mapping.newIndicator', { code: value })}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
