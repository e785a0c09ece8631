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
