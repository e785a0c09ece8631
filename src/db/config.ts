import type { DuckDBConfig } from '@duckdb/duckdb-wasm';

export const ENGINE_CONFIG: DuckDBConfig = {
  query: { castBigIntToDouble: false },
};

/**
 * Run on every new connection. Offline by construction: extensions are never fetched or loaded (in
 * 1.32 a missing extension otherwise becomes a download attempt with a misleading error).
 */
export const SETUP_SQL: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];
