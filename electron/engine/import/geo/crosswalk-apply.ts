/**
 * Re-assign models that name pre-2025 units to their 2025 unit using the stored crosswalk. A model
 * whose unit is not registered is looked up by old code, else by old name and district ("Phường 1,
 * Quận 3"), else by an old name that only one old unit carries. An old unit that went wholly into one
 * new unit moves the model ('auto'); a split old unit leaves the model where it is and records a
 * 'pending' choice with the candidate new units for a person to confirm; a person's earlier choice
 * ('confirmed') is re-applied when the same model is imported again. Indicator values follow their
 * model, so the derived tables (rebuilt after this) place them under the new unit too.
 */
import { codeKey, nameKey, splitUnitReference } from '../../../../shared/geo-match';
import type { CrosswalkReport } from '../../../../shared/import-types';
import { raw, sql } from '../../db/sql';
import type { Workspace } from '../../workspace/workspace';
import { textList, unmarked } from './text-list';

interface CwRow {
  old_code: string | null;
  old_key: string | null;
  old_district_key: string | null;
  new_code: string;
  relation: string;
}

/** How a model's old unit reference resolves. */
export interface Resolution {
  status: 'auto' | 'pending';
  newCode: string | null;
  candidates: string[];
}

/** The model's unit reference as recorded and shown: code and name as the file gave them. */
export function oldRef(code: string | null, name: string | null): string {
  return [code, name].filter((x) => x && x.trim()).join(' · ');
}

/** The crosswalk as lookup tables: by old code, by (old name, old district), by old name alone. */
export class CrosswalkIndex {
  private readonly byCode = new Map<string, CwRow[]>();
  private readonly byNameDistrict = new Map<string, CwRow[]>();
  private readonly byName = new Map<string, CwRow[]>();

  constructor(rows: readonly CwRow[]) {
    const add = (m: Map<string, CwRow[]>, k: string, r: CwRow) => m.set(k, [...(m.get(k) ?? []), r]);
    for (const r of rows) {
      if (r.old_code) add(this.byCode, codeKey(r.old_code), r);
      if (r.old_key) {
        add(this.byNameDistrict, `${r.old_key}|${r.old_district_key ?? ''}`, r);
        add(this.byName, r.old_key, r);
      }
    }
  }

  /** The crosswalk rows of the one old unit a reference names, or null (unknown or ambiguous). */
  rowsFor(code: string | null, name: string | null): CwRow[] | null {
    if (code) {
      const hit = this.byCode.get(codeKey(code));
      if (hit) return hit;
    }
    if (!name) return null;
    const ref = splitUnitReference(name);
    const key = nameKey(ref.commune);
    if (!key) return null;
    if (ref.district) return this.byNameDistrict.get(`${key}|${nameKey(ref.district)}`) ?? null;
    const rows = this.byName.get(key) ?? [];
    // "Phường 1" alone names dozens of old wards: only a name one old unit carries is usable.
    const units = new Set(rows.map((r) => r.old_code ?? `${r.old_key}|${r.old_district_key ?? ''}`));
    return units.size === 1 ? rows : null;
  }

  /** Full → the new unit; split (any partial row, or several new units) → pending with candidates. */
  resolve(code: string | null, name: string | null): Resolution | null {
    const rows = this.rowsFor(code, name);
    if (!rows?.length) return null;
    const candidates = [...new Set(rows.map((r) => r.new_code))];
    if (candidates.length === 1 && rows.every((r) => r.relation === 'full'))
      return { status: 'auto', newCode: candidates[0] as string, candidates };
    return { status: 'pending', newCode: null, candidates };
  }
}

/**
 * Apply the stored crosswalk to every model whose unit is not registered; returns what happened, or
 * null when no crosswalk is stored. Runs inside the caller's transaction.
 */
export async function applyCrosswalk(
  ws: Workspace,
): Promise<Omit<CrosswalkReport, 'rows' | 'full' | 'partial'> | null> {
  const has = await ws.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM unit_crosswalk', ws.write);
  if (!has[0]?.n) return null;
  const rows = await ws.rows<CwRow>(
    'SELECT old_code, old_key, old_district_key, new_code, relation FROM unit_crosswalk',
    ws.write,
  );
  const index = new CrosswalkIndex(rows);
  const refs = await ws.rows<{ code: string | null; name: string | null; n: number }>(
    `SELECT m.unit_code AS code, m.unit_name AS name, count(*)::INTEGER AS n FROM models m
     WHERE m.unit_code IS NULL OR NOT EXISTS (SELECT 1 FROM units u WHERE u.code = m.unit_code)
     GROUP BY ALL`,
    ws.write,
  );
  const res = {
    code: [] as (string | null)[],
    name: [] as (string | null)[],
    ref: [] as string[],
    newCode: [] as (string | null)[],
    status: [] as string[],
    candidates: [] as string[],
  };
  let unresolved = 0;
  for (const r of refs) {
    const x = index.resolve(r.code, r.name);
    if (!x) {
      unresolved += r.n;
      continue;
    }
    res.code.push(r.code);
    res.name.push(r.name);
    res.ref.push(oldRef(r.code, r.name));
    res.newCode.push(x.newCode);
    res.status.push(x.status);
    res.candidates.push(x.candidates.join(','));
  }
  if (!res.ref.length) return { reassigned: 0, pending: 0, unresolved };
  const L = (xs: (string | null)[]) => textList(xs);
  await ws.exec(raw('DROP TABLE IF EXISTS cw_res'));
  await ws.exec(sql`CREATE TEMP TABLE cw_res AS SELECT ${raw(unmarked(['code', 'name', 'old_ref', 'new_code', 'status', 'candidates']))}
    FROM (SELECT unnest(${L(res.code)}) AS code, unnest(${L(res.name)}) AS name,
      unnest(${L(res.ref)}) AS old_ref, unnest(${L(res.newCode)}) AS new_code, unnest(${L(res.status)}) AS status,
      unnest(${L(res.candidates)}) AS candidates)`);
  await ws.exec(raw('DROP TABLE IF EXISTS cw_m'));
  await ws.exec(`CREATE TEMP TABLE cw_m AS
    SELECT m.model_id, r.old_ref, coalesce(c.new_code, r.new_code) AS new_code, r.candidates,
      CASE WHEN c.new_code IS NOT NULL THEN 'confirmed' ELSE r.status END AS status
    FROM models m
    JOIN cw_res r ON r.code IS NOT DISTINCT FROM m.unit_code AND r.name IS NOT DISTINCT FROM m.unit_name
    LEFT JOIN unit_reassignments c ON c.model_id = m.model_id AND c.old_ref = r.old_ref AND c.status = 'confirmed'
    WHERE m.unit_code IS NULL OR NOT EXISTS (SELECT 1 FROM units u WHERE u.code = m.unit_code)`);
  await ws.exec(`DELETE FROM unit_reassignments WHERE model_id IN (SELECT model_id FROM cw_m)`);
  await ws.exec(`INSERT INTO unit_reassignments
    SELECT model_id, old_ref, new_code, candidates, status, now()::TIMESTAMP FROM cw_m`);
  await ws.exec(`UPDATE models SET unit_code = x.new_code, unit_name = coalesce(x.uname, models.unit_name),
      province = coalesce(x.uprov, models.province)
    FROM (SELECT cw_m.model_id, cw_m.new_code, u.name AS uname, u.province AS uprov
          FROM cw_m LEFT JOIN units u ON u.code = cw_m.new_code WHERE cw_m.status <> 'pending') x
    WHERE models.model_id = x.model_id`);
  const counts = await ws.rows<{ moved: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'pending')::INTEGER AS moved,
      count(*) FILTER (WHERE status = 'pending')::INTEGER AS pending FROM cw_m`,
    ws.write,
  );
  await ws.exec('DROP TABLE cw_m');
  await ws.exec('DROP TABLE cw_res');
  return { reassigned: counts[0]?.moved ?? 0, pending: counts[0]?.pending ?? 0, unresolved };
}
