/**
 * What counts toward the new-HQ target (DOMAIN.md 13): every HQ type, or only the 综合型 and 功能型
 * named by policy 二(一). A setting like the weights (kept in localStorage), shown on the overview and
 * the ranking with its 口径 in words.
 */
import { updateSettings } from '../app/settings';
import { TARGET_TYPES, type TargetTypes } from '../domain/defaults';
import { TARGET_TYPES_TEXT, targetTypesCaliber } from './labels';

/** A stored value that is not one of the two reads as the default. */
export const usableTargetTypes = (stored: unknown): TargetTypes => (stored === 'named' ? 'named' : 'all');

export function TargetTypesSwitch({ value }: { value: TargetTypes }) {
  return (
    <div className="target-types" data-target-types={value}>
      <span className="segmented" role="group" aria-label="计入目标的总部类型">
        {TARGET_TYPES.map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={value === t}
            onClick={() => updateSettings({ targetTypes: t })}
          >
            {TARGET_TYPES_TEXT[t]}
          </button>
        ))}
      </span>
      <span className="note">{targetTypesCaliber(value)}</span>
    </div>
  );
}
