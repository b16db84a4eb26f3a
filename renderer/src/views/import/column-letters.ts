/** Spreadsheet column letters (0 → A, 25 → Z, 26 → AA), as users see them in Excel. */
export function columnLetter(index: number): string {
  let n = Math.max(0, Math.trunc(index)) + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
