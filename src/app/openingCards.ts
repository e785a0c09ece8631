/**
 * The KPI cards before the desktop's code (issue 12, revisit to first KPI ≤ 0.5 s). 总览 keeps, with
 * its confirmed figures, the cards it shows for them while the engine starts: their names, values
 * and texts exactly as its KPI cards render them, the title over them, and where the two sat on the
 * page. A page opened again at the same address reads that record in the desktop's opening
 * (src/deskOpening.ts, a few KB) and paints the cards in plain DOM, marked 更新中 as the screen marks kept figures, once the
 * desktop's styles are in; the desktop's first render then replaces them with the same cards in the
 * same place (React clears the root at its first commit), and the engine confirms them later.
 *
 * The same rule as every kept figure (./figureCache.ts): the record belongs to one data version and
 * is painted only while that version is the one in use (`hq:figures:version`). It is kept under the
 * figures' prefix, so the version's change (an import, an undo, a reset) drops it with the old
 * figures, and a change of the data forgets the version before it starts (`forgetFiguresVersion`).
 * It is painted only where the page would show the same cards: same address (hash), same 口径
 * settings as stored, same window width (the positions depend on it). No React here.
 */
import { h } from '../phone/dom';
import { SCREENS, type ScreenPath } from './route';

const VERSION_KEY = 'hq:figures:version';
const KEY = 'hq:figures:opening';
/** The 口径 edits of this browser (src/app/settings.ts): the cards' figures depend on them. */
const SETTINGS_KEY = 'hq-dashboard.settings.v1';

/** One card as src/app/KpiCard.tsx renders it, or the placeholder of a figure still computing. */
export interface CardModel {
  name: string;
  label: string;
  /** Absent: a placeholder (`data-kpi-pending`), with only its label and note. */
  value?: number;
  display?: string;
  target?: number | null;
  note?: string;
  tone?: 'good' | 'warn';
  /** The card carries an ⓘ (its figure's 口径). */
  info?: boolean;
  /** The 红黄绿灯 badge: its class suffix and its text. */
  light?: { key: string; text: string };
}

interface Box {
  left: number;
  top: number;
  width: number;
}

export interface OpeningCards {
  version: string;
  hash: string;
  settings: string | null;
  width: number;
  screen: ScreenPath;
  title: { text: string; small: string; at: Box };
  cards: CardModel[];
  at: Box;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Where `element` sits on the page (not the viewport: the page may have been scrolled). */
function box(element: Element): Box {
  const r = element.getBoundingClientRect();
  return { left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width };
}

/**
 * Keeps the cards of `screen` (the figures confirmed by the engine, as shown while they are kept)
 * and where its title and cards are now. Best effort, like the figures themselves.
 */
export function keepOpeningCards(
  screen: ScreenPath,
  title: { text: string; small: string },
  cards: CardModel[],
) {
  const version = read(VERSION_KEY);
  const heading = document.querySelector(`main > .screen > h2`);
  const row = document.querySelector(`main > .screen > .kpis`);
  if (!version || !heading || !row) return;
  const record: OpeningCards = {
    version,
    hash: window.location.hash,
    settings: read(SETTINGS_KEY),
    width: window.innerWidth,
    screen,
    title: { ...title, at: box(heading) },
    cards,
    at: box(row),
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(record));
  } catch {
    // Full or disabled storage: no cards before the desktop's code.
  }
}

/** The kept cards, if this page would show them: same data version, address, 口径 and width. */
export function readOpeningCards(): OpeningCards | undefined {
  const text = read(KEY);
  if (text === null) return undefined;
  try {
    const record = JSON.parse(text) as OpeningCards;
    const same =
      record.version === read(VERSION_KEY) &&
      record.hash === window.location.hash &&
      record.settings === read(SETTINGS_KEY) &&
      record.width === window.innerWidth;
    return same ? record : undefined;
  } catch {
    return undefined;
  }
}

const placed = (at: Box) =>
  `position:absolute;left:${at.left}px;top:${at.top}px;width:${at.width}px;margin:0`;

function card(c: CardModel): HTMLElement {
  const note = c.note ? h('div', { class: c.tone ? `kpi-note ${c.tone}` : 'kpi-note' }, c.note) : null;
  if (c.value === undefined)
    return h(
      'div',
      { class: 'kpi', 'data-kpi-pending': c.name },
      h('div', { class: 'kpi-label' }, c.label),
      note,
    );
  return h(
    'div',
    {
      class: 'kpi',
      'data-kpi': c.name,
      'data-value': String(c.value),
      'data-target': c.target === undefined || c.target === null ? null : String(c.target),
    },
    h(
      'div',
      { class: 'kpi-label' },
      c.label,
      c.info && h('details', { class: 'figure-info no-print' }, h('summary', { title: '口径说明' }, 'ⓘ')),
    ),
    h(
      'div',
      { class: 'kpi-value' },
      c.display ?? '',
      c.light && h('span', { class: `light light-${c.light.key}`, 'data-light': c.light.key }, c.light.text),
    ),
    note,
  );
}

/**
 * Paints the kept cards into `root` (empty: the desktop has not rendered) where they were, under
 * the top bar and the title marked 更新中. The desktop's first render replaces all of it.
 */
export function paintOpeningCards(root: HTMLElement, kept: OpeningCards): boolean {
  if (root.hasChildNodes()) return false;
  const nav = SCREENS.map((s) =>
    h('a', { href: `#/${s.path}`, 'aria-current': s.path === kept.screen ? 'page' : null }, s.name),
  );
  root.append(
    h(
      'div',
      { class: 'app', 'data-opening-cards': '' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', null, '温州市总部回归监测'),
        h('nav', { 'aria-label': '页面' }, nav),
      ),
      h(
        'main',
        { 'data-screen': kept.screen },
        h(
          'section',
          { class: `screen ${kept.screen}` },
          h(
            'h2',
            { style: placed(kept.title.at) },
            kept.title.text,
            ' ',
            h('small', null, kept.title.small),
            h('span', { class: 'panel-updating', title: '上次打开时的数据，分析引擎正在重新计算' }, '更新中'),
          ),
          // 'updating' as a panel of kept figures says: whatever waits for the engine's figures
          // (tests, benches) does not take these for them.
          h(
            'div',
            { class: 'kpis', 'data-panel-status': 'updating', style: placed(kept.at) },
            kept.cards.map(card),
          ),
        ),
      ),
    ),
  );
  performance.mark('hq:opening-cards');
  return true;
}
