/**
 * 简报: the year's headline figures as one printable A4 page of sentences (src/domain/briefing.ts
 * writes them), with 复制全文 and 打印. Mounted by the presentation screen at `#/present?view=brief`;
 * it follows the same rules, weights and thresholds the user set on the other screens.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Db } from '../../db';
import { useSettings } from '../../app/settings';
import { useFigure } from '../../app/useFigure';
import {
  briefingFigures,
  briefingSections,
  briefingText,
  briefingTitle,
  type BriefingFigures,
} from '../../domain/briefing';
import type { Filters } from '../../domain/filters';
import { usableThresholds } from '../projects/thresholds';
import { usableMethod, usableWeights } from '../ranking/weights';
import { usableTargetTypes } from '../TargetTypesSwitch';
import { useAction } from '../../app/useAction';
import { renderChartPng } from '../../charts/render';
import { slideCharts } from '../../charts/options/deck';
import { deckFigures } from '../../domain/figures/deck';
import { BRIEF_FOOTNOTE } from './footnote';
import { downloadBlob, exportFileName } from '../../export/download';
import './briefing.css';

export interface BriefingProps {
  db: Db;
  year: number;
  asOf: string;
  filters: Filters;
}

/** While mounted, the print stylesheet hides the app around the page (see briefing.css). */
const PRINT_CLASS = 'briefing-print';

export function Briefing({ db, year, asOf, filters }: BriefingProps) {
  const settings = useSettings();
  const { weights } = usableWeights(settings.weights);
  const { thresholds } = usableThresholds(settings.thresholds);
  const params = {
    year,
    asOf,
    filters,
    weights,
    method: usableMethod(settings.method),
    rules: settings.rules,
    thresholds,
    targetTypes: usableTargetTypes(settings.targetTypes),
    // Only when on: the params of the default 口径 stay those its kept figures were keyed by.
    ...(settings.capCompletion ? { capCompletion: true } : {}),
  };
  const state = useFigure(db, briefingFigures, params);
  const word = useAction();
  const [busy, setBusy] = useState(false);
  const exportWord = (figures: BriefingFigures) =>
    word.run('导出Word未完成', async () => {
      setBusy(true);
      try {
        const deck = await deckFigures(db, {
          ...params,
          filters: filters.unit ? { unit: filters.unit } : {},
        });
        const charts = slideCharts(deck, filters.unit);
        const pictures = [];
        for (const [title, option] of [
          ['五年累计与目标路径', charts.cumulative],
          ['各地新引进总部企业完成情况', charts.completion],
          ['楼宇税收排名（单位：亿元）', charts.buildings],
          ['招商引资考核得分构成（单位：分）', charts.ranking],
        ] as const)
          pictures.push({ title, ...(await renderChartPng(option, 900, 480)) });
        const { briefDocx, DOCX_TYPE } = await import('../../export/briefDocx');
        const { title, subtitle } = briefingTitle(figures);
        const bytes = await briefDocx({
          title,
          subtitle,
          sections: briefingSections(figures),
          footnote: BRIEF_FOOTNOTE,
          pictures,
        });
        downloadBlob(
          exportFileName([title], 'docx'),
          new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }),
        );
      } finally {
        setBusy(false);
      }
    });

  useEffect(() => {
    document.documentElement.classList.add(PRINT_CLASS);
    return () => document.documentElement.classList.remove(PRINT_CLASS);
  }, []);

  return (
    <div className="briefing-wrap">
      {state.status === 'ready' ? (
        <>
          <Actions
            figures={state.data}
            word={{ busy, message: word.message, run: () => exportWord(state.data) }}
          />
          <Page figures={state.data} />
        </>
      ) : (
        <p className={state.status === 'failed' ? 'state error' : 'state'}>
          {state.status === 'failed' ? `简报生成失败：${state.message}` : `正在生成 ${year} 年简报…`}
        </p>
      )}
    </div>
  );
}

function Page({ figures }: { figures: BriefingFigures }) {
  const { title, subtitle } = briefingTitle(figures);
  const sections = useMemo(() => briefingSections(figures), [figures]);
  return (
    <article className="briefing-page" aria-label={title}>
      <header className="briefing-head">
        <h1>{title}</h1>
        <p className="briefing-sub">{subtitle}</p>
      </header>
      {sections.map((s) => (
        <section key={s.heading} className="briefing-section">
          <h2>{s.heading}</h2>
          {s.sentences.map((t) => (
            <p key={t}>{t}</p>
          ))}
        </section>
      ))}
      <footer className="briefing-foot">{BRIEF_FOOTNOTE}</footer>
    </article>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

interface WordExport {
  busy: boolean;
  message?: string;
  run: () => void;
}

function Actions({ figures, word }: { figures: BriefingFigures; word: WordExport }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onCopy = () => {
    window.clearTimeout(timer.current);
    const settle = (state: 'copied' | 'failed') => {
      setCopy(state);
      timer.current = window.setTimeout(() => setCopy('idle'), 2500);
    };
    // Clipboard is only granted on https or localhost; an intranet http page may refuse it (said below).
    const copied =
      navigator.clipboard?.writeText(briefingText(figures)) ?? Promise.reject(new Error('no clipboard'));
    copied.then(
      () => settle('copied'),
      () => settle('failed'),
    );
  };

  return (
    <div className="briefing-actions no-print">
      <button type="button" className="primary" onClick={onCopy}>
        {copy === 'copied' ? '已复制' : '复制全文'}
      </button>
      <button type="button" onClick={() => window.print()}>
        打印
      </button>
      <button type="button" disabled={word.busy} onClick={word.run} data-export-word="">
        {word.busy ? '正在生成Word…' : '导出Word'}
      </button>
      {word.message && (
        <span role="alert" className="state error">
          {word.message}
        </span>
      )}
      <span role="status" className={copy === 'failed' ? 'state error' : 'state'}>
        {copy === 'copied' && '全文已复制到剪贴板'}
        {copy === 'failed' && '浏览器不允许写入剪贴板，请选中正文后手动复制'}
      </span>
    </div>
  );
}
