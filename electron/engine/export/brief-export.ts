/**
 * 'export.brief': the replication brief of the saved shortlist as XLSX or PPTX bytes, built in the engine
 * offline. Scores come from the RankSpec given (default: the "sustained" preset). EXPORT_FAILED when the
 * shortlist is empty or the file cannot be written.
 */
import type { FileResult } from '../../../shared/api';
import { AtlasError } from '../../../shared/errors';
import type { FormatLocale } from '../../../shared/format';
import type { RankSpec } from '../../../shared/rank-spec';
import { CatalogCache } from '../query/catalog-cache';
import type { Workspace } from '../workspace/workspace';
import { briefData, defaultBriefSpec } from './brief-data';
import { briefPptx } from './brief-pptx';
import { briefXlsx } from './brief-xlsx';

export interface BriefOptions {
  format: 'xlsx' | 'pptx';
  locale?: FormatLocale;
  rank?: RankSpec;
}

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** True when the import history shows the built-in sample files (the brief then says the data is illustrative). */
async function isSample(ws: Workspace): Promise<boolean> {
  const r = await ws.rows<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM imports WHERE regexp_matches(lower(file), 'mo_hinh|chi_tieu')`,
  );
  return (r[0]?.n ?? 0) > 0;
}

/** Build the brief file. */
export async function exportBrief(ws: Workspace, o: BriefOptions): Promise<FileResult> {
  const locale = o.locale ?? 'vi';
  const data = await briefData(ws, o.rank ?? defaultBriefSpec());
  if (data.models.length === 0) throw new AtlasError('EXPORT_FAILED', 'The shortlist is empty');
  const catalog = await CatalogCache.load(ws);
  const today = new Date().toISOString().slice(0, 10);
  const [y, m, d] = today.split('-');
  const shown = locale === 'vi' ? `${d}/${m}/${y}` : today;
  try {
    const bytes =
      o.format === 'xlsx'
        ? await briefXlsx(data, catalog, locale)
        : await briefPptx(data, catalog, locale, { illustrative: await isSample(ws), today: shown });
    const base = locale === 'vi' ? 'tom-tat-nhan-rong' : 'replication-brief';
    return { bytes, fileName: `${base}-${today}.${o.format}`, mime: MIME[o.format] };
  } catch (e) {
    if (e instanceof AtlasError) throw e;
    throw new AtlasError('EXPORT_FAILED', e instanceof Error ? e.message : String(e));
  }
}
