import type { Db } from '../db';
import type { Filters } from '../domain/filters';
import type { DatasetManifest } from '../domain/published';
import type { ImportReport } from '../ingest';
import type { withChanges } from './route';

export type Navigate = (change: Parameters<typeof withChanges>[1]) => void;

/** What every screen receives: the database, the year and filters of the link, and the data's as-of date. */
export interface ScreenProps {
  db: Db;
  year: number;
  /** Last day of the newest tax month (数据截至). */
  asOf: string;
  filters: Filters;
  /** Screen-local link state (map metric, selected building …). */
  extra: Record<string, string>;
  navigate: Navigate;
  /** Which data is showing and what its import accepted and rejected. */
  source: {
    label: string;
    imported: ImportReport;
    /** Why what is imported cannot be kept (another tab, storage full …), for the data page. */
    problem?: string;
    /** The published dataset when the page shows one (read-only; no import desk for viewers). */
    dataset?: DatasetManifest;
  };
}
