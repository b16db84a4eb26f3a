/**
 * Export the pivot through the engine ('export.pivot') and hand the bytes to the browser as a download
 * (a Blob and a temporary <a download>); the Electron shell shows its save dialog for downloads.
 */
import type { PivotSpec } from '../../../../shared/pivot-spec';
import type { Filter } from '../../../../shared/specs';
import { getApi } from '../../api';
import { saveBytes } from '../../export/save';

/** Labels for the filter summary, in the UI language. */
export interface FilterWords {
  province: string;
  unit: string;
  unitType: string;
  field: string;
  sponsor: string;
  status: string;
  recognition: string;
  startYear: string;
  indicator: string;
  period: string;
  search: string;
  none: string;
  /** The catalogue name of an indicator code (the code itself when not given). */
  indicatorName?: (code: string) => string;
}

/** One line per active filter: "Lĩnh vực: An sinh xã hội, Chỉnh trang đô thị". */
export function filtersText(f: Filter, w: FilterWords): string {
  const parts: string[] = [];
  const add = (label: string, xs: readonly string[] | undefined) =>
    xs?.length && parts.push(`${label}: ${xs.join(', ')}`);
  add(w.province, f.provinces);
  add(w.unit, f.units);
  add(w.unitType, f.unitTypes);
  add(w.field, f.fields);
  add(w.sponsor, f.sponsors);
  add(w.status, f.statuses);
  add(w.recognition, f.recognitions);
  add(w.startYear, f.startYears);
  add(
    w.indicator,
    f.indicators?.map((c) => w.indicatorName?.(c) ?? c),
  );
  if (f.period?.from || f.period?.to)
    parts.push(`${w.period}: ${f.period.from ?? '…'} – ${f.period.to ?? '…'}`);
  if (f.search) parts.push(`${w.search}: ${f.search}`);
  return parts.length ? parts.join('; ') : w.none;
}

/** Run the export and download the file. Rejects with the engine's error. */
export async function exportPivotFile(
  spec: PivotSpec,
  format: 'xlsx' | 'csv',
  opts: { title: string; filtersText: string; locale: 'vi' | 'en' },
): Promise<void> {
  const api = await getApi();
  const file = await api.call('export.pivot', { spec, format, ...opts });
  saveBytes(file.fileName, file.bytes, file.mime);
}
