/**
 * The boundary-matching and crosswalk parts of an import report as plain English lines for the CLI
 * (`dvk import`); the UI words the same report through i18n.
 */
import type { ImportReport } from '../../../../shared/import-types';

/** Lines describing `r.boundaryMatch` and `r.crosswalk` (none when the report has neither). */
export function geoReportLines(r: ImportReport): string[] {
  const out: string[] = [];
  const m = r.boundaryMatch;
  if (m) {
    out.push(
      `boundaries matched ${m.matched}/${m.features} (code ${m.by.code}, name ${m.by.name}, alias ${m.by.alias}` +
        `${m.registered ? `, new units ${m.registered}` : ''}); not matched ${m.unmatchedFeatureCount}; ` +
        `units without a boundary ${m.unmatchedUnitCount}`,
    );
    for (const f of m.unmatchedFeatures.slice(0, 20)) {
      const cands = f.candidates.map((c) => `${c.name} (${c.code}) ${Math.round(c.score * 100)}%`).join('; ');
      out.push(
        `  feature ${f.index + 1} ${f.name ?? f.code ?? ''}: ${f.reason}${cands ? ` → maybe ${cands}` : ''}`,
      );
    }
  }
  const c = r.crosswalk;
  if (c) {
    if (c.rows) out.push(`crosswalk rows ${c.rows} (full ${c.full}, partial ${c.partial})`);
    out.push(
      `models moved to their 2025 unit ${c.reassigned}; waiting for a choice (split units) ${c.pending}; unresolved ${c.unresolved}`,
    );
  }
  return out;
}
