/**
 * A `sql` tagged template that keeps values apart from the query text: every interpolated value
 * becomes a `?` bound at execution, so nothing read from a file is ever pasted into SQL. Fragments
 * built by `sql`, `ident` or `raw` (from code, never from data) compose by inlining.
 */

export type SqlValue = string | number | boolean | null;

export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly SqlValue[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: (SqlValue | Sql)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, params);
}

/** A table or column name written in code. Refuses anything that is not a plain identifier. */
export function ident(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not an identifier: ${name}`);
  return new Sql(`"${name}"`, []);
}

/**
 * Text from a file as a SQL string literal, where the grammar takes no parameter (a struct's field
 * names). DuckDB's standard strings have one escape, a doubled quote; a NUL cannot be written.
 */
export function textLiteral(text: string): Sql {
  if (text.includes('\u0000')) throw new Error('text with a NUL character cannot be a literal');
  return new Sql(`'${text.replaceAll("'", "''")}'`, []);
}

/** SQL text written in code (a keyword, an expression built from identifiers). Never data. */
export function raw(text: string): Sql {
  return new Sql(text, []);
}

export function joinSql(parts: readonly Sql[], separator = ', '): Sql {
  return new Sql(
    parts.map((p) => p.text).join(separator),
    parts.flatMap((p) => p.params),
  );
}
