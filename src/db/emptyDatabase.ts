/**
 * The bytes of an empty DuckDB 1.4.3 database file (storage version 64), exactly what the engine
 * writes for `ATTACH 'new.duckdb'`: a main header and two database headers of 4 KB each, mostly zeros.
 *
 * Why it exists: DuckDB-Wasm 1.32 cannot ATTACH a new `opfs://` file (it creates a 0-byte file and
 * then refuses it as "not a valid DuckDB database file"), and cannot hand back the bytes of a new
 * database made in a buffer (`copyFileToBuffer` fails). So persist.ts writes these bytes into the
 * new OPFS file first. test/persist-file.test.ts checks them against what the engine writes, so a
 * DuckDB upgrade that changes them fails a test rather than the first save.
 */
const BLOCK = 4096;
const SOURCE_ID = '64316463383866393530'; // "d1dc88f950", the build the header names

/** Non-zero runs as [offset, hex]. */
const MAIN_HEADER: [number, string][] = [
  [0, '67fd9328818d2eb3'], // checksum
  [8, '4455434b'], // "DUCK"
  [12, '40'], // storage version 64
  [52, '76312e342e33'], // "v1.4.3"
  [84, SOURCE_ID],
];
const DATABASE_HEADER: [number, string][] = [
  [0, 'c48025b08a4e3fd2'], // checksum
  [16, 'ffffffffffffffffffffffffffffffff'], // no meta block, no free list
  [42, '04'], // block allocation size 262144
  [49, '08'], // vector size 2048
  [56, '01'], // serialization compatibility
  [84, SOURCE_ID],
];

export function emptyDatabaseFile(): Uint8Array {
  const bytes = new Uint8Array(3 * BLOCK);
  const put = (base: number, runs: [number, string][]) => {
    for (const [offset, hex] of runs) {
      for (let i = 0; i < hex.length / 2; i++)
        bytes[base + offset + i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    }
  };
  put(0, MAIN_HEADER);
  put(BLOCK, DATABASE_HEADER);
  put(2 * BLOCK, DATABASE_HEADER);
  return bytes;
}
