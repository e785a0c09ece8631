/**
 * `readSource` in the parsing worker (sourceWorker.ts), for the page: same answer, same refusals,
 * but the main thread stays free. One worker per page, started on first use; answers are matched
 * to requests by id. A worker that dies (out of memory) fails its waiting reads with a Chinese
 * message and is started afresh on the next read.
 */
import { tableByName } from '../domain/schema';
import { FileRefused } from './refusal';
import type { Source, SourceFile, SourceOptions } from './source';
import type { SourceAnswer, SourceRequest } from './sourceWorker';

interface Waiting {
  resolve: (source: Source) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

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
    if ('source' in data) request.resolve(withSchema(data.source));
    else if ('refused' in data) request.reject(new FileRefused(data.refused.file, data.refused.detail));
    else request.reject(new Error(data.error));
  };
  started.onerror = (event) => {
    event.preventDefault();
    worker = undefined;
    started.terminate();
    const message = `解析文件的线程意外停止，可能超出浏览器可用内存，请拆分文件后再导入（${event.message || '未知原因'}）`;
    for (const request of waiting.values()) request.reject(new Error(message));
    waiting.clear();
  };
  worker = started;
  return started;
}

export function readSourceInWorker(file: SourceFile, options: SourceOptions = {}): Promise<Source> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // The worker gets a copy it owns, transferred: the desk keeps the file's bytes to check again.
    // (A copy then a transfer blocks the page for a memcpy; a structured clone of 74 MB, 5× that.)
    const bytes = file.bytes.slice();
    const request: SourceRequest = { id, file: { name: file.name, bytes }, options };
    parsingWorker().postMessage(request, [bytes.buffer]);
  });
}

/**
 * Stops what the worker is reading (取消, or a newer check): its reads fail, and the next read starts
 * a fresh worker instead of waiting behind a large file nobody wants any more.
 */
export function stopParsing(): void {
  if (!worker || waiting.size === 0) return;
  worker.terminate();
  worker = undefined;
  for (const request of waiting.values()) request.reject(new Error('读取已停止'));
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
