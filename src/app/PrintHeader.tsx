/**
 * Printing a screen (Ctrl+P, or a PDF): the navigation and filter bar are not printed (print.css),
 * so this one line says what the page shows — screen, year, the filters the screen follows, 数据截至,
 * the data and the 口径 (name, short hash, 本机修改（未发布） when it is not the published one).
 *
 * It also switches the page into its print layout: `printing` on <html> while the browser prints
 * (print.css lays the panels out one per row at the A4 text width). The class is set in the capture
 * phase of `beforeprint`, which runs before every chart's own `beforeprint` listener, so the charts
 * measure the print layout when they resize to it (src/charts/Chart.tsx). The presentation deck has
 * its own print layout, so the class is never set there.
 */
import { useEffect } from 'react';
import type { Filters } from '../domain/filters';
import { unitName } from '../domain/units';
import { SCREEN_FILTERS } from './FilterBar';
import { SCREENS, type Route } from './route';
import { useCaliber } from './settings';
import { shortHash } from '../domain/caliber';

/** The class on <html> while a screen prints; print.css keys its layout on it. */
export const PRINT_CLASS = 'printing';

interface Props {
  route: Route;
  year: number;
  asOf: string;
  /** The filters in force on this screen (those it follows). */
  filters: Filters;
  /** Which data is showing (样例数据 or the imported files). */
  source: string;
}

/** '年度：2024年 · 属地：鹿城区 · 企业来源：温商回归' — only what the screen follows. */
export function printedFilters(screen: Route['screen'], year: number, filters: Filters): string[] {
  const used = SCREEN_FILTERS[screen];
  const parts: string[] = [];
  if (used.includes('year')) parts.push(`年度：${year}年`);
  if (used.includes('unit')) parts.push(`属地：${filters.unit ? unitName(filters.unit) : '全市'}`);
  if (filters.hqType) parts.push(`总部类型：${filters.hqType}`);
  if (filters.origin) parts.push(`企业来源：${filters.origin}`);
  if (filters.industry) parts.push(`行业：${filters.industry}`);
  return parts;
}

export function PrintHeader({ route, year, asOf, filters, source }: Props) {
  const caliber = useCaliber();
  const printable = route.screen !== 'present';
  useEffect(() => {
    if (!printable) return;
    const root = document.documentElement;
    const before = () => root.classList.add(PRINT_CLASS);
    const after = () => root.classList.remove(PRINT_CLASS);
    window.addEventListener('beforeprint', before, { capture: true });
    window.addEventListener('afterprint', after, { capture: true });
    return () => {
      window.removeEventListener('beforeprint', before, { capture: true });
      window.removeEventListener('afterprint', after, { capture: true });
      after();
    };
  }, [printable]);
  if (!printable) return null;
  const name = SCREENS.find((s) => s.path === route.screen)?.name ?? '';
  const parts = [
    '温州市总部回归监测',
    name,
    ...printedFilters(route.screen, year, filters),
    `数据截至 ${asOf}`,
  ];
  if (source) parts.push(`数据：${source}`);
  parts.push(`口径：${caliber.effective.name}（${shortHash(caliber.effective.hash)}）`);
  if (caliber.modified) parts.push('本机修改（未发布）');
  return <p className="print-header">{parts.join(' · ')}</p>;
}
