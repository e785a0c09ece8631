// `npm start`: build dist/ when it is missing or older than the sources, then serve it on localhost.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const inputs = [
  'src',
  'data',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/lib/phonePreload.ts',
  'package-lock.json',
];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newestMtime(path.join(p, name))));
}

const built = path.join(root, 'dist', 'index.html');
const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...inputs.map(newestMtime));
if (stale) {
  console.log('构建中（npm run build）…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const port = process.env.PORT ?? '4173';
console.log(`仪表盘地址 / dashboard: http://127.0.0.1:${port}/`);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort'], {
  cwd: root,
  stdio: 'inherit',
});
server.on('exit', (code) => process.exit(code ?? 0));
