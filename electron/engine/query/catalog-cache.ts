/** The workspace's indicator catalogue (built-in plus imported), cached per data version. */
import type { Workspace } from '../workspace/workspace';

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
  ) {}

  static async load(ws: Workspace): Promise<CatalogCache> {
    const rows = await ws.rows<IndicatorRow>(
      `SELECT code, name_vi, name_en, unit, aggregation, weight_by, higher_is_better FROM indicators ORDER BY code`,
    );
    return new CatalogCache(ws.dataVersion, new Map(rows.map((r) => [r.code, r])));
  }

  indicator(code: string): IndicatorRow | undefined {
    return this.byCode.get(code);
  }

  all(): IndicatorRow[] {
    return [...this.byCode.values()];
  }
}
