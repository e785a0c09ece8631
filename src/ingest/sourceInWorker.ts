/**
 * `readSource` (and the unpacking of a backup ZIP) in the parsing worker (sourceWorker.ts), for the
 * page: same answer, same refusals, but the main thread stays free. One worker per page, started on
 * first use; answers are matched to requests by id.
 *
 * Every read is bounded. A read that outlasts its time limit, or a worker that dies (out of memory,
 * or killed by the browser), refuses that file by name — never a bare error, never a desk stuck on
 * "checking" — and the worker is started afresh for the next file, so the page stays usable.
 */
import type { DatasetManifest } from '../export/dataset';
import { tableByName } from '../domain/schema';
import { FileRefused } from './refusal';
import { fileSize, type ImportFile, type Source, type SourceFile, type SourceOptions } from './source';
import type { SourceAnswer, SourceRequest } from './sourceWorker';

interface Waiting {
  file: string;
  /** When the read was asked for, and how long it may take. */
  started: number;
  limit: number;
  resolve: (answer: SourceAnswer) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/**
 * The time a read may take: generous, as the machine may be busy (74 MB of GBK reads in about 0.5 s
 * on an idle one): two minutes plus a second per 5 MB. localStorage `hq-read-time-limit-ms` sets
 * another limit (browser tests lower it to see a slow read refused).
 */
export function readTimeLimit(bytes: number): number {
  const set = Number(globalThis.localStorage?.getItem('hq-read-time-limit-ms'));
  return set > 0 ? set : 120_000 + bytes / 5_000;
}

/** Ends the worker and refuses every waiting read with `detail` (each by its own file name). */
function restart(detail: string) {
  worker?.terminate();
  worker = undefined;
  for (const request of waiting.values()) {
    clearTimeout(request.timer);
    request.reject(new FileRefused(request.file, detail));
  }
  waiting.clear();
}

function parsingWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./sourceWorker.ts', import.meta.url), {
    type: 'module',
    name: '文件解析',
  });
  started.onmessage = ({ data }: MessageEvent<SourceAnswer>) => {
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    clearTimeout(request.timer);
    // An answer that comes after the limit is refused as the timer would have: on a busy machine the
    // answer and the timer can be queued together, and which runs first must not decide.
    if (performance.now() - request.started > request.limit) request.reject(timedOut(request));
    else if ('refused' in data) request.reject(new FileRefused(data.refused.file, data.refused.detail));
    else if ('error' in data) request.reject(new FileRefused(request.file, `读取时出错（${data.error}）`));
    else request.resolve(data);
  };
  started.onerror = (event) => {
    event.preventDefault();
    if (worker !== started) return;
    restart(
      `解析文件的线程意外停止，可能超出浏览器可用内存，请拆分文件后再导入（${event.message || '未知原因'}）`,
    );
  };
  worker = started;
  return started;
}

function ask(
  file: ImportFile,
  request: { kind: 'source'; options: SourceOptions } | { kind: 'dataset' } | { kind: 'checksum' },
): Promise<SourceAnswer> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    // (The limit set for tests is for reading a file's contents, not for hashing its bytes.)
    const limit =
      request.kind === 'checksum' ? 120_000 + fileSize(file) / 5_000 : readTimeLimit(fileSize(file));
    const timer = setTimeout(() => {
      const request = waiting.get(id);
      if (request) restart(timedOut(request).detail);
    }, limit);
    waiting.set(id, { file: file.name, started: performance.now(), limit, resolve, reject, timer });
    // A picked file goes as its Blob (no bytes copied; the worker reads it). Bytes go as a copy the
    // worker owns, transferred: the caller keeps its own to check again. (A copy then a transfer
    // blocks the page for a memcpy; a structured clone of 74 MB, 5× that.)
    if ('blob' in file) {
      parsingWorker().postMessage({ ...request, id, file } as SourceRequest);
      return;
    }
    const bytes = file.bytes.slice();
    const message = { ...request, id, file: { name: file.name, bytes } } as SourceRequest;
    parsingWorker().postMessage(message, [bytes.buffer]);
  });
}

function timedOut({ file, limit }: Waiting): FileRefused {
  const took = limit < 1000 ? `${limit} 毫秒` : `${Math.round(limit / 1000)} 秒`;
  return new FileRefused(
    file,
    `读取超过 ${took}仍未完成，已停止（文件可能过大或结构异常）；请拆分或另存后再导入`,
  );
}

export async function readSourceInWorker(file: ImportFile, options: SourceOptions = {}): Promise<Source> {
  const answer = await ask(file, { kind: 'source', options });
  if (!('source' in answer)) throw new FileRefused(file.name, '读取时出错（解析线程的回答不符）');
  return withSchema(answer.source);
}

/** A backup ZIP's files and manifest, unpacked (within its bound) in the worker. */
export async function readDatasetInWorker(
  file: ImportFile,
): Promise<{ manifest: DatasetManifest; files: SourceFile[] } | undefined> {
  const answer = await ask(file, { kind: 'dataset' });
  if (!('dataset' in answer)) throw new FileRefused(file.name, '读取时出错（解析线程的回答不符）');
  return answer.dataset ?? undefined;
}

/** A file's SHA-256 in hex (for the history), read and hashed in the worker. */
export async function checksumInWorker(file: ImportFile): Promise<string> {
  const answer = await ask(file, { kind: 'checksum' });
  if (!('checksum' in answer)) throw new FileRefused(file.name, '读取时出错（解析线程的回答不符）');
  return answer.checksum;
}

/**
 * Stops what the worker is reading (取消, or a newer check): its reads fail, and the next read starts
 * a fresh worker instead of waiting behind a large file nobody wants any more.
 */
export function stopParsing(): void {
  if (!worker || waiting.size === 0) return;
  worker.terminate();
  worker = undefined;
  for (const request of waiting.values()) {
    clearTimeout(request.timer);
    request.reject(new Error('读取已停止'));
  }
  waiting.clear();
}

/** The mapping came back as copies: point it at the schema's own table and column objects again. */
function withSchema(source: Source): Source {
  const table = tableByName(source.mapping.table.name);
  const column = (name: string) => table.columns.find((c) => c.name === name)!;
  const { mapping } = source;
  return {
    ...source,
    mapping: {
      ...mapping,
      table,
      columns: mapping.columns.map((m) => ({ ...m, column: column(m.column.name) })),
      missing: mapping.missing.map((c) => column(c.name)),
    },
  };
}
