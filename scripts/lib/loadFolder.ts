/**
 * Node side: the export files of a folder → the importer, on the real engine. Every entry of the
 * folder is either read or named with the reason it was not: a folder whose enterprise list was an
 * `.xls` once gave a report of 0 enterprises without a word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../../src/db/node';
import type { Db } from '../../src/db';
import { importFiles, type ImportReport, type SourceFile } from '../../src/ingest';

/** CSV and text (UTF-8, GBK, UTF-16), Excel workbooks and the HTML tables saved as `.xls`. */
const EXPORT_FILE = /\.(csv|txt|tsv|xlsx|xls)$/i;

export interface SkippedFile {
  file: string;
  reason: string;
}

/** Why an entry of the folder is not read, or undefined when it is an export file. */
function skipReason(name: string, stat: fs.Stats): string | undefined {
  if (stat.isDirectory()) return '是文件夹（不读取子文件夹）';
  if (!stat.isFile()) return '不是普通文件';
  if (name.startsWith('~$')) return 'Excel 打开文件时留下的临时锁定文件';
  if (name.startsWith('.')) return '隐藏文件';
  if (!EXPORT_FILE.test(name)) {
    const ext = path.extname(name);
    return `不是 CSV、Excel（.xlsx/.xls）或文本文件${ext ? `（${ext}）` : '（无扩展名）'}`;
  }
  return undefined;
}

export function listFolder(folder: string): { files: SourceFile[]; skipped: SkippedFile[] } {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`找不到数据文件夹：${folder}`);
  }
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    const reason = skipReason(name, fs.statSync(full));
    if (reason) skipped.push({ file: name, reason });
    else files.push({ name, bytes: new Uint8Array(fs.readFileSync(full)) });
  }
  return { files, skipped };
}

export function readFolder(folder: string): SourceFile[] {
  return listFolder(folder).files;
}

/** Which DuckDB runs the import and the figures: the app's wasm (default) or native DuckDB. */
export type EngineName = 'wasm' | 'native';
export const ENGINES: readonly EngineName[] = ['wasm', 'native'];

async function openEngine(engine: EngineName): Promise<Db> {
  if (engine === 'wasm') return openNodeDb();
  // Loaded only when asked for: the wasm path needs no native binary.
  const { openNativeDb } = await import('../../src/db/native');
  return openNativeDb();
}

export async function loadFolder(
  folder: string,
  engine: EngineName = 'wasm',
): Promise<{ db: Db; imported: ImportReport; skipped: SkippedFile[]; files: SourceFile[] }> {
  const { files, skipped } = listFolder(folder);
  if (files.length === 0) {
    const named = skipped.map((s) => `${s.file}：${s.reason}`).join('；');
    throw new Error(`文件夹中没有 CSV、Excel 或文本文件：${folder}${named ? `（${named}）` : ''}`);
  }
  const db = await openEngine(engine);
  const imported = await importFiles(db, files);
  return { db, imported, skipped, files };
}
