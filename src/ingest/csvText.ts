/** Rows → CSV text that DuckDB reads back exactly: every value quoted, NULL as an empty field. */
export function toCsvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((cells) => cells.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  return `"${String(value).replace(/"/g, '""')}"`;
}
