/**
 * Vietnamese text helpers shared by the engine and the renderer. Pure functions, no DOM or Node APIs.
 */

/** Unicode NFC, trimmed, inner whitespace collapsed. `null`/`undefined` become ''. */
export function cleanText(s: string | null | undefined): string {
  if (s == null) return '';
  return s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Lower-case, diacritics removed (đ → d), whitespace collapsed: the key used for diacritics-insensitive
 * search and matching ("Cầu Đường" → "cau duong").
 */
export function foldVi(s: string | null | undefined): string {
  if (s == null) return '';
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
