/**
 * 总览's KPI cards as plain data: what each card says for a set of figures. The screen renders them
 * (KpiCard), and keeps them for the entry to paint before the desktop's code on a revisit
 * (src/app/openingCards.ts), so both show the same cards from one place.
 */
import type { KpiCardProps } from '../../app/KpiCard';
import type { CardModel } from '../../app/openingCards';
import type { NewHqForecast } from '../../domain/figures/forecast';
import { forecastBasisText } from '../../domain/forecastBasis';
import type { OverviewFigures } from '../../domain/figures/overview';
import { LIGHT_LABEL, progressLight, windowTimeProgress } from '../../domain/trafficLight';
import { formatMoney, formatPercent } from '../../format/numbers';
import { samePeriodLabel } from '../labels';

/** A card with its figure, or the place of one still computing (or failed): its label and why. */
export type OverviewCard = KpiCardProps | { pending: string; label: string; note: string };

export function overviewCards(
  f: OverviewFigures,
  forecast: NewHqForecast | null = null,
  /** Where 预计全年 is still computing or failed: shown in its place. */
  forecastNote: string | null = null,
): OverviewCard[] {
  const { actual, target } = f.newHq.city;
  const progress = target ? actual / target : null;
  // A part year says so on each card (DOMAIN.md "Part years"): flows and sums are 1—9月, stocks 截至 D.
  const part = f.months ? `（${f.months}）` : '';
  const inWindow = f.months !== null && f.fiveYear.from <= f.year && f.year <= f.fiveYear.to;
  const cards: OverviewCard[] = [
    {
      name: 'newHqAnnual',
      label: `${f.year}年${f.months ?? ''}新引进总部企业`,
      value: actual,
      target,
      display: `${actual} / ${target ?? '—'} 家`,
      note: `任务进度 ${formatPercent(progress)} · 时间进度 ${formatPercent(f.timeProgress)}`,
      tone: progress === null ? undefined : progress >= f.timeProgress ? 'good' : 'warn',
      drill: { figure: 'newHq' },
      light: target ? progressLight(progress, f.timeProgress) : undefined,
    },
    {
      name: 'fiveYear',
      label: `五年累计（${f.fiveYear.from}—${f.fiveYear.to}）`,
      value: f.fiveYear.actual,
      target: f.fiveYear.target,
      display: `${f.fiveYear.actual} / ${f.fiveYear.target ?? '—'} 家`,
      drill: { figure: 'fiveYear' },
      light: f.fiveYear.target
        ? progressLight(
            f.fiveYear.actual / f.fiveYear.target,
            windowTimeProgress(f.fiveYear, f.year, f.timeProgress),
          )
        : undefined,
      note: `完成 ${formatPercent(f.fiveYear.target ? f.fiveYear.actual / f.fiveYear.target : null)}${
        inWindow ? ` · 含${f.year}年${f.months}` : ''
      }`,
    },
    {
      name: 'localHq',
      label: '本土总部企业',
      value: f.localHq.stock,
      display: `${f.localHq.stock} 家`,
      drill: { figure: 'localHq' },
      note: f.months
        ? `截至 ${f.at} · ${f.months}新认定 ${f.localHq.flow} 家`
        : `当年新认定 ${f.localHq.flow} 家`,
    },
    {
      name: 'billionBuildings',
      label: '亿元楼宇',
      value: f.billionBuildings,
      display: `${f.billionBuildings} 幢`,
      drill: { figure: 'billionBuildings' },
      note: f.months ? `${f.months}累计税收 ≥ 1亿元` : '楼宇税收 ≥ 1亿元',
    },
    {
      name: 'hqTax',
      label: `总部企业税收${part}`,
      value: f.hqTax.tax,
      // Always 亿元: a filter that narrows the tax must not switch the card to 万元.
      display: formatMoney(f.hqTax.tax, '亿元'),
      drill: { figure: 'hqTax' },
      note: `${samePeriodLabel(f.year, f.asOf)} ${f.hqTax.change === null ? '—' : signed(formatPercent(f.hqTax.change))}`,
    },
  ];
  if (forecast) cards.push(forecastCard(forecast));
  else if (forecastNote)
    cards.push({
      pending: 'newHqForecast',
      label: `${f.year}年新引进总部企业（预计全年）`,
      note: forecastNote,
    });
  return cards;
}

/** 预计全年 beside the actual, marked 预计 and with its basis, never in the actual's place. */
function forecastCard(f: NewHqForecast): KpiCardProps {
  const { forecast, target } = f.city;
  return {
    name: 'newHqForecast',
    label: `${f.year}年新引进总部企业（预计全年）`,
    value: forecast,
    target,
    display: `预计 ${forecast} / ${target ?? '—'} 家`,
    note: forecastBasisText(f.season),
    tone: target === null ? undefined : forecast >= target ? 'good' : 'warn',
    drill: { figure: 'newHq' },
    // 预计全年 against the whole year's target: time progress is 100%.
    light: target ? progressLight(forecast / target, 1) : undefined,
  };
}

const signed = (text: string) => (text.startsWith('-') ? text : `+${text}`);

/** A card as the entry paints it (src/app/openingCards.ts): its texts, values and marks. */
export function cardModel(card: OverviewCard): CardModel {
  if ('pending' in card) return { name: card.pending, label: card.label, note: card.note };
  return {
    name: card.name,
    label: card.label,
    value: card.value,
    display: card.display,
    ...(card.target !== undefined ? { target: card.target } : {}),
    ...(card.note ? { note: card.note } : {}),
    ...(card.tone ? { tone: card.tone } : {}),
    ...(card.drill ? { info: true } : {}),
    ...(card.light ? { light: { key: card.light, text: LIGHT_LABEL[card.light] } } : {}),
  };
}
