import { useTranslation } from 'react-i18next';
import { formatNumber, formatValue, type UiLang } from '../../format/numbers';
import type { UnitDatum } from './map-model';

/** Props of MapTable. */
export interface MapTableProps {
  units: readonly UnitDatum[];
  unit: string;
  lang: UiLang;
  /** False when the mode shows no measure (only the model counts). */
  showValue: boolean;
}

/** The map's figures as a table (screen readers, copying): one row per unit, largest value first. */
export function MapTable({ units, unit, lang, showValue }: MapTableProps) {
  const { t } = useTranslation();
  const rows = [...units].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'),
  );
  return (
    <details className="map-table card">
      <summary>{t('map.table')}</summary>
      <div className="map-table__scroll">
        <table data-testid="map-table">
          <thead>
            <tr>
              <th scope="col">{t('map.col.unit')}</th>
              {showValue && <th scope="col">{t('map.col.value')}</th>}
              <th scope="col">{t('map.col.models')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.code} data-unit={u.code}>
                <th scope="row">{u.name}</th>
                {showValue && <td data-value={u.value ?? ''}>{formatValue(u.value, unit, lang)}</td>}
                <td data-models={u.models}>{formatNumber(u.models, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
