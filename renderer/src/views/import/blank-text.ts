/**
 * The words of the blank-cells note (`BlankValuesNote`): how many value cells a file left blank ("", "-",
 * a dash, "x": not reported, so skipped rather than counted as zero), their share of the file's value
 * cells, and the indicators most often blank, named from the catalogue in the UI language.
 */
import type { ImportReport } from '../../../../shared/import-types';
import { formatNumber, formatPercent, type UiLang } from '../../format/numbers';
import type { Translate } from './reject-reasons';

/** An indicator of the catalogue, as far as naming it goes. */
export interface IndicatorNames {
  code: string;
  name_vi: string;
  name_en?: string | null;
}

/** The note's sentence and its "most often blank" line (null when there is no list). */
export interface BlankText {
  sentence: string;
  top: string | null;
}

/** The note of a file's report, or null when the file held no values sheet. */
export function blankValuesText(
  report: ImportReport,
  t: Translate,
  lang: UiLang,
  indicators: readonly IndicatorNames[],
): BlankText | null {
  const blank = report.valuesBlank;
  if (blank === undefined) return null;
  if (blank === 0) return { sentence: t('import.report.valuesBlankNone'), top: null };
  // Every non-blank value cell of a values sheet is imported or rejected: the share is of all its cells.
  const cells = report.sheets.reduce(
    (a, s) => a + (s.valuesBlank === undefined ? 0 : s.valuesBlank + s.rowsImported + s.rowsRejected),
    0,
  );
  const sentence = t('import.report.valuesBlank', {
    count: blank,
    n: formatNumber(blank, lang),
    share: formatPercent(cells > 0 ? blank / cells : null, lang),
  });
  // The catalogue's name in the UI language; the file's own wording for an indicator it does not know.
  const name = (code: string, label: string) => {
    const d = indicators.find((i) => i.code === code);
    if (!d) return label;
    return lang === 'en' && d.name_en ? d.name_en : d.name_vi;
  };
  const list = (report.valuesBlankByIndicator ?? []).map((b) =>
    t('import.report.valuesBlankItem', {
      count: b.count,
      name: name(b.indicator, b.label),
      n: formatNumber(b.count, lang),
    }),
  );
  const top = list.length
    ? t('import.report.valuesBlankTop', { list: list.join(t('import.report.listSeparator')) })
    : null;
  return { sentence, top };
}
