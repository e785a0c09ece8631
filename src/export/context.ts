/**
 * What an export needs to know besides its own data, handed down by React context so the screens
 * need not pass it to every chart and table: the as-of date, year and scope of the screen (App's
 * `Screen` provides them) and the title and unit of the panel a chart sits in (`Panel` provides
 * them, with the header element the chart's 导出图片 button is placed into).
 */
import { createContext } from 'react';

export interface ExportScope {
  /** The date of the newest data loaded (YYYY-MM-DD), stamped on every image; null when unknown. */
  asOf: string | null;
  year: number | null;
  /** '全市' or the chosen unit with its attribute filters (scopeTitle). */
  scope: string;
}

export const ExportContext = createContext<ExportScope>({ asOf: null, year: null, scope: '' });

export interface PanelInfo {
  title: string;
  /** The panel's unit caption, e.g. '单位：万元'. */
  unit?: string;
  /** The header element that holds the export buttons of the charts in this panel (null until mounted). */
  slot: HTMLElement | null;
}

export const PanelContext = createContext<PanelInfo | null>(null);
