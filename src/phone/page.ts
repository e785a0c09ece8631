/**
 * 掌上驾驶舱 (#/m): the year's progress, the units' lights, the ranking, 亿元楼宇, overdue projects
 * and the 简报 on a phone, from the published figure files (./data.ts) — no engine, and no React:
 * plain DOM, so a slow phone spends its time drawing figures, not evaluating a framework
 * (docs/PHONE.md). The year and unit are chosen by tap and live in the address
 * (`#/m?year=2024&unit=330302`); every change of the address draws the page afresh.
 */
import type { PhoneFigures } from '../domain/figures/phone';
import type { PhoneIndex } from '../domain/phone';
import { figuresView } from './cards';
import { fetchPhoneFigures, type PhoneSource } from './data';
import { datesWhole, h } from './dom';
import { deskHash, FIRST_SCREEN_ID, parsePhoneRoute, phoneHash, type PhoneRoute } from './mode';

export type Loaded =
  { status: 'loading' } | { status: 'ready'; data: PhoneFigures } | { status: 'failed'; message: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const MISSING =
  '此地址没有发布掌上驾驶舱数据（未部署发布数据集，或数据集发布于手机版之前）。请联系联席会议办公室重新发布，或打开完整仪表盘。';

/** The first screen `publish` drew into the page (the server's include, docs/PHONE.md), if shown. */
const drawnFirst = () => document.getElementById(FIRST_SCREEN_ID);

/** Puts the page's own drawing in place of the first screen `publish` drew, in one step. */
function show(root: HTMLElement, page: HTMLElement) {
  root.replaceChildren(page);
  drawnFirst()?.remove();
}

/** Draws the page into `root` once the figures' source is known (./boot.ts started its fetch). */
export function startPhone(root: HTMLElement, source: Promise<PhoneSource | undefined>): Promise<unknown> {
  // Figures already on screen stay there until the page's own are ready: no 正在读取 over them.
  const first = drawnFirst();
  if (!first || getComputedStyle(first).display === 'none')
    show(root, h('p', { class: 'm-state' }, '正在读取数据…'));
  return source.then(
    (found) => (found ? showCockpit(root, found) : show(root, noFigures(MISSING))),
    (e: unknown) => show(root, noFigures(`读取掌上驾驶舱数据失败：${message(e)}`)),
  );
}

/** The year and unit the address asks for, falling back to the defaults when the files lack them. */
function chosen(index: PhoneIndex, route: PhoneRoute) {
  const year = route.year && index.years.includes(route.year) ? route.year : index.year;
  const unit = route.unit && index.units.some((u) => u.code === route.unit) ? route.unit : null;
  const unknown = (!!route.year && route.year !== year) || (!!route.unit && route.unit !== unit);
  return { year, unit, unknown };
}

function showCockpit(root: HTMLElement, source: PhoneSource) {
  // Each year and unit's figures once per page; the opening figures come with the index.
  const loaded = new Map<string, Loaded>();
  const figuresOf = (year: number, unit: string | null, redraw: () => void): Loaded => {
    const key = `${year}:${unit ?? ''}`;
    const known = loaded.get(key);
    if (known) return known;
    if (year === source.index.opening.year && unit === null)
      return { status: 'ready', data: source.index.opening };
    loaded.set(key, { status: 'loading' });
    fetchPhoneFigures(source, year, unit)
      .then(
        (data) => loaded.set(key, { status: 'ready', data }),
        (e: unknown) => loaded.set(key, { status: 'failed', message: message(e) }),
      )
      .finally(redraw);
    return { status: 'loading' };
  };
  let drawn = '';
  const draw = () => {
    const { year, unit, unknown } = chosen(source.index, parsePhoneRoute(window.location.hash));
    drawn = `${year}:${unit ?? ''}`;
    const mine = drawn;
    // A file arriving after the user moved on does not draw over the newer choice.
    const figures = figuresOf(year, unit, () => mine === drawn && draw());
    const focused = focusedControl(root);
    show(root, phonePage(source, { year, unit, unknown }, figures, navigator.onLine));
    // The year button or 属地 picker just used keeps the focus in the new page (a screen reader
    // stays where the user was).
    if (focused) root.querySelector<HTMLElement>(focused)?.focus({ preventScroll: true });
  };
  window.addEventListener('hashchange', draw);
  window.addEventListener('online', draw);
  window.addEventListener('offline', draw);
  draw();
}

/** A selector for the year button or 属地 picker that has the focus, if one has. */
function focusedControl(root: HTMLElement): string | undefined {
  const active = document.activeElement;
  if (!active || !root.contains(active)) return undefined;
  if (active.matches('.m-unit select')) return '.m-unit select';
  if (active.matches('.m-years button'))
    return `.m-years button:nth-child(${[...active.parentElement!.children].indexOf(active) + 1})`;
  return undefined;
}

/**
 * The page for a year and unit: header, year buttons, 属地 picker, the cards, the footer. Pure: the
 * same function draws the live page and, at publish, the first screen (scripts/lib/firstScreen.ts).
 */
export function phonePage(
  source: PhoneSource,
  { year, unit, unknown }: { year: number; unit: string | null; unknown: boolean },
  figures: Loaded,
  online: boolean,
): HTMLElement {
  const { index } = source;
  const go = (r: PhoneRoute) => (window.location.hash = phoneHash(r));
  const here = unit ? { unit } : {};
  const select = h(
    'select',
    null,
    h('option', { value: '' }, '全市'),
    index.units.map((u) => h('option', { value: u.code, selected: u.code === unit }, u.name)),
  );
  select.addEventListener('change', () => go({ year, ...(select.value ? { unit: select.value } : {}) }));
  return h(
    'div',
    { class: 'm-app', 'data-phone-year': year, 'data-phone-unit': unit ?? '' },
    h(
      'header',
      { class: 'm-head' },
      h('h1', null, '总部回归 · 掌上驾驶舱'),
      h(
        'p',
        { class: 'm-meta', 'data-phone-meta': true },
        datesWhole(
          `${source.label === '样例数据' ? '样例数据' : `「${index.name}」`} · 数据截至 ${index.asOf} · 口径「${index.caliber.name}」`,
        ),
      ),
      !online &&
        h(
          'p',
          { class: 'm-warning', role: 'status', 'data-phone-offline': true },
          `离线：显示本机上次保存的数据（数据截至 ${index.asOf}），联网后自动更新。`,
        ),
    ),
    h(
      'nav',
      { class: 'm-choose', 'aria-label': '年度与属地' },
      h(
        'div',
        { class: 'm-years', role: 'group', 'aria-label': '年度' },
        index.years.map((y) =>
          h(
            'button',
            {
              type: 'button',
              'aria-pressed': String(y === year),
              on: { click: () => go({ year: y, ...here }) },
            },
            y,
          ),
        ),
      ),
      h('label', { class: 'm-unit' }, h('span', null, '属地'), select),
    ),
    unknown &&
      h(
        'p',
        { class: 'm-warning', role: 'alert' },
        `链接中的年度或属地没有掌上数据，以下显示 ${year} 年${unit ? '' : '全市'}。`,
      ),
    figures.status === 'ready'
      ? figuresView(figures.data, index.caliber.name, (code) => go({ year, unit: code }))
      : figures.status === 'failed'
        ? h('p', { class: 'm-state m-error' }, figures.message)
        : h('p', { class: 'm-state' }, `正在读取 ${year} 年数据…`),
    h(
      'footer',
      { class: 'm-foot' },
      h('a', { class: 'm-desk', href: deskHash({ year, ...here }) }, '查看明细：打开完整仪表盘'),
      h('p', null, '完整仪表盘需下载分析引擎（约 8 MB），适合电脑或平板。'),
    ),
  );
}

function noFigures(text: string): HTMLElement {
  return h(
    'div',
    { class: 'm-app' },
    h('header', { class: 'm-head' }, h('h1', null, '总部回归 · 掌上驾驶舱')),
    h('p', { class: 'm-state m-error', role: 'alert', 'data-phone-missing': true }, text),
    h('footer', { class: 'm-foot' }, h('a', { class: 'm-desk', href: deskHash({}) }, '打开完整仪表盘')),
  );
}
