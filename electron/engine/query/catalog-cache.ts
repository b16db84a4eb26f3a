/**
 * The workspace's indicator catalogue (built-in plus imported) and the cubes present, cached per data
 * version. The cubes can be switched off (`cubes: false`, or DVK_CUBES=off in the environment): every spec
 * then reads `facts`, which the correctness suites use to check both paths give the same results.
 */
import { CUBES } from '../workspace/derived';
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
  ) {}

  static async load(ws: Workspace, opts: { cubes?: boolean } = {}): Promise<CatalogCache> {
    const rows = await ws.rows<IndicatorRow>(
      `SELECT code, name_vi, name_en, unit, aggregation, weight_by, higher_is_better FROM indicators ORDER BY code`,
    );
    const useCubes = (opts.cubes ?? true) && process.env.DVK_CUBES !== 'off';
    const cubes: CubeInfo[] = [];
    if (useCubes) {
      const present = await ws.rows<{ name: string; n: number }>(
        `SELECT table_name AS name, CAST(estimated_size AS DOUBLE) AS n FROM duckdb_tables()
         WHERE schema_name = 'main' AND starts_with(table_name, 'cube_')`,
      );
      for (const c of CUBES) {
        const p = present.find((x) => x.name === c.name);
        if (p) cubes.push({ name: c.name, dims: c.dims, rows: p.n });
      }
    }
    return new CatalogCache(ws.dataVersion, new Map(rows.map((r) => [r.code, r])), cubes);
  }

  indicator(code: string): IndicatorRow | undefined {
    return this.byCode.get(code);
  }

  all(): IndicatorRow[] {
    return [...this.byCode.values()];
  }
}
