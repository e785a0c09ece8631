/** What an import wrote, per table, as the desk, the data page and the history say it. */
import { TABLES } from '../../domain/schema';
import { formatCount } from '../../format/numbers';
import type { ImportReport } from '../../ingest';

type Committed = ImportReport['committed'][number];

const tableLabel = (name: string) => TABLES.find((t) => t.name === name)?.label ?? name;

/** 税收明细：新增 3 行、替换 1 行、未变 4 行 — the parts that are not zero (history of older versions has no 未变). */
export function committedText(c: Committed): string {
  const parts = [
    ['新增', c.added],
    ['替换', c.replaced],
    ['未变', c.unchanged ?? 0],
  ] as const;
  const said = parts.filter(([, n]) => n > 0).map(([word, n]) => `${word} ${formatCount(n)} 行`);
  return `${tableLabel(c.table)}：${said.length ? said.join('、') : '没有行'}`;
}

/** Every table of an import, joined. */
export function committedSummary(committed: readonly Committed[]): string {
  return committed.map(committedText).join('；');
}
