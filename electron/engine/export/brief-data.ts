/**
 * Everything a replication brief shows, gathered from the workspace in one pass: the saved shortlist
 * with notes, each model's attributes, score and breakdown under a RankSpec (the caller's, or the
 * "sustained" preset, which every reporting model can be scored on), its integrity flags, key figures
 * (the catalogue aggregate of each indicator over all its months), the monthly series of its two most
 * reported indicators (for the trend chart), and the unit boundaries for the locator map.
 */
import { listValue } from '@duckdb/node-api';
import { RANK_PRESETS, type ModelFlag, type RankSpec } from '../../../shared/rank-spec';
import type { ShortlistEntry } from '../../../shared/shortlist';
import { sql } from '../db/sql';
import { CatalogCache, type IndicatorRow } from '../query/catalog-cache';
import { cachedFlags } from '../query/flags';
import { compileRank } from '../query/rank-compile';
import { prepareRankFlags } from '../query/rank-flags';
import { listShortlist } from '../workspace/shortlist';
import type { Workspace } from '../workspace/workspace';
import { parseShape, type UnitShape } from './brief-map';

export interface BriefPart {
  raw: number | null;
  pct: number | null;
  median: number | null;
  top10: number | null;
}

export interface KeyFigure {
  indicator: IndicatorRow;
  value: number;
  months: number;
}

export interface BriefSeries {
  indicator: IndicatorRow;
  /** 'YYYY-MM' → value, chronological. */
  points: { period: string; value: number }[];
}

export interface BriefModel {
  entry: ShortlistEntry;
  status: string | null;
  startDate: string | null;
  lat: number | null;
  lon: number | null;
  /** Null when the model is not ranked under the spec (it reports none of its components). */
  rank: number | null;
  score: number | null;
  parts: BriefPart[];
  flags: ModelFlag[];
  figures: KeyFigure[];
  series: BriefSeries[];
}

export interface BriefData {
  rankSpec: RankSpec;
  /** Models ranked under the spec (the denominator of "rank n of N"). */
  rankedCount: number;
  models: BriefModel[];
  shapes: UnitShape[];
  periodRange: { from: string | null; to: string | null };
}

/** The default scoring of a brief: the "sustained" preset. */
export function defaultBriefSpec(): RankSpec {
  const p = RANK_PRESETS.find((x) => x.id === 'sustained') ?? RANK_PRESETS[0];
  if (!p) throw new Error('no ranking preset');
  return p.spec;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Gather the brief of the saved shortlist (models no longer in the workspace are left out). */
export async function briefData(ws: Workspace, rankSpec: RankSpec = defaultBriefSpec()): Promise<BriefData> {
  const entries = (await listShortlist(ws)).filter((e) => e.name !== null);
  const ids = entries.map((e) => e.modelId);
  const catalog = await CatalogCache.load(ws);
  await prepareRankFlags(ws, ws.read, rankSpec.flagOptions);
  const ranked = await ws.rows<Record<string, unknown>>(compileRank(rankSpec, catalog));
  const byId = new Map(ranked.map((r) => [String(r.model_id), r]));
  const flags = await cachedFlags(ws, rankSpec.flagOptions);
  const dims = await ws.rows<{
    model_id: string;
    status: string | null;
    start_date: string | null;
    lat: number | null;
    lon: number | null;
  }>(
    sql`SELECT model_id, status, strftime(start_date, '%d/%m/%Y') AS start_date, lat, lon FROM model_dim
      WHERE list_contains(${listValue(ids.length ? ids : [''])}, model_id)`,
  );
  const values = await ws.rows<{
    model_id: string;
    indicator_code: string;
    period: string;
    value: number;
    weight: number | null;
  }>(
    sql`SELECT model_id, indicator_code, strftime(period_start, '%Y-%m') AS period, value, weight FROM facts
      WHERE list_contains(${listValue(ids.length ? ids : [''])}, model_id) AND value IS NOT NULL ORDER BY model_id, indicator_code, period_start`,
  );
  const shapes = (
    await ws.rows<{ unit_code: string; geometry: string }>(
      `SELECT unit_code, geometry FROM boundaries ORDER BY unit_code`,
    )
  ).map((b) => parseShape(b.unit_code, b.geometry));
  const range = await ws.rows<{ from: string | null; to: string | null }>(
    `SELECT strftime(min(period_start), '%Y-%m') AS "from", strftime(max(period_start), '%Y-%m') AS "to" FROM facts`,
  );

  const models = entries.map((entry): BriefModel => {
    const r = byId.get(entry.modelId);
    const d = dims.find((x) => x.model_id === entry.modelId);
    const mine = values.filter((v) => v.model_id === entry.modelId);
    const codes = [...new Set(mine.map((v) => v.indicator_code))];
    const figures: KeyFigure[] = [];
    const series: BriefSeries[] = [];
    for (const code of codes) {
      const ind = catalog.indicator(code);
      if (!ind) continue;
      const rows = mine.filter((v) => v.indicator_code === code);
      figures.push({
        indicator: ind,
        value: aggregate(ind, rows),
        months: new Set(rows.map((x) => x.period)).size,
      });
      series.push({ indicator: ind, points: rows.map((x) => ({ period: x.period, value: x.value })) });
    }
    series.sort(
      (a, b) => b.points.length - a.points.length || (a.indicator.code < b.indicator.code ? -1 : 1),
    );
    return {
      entry,
      status: d?.status ?? null,
      startDate: d?.start_date ?? null,
      lat: d?.lat ?? null,
      lon: d?.lon ?? null,
      rank: r ? num(r.rank) : null,
      score: r ? num(r.score) : null,
      parts: rankSpec.components.map((_, i) => ({
        raw: r ? num(r[`c${i}_raw`]) : null,
        pct: r ? num(r[`c${i}_pct`]) : null,
        median: r ? num(r[`c${i}_median`]) : null,
        top10: r ? num(r[`c${i}_top10`]) : null,
      })),
      flags: flags.filter((f) => f.modelId === entry.modelId),
      figures,
      series: series.slice(0, 2),
    };
  });
  return {
    rankSpec,
    rankedCount: ranked.length,
    models,
    shapes,
    periodRange: { from: range[0]?.from ?? null, to: range[0]?.to ?? null },
  };
}

/** The catalogue aggregate of one model's values of one indicator (as the query engine computes it). */
function aggregate(ind: IndicatorRow, rows: { value: number; weight: number | null }[]): number {
  const sum = rows.reduce((s, r) => s + r.value, 0);
  if (ind.aggregation === 'sum') return sum;
  if (ind.aggregation === 'weighted_mean') {
    const w = rows.filter((r) => (r.weight ?? 0) > 0);
    const ws = w.reduce((s, r) => s + (r.weight ?? 0), 0);
    if (ws > 0) return w.reduce((s, r) => s + r.value * (r.weight ?? 0), 0) / ws;
  }
  return rows.length ? sum / rows.length : 0;
}
