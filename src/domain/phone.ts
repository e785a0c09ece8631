/**
 * The 掌上驾驶舱's files in a published dataset (issue 16, docs/PHONE.md), shared by `publish`, which
 * writes them, and the phone page, which reads them. No database here: the phone bundle imports it.
 *
 * - `figures/m/index.json`            PhoneIndex: dataset name, 口径, as-of date, years, units;
 * - `figures/m/<year>/<code>.json`    PhoneFigures (src/domain/figures/phone.ts) of a unit, and
 * - `figures/m/<year>/city.json`      of 全市;
 * - `figures/m/first.html`            the opening view as HTML, for the page's first screen.
 */
import type { PhoneFigures } from './figures/phone';

export const PHONE_DIR = 'figures/m';
/** The index of the phone's files, under the dataset folder. */
export const PHONE_INDEX = `${PHONE_DIR}/index.json`;
/**
 * The opening view drawn as HTML (scripts/lib/firstScreen.ts), for the server to put into the page
 * (deploy/nginx.conf's `ssi`; the include in index.html names this path).
 */
export const PHONE_FIRST = `${PHONE_DIR}/first.html`;
export const PHONE_FORMAT = 'hq-return-phone';
/** The file name (without .json) of 全市's figures. */
export const PHONE_CITY = 'city';

export interface PhoneIndex {
  format: typeof PHONE_FORMAT;
  /** The dataset's name (数据集名称). */
  name: string;
  /** 数据截至: the date every figure file is counted to. */
  asOf: string;
  /** When the dataset was published (ISO 8601 with time zone). */
  publishedAt: string;
  caliber: { name: string; hash: string };
  /** The year a phone opens on (the year of the as-of date). */
  year: number;
  /** Years with figure files, newest first. */
  years: number[];
  /** Units with figure files, in the units' order. */
  units: { code: string; name: string }[];
  /**
   * The figures a phone opens on (`year`, 全市), the same as that year's city file: carried in the
   * index so the first screen needs one request, not two in a row.
   */
  opening: PhoneFigures;
}

/** The path of a figure file under the dataset folder. */
export const phoneFile = (year: number, unit: string | null) =>
  `${PHONE_DIR}/${year}/${unit ?? PHONE_CITY}.json`;
