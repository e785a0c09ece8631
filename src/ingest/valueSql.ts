/**
 * SQL for the value kinds parsed inside DuckDB: numbers (amounts, areas, counts) are nearly all
 * distinct, so they are parsed in bulk here rather than value by value in JavaScript. One macro,
 * registered once per database as a connection setup (every connection carries it, including one
 * opened later for an import); its forms are those of DOMAIN.md: 1,234.56, ¥1234.56, (1,234.56).
 */
import { raw, type Db } from '../db';

/**
 * Money is parsed straight into DECIMAL (never through DOUBLE, whose 1,234.56 is not 1,234.56):
 * `hq_money_2` for amounts kept in 元 as written, `hq_money_6` as the input of a unit conversion
 * (万元 → 元 multiplies by 10,000; 元 → 万元 needs six places). Both are DECIMAL(18, …): 64-bit, as fast
 * as DOUBLE to parse (DECIMAL(38, …) measured 50× slower).
 */
function moneyMacros(scale: 2 | 6): string[] {
  const type = `DECIMAL(18,${scale})`;
  const clean = `hq_money_${scale}_clean`;
  return [
    `CREATE OR REPLACE TEMP MACRO ${clean}(t) AS CASE
       WHEN regexp_full_match(t, '-?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?') THEN TRY_CAST(t AS ${type})
       WHEN regexp_full_match(t, '\\([0-9]*\\.?[0-9]+\\)') THEN -TRY_CAST(substr(t, 2, length(t) - 2) AS ${type})
     END`,
    `CREATE OR REPLACE TEMP MACRO hq_money_${scale}(s) AS
       coalesce(TRY_CAST(s AS ${type}), ${clean}(regexp_replace(s, '[\\s,，¥￥]', '', 'g')))`,
  ];
}

// TEMP: the macros live with the connection, not in a database, so they are found whichever database
// is in use (the in-memory one, or the saved file once the data is kept on OPFS).
const MACROS = [
  // Thousands separators, currency signs and spaces go; a bracketed number is negative.
  `CREATE OR REPLACE TEMP MACRO hq_number_clean(t) AS CASE
     WHEN regexp_full_match(t, '-?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?') THEN CAST(t AS DOUBLE)
     WHEN regexp_full_match(t, '\\([0-9]*\\.?[0-9]+\\)') THEN -CAST(substr(t, 2, length(t) - 2) AS DOUBLE)
   END`,
  `CREATE OR REPLACE TEMP MACRO hq_number_slow(s) AS hq_number_clean(regexp_replace(s, '[\\s,，¥￥]', '', 'g'))`,
  // Most cells are plain numbers: a cast handles them; the regular expressions only see the rest.
  // isfinite() keeps 'nan' and 'inf', which the cast accepts, out.
  `CREATE OR REPLACE TEMP MACRO hq_number(s) AS CASE
     WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE) ELSE hq_number_slow(s) END`,
  ...moneyMacros(2),
  ...moneyMacros(6),
];

/** Idempotent: after the first call it costs no statement. */
export async function ensureValueMacros(db: Db): Promise<void> {
  await db.setup('value macros', MACROS.map(raw));
}
