/**
 * Header normalisation shared by the field and indicator matchers: comparison keys, two-row header
 * splitting, unit-in-parentheses extraction and slugs.
 */
import { cleanText, foldVi } from '../text';

/** Separator the header reader uses to join two header rows ("Group / Name"). */
export const HEADER_JOIN = ' / ';

/**
 * The comparison key of a header for synonym lookup: folded (lower case, no diacritics), "_" and "-"
 * read as spaces, dots removed ("Đ.V.T"), separators "/", "," and ";" written as "/" without spaces
 * ("Phường/ Xã", "Phường, xã" → "phuong/xa"), trailing colons and required-markers dropped.
 */
export function headerKey(header: string): string {
  return foldVi(cleanText(header).replace(/²/g, '2').replace(/³/g, '3'))
    .replace(/[_]+/g, ' ')
    .replace(/\s-\s|(?<=\p{L})-(?=\p{L})/gu, ' ')
    .replace(/\./g, '')
    .replace(/\s*[/,;]\s*/g, '/')
    .replace(/[\s:*]+$/g, '')
    .replace(/^[\s:*]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key with every parenthesised part removed ("Diện tích (km²)" → "dien tich"). */
export function headerKeyWithoutParens(header: string): string {
  return headerKey(cleanText(header).replace(/\([^()]*\)|\[[^[\]]*\]/g, ' '));
}

/**
 * Candidate readings of a possibly two-row header, most specific first: for "Group / Name" the lower
 * name, then the group. A header without the join separator yields nothing here (the whole header is
 * always tried separately by the callers).
 */
export function headerParts(header: string): { lower: string; group: string } | null {
  const text = cleanText(header);
  const at = text.lastIndexOf(HEADER_JOIN);
  if (at <= 0) return null;
  const lower = text.slice(at + HEADER_JOIN.length).trim();
  const group = text.slice(0, at).trim();
  if (!lower || !group) return null;
  return { lower, group };
}

/**
 * Splits the last parenthesised (or bracketed) part off a header: "Kinh phí vận động (triệu đồng)" →
 * `{ text: 'Kinh phí vận động', unit: 'triệu đồng' }`. Also reads a trailing "ĐVT: …" / "- ĐVT …".
 */
export function splitUnit(header: string): { text: string; unit: string | null } {
  const t = cleanText(header);
  const dvt = /^(.*?)[\s,;–-]*(?:đvt|đơn vị tính)\s*[:.]?\s*(.+)$/iu.exec(t);
  if (dvt && dvt[1] && dvt[2]) return { text: cleanText(dvt[1]), unit: cleanText(dvt[2]) };
  const m = /^(.*?)\s*[([]([^()[\]]*)[)\]]\s*$/u.exec(t);
  if (m && m[1] !== undefined && m[2] !== undefined && m[1].trim()) {
    return { text: cleanText(m[1]), unit: cleanText(m[2]) || null };
  }
  return { text: t, unit: null };
}

/** True when the text carries no Vietnamese diacritics or đ (its folded form equals its lower case). */
export function isAsciiLike(s: string): boolean {
  return foldVi(s) === cleanText(s).toLowerCase();
}

/**
 * Word tokens of a text: lower case NFC, split on anything that is not a letter or digit. Diacritics
 * are kept (so "cộng" and "công" differ); fold the tokens when comparing diacritic-free text.
 */
export function wordTokens(s: string): string[] {
  return cleanText(s)
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((w) => w.length > 0);
}

/**
 * A stable identifier for a new indicator made from its header: folded, unit in parentheses dropped,
 * non-alphanumerics as "_", at most 60 characters ("Số thành viên tổ (người)" → "so_thanh_vien_to").
 * Returns '' when nothing usable remains.
 */
export function slugify(header: string): string {
  const parts = headerParts(header);
  const base = splitUnit(parts ? parts.lower : header).text;
  return foldVi(base)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/g, '');
}
