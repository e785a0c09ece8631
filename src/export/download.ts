/** File names for exports and the one way a file leaves the page: an object URL clicked as a download. */

/** Characters Windows forbids in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * `考核排名_2024_全市.xlsx`: the parts that are known, joined by '_', unsafe characters replaced.
 * The scope text '鹿城区（民营·数字经济）' keeps its brackets, which every file system accepts.
 */
export function exportFileName(parts: readonly (string | number | null | undefined)[], ext: string): string {
  const stem = parts
    .filter((p) => p !== null && p !== undefined && String(p).trim() !== '')
    .map((p) => String(p).trim().replace(FORBIDDEN, '_'))
    .join('_');
  return `${stem || '导出'}.${ext}`;
}

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download reads the URL after this task ends; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
