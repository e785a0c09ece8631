/**
 * Drill-through in the shell: the view's parameters every figure ran with (year, as-of date, filters,
 * the 口径 switches) and a way to open the records behind a figure, which writes `drill=<figure>`
 * (and `drillKey=<clicked element>`) into the link — so a copied link reopens the same records and
 * back closes them. `FigureInfo` is the ⓘ beside a figure: its 口径 in words (src/domain/drill).
 */
import { createContext, useContext, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type {
  CertificationRules,
  LocalShares,
  OfficeScope,
  ProjectThresholds,
  RewardTier,
  ScoreMethod,
  ScoreWeights,
  TargetTypes,
} from '../domain/defaults';
import { figureCaliber } from '../domain/drill/caliber';
import type { Filters } from '../domain/filters';

export interface DrillTarget {
  figure: string;
  key?: string;
}

export interface DrillScope {
  year: number;
  asOf: string;
  filters: Filters;
  targetTypes: TargetTypes;
  thresholds: ProjectThresholds;
  capCompletion: boolean;
  /** The assessment's weights and method in force (the score's 口径). */
  weights?: ScoreWeights;
  method?: ScoreMethod;
  /** The 口径's certification rules (认定核查's records). */
  rules?: CertificationRules;
  /** The 口径's office-subsidy scope (单位面积产出's records). */
  officeScope?: OfficeScope;
  /** The 口径's local shares and reward tiers (本土总部奖励's records). */
  shares?: LocalShares;
  tiers?: readonly RewardTier[];
  open: (target: DrillTarget) => void;
}

export const DrillContext = createContext<DrillScope | null>(null);

export const useDrill = () => useContext(DrillContext);

/** `figure` or `figure:key`: the `data-drill-target` the tests find an element by. */
const drillTargetName = (target: DrillTarget) =>
  target.key ? `${target.figure}:${target.key}` : target.figure;

/**
 * A count or sum in running text or a table cell that opens its records: the one way such a button
 * is made (a card or chart element uses `drillProps` or its click instead).
 */
export function DrillButton({
  target,
  className = 'link',
  title,
  children,
}: {
  target: DrillTarget;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  const scope = useDrill();
  return (
    <button
      type="button"
      className={className}
      data-drill-target={drillTargetName(target)}
      title={title}
      onClick={() => scope?.open(target)}
    >
      {children}
    </button>
  );
}

/** Props that make an element open a figure's records by click, Enter or space. */
export function drillProps(scope: DrillScope | null, target: DrillTarget | undefined, label: string) {
  if (!scope || !target) return {};
  const open = () => scope.open(target);
  return {
    role: 'button',
    tabIndex: 0,
    title: `查看“${label}”背后的明细记录`,
    'data-drill-target': drillTargetName(target),
    onClick: (e: MouseEvent) => {
      // A click inside the ⓘ reads the 口径; it does not open the records.
      if ((e.target as HTMLElement).closest('.figure-info')) return;
      open();
    },
    onKeyDown: (e: KeyboardEvent) => {
      if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
        e.preventDefault();
        open();
      }
    },
  };
}

/** ⓘ: the figure's 口径 — definition, tables, filters and switches, as-of date. */
export function FigureInfo({ target }: { target: DrillTarget }) {
  const scope = useDrill();
  if (!scope) return null;
  const c = figureCaliber({ ...scope, ...target });
  return (
    <details className="figure-info no-print" data-info={target.figure}>
      <summary aria-label={`${c.title}的口径`} title="口径说明">
        ⓘ
      </summary>
      <div className="figure-info-body" role="note">
        <CaliberText caliber={c} />
      </div>
    </details>
  );
}

export function CaliberText({ caliber: c }: { caliber: ReturnType<typeof figureCaliber> }) {
  return (
    <div className="caliber-text" data-caliber-text>
      <p>
        <b>口径：</b>
        {c.definition}
      </p>
      <p>
        <b>数据表：</b>
        {c.tables.join('、')}
      </p>
      <ul>
        {c.conditions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
