/**
 * The parameters of the 本土总部 reward estimate: the local share of each tax type (used where an
 * export gives no 地方财政贡献) and the progressive reward tiers. Valid edits are stored at once and
 * persist; an invalid entry is shown with its reason and not stored.
 */
import { useState } from 'react';
import { resetSettings, updateSettings } from '../../app/settings';
import type { LocalShares, RewardTier } from '../../domain/defaults';
import { TAX_TYPES, type TaxType } from '../../domain/enums';
import { formatPercent } from '../../format/numbers';
import { parsePercent, parseTiers, percentText, tierDrafts, type TierDraft } from './inputs';

interface Props {
  shares: LocalShares;
  tiers: readonly RewardTier[];
}

export function RewardEditor({ shares, tiers }: Props) {
  // Remounting after 恢复默认 shows the restored values instead of what was typed.
  const [resets, setResets] = useState(0);
  return (
    <details className="cert-editor" data-editor="rewards">
      <summary>
        <b>测算参数</b>
        <span className="note">
          地方留成 {TAX_TYPES.map((t) => `${t} ${formatPercent(shares[t])}`).join('、')}；奖励{' '}
          {tiersText(tiers)}
        </span>
      </summary>
      <SharesFields key={`s${resets}`} shares={shares} onReset={() => reset('shares')} />
      <TierFields key={`t${resets}`} tiers={tiers} onReset={() => reset('tiers')} />
    </details>
  );

  function reset(key: 'shares' | 'tiers') {
    resetSettings([key]);
    setResets((n) => n + 1);
  }
}

/** '≤500万元 20%，500–2,000万元 30%，>2,000万元 40%'. */
function tiersText(tiers: readonly RewardTier[]): string {
  let lower = 0;
  return tiers
    .map((t) => {
      const band =
        t.upTo === null
          ? `${lower ? `${amount(lower)}万元以上` : '全部增量'}`
          : `${lower ? `${amount(lower)}–` : '≤'}${amount(t.upTo)}万元`;
      lower = t.upTo ?? lower;
      return `${band} ${formatPercent(t.rate)}`;
    })
    .join('，');
}

const amount = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function SharesFields({ shares, onReset }: { shares: LocalShares; onReset: () => void }) {
  const [drafts, setDrafts] = useState<Record<TaxType, string>>(
    () => Object.fromEntries(TAX_TYPES.map((t) => [t, percentText(shares[t])])) as Record<TaxType, string>,
  );
  const parsed = TAX_TYPES.map((t) => [t, parsePercent(drafts[t], `${t}地方留成比例`)] as const);

  const edit = (type: TaxType, text: string) => {
    const next = { ...drafts, [type]: text };
    setDrafts(next);
    const values = TAX_TYPES.map((t) => parsePercent(next[t], ''));
    if (values.every((v) => v.ok)) {
      updateSettings({
        shares: Object.fromEntries(
          TAX_TYPES.map((t, i) => [t, (values[i] as { value: number }).value]),
        ) as LocalShares,
      });
    }
  };

  return (
    <div className="editor cert-editor-row">
      <span className="cert-editor-label">地方留成比例</span>
      {TAX_TYPES.map((t) => (
        <label key={t}>
          {t}
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={drafts[t]}
            aria-invalid={!parsePercent(drafts[t], '').ok}
            onChange={(e) => edit(t, e.target.value)}
          />
          %
        </label>
      ))}
      <button type="button" onClick={onReset}>
        恢复默认
      </button>
      {parsed.map(
        ([t, p]) =>
          !p.ok && (
            <span key={t} className="cert-error" role="alert">
              {p.message}
            </span>
          ),
      )}
      <span className="note">仅用于未提供“地方财政贡献”的税收记录。</span>
    </div>
  );
}

function TierFields({ tiers, onReset }: { tiers: readonly RewardTier[]; onReset: () => void }) {
  const [drafts, setDrafts] = useState<TierDraft[]>(() => tierDrafts(tiers));
  const { errors } = parseTiers(drafts);

  const change = (next: TierDraft[]) => {
    setDrafts(next);
    const result = parseTiers(next);
    if (result.tiers) updateSettings({ tiers: result.tiers });
  };
  const edit = (i: number, field: keyof TierDraft, text: string) =>
    change(drafts.map((d, j) => (j === i ? { ...d, [field]: text } : d)));
  // A new tier goes just below the open top tier, above the highest bound so far.
  const add = () => {
    const bounds = drafts.slice(0, -1).map((d) => Number(d.upTo) || 0);
    const top = Math.max(0, ...bounds);
    const fresh: TierDraft = { upTo: String(top ? top * 2 : 500), rate: drafts.at(-1)?.rate ?? '0' };
    change([...drafts.slice(0, -1), fresh, drafts.at(-1) ?? { upTo: '', rate: '0' }]);
  };
  const remove = (i: number) => change(drafts.filter((_, j) => j !== i));

  return (
    <div className="editor cert-editor-row cert-tiers">
      <span className="cert-editor-label">奖励档次（按增量累进）</span>
      {drafts.map((d, i) => {
        const last = i === drafts.length - 1;
        const lower = i === 0 ? '0' : drafts[i - 1]!.upTo || '?';
        return (
          <span key={i} className="cert-tier" data-tier={i + 1}>
            <span className="note">第 {i + 1} 档</span>
            {last ? (
              <span>{i === 0 ? '全部增量' : `${lower} 万元以上`}</span>
            ) : (
              <label>
                {lower} –
                <input
                  type="number"
                  min={0}
                  step={100}
                  value={d.upTo}
                  aria-label={`第 ${i + 1} 档上限（万元）`}
                  aria-invalid={errors.upTo[i] !== null}
                  onChange={(e) => edit(i, 'upTo', e.target.value)}
                />
                万元
              </label>
            )}
            <label>
              按
              <input
                type="number"
                min={0}
                max={100}
                step={5}
                value={d.rate}
                aria-label={`第 ${i + 1} 档奖励比例（%）`}
                aria-invalid={errors.rate[i] !== null}
                onChange={(e) => edit(i, 'rate', e.target.value)}
              />
              %
            </label>
            {!last && drafts.length > 1 && (
              <button type="button" className="link" onClick={() => remove(i)} title="删除此档">
                删除
              </button>
            )}
          </span>
        );
      })}
      <button type="button" onClick={add}>
        增加一档
      </button>
      <button type="button" onClick={onReset}>
        恢复默认
      </button>
      {[...errors.upTo, ...errors.rate].map(
        (message, i) =>
          message && (
            <span key={i} className="cert-error" role="alert">
              {message}
            </span>
          ),
      )}
    </div>
  );
}
