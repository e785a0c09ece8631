import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { SECURITY_HEADERS } from './deploy/csp';
import { branchPreload } from './scripts/lib/branchPreload';
import { phoneStyle } from './scripts/lib/phoneStyle';

const SAMPLE_DIR = path.resolve(import.meta.dirname, process.env.HQ_SAMPLE_DIR ?? 'data');
const SAMPLE_FILE = /\.(csv|xlsx)$/i;

/**
 * The sample exports in data/ are served as /sample/<file> with /sample/manifest.json listing them:
 * from the folder itself in dev, copied into dist/ at build, so the app loads them like user files.
 */
function sampleData(): Plugin {
  const files = () =>
    fs
      .readdirSync(SAMPLE_DIR)
      .filter((f) => SAMPLE_FILE.test(f))
      .sort();
  return {
    name: 'sample-data',
    configureServer(server) {
      server.middlewares.use('/sample/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (name === 'manifest.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(files()));
        } else if (files().includes(name)) {
          res.end(fs.readFileSync(path.join(SAMPLE_DIR, name)));
        } else next();
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({
          type: 'asset',
          fileName: `sample/${name}`,
          source: fs.readFileSync(path.join(SAMPLE_DIR, name)),
        });
      }
      this.emitFile({ type: 'asset', fileName: 'sample/manifest.json', source: JSON.stringify(files()) });
    },
  };
}

/**
 * The small modules both pages draw their first figures with, one file instead of one each: on a
 * phone the index, the entry, the phone's code, these and its style are then five requests, within
 * the six connections a browser opens to one HTTP/1.1 server, so none waits for another to finish
 * (docs/PHONE.md, "Fewer files"). With them the stored theme, which the entry sets on a desktop
 * before anything else arrives. Nothing here imports a module outside the group.
 */
const FIRST_SHARED = {
  name: 'first',
  test: /\/src\/(format\/numbers|phone\/dom|domain\/(forecastBasis|published|trafficLight)|app\/storedTheme)\.ts$/,
};

export default defineConfig({
  // Relative asset paths, so dist/ works from any static server and any sub-path.
  base: './',
  plugins: [react(), sampleData(), branchPreload(), phoneStyle()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Fonts stay files: the CSP allows fonts from our origin only (font-src 'self'), not data: URLs,
    // and small font chunks would otherwise be inlined.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
    rolldownOptions: { output: { codeSplitting: { groups: [FIRST_SHARED] } } },
  },
  worker: { format: 'es' },
  // Served with the deployment's headers (deploy/nginx.conf): the browser tests run under the full CSP.
  preview: { host: '127.0.0.1', port: 4173, headers: SECURITY_HEADERS },
  server: { host: '127.0.0.1', port: 5173 },
});
