/**
 * Reasons of rejected rows, as the engine stores them ('IMPORT_BAD_DATE', 'IMPORT_MISSING_VALUE: name',
 * 'IMPORT_DUPLICATE_ID: first at row 5'), turned into an i18n key and its values so the UI can say
 * them in the user's language ("Ngày không đọc được").
 */

/** Reject codes with their own words (keys under `import.reasons.`). */
export const REJECT_CODES = [
  'IMPORT_BAD_NUMBER',
  'IMPORT_BAD_DATE',
  'IMPORT_BAD_PERIOD',
  'IMPORT_MISSING_VALUE',
  'IMPORT_DUPLICATE_ID',
  'IMPORT_DUPLICATE_VALUE',
  'IMPORT_UNKNOWN_MODEL',
  'IMPORT_BAD_VALUE',
] as const;
/** One known reject code. */
export type RejectCode = (typeof REJECT_CODES)[number];

/** A parsed reason: its code and the detail after the colon, if any. */
export interface ParsedReason {
  code: string;
  detail: string | null;
}

/** Split 'CODE: detail' (the detail is optional). */
export function parseReason(reason: string): ParsedReason {
  const m = /^\s*([A-Z][A-Z0-9_]*)\s*(?::\s*(.*?))?\s*$/s.exec(reason);
  if (!m?.[1]) return { code: 'UNKNOWN', detail: reason.trim() || null };
  return { code: m[1], detail: m[2] ? m[2] : null };
}

const isKnown = (code: string): code is RejectCode => (REJECT_CODES as readonly string[]).includes(code);

/** What a missing-value detail names ('model_id', 'unit', 'geometry'…): keys under `import.missing.`. */
const MISSING_WHAT = new Set([
  'model_id',
  'name',
  'unit',
  'code',
  'geometry',
  'indicator',
  'period',
  'value',
  'new_code',
  'old_code',
]);

/** An i18n key and its interpolation values. */
export interface Message {
  key: string;
  values: Record<string, string | number>;
}

/**
 * The words for a reason: `import.reasons.<CODE>` for known codes (the missing field, or the first row
 * of a duplicate, as values), `import.reasons.other` with the raw text otherwise.
 */
export function rejectMessage(reason: string): Message {
  const { code, detail } = parseReason(reason);
  if (!isKnown(code)) return { key: 'import.reasons.other', values: { reason } };
  if (code === 'IMPORT_MISSING_VALUE') {
    if (detail && MISSING_WHAT.has(detail))
      return {
        key: 'import.reasons.IMPORT_MISSING_VALUE_of',
        values: { whatKey: `import.missing.${detail}` },
      };
    return { key: 'import.reasons.IMPORT_MISSING_VALUE', values: {} };
  }
  if (code === 'IMPORT_DUPLICATE_ID') {
    const first = detail ? /row\s+(\d+)/i.exec(detail)?.[1] : undefined;
    if (first) return { key: 'import.reasons.IMPORT_DUPLICATE_ID_at', values: { row: Number(first) } };
  }
  return { key: `import.reasons.${code}`, values: {} };
}

/** A translate function (i18next's `t`, or a fake in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The reason in words, resolving the nested "what is missing" key. */
export function rejectText(reason: string, t: Translate): string {
  const m = rejectMessage(reason);
  const values = { ...m.values };
  if (typeof values.whatKey === 'string') {
    values.what = t(values.whatKey);
    delete values.whatKey;
  }
  return t(m.key, values);
}
