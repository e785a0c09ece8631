/**
 * The overdue thresholds (预警天数). A valid edit is stored at once and the page recomputes; an invalid
 * one stays in its box with the reason, and the warnings keep the last valid thresholds.
 */
import { useState } from 'react';
import { resetSettings, updateSettings } from '../../app/settings';
import type { ProjectThresholds } from '../../domain/defaults';
import { checkThresholds, THRESHOLD_FIELDS } from './thresholds';

export function ThresholdEditor({
  thresholds,
  fellBack,
}: {
  thresholds: ProjectThresholds;
  fellBack: boolean;
}) {
  const [draft, setDraft] = useState<Record<keyof ProjectThresholds, string> | null>(null);
  const texts = draft ?? {
    signedToRegisteredDays: String(thresholds.signedToRegisteredDays),
    registeredToOperatingDays: String(thresholds.registeredToOperatingDays),
  };
  const check = checkThresholds(texts);
  const edit = (key: keyof ProjectThresholds, text: string) => {
    const next = { ...texts, [key]: text };
    setDraft(next);
    const result = checkThresholds(next);
    if (result.ok) updateSettings({ thresholds: result.thresholds });
  };
  return (
    <div className="threshold-editor">
      <div className="editor" role="group" aria-label="预警天数">
        <span className="editor-title">逾期预警：</span>
        {THRESHOLD_FIELDS.map(({ key, label }) => (
          <label key={key}>
            {label}超过
            <input
              type="number"
              min={1}
              step={1}
              name={key}
              value={texts[key]}
              aria-invalid={!check.ok}
              onChange={(e) => edit(key, e.target.value)}
            />
            天
          </label>
        ))}
        <button
          type="button"
          onClick={() => {
            resetSettings(['thresholds']);
            setDraft(null);
          }}
        >
          恢复默认
        </button>
        {!check.ok && (
          <span className="state error" role="alert">
            {check.message}；预警仍按上一组有效天数计算。
          </span>
        )}
        {fellBack && check.ok && draft === null && (
          <span className="state error" role="alert">
            保存的预警天数无效，已按默认值计算。
          </span>
        )}
      </div>
    </div>
  );
}
