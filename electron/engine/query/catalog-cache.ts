/**
 * The workspace's indicator catalogue (built-in plus imported) and the cubes present, cached per data
 * version. The cubes can be switched off (`cubes: false`, or DVK_CUBES=off in the environment): every spec
 * then reads `facts`, which the correctness suites use to check both paths give the same results.
 */
import type { Dimension } from '../../../shared/specs';
import { CUBES, type ENUM_COLUMNS, enumType, MODEL_CUBE } from '../workspace/derived';
import type { Workspace } from '../workspace/workspace';
import type { CubeInfo } from './planner';

export interface IndicatorRow {
  code: string;
  name_vi: string;
  name_en: string | null;
  unit: string | null;
  aggregation: string;
  weight_by: string | null;
  higher_is_better: boolean;
}

export class CatalogCache {
  private constructor(
    readonly dataVersion: number,
    private readonly byCode: Map<string, IndicatorRow>,
    /** Cubes the planner may use (empty when switched off or absent), with their row counts. */
    readonly cubes: readonly CubeInfo[] = [],
    /**
     * An upper bound on the distinct keys of each dimension (the period's at month grain), missing and
     * Others included: the pivot skips its cell-cap machinery when the bound proves it small.
     */
    readonly keyBound: Readonly<Partial<Record<Dimension, number>>> = {},
    /** Whether rankings may read the per-model cube (workspace/derived.ts MODEL_CUBE): present and cubes on. */
    readonly modelCube = false,
    /** Models in `model_dim` (null when it is missing). */
    readonly modelCount: number | null = null,
  ) {}

  static async load(ws: Workspace, opts: { cubes?: boolean } = {}): Promise<CatalogCache> {
    const rows = await ws.rows<IndicatorRow>(
      `SELECT code, name_vi, name_en, unit, aggregation, weight_by, higher_is_better FROM indicators ORDER BY code`,
    );
    const useCubes = (opts.cubes ?? true) && process.env.DVK_CUBES !== 'off';
    const cubes: CubeInfo[] = [];
    let modelCube = false;
    if (useCubes) {
      const present = await ws.rows<{ name: string; n: number }>(
        `SELECT table_name AS name, CAST(estimated_size AS DOUBLE) AS n FROM duckdb_tables()
         WHERE schema_name = 'main' AND (starts_with(table_name, 'cube_') OR table_name = '${MODEL_CUBE}')`,
      );
      for (const c of CUBES) {
        const p = present.find((x) => x.name === c.name);
        if (p) cubes.push({ name: c.name, dims: c.dims, rows: p.n, ...(c.grain ? { grain: c.grain } : {}) });
      }
      modelCube = present.some((x) => x.name === MODEL_CUBE);
    }
    return new CatalogCache(
      ws.dataVersion,
      new Map(rows.map((r) => [r.code, r])),
      cubes,
      await keyBounds(ws, rows.length),
      modelCube,
      await modelCount(ws),
    );
  }

  indicator(code: string): IndicatorRow | undefined {
    return this.byCode.get(code);
  }

  all(): IndicatorRow[] {
    return [...this.byCode.values()];
  }
}

/** The model dimensions each ENUM column stands for (workspace/derived.ts). */
const ENUM_DIMS: Partial<Record<(typeof ENUM_COLUMNS)[number], Dimension>> = {
  unit_code: 'unit',
  unit_type: 'unit_type',
  province: 'province',
  field: 'field',
  sponsor: 'sponsor',
  status: 'status',
  recognition: 'recognition',
  start_year: 'start_year',
};

async function modelCount(ws: Workspace): Promise<number | null> {
  try {
    const r = await ws.rows<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM model_dim');
    return r[0]?.n ?? null;
  } catch {
    return null;
  }
}

/**
 * Key bounds from the ENUM types (every value of the column, plus the units' own and the Others key) plus
 * one for the missing group; months from `model_months`; indicators from the catalogue. Empty when the
 * derived tables are missing (nothing is then skipped).
 */
async function keyBounds(ws: Workspace, indicators: number): Promise<Partial<Record<Dimension, number>>> {
  const cols = Object.entries(ENUM_DIMS) as [(typeof ENUM_COLUMNS)[number], Dimension][];
  try {
    const r = await ws.rows<Record<string, number>>(
      `SELECT ${cols.map(([c]) => `CAST(len(enum_range(NULL::${enumType(c)})) AS INTEGER) AS ${c}`).join(', ')},
         (SELECT CAST(count(DISTINCT ym) AS INTEGER) FROM model_months) AS months`,
    );
    const x = r[0];
    if (!x) return {};
    const out: Partial<Record<Dimension, number>> = {};
    for (const [c, d] of cols) out[d] = Number(x[c]) + 1;
    out.period = Number(x.months) + 1;
    out.indicator = indicators + 1;
    return out;
  } catch {
    return {};
  }
}
