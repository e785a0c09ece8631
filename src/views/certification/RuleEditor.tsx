/**
 * The per-unit certification rule editor (policy 三(一)3: each unit sets its own minimum outside-tax
 * share and paid-in capital). Valid edits are stored at once (settings persist in localStorage), so
 * the check below recomputes as the user types; an invalid entry is shown with its reason and not
 * stored. A unit without its own rule uses the policy default, which is shown but not editable.
 */
import { useState } from 'react';
import { updateSettings } from '../../app/settings';
import { DEFAULT_CERTIFICATION_RULE, ruleFor, type CertificationRules } from '../../domain/defaults';
import { UNITS, unitName } from '../../domain/units';
import { parseNonNegative, parsePercent, percentText } from './inputs';
import { ruleText } from './labels';

const CITY_DEFAULT = '';

interface Props {
  rules: CertificationRules;
  /** The filter's unit: the editor opens on it. */
  initialUnit: string | undefined;
}

export function RuleEditor({ rules, initialUnit }: Props) {
  const [unit, setUnit] = useState(initialUnit ?? CITY_DEFAULT);
  // Remounting the fields after 恢复默认 or a change of unit resets what is typed in them.
  const [resets, setResets] = useState(0);
  const own = Object.keys(rules).filter((code) => rules[code] !== undefined);
  const ordered = UNITS.map((u) => u.code).filter((c) => own.includes(c));

  const restore = (code: string) => {
    const rest = Object.fromEntries(Object.entries(rules).filter(([c]) => c !== code));
    updateSettings({ rules: rest });
    setResets((n) => n + 1);
  };

  return (
    <details className="cert-editor" data-editor="rules">
      <summary>
        <b>认定条件</b>
        <span className="note">
          {unit === CITY_DEFAULT ? '全市默认' : unitName(unit)}：{ruleText(ruleFor(rules, unit))}
          {unit !== CITY_DEFAULT && !rules[unit] ? '（默认）' : ''}；
          {ordered.length ? `${ordered.length} 个属地设有单独规则` : '各属地均适用全市默认规则'}
        </span>
      </summary>
      <div className="editor">
        <label>
          属地
          <select
            aria-label="规则属地"
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value);
              setResets((n) => n + 1);
            }}
          >
            <option value={CITY_DEFAULT}>全市默认</option>
            {UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
                {rules[u.code] ? '（单独规则）' : ''}
              </option>
            ))}
          </select>
        </label>
        {unit === CITY_DEFAULT ? (
          <span className="note">
            政策默认：{ruleText(DEFAULT_CERTIFICATION_RULE)}
            。未单独设置的属地适用此规则；选择属地后可设置该属地的规则。
          </span>
        ) : (
          <RuleFields key={`${unit}-${resets}`} unit={unit} rules={rules} onRestore={() => restore(unit)} />
        )}
      </div>
      <div className="cert-own-rules">
        <span className="note">单独规则：</span>
        {ordered.length === 0 && <span className="note">无</span>}
        {ordered.map((code) => (
          <span key={code} className="cert-chip" data-rule-unit={code}>
            <button
              type="button"
              className="link"
              onClick={() => {
                setUnit(code);
                setResets((n) => n + 1);
              }}
            >
              {unitName(code)}
            </button>
            {ruleText(rules[code]!)}
            <button type="button" className="link" onClick={() => restore(code)} title="删除该属地的单独规则">
              恢复默认
            </button>
          </span>
        ))}
      </div>
    </details>
  );
}

function RuleFields({
  unit,
  rules,
  onRestore,
}: {
  unit: string;
  rules: CertificationRules;
  onRestore: () => void;
}) {
  const rule = ruleFor(rules, unit);
  const [share, setShare] = useState(percentText(rule.minOutsideShare));
  const [capital, setCapital] = useState(String(rule.minPaidInCapital));
  const shareParsed = parsePercent(share, '市外经营税收占比下限');
  const capitalParsed = parseNonNegative(capital, '实缴注册资本下限');

  // Store the pair as soon as both read; the other field keeps its current (possibly default) value.
  const store = (nextShare: string, nextCapital: string) => {
    const s = parsePercent(nextShare, '');
    const c = parseNonNegative(nextCapital, '');
    if (s.ok && c.ok) {
      updateSettings({
        rules: { ...rules, [unit]: { minOutsideShare: s.value, minPaidInCapital: c.value } },
      });
    }
  };

  return (
    <>
      <label>
        市外经营税收占比下限
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={share}
          aria-invalid={!shareParsed.ok}
          onChange={(e) => {
            setShare(e.target.value);
            store(e.target.value, capital);
          }}
        />
        %
      </label>
      <label>
        实缴注册资本下限
        <input
          type="number"
          min={0}
          step={100}
          value={capital}
          aria-invalid={!capitalParsed.ok}
          onChange={(e) => {
            setCapital(e.target.value);
            store(share, e.target.value);
          }}
        />
        万元
      </label>
      <span className="note">
        {rules[unit] ? '该属地单独规则' : '当前为全市默认，修改后成为该属地单独规则'}
      </span>
      <button type="button" onClick={onRestore} disabled={!rules[unit]}>
        恢复默认
      </button>
      {[shareParsed, capitalParsed].map(
        (p, i) =>
          !p.ok && (
            <span key={i} className="cert-error" role="alert">
              {p.message}
            </span>
          ),
      )}
    </>
  );
}
