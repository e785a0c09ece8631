/**
 * The audit trail kept in this browser: every 口径 change made here (old → new) and every import
 * committed here, in localStorage beside the 口径 itself. It is exported with the 口径 (导出修改记录)
 * together with the published dataset's own trail, so a ranking shown at a meeting can be
 * reconstructed later. Typing a weight changes the 口径 on every keystroke: changes within a minute
 * are one entry (from the first old value to the last new one).
 */
import type { AuditEntry, AuditTrail } from '../domain/published';

const KEY = 'hq-dashboard.audit.v1';
/** Entries kept; the oldest go first (a browser's log is a convenience, the dataset's is the record). */
const MAX_ENTRIES = 2000;
const COALESCE_MS = 60_000;

export function readAudit(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): AuditEntry[] {
  try {
    const stored = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as AuditEntry[]).filter((e) => e && typeof e.at === 'string') : [];
  } catch {
    return [];
  }
}

export function recordAudit(entry: Omit<AuditEntry, 'at' | 'where'>, now = new Date()): void {
  const entries = readAudit();
  const last = entries.at(-1);
  const full: AuditEntry = { at: now.toISOString(), where: 'browser', ...entry };
  if (
    entry.kind === 'rules' &&
    last?.kind === 'rules' &&
    last.where === 'browser' &&
    now.getTime() - Date.parse(last.at) < COALESCE_MS
  ) {
    entries[entries.length - 1] = { ...full, changes: mergeChanges(last.changes ?? [], entry.changes ?? []) };
  } else entries.push(full);
  try {
    localStorage.setItem(KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
  } catch {
    // Storage full or disabled: the change still applies; the published trail is unaffected.
  }
}

/** One entry for two successive changes: each item from its first old value to its last new one. */
function mergeChanges(first: NonNullable<AuditEntry['changes']>, then: NonNullable<AuditEntry['changes']>) {
  const merged = new Map(first.map((c) => [c.item, { ...c }]));
  for (const c of then) {
    const earlier = merged.get(c.item);
    merged.set(c.item, earlier ? { ...earlier, to: c.to } : { ...c });
  }
  return [...merged.values()].filter((c) => c.from !== c.to);
}

/** The trail to export: the published dataset's entries (if any), then this browser's. */
export function auditExport(published: readonly AuditEntry[]): AuditTrail {
  return { format: 'hq-return-audit', entries: [...published, ...readAudit()] };
}
