/**
 * The formula-injection guard (OWASP "CSV injection"): a text cell that a spreadsheet would read as
 * a formula or a command — one starting with = + - @, a tab, CR or LF — is written with a leading
 * apostrophe, so a name taken from an imported file can never run as `=HYPERLINK(…)` on a
 * colleague's machine. Only text is guarded: numbers are written as numbers and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
