/** The phone's figures, one card each, every card naming its as-of date and 口径 (./page.ts). */
import type { PhoneFigures } from '../domain/figures/phone';
import { forecastBasisText } from '../domain/forecastBasis';
import { LIGHT_LABEL, type Light } from '../domain/trafficLight';
import { formatCount, formatInUnit, formatPercent } from '../format/numbers';
import { datesWhole, h, type Child } from './dom';

/** Overdue projects shown before 显示全部. */
const OVERDUE_SHOWN = 8;

type Names = Map<string, string>;

export function figuresView(
  f: PhoneFigures,
  caliber: string,
  chooseUnit: (code: string) => void,
): HTMLElement {
  const span = `${f.year}年${f.months ? `（${f.months}）` : ''}`;
  const names: Names = new Map(f.units.map((u) => [u.code, u.name]));
  const card = (name: string, title: string, body: Child[], count?: number) =>
    h(
      'section',
      { class: 'm-card', 'data-phone-figure': name, 'data-count': count },
      h('h2', { elementtiming: `phone-${name}` }, title),
      body,
      h('p', { class: 'm-asof' }, datesWhole(`数据截至 ${f.asOf} · 口径「${caliber}」`)),
    );
  return h(
    'main',
    { class: 'm-cards' },
    card('progress', `${span}${f.scope}新引进总部企业`, [progress(f)]),
    card('units', '各地完成情况', units(f, chooseUnit)),
    card('ranking', `${f.year}年招商考核排名`, ranking(f)),
    card(
      'buildings',
      `${f.scope}亿元楼宇 ${formatCount(f.buildings.length)} 幢`,
      buildings(f, names),
      f.buildings.length,
    ),
    card(
      'overdue',
      `${f.scope}逾期预警项目 ${formatCount(f.overdue.length)} 个`,
      overdue(f, names),
      f.overdue.length,
    ),
    card('briefing', '简报', [briefing(f)]),
  );
}

function progress(f: PhoneFigures): HTMLElement {
  const p = f.progress;
  const width = (ratio: number | null) => `${Math.min(Math.max(ratio ?? 0, 0), 1) * 100}%`;
  // As attributes (not .style), so publish's drawing of the first screen writes them the same.
  const task = h('span', { class: `m-bar-task light-${p.light}`, style: `width: ${width(p.task)}` });
  const time = h('span', { class: 'm-bar-time', style: `left: ${width(f.timeProgress)}` });
  return h(
    'div',
    { 'data-actual': p.actual, 'data-target': p.target ?? '', 'data-light': p.light },
    h(
      'p',
      { class: 'm-big', elementtiming: 'phone-first-figure' },
      h('strong', null, formatCount(p.actual)),
      ` / ${p.target === null ? '—' : formatCount(p.target)}`,
      h('span', { class: 'm-unit-word' }, '家'),
      lightMark(p.light),
    ),
    h('div', { class: 'm-bar', 'aria-hidden': 'true' }, task, time),
    h(
      'p',
      null,
      '任务进度 ',
      h('b', { 'data-task': true }, formatPercent(p.task)),
      ' · 时间进度 ',
      h('b', null, formatPercent(f.timeProgress)),
    ),
    p.forecast !== null &&
      h(
        'p',
        { 'data-forecast': p.forecast },
        '预计全年 ',
        h('b', null, formatCount(p.forecast)),
        ' 家',
        f.season && h('span', { class: 'm-sub' }, forecastBasisText(f.season)),
      ),
  );
}

function units(f: PhoneFigures, chooseUnit: (code: string) => void): Child[] {
  const row = (u: PhoneFigures['units'][number]) =>
    h(
      'li',
      { 'data-unit': u.code, 'data-light': u.light },
      h(
        'button',
        {
          type: 'button',
          'aria-current': u.code === f.unit && 'true',
          on: { click: () => chooseUnit(u.code) },
        },
        h('span', { class: 'm-name' }, u.name),
        h('span', { class: 'm-num' }, `${u.actual} / ${u.target ?? '—'}`),
        h('span', { class: 'm-num' }, formatPercent(u.task)),
        lightMark(u.light),
        u.forecast !== null && h('span', { class: 'm-sub' }, `预计全年 ${formatCount(u.forecast)} 家`),
      ),
    );
  return [
    h('p', { class: 'm-note' }, '完成率从高到低；点属地查看该地。'),
    h('ol', { class: 'm-list' }, f.units.map(row)),
    h(
      'p',
      { class: 'm-note' },
      `红绿灯：完成率对比时间进度 ${formatPercent(f.timeProgress)}；落后 10 个百分点及以上为滞后。`,
    ),
  ];
}

function ranking(f: PhoneFigures): Child[] {
  const row = (u: PhoneFigures['ranking']['units'][number]) =>
    h(
      'li',
      {
        class: 'm-row',
        'data-unit': u.code,
        'data-rank': u.rank,
        'data-change': u.change ?? '',
        'aria-current': u.code === f.unit && 'true',
      },
      h('span', { class: 'm-rank' }, u.rank),
      h('span', { class: 'm-name' }, u.name),
      h('span', { class: 'm-num' }, `${u.score.toFixed(1)} 分`),
      rankMove(u.change),
    );
  return [
    h(
      'p',
      { class: 'm-note' },
      `升降对比${f.ranking.previousYear}年${f.months ? `同期（${f.months}）` : ''}名次`,
    ),
    h('ol', { class: 'm-list' }, f.ranking.units.map(row)),
  ];
}

function buildings(f: PhoneFigures, names: Names): Child[] {
  if (f.buildings.length === 0) return [h('p', null, `${f.year}年没有税收达到 1 亿元的楼宇。`)];
  const row = (b: PhoneFigures['buildings'][number]) =>
    h(
      'li',
      { class: 'm-row', 'data-building': b.buildingId, 'data-tax': b.tax },
      h('span', { class: 'm-name' }, b.name, h('span', { class: 'm-sub' }, names.get(b.region) ?? b.region)),
      h('span', { class: 'm-num' }, formatInUnit(b.tax, '亿元', 2)),
    );
  return [
    h('p', { class: 'm-note' }, `楼宇税收${f.months ? `（${f.months}累计）` : ''}，单位：亿元`),
    h('ol', { class: 'm-list' }, f.buildings.map(row)),
  ];
}

function overdue(f: PhoneFigures, names: Names): Child[] {
  if (f.overdue.length === 0) return [h('p', null, `在库项目 ${formatCount(f.projects)} 个，没有逾期项目。`)];
  const row = (x: PhoneFigures['overdue'][number]) =>
    h(
      'li',
      { class: 'm-row', 'data-project': x.projectId },
      h(
        'span',
        { class: 'm-name' },
        x.name,
        h('span', { class: 'm-sub' }, `${names.get(x.region) ?? x.region} · ${x.reason}`),
      ),
      h('span', { class: 'm-num' }, `超期 ${formatCount(x.days)} 天`),
    );
  const list = h('ol', { class: 'm-list' }, f.overdue.slice(0, OVERDUE_SHOWN).map(row));
  const more =
    f.overdue.length > OVERDUE_SHOWN &&
    h(
      'button',
      {
        type: 'button',
        class: 'm-more',
        on: {
          click: () => {
            list.append(...f.overdue.slice(OVERDUE_SHOWN).map(row));
            if (more) more.remove();
          },
        },
      },
      `显示全部 ${f.overdue.length} 个`,
    );
  return [
    h('p', { class: 'm-note' }, `在库项目 ${formatCount(f.projects)} 个，超期天数从多到少`),
    list,
    more,
  ];
}

function briefing(f: PhoneFigures): HTMLElement {
  const { title, subtitle, sections } = f.briefing;
  return h(
    'article',
    { class: 'm-brief', 'aria-label': title },
    h('p', { class: 'm-sub' }, `${title} · ${subtitle}`),
    sections.map((s) =>
      h(
        'section',
        null,
        h('h3', null, s.heading),
        s.sentences.map((t) => h('p', null, t)),
      ),
    ),
  );
}

/** A coloured dot with its word: colour is never the only signal. */
function lightMark(light: Light): HTMLElement {
  return h(
    'span',
    { class: `m-light light-${light}`, 'data-light': light },
    h('span', { 'aria-hidden': 'true' }, '●'),
    LIGHT_LABEL[light],
  );
}

function rankMove(change: number | null): HTMLElement {
  if (change === null) return h('span', { class: 'm-move' }, '—');
  if (change === 0) return h('span', { class: 'm-move' }, '持平');
  const up = change > 0;
  return h(
    'span',
    {
      class: up ? 'm-move up' : 'm-move down',
      'aria-label': `${up ? '上升' : '下降'} ${Math.abs(change)} 位`,
    },
    `${up ? '↑' : '↓'}${Math.abs(change)}`,
  );
}
