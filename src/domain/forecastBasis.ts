/**
 * How a 预计全年 of new HQ was reached (figure 15, src/domain/figures/forecast.ts), in words: the
 * overview's forecast card and the phone say it alike. Pure, so the phone bundle can import it.
 */
import { formatPercent } from '../format/numbers';

export interface SeasonBasis {
  basis: 'history' | 'days';
  share: number;
  years: readonly { year: number }[];
}

export const forecastBasisText = (season: SeasonBasis): string =>
  season.basis === 'history'
    ? `按${season.years.map((y) => y.year).join('、')}年同期进度（${formatPercent(season.share)}）测算`
    : '无往年数据，按时间进度测算';
