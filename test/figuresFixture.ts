/**
 * The small hand-written export set in test/fixtures/figures/ (described at the top of
 * test/figures.test.ts), loaded into a fresh engine, and its credit codes by letter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openNodeDb } from '../src/db/node';
import type { Db } from '../src/db';
import {
  commitWithHistory,
  fileChecksum,
  importFiles,
  prepareImport,
  type ImportReport,
} from '../src/ingest';

export const FIGURES_FIXTURE = path.join(import.meta.dirname, 'fixtures', 'figures');
/** The messy 2023 exports shaped like the bureau's (a copy of ../shared/examples). */
export const EXPORTS_2023 = path.join(import.meta.dirname, 'fixtures', 'exports-2023');

/** Credit codes of the fixture (GB 32100 check digits computed with src/domain/creditCode.ts). */
export const C = {
  A: '91330302MA2HQ0001Q',
  B: '91330302MA2HQ0002U',
  C: '91330303MA2HQ0003D',
  D: '91330303MA2HQ0004G',
  E: '91330381MA2HQ0005J',
  F: '91330381MA2HQ0006M',
  G: '91330301MA2HQ0007W',
  H: '91330302MA2HQ0008E',
  X: '91330381MA2HQ0009Y',
  W: '91330302MA2HQ0010N',
  Y: '91330381MA2HQ00117',
} as const;

export function fixtureFiles(folder = FIGURES_FIXTURE) {
  return fs
    .readdirSync(folder)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(folder, name))) }));
}

/** A fresh engine with the files of `folder` imported (the hand-written figures fixture by default). */
export async function openFiguresFixture(
  folder = FIGURES_FIXTURE,
): Promise<{ db: Db; imported: ImportReport }> {
  const db = await openNodeDb();
  const imported = await importFiles(db, fixtureFiles(folder));
  return { db, imported };
}

/** A small CSV export written inline in a test: its lines joined, UTF-8. */
export const csv = (name: string, ...lines: string[]) => ({
  name,
  bytes: new TextEncoder().encode(lines.join('\n') + '\n'),
});

/** Checks and commits `files` as one import with its history entry, as the desk does. */
export async function commitFiles(db: Db, ...files: { name: string; bytes: Uint8Array }[]) {
  const checksums = Object.fromEntries(
    await Promise.all(files.map(async (f) => [f.name, await fileChecksum(f)])),
  );
  return commitWithHistory(db, await prepareImport(db, files), checksums);
}
