/**
 * The workspace side of boundary matching: the registered units and confirmed aliases the pure
 * matcher (shared/geo-match.ts) works against, and the report the preview and the commit return.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  matchFeatures,
  type MatchFeature,
  type MatchResult,
  type MatchUnit,
  type MatchedBy,
} from '../../../../shared/geo-match';
import { GEO_REPORT_LIMIT, type BoundaryMatchReport } from '../../../../shared/import-types';
import type { Workspace } from '../../workspace/workspace';
import type { GeoFeature } from './read';

/** Registered units and confirmed aliases, read on `conn` (the write connection inside a transaction). */
export async function matchContext(
  ws: Workspace,
  conn: DuckDBConnection,
): Promise<{ units: MatchUnit[]; aliases: Map<string, string> }> {
  const units = await ws.rows<MatchUnit>('SELECT code, name, type, province FROM units ORDER BY code', conn);
  const aliasRows = await ws.rows<{ k: string; c: string }>(
    'SELECT alias_key AS k, unit_code AS c FROM unit_aliases',
    conn,
  );
  return { units, aliases: new Map(aliasRows.map((r) => [r.k, r.c])) };
}

/** A feature as the matcher sees it. */
export function toMatchFeature(
  f: Pick<GeoFeature, 'index' | 'code' | 'name' | 'altNames' | 'type' | 'province'>,
): MatchFeature {
  return {
    index: f.index,
    code: f.code,
    name: f.name,
    altNames: f.altNames,
    type: f.type,
    province: f.province,
  };
}

/**
 * The report of one match. `registered` features count as matched; `boundedUnits` are units that
 * have a boundary from another file and so are not "unmatched".
 */
export function matchReport(
  importId: number,
  features: readonly GeoFeature[],
  result: MatchResult,
  registered: ReadonlySet<number>,
  boundedUnits: ReadonlySet<string> = new Set(),
): BoundaryMatchReport {
  const by: Record<MatchedBy, number> = { code: 0, alias: 0, name: 0, confirmed: 0 };
  for (const m of result.matched) by[m.by]++;
  const unmatchedFeatures = result.unmatchedFeatures.filter((u) => !registered.has(u.index));
  const unmatchedUnits = result.unmatchedUnits.filter((u) => !boundedUnits.has(u.code));
  return {
    importId,
    features: features.length,
    matched: result.matched.length + registered.size,
    by,
    registered: registered.size,
    withoutGeometry: features.filter((f) => !f.geometry).length,
    unmatchedFeatures: unmatchedFeatures.slice(0, GEO_REPORT_LIMIT),
    unmatchedFeatureCount: unmatchedFeatures.length,
    unmatchedUnits: unmatchedUnits.slice(0, GEO_REPORT_LIMIT),
    unmatchedUnitCount: unmatchedUnits.length,
  };
}

/**
 * Which unmatched features register a new unit: only when the workspace has no units at all (the
 * boundary file is then the unit list), and only features with a code no other feature repeats.
 */
export function registrations(
  hadUnits: boolean,
  features: readonly GeoFeature[],
  result: MatchResult,
): Set<number> {
  const out = new Set<number>();
  if (hadUnits) return out;
  const byIndex = new Map(features.map((f) => [f.index, f]));
  const seen = new Set<string>();
  for (const u of result.unmatchedFeatures) {
    const f = byIndex.get(u.index);
    if (u.reason !== 'no_match' || !f?.code || !f.geometry || seen.has(f.code)) continue;
    seen.add(f.code);
    out.add(u.index);
  }
  return out;
}

/** Preview: match a file's features against the workspace as it is now (nothing is written). */
export async function previewBoundaryMatch(
  ws: Workspace,
  features: readonly GeoFeature[],
): Promise<BoundaryMatchReport> {
  const { units, aliases } = await matchContext(ws, ws.read);
  const usable = features.filter((f) => f.geometry);
  const result = matchFeatures(usable.map(toMatchFeature), units, { aliases });
  const bounded = await ws.rows<{ c: string }>('SELECT DISTINCT unit_code AS c FROM boundaries', ws.read);
  return matchReport(
    0,
    features,
    result,
    registrations(units.length > 0, usable, result),
    new Set(bounded.map((b) => b.c)),
  );
}
