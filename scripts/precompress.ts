/**
 * `npm run precompress -- <dir>…`: writes `<file>.gz` beside every compressible file of the folders
 * (the app's wasm, scripts, styles, the sample and a published dataset), for nginx's `gzip_static`
 * (deploy/nginx.conf). The 34 MB DuckDB wasm is compressed once here at the highest level (about
 * 8 MB) instead of on every request. A `.gz` older than its file is rewritten; run it again after
 * each build and each publish (publish replaces the dataset folder, `.gz` files included).
 */
import fs from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|svg|csv|duckdb|wal|geojson)$/i;
/** Below this a gzip response is not worth a file (nginx's own gzip_min_length is 1 KB too). */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield full;
  }
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: npm run precompress -- <dir> [<dir>…]\n');
  process.exit(2);
}
let raw = 0;
let packed = 0;
let count = 0;
for (const dir of dirs) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`找不到文件夹：${dir}\n`);
    process.exit(2);
  }
  for (const file of files(dir)) {
    const stat = fs.statSync(file);
    if (stat.size < MIN_BYTES) continue;
    const gz = `${file}.gz`;
    if (fs.existsSync(gz) && fs.statSync(gz).mtimeMs >= stat.mtimeMs) continue;
    const bytes = gzipSync(fs.readFileSync(file), { level: constants.Z_BEST_COMPRESSION });
    fs.writeFileSync(gz, bytes, { mode: 0o644 });
    raw += stat.size;
    packed += bytes.length;
    count += 1;
  }
}
process.stdout.write(
  `已压缩 ${count} 个文件：${(raw / 1e6).toFixed(1)} MB → ${(packed / 1e6).toFixed(1)} MB（gzip）\n`,
);
