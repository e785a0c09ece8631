/**
 * 汇报模式: the joint-meeting deck for the year and unit of the link. Every slide is a 1280×720 page
 * scaled to the window as a whole (never reflowed); ←/→, PageUp/PageDown and space move, F goes full
 * screen, Esc leaves; the slide number is in the link (`slide=3`). All slides stay laid out (only
 * the current one is visible), so printing gives one slide per A4-landscape page. `view=brief`
 * shows the one-page briefing instead.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useDrill } from '../../app/drill';
import { useCaliber } from '../../app/settings';
import { enterCockpitTheme } from '../../app/theme';
import { shortHash } from '../../domain/caliber';
import { rotationSeconds } from '../cockpit/rotation';
import type { ScreenProps } from '../../app/screen';
import { useFigure } from '../../app/useFigure';
import { registerMaps } from '../../charts/maps';
import { deckFigures } from '../../domain/figures/deck';
import { Briefing } from '../briefing/Briefing';
import { partYearLabel } from '../../domain/asOf';
import { scopeTitle } from '../labels';
import { usableTargetTypes } from '../TargetTypesSwitch';
import { usableThresholds } from '../projects/thresholds';
import { usableMethod, usableWeights } from '../ranking/weights';
import { SLIDES, type SlideContext } from './slides';
import { slideCharts } from '../../charts/options/deck';
import './present.css';

registerMaps();

const SLIDE_WIDTH = 1280;
const SLIDE_HEIGHT = 720;

export function PresentScreen(props: ScreenProps) {
  const { extra, navigate } = props;
  return (
    <section className="present">
      <div className="present-tools no-print">
        <div className="segmented" role="group" aria-label="汇报视图">
          <button
            type="button"
            aria-pressed={extra.view !== 'brief'}
            onClick={() => navigate({ extra: { view: undefined } })}
          >
            幻灯片
          </button>
          <button
            type="button"
            aria-pressed={extra.view === 'brief'}
            onClick={() => navigate({ extra: { view: 'brief' } })}
          >
            简报
          </button>
        </div>
      </div>
      {extra.view === 'brief' ? (
        <Briefing db={props.db} year={props.year} asOf={props.asOf} filters={props.filters} />
      ) : (
        <Deck {...props} />
      )}
    </section>
  );
}

function Deck({ db, year, asOf, filters, extra, navigate }: ScreenProps) {
  const caliber = useCaliber();
  const settings = caliber.effective.settings;
  const state = useFigure(db, deckFigures, {
    year,
    asOf,
    targetTypes: usableTargetTypes(settings.targetTypes),
    filters: filters.unit ? { unit: filters.unit } : {},
    weights: usableWeights(settings.weights).weights,
    method: usableMethod(settings.method),
    thresholds: usableThresholds(settings.thresholds).thresholds,
    rules: settings.rules,
    // Only when on: the params of the default 口径 stay those its kept figures were keyed by.
    ...(settings.capCompletion ? { capCompletion: true } : {}),
  });
  const charts = useMemo(
    () => (state.status === 'ready' ? slideCharts(state.data, filters.unit) : null),
    [state, filters.unit],
  );
  const current = Math.min(SLIDES.length, Math.max(1, Math.trunc(Number(extra.slide)) || 1));
  const deck = useRef<HTMLDivElement>(null);
  const scale = useFitScale(deck);
  // While the drill panel is open the keys are its own: Esc closes it, ← → do not turn the slide under it.
  useDeckKeys(current, navigate, deck, extra.drill !== undefined);
  const drill = useDrill();
  useDeckPrintClass();
  // A reader looking at records holds the rotation until the panel closes.
  useRotation(current, extra.rotate, navigate, extra.drill !== undefined);
  const context: SlideContext = {
    year,
    asOf,
    months: partYearLabel(year, asOf),
    scope: scopeTitle(filters),
    unit: filters.unit,
    ...(drill ? { open: drill.open } : {}),
  };

  return (
    <div className="deck" ref={deck} data-slide={current} data-slides={SLIDES.length}>
      <div className="deck-stage" style={{ width: SLIDE_WIDTH * scale, height: SLIDE_HEIGHT * scale }}>
        {SLIDES.map((slide, i) => (
          <div className="slide-page" key={i} data-current={i + 1 === current}>
            <article
              className="slide"
              style={{ transform: `scale(${scale})` }}
              aria-hidden={i + 1 !== current}
              aria-label={`第 ${i + 1} 页`}
            >
              <header>
                {slide.takeaway && state.status === 'ready' ? (
                  <>
                    <p className="slide-topic">{slide.title(context)}</p>
                    <h2 className="slide-takeaway">{slide.takeaway(state.data, context)}</h2>
                  </>
                ) : (
                  <h2>{slide.title(context)}</h2>
                )}
              </header>
              <div className="slide-body">
                {state.status === 'ready' && charts ? (
                  slide.body(state.data, context, charts)
                ) : (
                  <p className={state.status === 'failed' ? 'state error' : 'state'}>
                    {state.status === 'failed' ? `计算失败：${state.message}` : '正在计算…'}
                  </p>
                )}
              </div>
              <footer>
                <span>{slide.unit ?? ''}</span>
                <span data-slide-caliber={caliber.effective.hash}>
                  数据截至 {asOf} · 口径 {caliber.effective.name}（{shortHash(caliber.effective.hash)}）
                  {caliber.modified ? ' · 本机修改（未发布）' : ''}
                </span>
                <span>
                  {i + 1} / {SLIDES.length}
                </span>
              </footer>
            </article>
          </div>
        ))}
      </div>
      <p className="note deck-help no-print">← → 翻页 · F 全屏 · Esc 退出</p>
    </div>
  );
}

/**
 * The cockpit's rotation (`rotate=20`, src/views/cockpit): each slide for that many seconds, then back
 * to the cockpit; in the cockpit's theme (dark unless light was chosen there), so the wall never flashes.
 */
function useRotation(
  current: number,
  rotate: string | undefined,
  navigate: ScreenProps['navigate'],
  held: boolean,
) {
  const seconds = rotationSeconds(rotate);
  useEffect(() => (seconds ? enterCockpitTheme() : undefined), [seconds]);
  useEffect(() => {
    if (!seconds || held) return;
    const timer = window.setTimeout(() => {
      const extra = { rotate: String(seconds) };
      if (current < SLIDES.length) navigate({ extra: { ...extra, slide: String(current + 1) } });
      else navigate({ screen: 'cockpit', extra });
    }, seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [seconds, current, navigate, held]);
}

/** While the deck is mounted, present.css's print rules (one slide per A4-landscape sheet) apply. */
function useDeckPrintClass() {
  useEffect(() => {
    document.documentElement.classList.add('deck-print');
    return () => document.documentElement.classList.remove('deck-print');
  }, []);
}

/** The scale at which a 1280×720 slide fits the deck's box (the window in full screen). */
function useFitScale(deck: RefObject<HTMLDivElement | null>): number {
  const [scale, setScale] = useState(0.5);
  useEffect(() => {
    const element = deck.current;
    if (!element) return;
    const fit = () => {
      const full = document.fullscreenElement === element;
      const width = full ? window.innerWidth : element.clientWidth;
      const height = full
        ? window.innerHeight
        : // Room below for the key help and the page's bottom padding: with 40 the page scrolled
          // by 31 px at 1366×768 and 1920×1080.
          window.innerHeight - element.getBoundingClientRect().top - 72;
      setScale(Math.max(0.2, Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    window.addEventListener('resize', fit);
    document.addEventListener('fullscreenchange', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      document.removeEventListener('fullscreenchange', fit);
    };
  }, [deck]);
  return scale;
}

function useDeckKeys(
  current: number,
  navigate: ScreenProps['navigate'],
  deck: RefObject<HTMLDivElement | null>,
  drilled: boolean,
) {
  useEffect(() => {
    if (drilled) return;
    const go = (to: number) => {
      const slide = Math.min(SLIDES.length, Math.max(1, to));
      if (slide !== current) navigate({ extra: { slide: String(slide) } });
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey)
        return;
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) go(current + 1);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) go(current - 1);
      else if (e.key === 'Home') go(1);
      else if (e.key === 'End') go(SLIDES.length);
      else if (e.key === 'f' || e.key === 'F') toggleFullscreen(deck.current);
      // In full screen the browser takes Esc to leave it; otherwise Esc leaves the deck.
      else if (e.key === 'Escape' && !document.fullscreenElement) navigate({ screen: 'overview' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, navigate, deck, drilled]);
}

/** A refused full screen (a browser policy) leaves the deck as it is, scaled to the window. */
function toggleFullscreen(element: HTMLElement | null) {
  const change = document.fullscreenElement ? document.exitFullscreen() : element?.requestFullscreen();
  change?.catch(() => undefined);
}
