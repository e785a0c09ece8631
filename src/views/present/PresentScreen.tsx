/**
 * 汇报 (first version): the overview's figures as full-screen 16:9 slides for the joint meeting.
 * ←/→ (or PageUp/PageDown, space) move, the slide number is in the link (`slide=2`), Esc leaves.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import { overviewFigures, type OverviewFigures } from '../../domain/figures/overview';
import { scopeTitle } from '../labels';
import { chartOptions, Kpis } from '../overview/OverviewScreen';
import './present.css';

interface Slide {
  title: string;
  unit?: string;
  body: (f: OverviewFigures, charts: ReturnType<typeof chartOptions>) => ReactNode;
}

const SLIDES: Slide[] = [
  { title: '总部回归工作情况', body: (f) => <Kpis figures={f} /> },
  {
    title: '任务进度与时间进度',
    body: (_, c) => <Chart label="任务进度与时间进度" option={c.progress} height={360} />,
  },
  {
    title: '五年累计与目标路径',
    unit: '单位：家',
    body: (_, c) => <Chart label="五年累计与目标路径" option={c.cumulative} height={520} />,
  },
  {
    title: '各地新引进总部企业完成情况',
    unit: '单位：家',
    body: (_, c) => <Chart label="各地新引进总部企业完成情况" option={c.completion} height={520} />,
  },
  {
    title: '新引进总部企业来源',
    unit: '单位：家',
    body: (_, c) => <Chart label="新引进总部企业来源" option={c.origin} height={520} />,
  },
];

export function PresentScreen({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const state = useFigure(db, overviewFigures, { year, asOf, filters });
  const index = Math.min(SLIDES.length, Math.max(1, Number(extra.slide) || 1)) - 1;
  const charts = useMemo(
    () => (state.status === 'ready' ? chartOptions(state.data, filters.unit) : null),
    [state, filters.unit],
  );

  useEffect(() => {
    const go = (to: number) =>
      navigate({ extra: { slide: String(Math.min(SLIDES.length, Math.max(1, to))) } });
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) return;
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) go(index + 2);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) go(index);
      else if (e.key === 'Escape') navigate({ screen: 'overview' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, navigate]);

  const slide = SLIDES[index]!;
  return (
    <section className="deck" data-slide={index + 1}>
      <div className="slide">
        <header>
          <h2>
            {year}年{scopeTitle(filters)}
            {slide.title}
          </h2>
          {slide.unit && <span className="panel-unit">{slide.unit}</span>}
        </header>
        <div className="slide-body">
          {state.status === 'ready' && charts ? (
            slide.body(state.data, charts)
          ) : (
            <p className="state">{state.status === 'failed' ? `计算失败：${state.message}` : '正在计算…'}</p>
          )}
        </div>
        <footer>
          <span>数据截至 {asOf}</span>
          <span>
            {index + 1} / {SLIDES.length}
          </span>
        </footer>
      </div>
      <p className="note deck-help">← → 翻页 · Esc 退出</p>
    </section>
  );
}
