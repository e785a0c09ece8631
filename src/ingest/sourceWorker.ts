/**
 * The parsing worker: decoding (GBK, UTF-16), PapaParse, the Excel reader and the unpacking of a
 * backup ZIP run here, off the page's main thread, so the page scrolls and navigates while a large
 * or hostile file is read. DuckDB has its own worker; this one hands back a `Source` (or the files
 * of a backup) whose bytes are transferred, not copied.
 */
import { readDatasetZip, type DatasetManifest } from '../export/dataset';
import { fileChecksum } from './checksum';
import { FileRefused } from './refusal';
import {
  fileBytes,
  readSource,
  type ImportFile,
  type Source,
  type SourceFile,
  type SourceOptions,
} from './source';

export type SourceRequest =
  | { id: number; kind: 'source'; file: ImportFile; options: SourceOptions }
  | { id: number; kind: 'dataset'; file: ImportFile }
  | { id: number; kind: 'checksum'; file: ImportFile };

export type SourceAnswer =
  | { id: number; source: Source }
  | { id: number; dataset: { manifest: DatasetManifest; files: SourceFile[] } | null }
  | { id: number; checksum: string }
  /** FileRefused does not survive structured cloning as a class: its parts do. */
  | { id: number; refused: { file: string; detail: string } }
  | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SourceRequest>) => void) | null;
  postMessage(message: SourceAnswer, options?: { transfer?: Transferable[] }): void;
};

scope.onmessage = async ({ data: request }) => {
  const { id } = request;
  try {
    // A picked file is read here, from the browser's file storage: the page holds no copy.
    const file = await fileBytes(request.file);
    if (request.kind === 'checksum') {
      scope.postMessage({ id, checksum: await fileChecksum(file) });
      return;
    }
    if (request.kind === 'dataset') {
      const dataset = readDatasetZip(file.name, file.bytes) ?? null;
      const transfer = dataset?.files.map((f) => f.bytes.buffer) ?? [];
      scope.postMessage({ id, dataset }, { transfer });
      return;
    }
    const source = await readSource(file, request.options);
    scope.postMessage({ id, source }, { transfer: [source.body.utf8.buffer] });
  } catch (error) {
    if (error instanceof FileRefused)
      scope.postMessage({ id, refused: { file: error.file, detail: error.detail } });
    else scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
