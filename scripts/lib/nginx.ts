/**
 * The deployment's own server for the benches: Debian's nginx (when installed) with the server block
 * of deploy/nginx.conf — its headers, its gzip, its caching rules — on a local port, serving a site
 * folder (a copy of dist/ with a published dataset in dataset/). `vite preview` sends the same
 * headers, but a Node server on a busy two-core machine took 0.1–0.5 s per response, which is no
 * part of what an intranet's nginx costs a phone (docs/PHONE.md, "Which server").
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { untilServing } from '../../test/browser/serve';

export const NGINX = '/usr/sbin/nginx';

/** deploy/nginx.conf's server block on 127.0.0.1:port with `site` as its root, as a whole config. */
export function nginxConfig(site: string, port: number, dir: string): string {
  const block = fs
    .readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8')
    .replace(/^\s*listen 80;/m, `    listen 127.0.0.1:${port};`)
    .replace(/^\s*root [^;]+;/m, `    root ${site};`);
  if (!block.includes(`listen 127.0.0.1:${port};`) || !block.includes(`root ${site};`))
    throw new Error('deploy/nginx.conf: no `listen 80;` or `root …;` line to point at the bench');
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return [
    'daemon off;',
    'worker_processes 1;',
    // As the user who copied the site: nginx's default user may not read a private temp folder.
    `user ${os.userInfo().username};`,
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')};`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    '  sendfile on;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
    block,
    '}',
  ].join('\n');
}

/** Whether something already answers at `url`. */
const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

/** Starts nginx on `site`; resolves once it answers. */
export async function startNginx(site: string, port: number): Promise<{ url: string; stop: () => void }> {
  const url = `http://127.0.0.1:${port}/`;
  // Else nginx fails to bind and the bench measures whatever left server holds the port (a stale
  // one serving another site, once).
  if (await answers(url))
    throw new Error(`端口 ${port} 已被占用：换一个 HQ_BENCH_PORT，或先停掉占用它的服务`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(path.resolve(site), port, dir));
  // In the bench's own process group (not detached), so stopping the bench's job stops it too; the
  // master stops its worker when it is terminated.
  const server = spawn(NGINX, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  await untilServing(url, 30_000);
  return {
    url,
    stop: () => {
      server.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
