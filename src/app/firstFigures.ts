/**
 * A first visit's figures before the engine (issue 12: cold open with the sample to KPIs ≤ 2 s):
 * the page has no figures kept from an earlier visit, so it reads `figures/desk.json` of the data it
 * is about to show — the published dataset's, else the build's sample's — and the opening screen
 * draws them at once, marked 更新中, while the engine starts (./figureCache.ts `seedFigures`).
 *
 * Only where that file's data is certainly what the page will show: never when this browser may
 * hold imported data (the stored file, src/db/opfs.ts) unless a published dataset is what every
 * viewer sees (src/app/useData.ts decides the same way). Best effort: any failure only means the
 * screen waits for the engine as before.
 */
import { mayHoldStoredData } from '../db/opfs';
import { FIRST_FIGURES_FILE, readFirstFigures } from '../domain/firstFigures';
import { DATASET_DIR, DATASET_FILES } from '../domain/published';
import { figuresVersion, seedFigures } from './figureCache';
import { officeMode } from './officeMode';

/** A static server may answer a missing file with index.html (SPA fallback): only real files count. */
const real = (r: Response | undefined): r is Response =>
  !!r?.ok && !r.headers.get('content-type')?.includes('html');

const get = (url: string) => fetch(url, { cache: 'no-cache' }).catch(() => undefined);

/** The file of the data the page will show, or undefined where that is not certain. */
async function firstFiguresFile(): Promise<Response | undefined> {
  if (!officeMode()) {
    const [manifest, published] = await Promise.all([
      get(`${DATASET_DIR}/${DATASET_FILES.manifest}`),
      get(`${DATASET_DIR}/${FIRST_FIGURES_FILE}`),
    ]);
    // A published dataset is what the page shows: its figures, or none (never the sample's).
    if (real(manifest)) return published;
  }
  const [stored, file] = await Promise.all([mayHoldStoredData(), get(`sample/${FIRST_FIGURES_FILE}`)]);
  return stored ? undefined : file;
}

/**
 * Fetches and seeds the first visit's figures; resolves when done (or found nothing to do), with the
 * performance mark `hq:first-figures` saying which ('seeded', 'kept' for a revisit, 'none').
 */
export async function loadFirstFigures(): Promise<void> {
  const outcome = await seedFirstFigures();
  performance.mark('hq:first-figures', { detail: outcome });
}

async function seedFirstFigures(): Promise<'seeded' | 'kept' | 'none'> {
  if (figuresVersion() !== undefined) return 'kept';
  const response = await firstFiguresFile().catch(() => undefined);
  if (!real(response)) return 'none';
  const entries = readFirstFigures(await response.json().catch(() => undefined));
  return entries && seedFigures(entries) ? 'seeded' : 'none';
}
