/** The phone's figures, one card each, every card naming its as-of date and 口径 (./PhoneApp.tsx). */
import { useState, type ReactNode } from 'react';
import type { PhoneFigures } from '../domain/figures/phone';
import { forecastBasisText } from '../domain/forecastBasis';
import { LIGHT_LABEL, type Light } from '../domain/trafficLight';
import { formatCount, formatInUnit, formatPercent } from '../format/numbers';

/** Overdue projects shown before 显示全部. */
const OVERDUE_SHOWN = 8;

interface Props {
  figures: PhoneFigures;
  caliber: string;
  chooseUnit: (code: string) => void;
}

export function PhoneFiguresView({ figures: f, caliber, chooseUnit }: Props) {
  const span = `${f.year}年${f.months ? `（${f.months}）` : ''}`;
  const names = new Map(f.units.map((u) => [u.code, u.name]));
  const card = (name: string, title: ReactNode, body: ReactNode, count?: number) => (
    <Card name={name} title={title} asOf={f.asOf} caliber={caliber} count={count}>
      {body}
    </Card>
  );
  return (
    <main className="m-cards">
      {card('progress', `${span}${f.scope}新引进总部企业`, <Progress f={f} />)}
      {card('units', '各地完成情况', <Units f={f} chooseUnit={chooseUnit} />)}
      {card('ranking', `${f.year}年招商考核排名`, <Ranking f={f} />)}
      {card(
        'buildings',
        `${f.scope}亿元楼宇 ${formatCount(f.buildings.length)} 幢`,
        <Buildings f={f} names={names} />,
        f.buildings.length,
      )}
      {card(
        'overdue',
        `${f.scope}逾期预警项目 ${formatCount(f.overdue.length)} 个`,
        <Overdue f={f} names={names} />,
        f.overdue.length,
      )}
      {card('briefing', '简报', <Briefing f={f} />)}
    </main>
  );
}

function Card(props: {
  name: string;
  title: ReactNode;
  asOf: string;
  caliber: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section className="m-card" data-phone-figure={props.name} data-count={props.count}>
      <h2>{props.title}</h2>
      {props.children}
      <p className="m-asof">
        数据截至 {props.asOf} · 口径「{props.caliber}」
      </p>
    </section>
  );
}

function Progress({ f }: { f: PhoneFigures }) {
  const p = f.progress;
  const width = (ratio: number | null) => `${Math.min(Math.max(ratio ?? 0, 0), 1) * 100}%`;
  return (
    <div data-actual={p.actual} data-target={p.target ?? ''} data-light={p.light}>
      <p className="m-big">
        <strong>{formatCount(p.actual)}</strong> / {p.target === null ? '—' : formatCount(p.target)}
        <span className="m-unit-word">家</span>
        <LightMark light={p.light} />
      </p>
      <div className="m-bar" aria-hidden="true">
        <span className={`m-bar-task light-${p.light}`} style={{ width: width(p.task) }} />
        <span className="m-bar-time" style={{ left: width(f.timeProgress) }} />
      </div>
      <p>
        任务进度 <b data-task>{formatPercent(p.task)}</b> · 时间进度 <b>{formatPercent(f.timeProgress)}</b>
      </p>
      {p.forecast !== null && (
        <p data-forecast={p.forecast}>
          预计全年 <b>{formatCount(p.forecast)}</b> 家
          {f.season && <span className="m-sub">{forecastBasisText(f.season)}</span>}
        </p>
      )}
    </div>
  );
}

function Units({ f, chooseUnit }: { f: PhoneFigures; chooseUnit: (code: string) => void }) {
  return (
    <>
      <p className="m-note">完成率从高到低；点属地查看该地。</p>
      <ol className="m-list">
        {f.units.map((u) => (
          <li key={u.code} data-unit={u.code} data-light={u.light}>
            <button
              type="button"
              aria-current={u.code === f.unit || undefined}
              onClick={() => chooseUnit(u.code)}
            >
              <span className="m-name">{u.name}</span>
              <span className="m-num">
                {u.actual} / {u.target ?? '—'}
              </span>
              <span className="m-num">{formatPercent(u.task)}</span>
              <LightMark light={u.light} />
              {u.forecast !== null && <span className="m-sub">预计全年 {formatCount(u.forecast)} 家</span>}
            </button>
          </li>
        ))}
      </ol>
      <p className="m-note">
        红绿灯：完成率对比时间进度 {formatPercent(f.timeProgress)}；落后 10 个百分点及以上为滞后。
      </p>
    </>
  );
}

function Ranking({ f }: { f: PhoneFigures }) {
  return (
    <>
      <p className="m-note">
        升降对比{f.ranking.previousYear}年{f.months ? `同期（${f.months}）` : ''}名次
      </p>
      <ol className="m-list">
        {f.ranking.units.map((u) => (
          <li
            key={u.code}
            className="m-row"
            data-unit={u.code}
            data-rank={u.rank}
            data-change={u.change ?? ''}
            aria-current={u.code === f.unit || undefined}
          >
            <span className="m-rank">{u.rank}</span>
            <span className="m-name">{u.name}</span>
            <span className="m-num">{u.score.toFixed(1)} 分</span>
            <RankMove change={u.change} />
          </li>
        ))}
      </ol>
    </>
  );
}

function Buildings({ f, names }: { f: PhoneFigures; names: Map<string, string> }) {
  if (f.buildings.length === 0) return <p>{f.year}年没有税收达到 1 亿元的楼宇。</p>;
  return (
    <>
      <p className="m-note">楼宇税收{f.months ? `（${f.months}累计）` : ''}，单位：亿元</p>
      <ol className="m-list">
        {f.buildings.map((b) => (
          <li key={b.buildingId} className="m-row" data-building={b.buildingId} data-tax={b.tax}>
            <span className="m-name">
              {b.name}
              <span className="m-sub">{names.get(b.region) ?? b.region}</span>
            </span>
            <span className="m-num">{formatInUnit(b.tax, '亿元', 2)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

function Overdue({ f, names }: { f: PhoneFigures; names: Map<string, string> }) {
  const [all, setAll] = useState(false);
  if (f.overdue.length === 0) return <p>在库项目 {formatCount(f.projects)} 个，没有逾期项目。</p>;
  const shown = all ? f.overdue : f.overdue.slice(0, OVERDUE_SHOWN);
  return (
    <>
      <p className="m-note">在库项目 {formatCount(f.projects)} 个，超期天数从多到少</p>
      <ol className="m-list">
        {shown.map((x) => (
          <li key={x.projectId} className="m-row" data-project={x.projectId}>
            <span className="m-name">
              {x.name}
              <span className="m-sub">
                {names.get(x.region) ?? x.region} · {x.reason}
              </span>
            </span>
            <span className="m-num">超期 {formatCount(x.days)} 天</span>
          </li>
        ))}
      </ol>
      {f.overdue.length > shown.length && (
        <button type="button" className="m-more" onClick={() => setAll(true)}>
          显示全部 {f.overdue.length} 个
        </button>
      )}
    </>
  );
}

function Briefing({ f }: { f: PhoneFigures }) {
  const { title, subtitle, sections } = f.briefing;
  return (
    <article className="m-brief" aria-label={title}>
      <p className="m-sub">
        {title} · {subtitle}
      </p>
      {sections.map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          {s.sentences.map((t) => (
            <p key={t}>{t}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

/** A coloured dot with its word: colour is never the only signal. */
function LightMark({ light }: { light: Light }) {
  return (
    <span className={`m-light light-${light}`} data-light={light}>
      <span aria-hidden="true">●</span>
      {LIGHT_LABEL[light]}
    </span>
  );
}

function RankMove({ change }: { change: number | null }) {
  if (change === null) return <span className="m-move">—</span>;
  if (change === 0) return <span className="m-move">持平</span>;
  const up = change > 0;
  return (
    <span
      className={up ? 'm-move up' : 'm-move down'}
      aria-label={`${up ? '上升' : '下降'} ${Math.abs(change)} 位`}
    >
      {up ? '↑' : '↓'}
      {Math.abs(change)}
    </span>
  );
}
