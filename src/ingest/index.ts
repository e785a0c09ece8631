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
export type { ChosenEncoding, Encoding } from './decode';
export { encodingLabel } from './decode';
export type { ManualMapping } from './headers';
export { FileRefused, ImportRefused, fileSizeProblem, MAX_FILE_BYTES } from './refusal';
export type { RowError } from './check';
export type { ImportFile, PickedFile, SourceFile, SourceWarning } from './source';
export { fileSize } from './source';
export {
  clearHistory,
  commitWithHistory,
  fileChecksum,
  importHistory,
  rollbackTo,
  undoLast,
  type HistoryEntry,
} from './history';
