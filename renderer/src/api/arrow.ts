/** Arrow IPC results → apache-arrow Tables, and plain rows for small tables (lists, tooltips, tests). */
import { DataType, tableFromIPC, type Table } from 'apache-arrow';

/** Decode Arrow IPC (stream format) bytes from the engine. */
export function decodeTable(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/**
 * Row objects of a small table: bigint → number, dates → 'YYYY-MM-DD', timestamps → ISO text, null for
 * missing. Row objects
 * are costly: use the columns directly for anything large.
 */
export function toRows(table: Table): Record<string, unknown>[] {
  const cols = table.schema.fields.map((f) => ({
    name: f.name,
    vector: table.getChild(f.name),
    date: DataType.isDate(f.type) ? 'day' : DataType.isTimestamp(f.type) ? 'time' : null,
  }));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const c of cols) {
      let v = c.vector?.get(i) as unknown;
      if (typeof v === 'bigint') v = Number(v);
      if (c.date && (typeof v === 'number' || v instanceof Date)) {
        const iso = new Date(v).toISOString();
        v = c.date === 'day' ? iso.slice(0, 10) : iso;
      }
      row[c.name] = v ?? null;
    }
    rows.push(row);
  }
  return rows;
}
