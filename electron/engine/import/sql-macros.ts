/**
 * DuckDB macros that parse Vietnamese-notation numbers in SQL, so the importer converts a staging table of
 * millions of text cells set-based instead of row by row in JS. They follow `parseViNumber`
 * (shared/vi-number.ts) for the common cases; see that module for the separator rules.
 *
 * - `vi_number(s)` → DOUBLE, column style 'vi': "1.234.567" → 1234567, "12,5" → 12.5, "12.500" → 12500,
 *   "1,234,567.5" → 1234567.5, "(1.234)" → -1234, "1.234.567,5 đồng" → 1234567.5, "12,5%" → 12.5.
 * - `vi_number_en(s)` → DOUBLE, column style 'en' (pick it with `detectDecimalStyle`): "12.500" → 12.5,
 *   "12,500" → 12500.
 * - `vi_number_style(s, style)` → DOUBLE: 'en' uses `vi_number_en`, anything else `vi_number`.
 * Anything `parseViNumber` rejects (blank, "-", "x", "N/A", scale words such as "triệu", other words,
 * malformed or non-finite numbers) gives NULL. Numeric arguments are cast to DOUBLE as they are.
 * Differences from the JS parser: no NFC normalisation (a unit written with decomposed diacritics is not
 * recognised) and a unit inside accounting parentheses ("(1.234 đồng)") gives NULL.
 *
 * The macros are TEMP (per connection): install them on each connection that runs the conversion. Helper
 * macros are prefixed `vi__`.
 */
import { type DuckDBConnection } from '@duckdb/node-api';
import { NUMBER_PREFIX_UNITS, NUMBER_UNITS } from '../../../shared/vi-number';
import { foldVi } from '../../../shared/text';

/** SQL string literal. */
function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** RE2 alternation of units in their written and folded forms, longest first. */
function alternation(units: readonly string[]): string {
  const forms = new Set<string>();
  for (const u of units) {
    forms.add(u);
    forms.add(foldVi(u));
  }
  return [...forms]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** What JS `\s` matches, in RE2 terms. */
const WS = String.raw`[\s\v\p{Zs}\x{2028}\x{2029}\x{FEFF}]+`;
const PREFIX = String.raw`^(?:${alternation(NUMBER_PREFIX_UNITS)})\s*([\d(+\-−–.,])`;
const SUFFIX_SQUARED = String.raw`([\d).,\s])m[2²]$`;
const SUFFIX = String.raw`([\d)])\s*(?:${alternation(NUMBER_UNITS.filter((u) => !/^m[2²]$/.test(u)))})$`;

/** Canonical-number CASE per style over a sign-free, space-free core `c` (see shared/vi-number.ts). */
function canonical(style: 'vi' | 'en'): string {
  const thousands =
    style === 'vi'
      ? String.raw`WHEN regexp_full_match(c, '[1-9]\d{0,2}(\.\d{3})+') THEN replace(c, '.', '')
        WHEN regexp_full_match(c, '[1-9]\d{0,2}(,\d{3}){2,}') THEN replace(c, ',', '')`
      : String.raw`WHEN regexp_full_match(c, '[1-9]\d{0,2}(,\d{3})+') THEN replace(c, ',', '')
        WHEN regexp_full_match(c, '[1-9]\d{0,2}(\.\d{3}){2,}') THEN replace(c, '.', '')`;
  return String.raw`CASE
        WHEN regexp_full_match(c, '\d+') THEN c
        ${thousands}
        WHEN regexp_full_match(c, '[1-9]\d{0,2}(\.\d{3})+,\d+') THEN replace(replace(c, '.', ''), ',', '.')
        WHEN regexp_full_match(c, '[1-9]\d{0,2}(,\d{3})+\.\d+') THEN replace(c, ',', '')
        WHEN regexp_full_match(c, '\d*,\d+') THEN replace(c, ',', '.')
        WHEN regexp_full_match(c, '\d*\.\d+') THEN c
        WHEN regexp_full_match(c, '\d+([.,]\d+)?[eE][+-]?\d+') THEN replace(c, ',', '.')
      END`;
}

/**
 * Parse a text cell in one style. Each intermediate is bound once with a one-element `list_transform`
 * lambda, so no regex runs twice: whitespace and units (`vi__unitless`) → sign → space grouping → separators.
 */
function textParser(style: 'vi' | 'en'): string {
  const paren = String.raw`regexp_matches(p, '^\(.*\)$')`;
  const unsigned = String.raw`CASE WHEN ${paren} THEN trim(regexp_extract(p, '^\((.*)\)$', 1))
              ELSE regexp_replace(p, '^[-−–+]\s*', '') END`;
  const sign = String.raw`CASE WHEN ${paren} OR regexp_matches(p, '^[-−–]') THEN -1 ELSE 1 END`;
  const despaced = String.raw`CASE WHEN regexp_full_match(b, '\d{1,3}( \d{3})+([.,][\d.,]*)?')
              THEN replace(b, ' ', '') ELSE b END`;
  return `list_transform([vi__unitless(s::VARCHAR)], lambda p:
      list_transform([${unsigned}], lambda b:
        (${sign}) * list_transform([${despaced}], lambda c: TRY_CAST(${canonical(style)} AS DOUBLE))[1])[1])[1]`;
}

/** A public macro: numbers cast directly, plain integers on a fast path, other text through `textParser`. */
function numberMacro(name: string, style: 'vi' | 'en'): string {
  return `CREATE OR REPLACE TEMP MACRO ${name}(s) AS vi__finite(
     CASE WHEN typeof(s) <> 'VARCHAR' THEN TRY_CAST(s AS DOUBLE)
          WHEN regexp_full_match(s::VARCHAR, '-?\\d{1,15}') THEN TRY_CAST(s AS DOUBLE)
          ELSE ${textParser(style)} END)`;
}

/**
 * The macro statements, in dependency order: run them all (`installViMacros` does) before using
 * `vi_number`, `vi_number_en` or `vi_number_style`.
 */
export const VI_SQL_MACROS: string[] = [
  `CREATE OR REPLACE TEMP MACRO vi__ws(s) AS trim(regexp_replace(s, ${lit(WS)}, ' ', 'g'))`,
  `CREATE OR REPLACE TEMP MACRO vi__unitless(s) AS list_transform(
     [regexp_replace(vi__ws(s), ${lit(PREFIX)}, '\\1', 'i')], lambda u: trim(
       CASE WHEN regexp_matches(u, ${lit(SUFFIX_SQUARED)}, 'i')
            THEN regexp_replace(u, ${lit(SUFFIX_SQUARED)}, '\\1', 'i')
            ELSE regexp_replace(u, ${lit(SUFFIX)}, '\\1', 'i') END))[1]`,
  `CREATE OR REPLACE TEMP MACRO vi__finite(x) AS CASE WHEN isfinite(x) THEN x + 0.0 END`,
  numberMacro('vi_number', 'vi'),
  numberMacro('vi_number_en', 'en'),
  `CREATE OR REPLACE TEMP MACRO vi_number_style(s, style) AS
     CASE WHEN style = 'en' THEN vi_number_en(s) ELSE vi_number(s) END`,
];

/** Install the `vi_number` macros (TEMP, so per connection) on a DuckDB connection. Idempotent. */
export async function installViMacros(conn: DuckDBConnection): Promise<void> {
  for (const stmt of VI_SQL_MACROS) await conn.run(stmt);
}
