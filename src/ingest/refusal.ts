/** A file the importer will not load at all; the message is Chinese and names the file. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`文件「${file}」无法导入：${detail}`);
    this.name = 'FileRefused';
  }
}

/** One or more files of an import were refused; nothing was committed. */
export class ImportRefused extends Error {
  constructor(readonly refusals: readonly FileRefused[]) {
    super(refusals.map((r) => r.message).join('\n'));
    this.name = 'ImportRefused';
  }
}

/**
 * The largest file an import takes. A file is held as bytes, decoded to text and staged in the
 * engine, so a browser tab needs several times its size; past this it would run out of memory.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** A Chinese message when a file is too large to import (checked before it is read), else undefined. */
export function fileSizeProblem(name: string, size: number): string | undefined {
  if (size <= MAX_FILE_BYTES) return undefined;
  const mb = (size / 1024 ** 2).toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  return `文件「${name}」有 ${mb} MB，超过单个文件 1 GB 的上限，浏览器内存不足以导入：请按年度或属地拆分后再导入。已载入的数据未改变。`;
}
