/**
 * The assessment weights and method. Each valid edit is stored at once (useSettings persists it),
 * so the ranking follows while typing; an invalid entry stays in the box with its reason and the
 * ranking keeps the last valid weights.
 */
import { useState } from 'react';
import { resetSettings, updateSettings } from '../../app/settings';
import type { ScoreMethod, ScoreWeights } from '../../domain/defaults';
import { INDICATORS } from '../../domain/figures/ranking';
import { checkWeights, METHOD_NAMES } from './weights';

interface Props {
  weights: ScoreWeights;
  method: ScoreMethod;
  /** The stored weights were unusable and the defaults are shown instead. */
  fellBack: boolean;
}

export function WeightEditor({ weights, method, fellBack }: Props) {
  // What the user typed, until it is replaced by a reset; null shows the stored weights.
  const [draft, setDraft] = useState<string[] | null>(null);
  const texts = draft ?? weights.map(String);
  const check = checkWeights(texts);
  const typedSum = texts.reduce((a, t) => a + (Number.isFinite(Number(t)) ? Number(t) : 0), 0);

  const edit = (k: number, text: string) => {
    const next = texts.map((t, i) => (i === k ? text : t));
    setDraft(next);
    const result = checkWeights(next);
    if (result.ok) updateSettings({ weights: result.weights });
  };

  return (
    <div className="weight-editor">
      <div className="editor" role="group" aria-label="考核权重">
        {INDICATORS.map((name, k) => (
          <label key={name}>
            {name}
            <input
              type="number"
              min={0}
              step={1}
              name={`weight-${k}`}
              value={texts[k]}
              aria-invalid={!check.ok}
              onChange={(e) => edit(k, e.target.value)}
            />
          </label>
        ))}
        <span className="weight-sum" data-weight-sum={typedSum}>
          合计 <b>{Number(typedSum.toFixed(2))}</b>
        </span>
        <span className="segmented" role="group" aria-label="标准化方法">
          {(['ratio', 'efficacy'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={method === m}
              onClick={() => updateSettings({ method: m })}
            >
              {METHOD_NAMES[m]}
            </button>
          ))}
        </span>
        <button
          type="button"
          onClick={() => {
            resetSettings(['weights', 'method']);
            setDraft(null);
          }}
        >
          恢复默认
        </button>
      </div>
      {!check.ok && (
        <p className="state error" role="alert">
          {check.message}；排名仍按上一组有效权重计算。
        </p>
      )}
      {fellBack && check.ok && draft === null && (
        <p className="state error" role="alert">
          保存的权重无效，已按默认权重计算。
        </p>
      )}
      {check.ok && typedSum !== 100 && (
        <p className="note">权重合计不必为 100：得分按权重合计折算为百分制。</p>
      )}
    </div>
  );
}
