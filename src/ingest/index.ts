export {
  importFiles,
  prepareImport,
  ImportCancelled,
  type ImportProgress,
  type ImportReport,
  type FileReport,
  type ImportOptions,
  type PreparedImport,
} from './importFiles';
export type { Encoding } from './decode';
export type { ManualMapping } from './headers';
export { FileRefused, ImportRefused, fileSizeProblem, MAX_FILE_BYTES } from './refusal';
export type { RowError } from './check';
export type { SourceFile } from './source';
export {
  clearHistory,
  commitWithHistory,
  fileChecksum,
  importHistory,
  rollbackTo,
  undoLast,
  type HistoryEntry,
} from './history';
