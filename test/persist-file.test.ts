/**
 * The empty database file persist.ts writes into a new OPFS file (src/db/emptyDatabase.ts) must be
 * byte for byte what this DuckDB-Wasm writes for a new database, and open as one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emptyDatabaseFile } from '../src/db/emptyDatabase';
import { openNodeDb } from '../src/db/node';
import { raw } from '../src/db/sql';
import type { Db } from '../src/db/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-file-'));
let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('matches what the engine writes for a new database', async () => {
  const file = path.join(dir, 'new.duckdb');
  await db.run(raw(`ATTACH '${file}' AS fresh`));
  await db.run(raw('DETACH fresh'));
  expect(Buffer.from(emptyDatabaseFile()).equals(fs.readFileSync(file))).toBe(true);
});

test('opens as an empty database that takes tables', async () => {
  const file = path.join(dir, 'given.duckdb');
  fs.writeFileSync(file, emptyDatabaseFile());
  await db.run(raw(`ATTACH '${file}' AS given`));
  await db.run(raw('CREATE TABLE given.t AS SELECT 42 AS x'));
  expect(await db.query(raw('SELECT x FROM given.t'))).toEqual([{ x: 42 }]);
  await db.run(raw('DETACH given'));
});
