/** The text of one table cell from a column vector value. */
import { formatDate, type UiLang } from '../../format/numbers';
import { vocabLabel } from '../../i18n/vocab';
import type { ColumnDef } from './model-columns';

/** Cell text for a raw Arrow value of a column ('' for null). */
export function cellText(col: ColumnDef, raw: unknown, lang: UiLang): string {
  if (raw === null || raw === undefined) return '';
  if (col.kind === 'date')
    return typeof raw === 'number' || raw instanceof Date ? formatDate(raw, lang) : String(raw);
  const s = String(raw);
  return col.kind === 'vocab' && col.vocab ? vocabLabel(col.vocab, s, lang) : s;
}
