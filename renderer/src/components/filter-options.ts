/** Filter-bar choices built from the catalogue, labelled in the UI language. */
import type { CatalogInfo } from '../../../shared/api';
import type { UiLang } from '../format/numbers';
import { vocabLabel, type VocabKind } from '../i18n/vocab';
import type { Option } from './MultiSelect';

const fromList = (values: readonly string[], kind: VocabKind | null, lang: UiLang): Option[] =>
  values.map((v) => ({ value: v, label: kind ? vocabLabel(kind, v, lang) : v }));

/** Options of every multi-select; units narrow to the chosen provinces when some are chosen. */
export function filterOptions(catalog: CatalogInfo, lang: UiLang, provinces: readonly string[] = []) {
  const units = provinces.length
    ? catalog.units.filter((u) => u.province !== null && provinces.includes(u.province))
    : catalog.units;
  return {
    provinces: fromList(catalog.provinces, null, lang),
    units: units.map((u) => ({ value: u.code, label: u.name })),
    fields: fromList(catalog.fields, 'field', lang),
    sponsors: fromList(catalog.sponsors, 'sponsor', lang),
    statuses: fromList(catalog.statuses, 'status', lang),
  };
}
