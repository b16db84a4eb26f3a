/**
 * Compile a MapSpec (shared/map-spec.ts) to one SELECT over `units`, `model_dim` and `facts`. The units
 * in scope come from the units table (the filter's provinces, units and unit types), so a unit without
 * models is a row; models whose unit is not registered cannot be placed and are left out of the units
 * and gaps layers (points still show them by coordinates, replication lines need both units).
 */
import type { MapSpec } from '../../../shared/map-spec';
import { AtlasError } from '../../../shared/errors';
import type { Filter } from '../../../shared/specs';
import { and, inList, join, raw, sql, type Sql } from '../db/sql';
import type { CatalogCache } from './catalog-cache';
import { dimConditions } from './filter';
import { compileMapMeasure, specMeasure } from './map-measures';

/** Registered units in the filter's geographic scope, one row per code (alias s in the callers). */
function scopeSql(filter: Filter | undefined): Sql {
  const c: Sql[] = [];
  if (filter?.provinces?.length) c.push(inList(raw('u.province'), filter.provinces));
  if (filter?.units?.length) c.push(inList(raw('u.code'), filter.units));
  if (filter?.unitTypes?.length) c.push(inList(raw('u.type'), filter.unitTypes));
  // A code registered twice (two unit files) counts once: the latest import wins.
  return sql`SELECT u.code, u.name, u.type, u.province, u.population, u.area_km2 FROM units u
    WHERE ${and(c)} QUALIFY row_number() OVER (PARTITION BY u.code ORDER BY u.import_id DESC NULLS LAST) = 1`;
}

/** Filtered models (the period meaning "reported in it", as every model-level count). */
const modelWhere = (filter: Filter | undefined) => and(dimConditions(filter, 'm', { activeInPeriod: true }));

/** Filtered models per unit, over rows where `cond` holds. */
function modelsPerUnit(filter: Filter | undefined, cond: Sql = raw('TRUE')): Sql {
  return sql`SELECT m.unit_code, count(*) FILTER (WHERE ${cond}) AS n FROM model_dim m
    WHERE ${modelWhere(filter)} GROUP BY m.unit_code`;
}

function compileUnits(spec: MapSpec, catalog: CatalogCache): Sql {
  const measure = specMeasure(spec);
  const c = compileMapMeasure(measure, { filter: spec.filter, catalog });
  const per = ('per' in measure ? measure.per : undefined) ?? 'none';
  if (per !== 'none' && !c.additive)
    throw new AtlasError(
      'SPEC_INVALID',
      'A rate per 10,000 residents or per km² needs a sum or a count, not a mean or a growth',
      { measure },
    );
  const base = c.zeroWhenAbsent ? sql`coalesce(${c.value}, 0)` : c.value;
  const value =
    per === 'per10k'
      ? sql`${base} / nullif(s.population, 0) * 10000`
      : per === 'per_km2'
        ? sql`${base} / nullif(s.area_km2, 0)`
        : base;
  const cols = [
    raw('s.code AS unit_code, s.name AS unit_name, s.type AS unit_type, s.province'),
    raw('CAST(s.population AS DOUBLE) AS population, CAST(s.area_km2 AS DOUBLE) AS area_km2'),
    raw('CAST(coalesce(n.n, 0) AS INTEGER) AS models'),
    sql`CAST(${value} AS DOUBLE) AS value`,
    ...c.extra,
  ];
  return sql`SELECT ${join(cols)}
    FROM (${scopeSql(spec.filter)}) s
    LEFT JOIN (${modelsPerUnit(spec.filter)}) n ON n.unit_code = s.code
    LEFT JOIN (${c.relation}) x ON x.unit_code = s.code
    ${c.join ?? raw('')}
    ORDER BY s.code`;
}

function compilePoints(spec: MapSpec): Sql {
  // colorBy is one of a closed list of model_dim columns (validated by the schema).
  const key = raw(`m.${spec.colorBy ?? 'field'}`);
  return sql`SELECT m.model_id, m.name, m.unit_code, CAST(m.lon AS DOUBLE) AS lon, CAST(m.lat AS DOUBLE) AS lat,
      ${key} AS key
    FROM model_dim m
    WHERE ${modelWhere(spec.filter)} AND m.lat BETWEEN -90 AND 90 AND m.lon BETWEEN -180 AND 180
    ORDER BY m.model_id`;
}

function compileReplication(spec: MapSpec): Sql {
  const c = [...dimConditions(spec.filter, 'm', { activeInPeriod: true })];
  if (spec.origin) c.push(sql`m.replicated_from = ${spec.origin}`);
  if (spec.field) c.push(sql`m.field = ${spec.field}`);
  return sql`SELECT o.unit_code AS from_unit, m.unit_code AS to_unit, CAST(count(*) AS INTEGER) AS models
    FROM model_dim m JOIN model_dim o ON o.model_id = m.replicated_from
    WHERE ${and(c)} AND o.unit_code IS NOT NULL AND m.unit_code IS NOT NULL
    GROUP BY o.unit_code, m.unit_code
    ORDER BY from_unit, to_unit`;
}

function compileGaps(spec: MapSpec): Sql {
  const field = spec.field ?? '';
  return sql`SELECT s.code AS unit_code, s.name AS unit_name, CAST(coalesce(n.n, 0) AS INTEGER) AS models,
      coalesce(n.n, 0) = 0 AS gap
    FROM (${scopeSql(spec.filter)}) s
    LEFT JOIN (${modelsPerUnit(spec.filter, sql`m.field = ${field}`)}) n ON n.unit_code = s.code
    ORDER BY s.code`;
}

/** The SQL of a map spec. */
export function compileMap(spec: MapSpec, catalog: CatalogCache): Sql {
  switch (spec.layer ?? 'units') {
    case 'units':
      return compileUnits(spec, catalog);
    case 'points':
      return compilePoints(spec);
    case 'replication':
      return compileReplication(spec);
    case 'gaps':
      return compileGaps(spec);
  }
}
