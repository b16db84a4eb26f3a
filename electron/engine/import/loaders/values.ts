/**
 * Load staged indicator values, long form (model, period, indicator, value) or wide form (model,
 * period, one column per indicator, melted here). Periods and indicator names are parsed once per
 * distinct string in JS; numbers in Vietnamese notation are parsed in SQL (`vi_number`). Blank and "-"
 * values are skipped (not reported means missing, never zero) and counted per indicator for the report;
 * unparseable ones are rejected.
 */
import { parsePeriod } from '../../../../shared/vi-date';
import { matchIndicator } from '../../../../shared/import-mapping';
import { INDICATORS } from '../../../../shared/catalog';
import type { BlankValueCount } from '../../../../shared/import-types';
import { foldVi } from '../../../../shared/text';
import { join, raw, sql } from '../../db/sql';
import { distinctMap } from '../distinct-map';
import { nonDataRow } from '../row-rules';
import { count, headerOf, idList, recordRejects, textOf, type LoadContext, type LoadResult } from './context';

/** Slug for a new indicator named in a file: ASCII snake_case, at most 60 chars. */
export function indicatorSlug(name: string): string {
  const s = foldVi(name)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(s) ? s : `i_${s || 'unnamed'}`.slice(0, 60);
}

/** What `prepareValues` leaves for `loadValues`: the parsed values and what the parse found. */
export interface PreparedValues {
  /** Temp table: one row per non-blank value (`_row`, raw texts, header, parsed period, indicator, value). */
  table: string;
  /** Staged rows that are data (the rest are totals, column-number and signature rows). */
  rowsKept: number;
  /** Indicators the file names that the catalogue lacks: slug → name. */
  newIndicators: Map<string, string>;
  /** Value cells left blank (one slot per data row and value column in wide form). */
  blank: number;
  /** Blank cells per indicator, most first, indicators without any left out. */
  blankByIndicator: BlankValueCount[];
}

/**
 * A melted value is blank when it is empty, "-", a dash or "x" (skipped: not reported is missing, never
 * zero); one starting with a digit cannot be (the regex is skipped for nearly every value).
 */
const BLANK = raw(`value_raw IS NULL OR (NOT (ascii(value_raw) BETWEEN 48 AND 57)
  AND regexp_matches(value_raw, '^\\s*[-–—x]?\\s*$'))`);

/**
 * Everything about a values sheet that depends on the file alone: classify rows, melt, parse periods,
 * indicator names and numbers. It runs BEFORE the import transaction (commitFiles): DuckDB scans a table
 * created inside the current transaction on one thread only, and this is the bulk of the work (measured
 * on 1.1M values: 0.75 s on one thread inside, 0.3 s outside). Only temp tables are written. The indicator
 * catalogue is read as committed; a name is matched or slugged the same way inside the transaction.
 */
export async function prepareValues(ctx: LoadContext, wide: boolean): Promise<PreparedValues> {
  const { ws } = ctx;
  const t = (f: Parameters<typeof textOf>[1]) => textOf(ctx, f);
  // Temp tables of this sheet (several values sheets may be prepared before the transaction).
  const vs = `${ctx.stg}_vs`;
  const vm = `${ctx.stg}_vm`;
  const mp = `${ctx.stg}_mp`;
  const mi = `${ctx.stg}_mi`;
  const table = `${ctx.stg}_vp`;
  // A signature or notes row has no period beside its text, so the period plays the name's part.
  const nd = nonDataRow(ctx.columnCount, ctx.col.model_id ?? 'NULL', ctx.col.period ?? null);
  const catalog = await ws.rows<{
    code: string;
    name_vi: string;
    name_en: string | null;
    unit: string | null;
  }>(raw('SELECT code, name_vi, name_en, unit FROM indicators'), ws.write);
  const known = new Set(catalog.map((c) => c.code));
  const defs = catalog.map((c) => {
    const builtin = INDICATORS.find((d) => d.code === c.code);
    return (
      builtin ?? {
        ...c,
        name_en: c.name_en ?? c.code,
        unit: c.unit ?? '',
        aggregation: 'sum' as const,
        higher_is_better: true,
      }
    );
  });

  // Classify rows once (the non-data test is the costly part), then melt: one row per (source row,
  // indicator). Wide files are melted column by column from a classified copy; a long file is one row per
  // value already, so its data rows go straight into the melted table.
  await ws.exec(raw(`DROP TABLE IF EXISTS ${vm}`));
  let rowsKept: number;
  if (wide) {
    await ws.exec(raw(`DROP TABLE IF EXISTS ${vs}`));
    await ws.exec(sql`CREATE TEMP TABLE ${raw(vs)} AS SELECT _row, ${t('model_id')} AS model_id, ${t('period')} AS period_raw, *
      FROM ${raw(ctx.stg)} WHERE NOT (${nd})`);
    const parts = ctx.valueCols.map(
      (
        v,
      ) => sql`SELECT _row, model_id, period_raw, ${v.indicator} AS ind_raw, nullif(trim(${raw(v.col)}), '') AS value_raw,
        ${v.header} AS value_header FROM ${raw(vs)} WHERE nullif(trim(${raw(v.col)}), '') IS NOT NULL`,
    );
    await ws.exec(sql`CREATE TEMP TABLE ${raw(vm)} AS ${join(parts, ' UNION ALL ')}`);
    rowsKept = await count(ws, `SELECT count(*) AS n FROM ${vs}`);
    await ws.exec(raw(`DROP TABLE ${vs}`));
  } else {
    await ws.exec(sql`CREATE TEMP TABLE ${raw(vm)} AS SELECT _row, ${t('model_id')} AS model_id, ${t('period')} AS period_raw,
        ${t('indicator')} AS ind_raw, ${t('value')} AS value_raw, ${headerOf(ctx, 'value')} AS value_header
      FROM ${raw(ctx.stg)} WHERE NOT (${nd})`);
    rowsKept = await count(ws, `SELECT count(*) AS n FROM ${vm}`);
  }

  await distinctMap(ws, mp, raw(vm), raw('period_raw'), ['start', 'grain'], (s) => {
    const p = parsePeriod(s);
    return p ? [p.start, p.grain] : [null, null];
  });
  const newIndicators = new Map<string, string>();
  const codes = new Map<string, string>();
  const codeOf = (s: string): string => {
    const seen = codes.get(s);
    if (seen !== undefined) return seen;
    let code = s;
    if (!known.has(s)) {
      const m = matchIndicator(s, defs);
      if (m) code = m.code;
      else {
        code = indicatorSlug(s);
        newIndicators.set(code, s);
      }
    }
    codes.set(s, code);
    return code;
  };
  // A long file's indicator scan also counts each name's values, for its blanks below (a count in the
  // same pass is free; a blank test there would cost as much again as the scan).
  const perName = await distinctMap(
    ws,
    mi,
    raw(vm),
    raw('ind_raw'),
    ['code'],
    (s) => [codeOf(s)],
    wide ? [] : [raw('count(*)')],
  );

  await ws.exec(raw(`DROP TABLE IF EXISTS ${table}`));
  // The period's first day as a DATE, cast once per distinct period: the insert and the derived rebuild
  // (which reads this table again, workspace/derived.ts DerivedSource) then cast nothing per row.
  await ws.exec(sql`CREATE TEMP TABLE ${raw(table)} AS
    SELECT * EXCLUDE (blank) FROM (
      SELECT v.*, p.start AS period_start, p.grain AS period_grain, i.code AS indicator_code,
        vi_number(value_raw) AS value, ${BLANK} AS blank
      FROM ${raw(vm)} v LEFT JOIN (SELECT s, CAST(start AS DATE) AS start, grain FROM ${raw(mp)}) p ON p.s = v.period_raw
        LEFT JOIN ${raw(mi)} i ON i.s = v.ind_raw
    ) WHERE NOT blank`);
  for (const x of [vm, mp, mi]) await ws.exec(raw(`DROP TABLE ${x}`));
  // Every slot not kept is blank: a long file has one per data row (an empty value included), a wide
  // one a slot per data row and value column (its empty cells were never melted).
  const slots = wide ? rowsKept * ctx.valueCols.length : rowsKept;
  const blank = slots - (await count(ws, `SELECT count(*) AS n FROM ${table}`));
  const blankByIndicator = blank > 0 ? await blankCounts(ctx, wide, rowsKept, table, perName, codeOf) : [];
  return { table, rowsKept, newIndicators, blank, blankByIndicator };
}

/**
 * Blank cells per indicator: the slots an indicator has less the values of it kept, counted per name in
 * one aggregate over the prepared table (run only when there are blanks). A long file's slots are its
 * rows per name (`perName`: [count]; a row without a name is in the total only), a wide file's the data
 * rows times the indicator's columns (their empty cells were never melted).
 */
async function blankCounts(
  ctx: LoadContext,
  wide: boolean,
  rowsKept: number,
  table: string,
  perName: Map<string, number[]>,
  codeOf: (s: string) => string,
): Promise<BlankValueCount[]> {
  const rows = await ctx.ws.rows<{ s: string; n: number }>(
    raw(`SELECT ind_raw AS s, count(*)::BIGINT AS n FROM ${table} WHERE ind_raw IS NOT NULL GROUP BY 1`),
    ctx.ws.write,
  );
  const kept = new Map(rows.map((r) => [r.s, Number(r.n)]));
  const by = new Map<string, BlankValueCount>();
  const add = (name: string, label: string, slots: number) => {
    const n = slots - (kept.get(name) ?? 0);
    if (n <= 0) return;
    const code = codeOf(name);
    const b = by.get(code);
    if (b) b.count += n;
    else by.set(code, { indicator: code, label, count: n });
  };
  if (wide) {
    // Columns of one indicator share its slots (the first column's header names it).
    const seen = new Set<string>();
    for (const v of ctx.valueCols) {
      if (seen.has(v.indicator)) continue;
      seen.add(v.indicator);
      add(v.indicator, v.header, rowsKept * ctx.valueCols.filter((c) => c.indicator === v.indicator).length);
    }
  } else for (const [name, [all = 0]] of perName) add(name, name, all);
  return [...by.values()].sort((a, b) => b.count - a.count || a.indicator.localeCompare(b.indicator));
}

/** Drop what `prepareValues` left (after the transaction, or when the import stops). */
export async function dropPrepared(ctx: Pick<LoadContext, 'ws' | 'stg'>): Promise<void> {
  for (const x of ['vs', 'vm', 'mp', 'mi', 'vp'])
    await ctx.ws.exec(raw(`DROP TABLE IF EXISTS ${ctx.stg}_${x}`)).catch(() => undefined);
}

/**
 * Load a values sheet inside the import transaction: check each prepared value against the models (this
 * commit's included), reject duplicates, record rejects, insert. Prepares first when the caller did not.
 */
export async function loadValues(
  ctx: LoadContext,
  wide: boolean,
  prepared?: PreparedValues,
): Promise<LoadResult> {
  const { ws } = ctx;
  const { table, rowsKept, newIndicators, blank, blankByIndicator } =
    prepared ?? (await prepareValues(ctx, wide));

  // Each value checked against the models (this commit's included) and given its reject reason, if any.
  const known = sql`LEFT JOIN (SELECT DISTINCT model_id FROM models) k ON k.model_id = p.model_id`;
  const checked = sql`
    WITH q AS (
      SELECT p.*, k.model_id IS NOT NULL AS model_known
      FROM ${raw(table)} p ${known}
    )
    SELECT *,
      CASE WHEN model_id IS NULL THEN ${headerOf(ctx, 'model_id')}
           WHEN NOT model_known THEN ${headerOf(ctx, 'model_id')}
           WHEN period_start IS NULL THEN ${headerOf(ctx, 'period')}
           WHEN indicator_code IS NULL THEN ${headerOf(ctx, 'indicator')}
           WHEN value IS NULL THEN value_header END AS reject_col,
      CASE WHEN model_id IS NULL THEN 'IMPORT_MISSING_VALUE: model_id'
           WHEN NOT model_known THEN 'IMPORT_UNKNOWN_MODEL'
           WHEN period_start IS NULL THEN 'IMPORT_BAD_PERIOD'
           WHEN indicator_code IS NULL THEN 'IMPORT_MISSING_VALUE: indicator'
           WHEN value IS NULL THEN 'IMPORT_BAD_NUMBER' END AS reject_reason,
      CASE WHEN NOT model_known THEN model_id WHEN period_start IS NULL THEN period_raw
           WHEN value IS NULL THEN value_raw ELSE NULL END AS reject_value
    FROM q`;
  // The same model, period and indicator twice: the first row (blank values aside, rejected or not) wins and
  // the later ones are rejected. Equal keys have equal hashes, so no repeated hash means no duplicate (the
  // usual case: one cheap pass; a window ranking every row cost twice as much).
  const hashDups = await count(
    ws,
    `SELECT count(*) AS n FROM (SELECT hash(model_id, period_start, indicator_code) AS h FROM ${table} GROUP BY h HAVING count(*) > 1)`,
  );
  // Both read the prepared table, which DuckDB scans on every thread (see prepareValues).
  const invalid = await count(
    ws,
    sql`SELECT count(*) AS n FROM ${raw(table)} p ${known} WHERE p.model_id IS NULL OR k.model_id IS NULL
      OR p.period_start IS NULL OR p.indicator_code IS NULL OR p.value IS NULL`,
  );
  // Every value good (the usual case): it goes in straight from the prepared table. Otherwise the checked
  // rows are kept in `vi`, duplicates marked there, and the rejects recorded from it.
  const clean = hashDups === 0 && invalid === 0;
  const src = clean ? table : 'vi';
  const ok = clean ? raw('TRUE') : raw('reject_reason IS NULL');
  let rejected = 0;
  if (!clean) {
    await ws.exec(raw('DROP TABLE IF EXISTS vi'));
    await ws.exec(sql`CREATE TEMP TABLE vi AS ${checked}`);
    if (hashDups > 0) {
      await ws.exec(raw('DROP TABLE IF EXISTS vdup'));
      await ws.exec(
        raw(`CREATE TEMP TABLE vdup AS SELECT model_id, period_start, indicator_code, min(_row) AS first_row
        FROM vi GROUP BY ALL HAVING count(*) > 1`),
      );
      await ws.exec(
        raw(`UPDATE vi SET reject_col = value_header, reject_reason = 'IMPORT_DUPLICATE_VALUE'
        FROM vdup d WHERE vi.reject_reason IS NULL AND vi.model_id = d.model_id AND vi.period_start = d.period_start
          AND vi.indicator_code = d.indicator_code AND vi._row > d.first_row`),
      );
      await ws.exec(raw('DROP TABLE vdup'));
    }
    rejected = await recordRejects(ctx, 'vi');
  }

  const rowsIn = await count(ws, `SELECT count(*) AS n FROM ${ctx.stg}`);
  for (const [code, name] of newIndicators) {
    const used = await count(
      ws,
      sql`SELECT count(*) AS n FROM ${raw(src)} WHERE indicator_code = ${code} AND ${ok}`,
    );
    if (used === 0) {
      newIndicators.delete(code);
      continue;
    }
    await ws.exec(sql`INSERT INTO indicators SELECT ${code}, ${name}, NULL, NULL, 'sum', NULL, true, false
      WHERE NOT EXISTS (SELECT 1 FROM indicators WHERE code = ${code})`);
  }
  await ws.exec(sql`DELETE FROM indicator_values WHERE import_id IN ${idList(ctx.replaces)}`);
  // A newer value for the same model, period and indicator replaces the older one.
  if ((await count(ws, 'SELECT count(*) AS n FROM (SELECT 1 FROM indicator_values LIMIT 1)')) > 0)
    await ws.exec(
      sql`DELETE FROM indicator_values v USING (SELECT DISTINCT model_id, period_start, indicator_code
      FROM ${raw(src)} WHERE ${ok}) n
    WHERE v.model_id = n.model_id AND v.period_start = CAST(n.period_start AS DATE) AND v.indicator_code = n.indicator_code`,
    );
  await ws.exec(sql`INSERT INTO indicator_values
    SELECT model_id, CAST(period_start AS DATE), period_grain, indicator_code, value, ${ctx.importId}
    FROM ${raw(src)} WHERE ${ok}`);
  const imported = await count(ws, sql`SELECT count(*) AS n FROM ${raw(src)} WHERE ${ok}`);
  await ws.exec(raw('DROP TABLE IF EXISTS vi'));
  // A table prepared by the caller before the transaction is the caller's to drop (dropPrepared); when
  // every row of it went in, the derived rebuild may read it instead of the rows just inserted.
  const keep = clean && prepared !== undefined;
  if (!keep) await ws.exec(raw(`DROP TABLE IF EXISTS ${table}`));
  return {
    ...(keep ? { insertedFrom: { table, rows: imported } } : {}),
    rowsIn,
    imported,
    rejected,
    skipped: rowsIn - rowsKept,
    unregisteredUnits: [],
    unknownFields: [],
    newIndicators: [...newIndicators.keys()],
    valuesBlank: blank,
    blankByIndicator,
  };
}
