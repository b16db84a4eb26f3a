/**
 * Table items of the Ranking and Shortlist views: their rows as export cells (XLSX/CSV through the
 * engine's 'export.table', which neutralises formula-like text; slides; presentation mode). Numbers stay
 * numbers; missing values are empty cells. Pure: rows and words in, table out.
 */
import type { ShortlistEntry } from '../../../../shared/shortlist';
import type { RankRow } from '../../views/ranking/rank-rows';
import type { TableData } from '../types';

/** Column headings and cell words of the ranked table. */
export interface RankTableWords {
  rank: string;
  score: string;
  modelId: string;
  name: string;
  unit: string;
  field: string;
  peer: string;
  flags: string;
  /** Label of one flag code. */
  flag: (code: string) => string;
}

/** The ranked table as shown (filtered and sorted), every row, not only the ones paged in. */
export function rankTableData(rows: readonly RankRow[], w: RankTableWords): TableData {
  return {
    columns: [
      { name: w.rank, kind: 'number' },
      { name: w.score, kind: 'number' },
      { name: w.modelId, kind: 'text' },
      { name: w.name, kind: 'text' },
      { name: w.unit, kind: 'text' },
      { name: w.field, kind: 'text' },
      { name: w.peer, kind: 'text' },
      { name: w.flags, kind: 'text' },
    ],
    rows: rows.map((r) => [
      r.rank,
      r.score,
      r.modelId,
      r.name,
      r.unitName,
      r.field,
      r.peer || null,
      r.flagCodes.length ? r.flagCodes.map(w.flag).join('; ') : null,
    ]),
  };
}

/** Column headings and cell words of the shortlist table. */
export interface ShortlistTableWords {
  modelId: string;
  name: string;
  unit: string;
  field: string;
  status: string;
  owner: string;
  note: string;
  /** Label of a status. */
  statusLabel: (status: string) => string;
}

/** The shortlist as shown: one row per entry with its latest note. */
export function shortlistTableData(entries: readonly ShortlistEntry[], w: ShortlistTableWords): TableData {
  return {
    columns: [
      { name: w.modelId, kind: 'text' },
      { name: w.name, kind: 'text' },
      { name: w.unit, kind: 'text' },
      { name: w.field, kind: 'text' },
      { name: w.status, kind: 'text' },
      { name: w.owner, kind: 'text' },
      { name: w.note, kind: 'text' },
    ],
    rows: entries.map((e) => [
      e.modelId,
      e.name,
      e.unitName,
      e.field,
      w.statusLabel(e.status),
      e.owner || null,
      e.notes[0]?.note ?? null,
    ]),
  };
}
