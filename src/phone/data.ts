/**
 * The phone's figures: plain JSON files `publish` wrote beside the dataset (src/domain/phone.ts),
 * fetched from our own origin. No engine, no worker, no database.
 */
import type { PhoneFigures } from '../domain/figures/phone';
import { DATASET_DIR } from '../domain/published';
import { PHONE_FORMAT, PHONE_INDEX, phoneFile, type PhoneIndex } from '../domain/phone';

/** Where the figures come from: the published dataset, or the build's sample (npm start). */
export interface PhoneSource {
  /** URL folder holding `figures/m/…`. */
  dir: string;
  label: '发布数据' | '样例数据';
  index: PhoneIndex;
}

/** The build's sample snapshot writes the same files under sample/ (scripts/snapshot-sample.ts). */
const SOURCES = [
  { dir: DATASET_DIR, label: '发布数据' },
  { dir: 'sample', label: '样例数据' },
] as const;

/** A static server may answer a missing file with index.html (SPA fallback): only real JSON counts. */
const real = (r: Response | undefined): r is Response =>
  !!r?.ok && !r.headers.get('content-type')?.includes('html');

/** Each URL fetched once per page: boot.ts starts the fetches the first screen needs early. */
const fetched = new Map<string, Promise<unknown>>();

function fetchJson(url: string): Promise<unknown> {
  let json = fetched.get(url);
  if (!json) {
    // no-cache: revalidated every time, so a new publish is seen at once (304s keep it cheap).
    json = fetch(url, { cache: 'no-cache' })
      .then((r) => (real(r) ? r.json() : undefined))
      .catch(() => undefined);
    fetched.set(url, json);
  }
  return json;
}

const isIndex = (json: unknown): json is PhoneIndex =>
  !!json && typeof json === 'object' && (json as PhoneIndex).format === PHONE_FORMAT;

/**
 * The published dataset's phone figures, else the sample's; undefined when neither is there
 * (a dataset published before the phone view, or a build without the sample).
 */
export async function findPhoneSource(): Promise<PhoneSource | undefined> {
  const published = await fetchJson(`${DATASET_DIR}/${PHONE_INDEX}`);
  if (isIndex(published)) return { ...SOURCES[0], index: published };
  // A published dataset without phone figures is not replaced by the sample's figures.
  if (await fetchJson(`${DATASET_DIR}/manifest.json`)) return undefined;
  const sample = await fetchJson(`${SOURCES[1].dir}/${PHONE_INDEX}`);
  return isIndex(sample) ? { ...SOURCES[1], index: sample } : undefined;
}

/**
 * A deep link's figures, fetched from the published dataset while the page's code loads; the page
 * gets the same answer from fetchPhoneFigures. Never rejects (fetchJson answers undefined).
 */
export const prefetchPhoneFigures = (year: number, unit: string | null): Promise<unknown> =>
  fetchJson(`${DATASET_DIR}/${phoneFile(year, unit)}`);

export async function fetchPhoneFigures(
  source: PhoneSource,
  year: number,
  unit: string | null,
): Promise<PhoneFigures> {
  if (year === source.index.opening.year && unit === null) return source.index.opening;
  const json = await fetchJson(`${source.dir}/${phoneFile(year, unit)}`);
  if (!json || typeof json !== 'object') throw new Error(`没有${year}年的掌上驾驶舱数据`);
  return json as PhoneFigures;
}
