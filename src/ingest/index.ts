export { importFiles, type ImportReport, type FileReport, type ImportOptions } from './importFiles';
export { FileRefused, ImportRefused } from './refusal';
export type { RowError } from './check';
export type { SourceFile } from './source';
