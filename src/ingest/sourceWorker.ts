/**
 * The parsing worker: decoding (GBK), PapaParse and the Excel reader run here, off the page's main
 * thread, so the page scrolls and navigates while a large file is read. DuckDB has its own worker;
 * this one hands back a `Source` whose body bytes are transferred, not copied.
 */
import { FileRefused } from './refusal';
import { readSource, type Source, type SourceFile, type SourceOptions } from './source';

export interface SourceRequest {
  id: number;
  file: SourceFile;
  options: SourceOptions;
}

export type SourceAnswer =
  | { id: number; source: Source }
  /** FileRefused does not survive structured cloning as a class: its parts do. */
  | { id: number; refused: { file: string; detail: string } }
  | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SourceRequest>) => void) | null;
  postMessage(message: SourceAnswer, options?: { transfer?: Transferable[] }): void;
};

scope.onmessage = async ({ data: { id, file, options } }) => {
  try {
    const source = await readSource(file, options);
    scope.postMessage({ id, source }, { transfer: [source.body.utf8.buffer] });
  } catch (error) {
    if (error instanceof FileRefused)
      scope.postMessage({ id, refused: { file: error.file, detail: error.detail } });
    else scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
