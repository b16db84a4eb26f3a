/**
 * The title/subtitle/date/source frame of every export, from the live state: the global filter (the
 * same summary the pivot export writes), the workspace's last data month and the source line.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../shared/specs';
import type { Translate } from '../charts/types';
import { formatPeriod, type UiLang } from '../format/numbers';
import { useLang } from '../i18n';
import { useAtlas } from '../state/store';
import { useWorkspace } from '../state/workspace';
import { filtersText } from '../views/pivot/export-file';
import type { ExportMeta } from './types';

/** The filter summary in the UI language ("Lĩnh vực: An sinh xã hội; Kỳ: 2024-01 – …"). */
export function filterLine(filter: Filter, t: Translate): string {
  const w = (k: string) => t(`export.filterWords.${k}`);
  return filtersText(filter, {
    province: w('province'),
    unit: w('unit'),
    unitType: w('unitType'),
    field: w('field'),
    sponsor: w('sponsor'),
    status: w('status'),
    recognition: w('recognition'),
    startYear: w('startYear'),
    indicator: w('indicator'),
    period: w('period'),
    search: w('search'),
    none: t('export.noFilter'),
  });
}

/** Build the meta of an export titled `title`. */
export function exportMeta(
  title: string,
  filter: Filter,
  lastPeriod: string | null,
  t: Translate,
  lang: UiLang,
): ExportMeta {
  return {
    title,
    subtitle: t('export.filters', { text: filterLine(filter, t) }),
    dataDate: lastPeriod ? t('export.dataDate', { date: formatPeriod(lastPeriod, lang) }) : '',
    source: t('export.source'),
  };
}

/** `(title) => ExportMeta` for the current filter and workspace. */
export function useExportMeta(): (title: string) => ExportMeta {
  const { t } = useTranslation();
  const lang = useLang();
  const filter = useAtlas((s) => s.filter);
  const ws = useWorkspace((w) => w.state);
  const last = ws.status === 'ready' ? ws.info.periodRange.to : null;
  return useCallback((title) => exportMeta(title, filter, last, t, lang), [filter, last, t, lang]);
}
