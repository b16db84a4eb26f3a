/** Render Arrow results for the terminal: CSV (UTF-8 with BOM when written to a file) or JSON rows. */
import { tableFromIPC, type Table } from 'apache-arrow';

/** Arrow table → plain row objects (dates as ISO text, bigints as numbers). */
export function tableRows(bytes: Uint8Array): Record<string, unknown>[] {
  const t: Table = tableFromIPC(bytes);
  const names = t.schema.fields.map((f) => f.name);
  const dateCols = new Set(
    t.schema.fields.filter((f) => String(f.type).startsWith('Date')).map((f) => f.name),
  );
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < t.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const n of names) {
      let v = t.getChild(n)?.get(i) as unknown;
      if (typeof v === 'bigint') v = Number(v);
      if (dateCols.has(n) && typeof v === 'number') v = new Date(v).toISOString().slice(0, 10);
      if (v instanceof Date) v = v.toISOString().slice(0, 10);
      row[n] = v ?? null;
    }
    out.push(row);
  }
  return out;
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  // Neutralise formula injection in spreadsheet apps.
  if (/^[=+\-@\t\r]/.test(s) && typeof v !== 'number') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows → CSV text with a header line (RFC 4180 quoting). */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** Column names of an Arrow IPC result (for an empty result's CSV header). */
export function tableColumns(bytes: Uint8Array): string[] {
  return tableFromIPC(bytes).schema.fields.map((f) => f.name);
}
