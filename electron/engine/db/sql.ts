/**
 * A tiny SQL builder: fragments carry text with `$n` placeholders and their bound values, so user
 * values never enter SQL text. Identifiers come only from `ident()` over names the engine itself
 * chose (catalogue columns, staging tables); `raw()` is for compile-time constants only.
 */
import { listValue as duckList, type DuckDBValue } from '@duckdb/node-api';

export type SqlParam = DuckDBValue;

/** An SQL fragment: text with `?` markers in order and the values for them. */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly SqlParam[],
  ) {}

  /** Render to DuckDB text with `$1…$n` placeholders and the parameter list. */
  build(): { text: string; params: SqlParam[] } {
    let text = this.parts[0] ?? '';
    for (let i = 0; i < this.values.length; i++) text += `$${i + 1}` + (this.parts[i + 1] ?? '');
    return { text, params: [...this.values] };
  }
}

type Piece = Sql | SqlParam;

/** Tagged template: interpolated `Sql` fragments are spliced, everything else is bound. */
export function sql(strings: TemplateStringsArray, ...pieces: Piece[]): Sql {
  const parts: string[] = [strings[0] ?? ''];
  const values: SqlParam[] = [];
  pieces.forEach((p, i) => {
    const next = strings[i + 1] ?? '';
    if (p instanceof Sql) {
      parts[parts.length - 1] += p.parts[0] ?? '';
      for (let j = 0; j < p.values.length; j++) {
        values.push(p.values[j] as SqlParam);
        parts.push(p.parts[j + 1] ?? '');
      }
      parts[parts.length - 1] += next;
    } else {
      values.push(p);
      parts.push(next);
    }
  });
  return new Sql(parts, values);
}

/** Literal SQL text written by the engine (never user text). */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A quoted identifier; only engine-chosen names are accepted. */
export function ident(name: string): Sql {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return raw(`"${name}"`);
}

/** Join fragments with a separator. */
export function join(items: readonly Sql[], sep = ', '): Sql {
  if (items.length === 0) return raw('');
  const parts: string[] = [];
  const values: SqlParam[] = [];
  items.forEach((it, idx) => {
    if (idx === 0) parts.push(...it.parts);
    else {
      parts[parts.length - 1] += sep + (it.parts[0] ?? '');
      parts.push(...it.parts.slice(1));
    }
    values.push(...it.values);
  });
  return new Sql(parts, values);
}

/** `a AND b AND …`, or TRUE when empty. */
export function and(conds: readonly Sql[]): Sql {
  return conds.length === 0
    ? raw('TRUE')
    : join(
        conds.map((c) => sql`(${c})`),
        ' AND ',
      );
}

/** A bound list for `IN (…)`: DuckDB takes a list parameter with `= ANY(?)`. */
export function inList(column: Sql, values: readonly string[]): Sql {
  return sql`${column} = ANY(${listValue(values)})`;
}

function listValue(values: readonly string[]): SqlParam {
  return duckList([...values]);
}
