/**
 * Pure shaping of a ranking result (the Arrow table described in shared/rank-spec.ts) into rows with
 * their breakdown, and the counts a `counts` answer carries. The engine sorts, filters and pages the
 * ranked table; the renderer only reads what it sent. No React here.
 */
import type { Table } from 'apache-arrow';
import type { FlagCode, ModelFlag, RankComponent } from '../../../../shared/rank-spec';

/** One component of one model's score. */
export interface RankPart {
  raw: number | null;
  /** 0–1 within the peer group; null when the model does not report it. */
  pct: number | null;
  median: number | null;
  top10: number | null;
  weight: number;
  /** Points this component adds to the 0–100 score. */
  points: number;
}

/** One ranked model. */
export interface RankRow {
  rank: number;
  score: number;
  peer: string;
  modelId: string;
  name: string;
  unitCode: string | null;
  unitName: string | null;
  unitType: string | null;
  field: string | null;
  sponsor: string | null;
  status: string | null;
  startDate: string | null;
  parts: RankPart[];
  flagCodes: FlagCode[];
  flags: ModelFlag[];
}

/** A finite number from an Arrow cell (BIGINT columns decode as bigint). */
const num = (v: unknown): number | null => {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function parseFlags(json: string | null): ModelFlag[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as ModelFlag[]) : [];
  } catch {
    return [];
  }
}

/**
 * The ranked models of a result, in the order the engine sent them (its `sort`). A `counts` answer for a
 * page with no model holds one row whose model columns are NULL: it is skipped.
 */
export function rankRows(table: Table, components: readonly RankComponent[]): RankRow[] {
  const col = (name: string) => table.getChild(name);
  const cols = {
    rank: col('rank'),
    score: col('score'),
    peer: col('peer'),
    id: col('model_id'),
    name: col('name'),
    unitCode: col('unit_code'),
    unitName: col('unit_name'),
    unitType: col('unit_type'),
    field: col('field'),
    sponsor: col('sponsor'),
    status: col('status'),
    start: col('start_date'),
    codes: col('flag_codes'),
    json: col('flags_json'),
  };
  const partCols = components.map((_, i) => ({
    raw: col(`c${i}_raw`),
    pct: col(`c${i}_pct`),
    median: col(`c${i}_median`),
    top10: col(`c${i}_top10`),
  }));
  const totalWeight = components.reduce((s, c) => s + c.weight, 0) || 1;
  const out: RankRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const modelId = str(cols.id?.get(r));
    if (modelId === null) continue;
    const codes = str(cols.codes?.get(r));
    out.push({
      rank: num(cols.rank?.get(r)) ?? out.length + 1,
      score: num(cols.score?.get(r)) ?? 0,
      peer: str(cols.peer?.get(r)) ?? '',
      modelId,
      name: str(cols.name?.get(r)) ?? '',
      unitCode: str(cols.unitCode?.get(r)),
      unitName: str(cols.unitName?.get(r)),
      unitType: str(cols.unitType?.get(r)),
      field: str(cols.field?.get(r)),
      sponsor: str(cols.sponsor?.get(r)),
      status: str(cols.status?.get(r)),
      startDate: str(cols.start?.get(r)),
      parts: components.map((c, i) => {
        const pc = partCols[i];
        const pct = num(pc?.pct?.get(r));
        return {
          raw: num(pc?.raw?.get(r)),
          pct,
          median: num(pc?.median?.get(r)),
          top10: num(pc?.top10?.get(r)),
          weight: c.weight,
          points: (100 * c.weight * (pct ?? 0)) / totalWeight,
        };
      }),
      flagCodes: codes ? (codes.split(',').filter(Boolean) as FlagCode[]) : [],
      flags: parseFlags(str(cols.json?.get(r))),
    });
  }
  return out;
}

/** Models ranked, and rows matching the flag filter / focus before paging (a `counts` answer). */
export interface RankCounts {
  ranked: number;
  matching: number;
}

/** The counts of a `counts` answer (the same on every row), or null when the table does not carry them. */
export function rankCounts(table: Table): RankCounts | null {
  if (table.numRows === 0) return null;
  const ranked = num(table.getChild('ranked')?.get(0));
  const matching = num(table.getChild('matching')?.get(0));
  return ranked === null || matching === null ? null : { ranked, matching };
}
