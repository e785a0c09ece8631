/** Node side: the export files of a folder → the importer, on the real engine. */
import fs from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../../src/db/node';
import type { Db } from '../../src/db';
import { importFiles, type ImportReport, type SourceFile } from '../../src/ingest';

const EXPORT_FILE = /\.(csv|xlsx|txt)$/i;

export function readFolder(folder: string): SourceFile[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`找不到数据文件夹：${folder}`);
  }
  return fs
    .readdirSync(folder)
    .filter((name) => EXPORT_FILE.test(name) && !name.startsWith('.') && !name.startsWith('~$'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(folder, name))) }));
}

export async function loadFolder(folder: string): Promise<{ db: Db; imported: ImportReport }> {
  const files = readFolder(folder);
  if (files.length === 0) throw new Error(`文件夹中没有 CSV 或 XLSX 文件：${folder}`);
  const db = await openNodeDb();
  const imported = await importFiles(db, files);
  return { db, imported };
}
