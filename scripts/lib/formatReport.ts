/** The report as readable Chinese text tables for the terminal. */
import { formatCount, formatPercent, formatYuan } from '../../src/format/numbers';
import { FAIL_REASON_TEXT } from '../../src/domain/figures/certification';
import type { Report } from '../../src/domain/report';
import { encodingLabel, type ImportReport, type RowError } from '../../src/ingest';
import type { SkippedFile } from './loadFolder';

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;

function table(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

export function formatReport(
  report: Report & { rejected: RowError[]; skipped: SkippedFile[] },
  imported: ImportReport,
): string {
  const { year } = report;
  const out: string[] = [];
  out.push(`温州市总部回归 ${year} 年度报告（数据截至 ${report.asOf}）\n`);
  // The same numbers as the desk: read = imported + rejected + 合计 rows dropped.
  out.push(
    table(
      ['文件', '识别为', '编码', '读取', '导入', '拒绝', '剔除合计'],
      imported.files.map((f) => [
        f.file,
        f.tableLabel,
        encodingLabel(f.encoding),
        formatCount(f.rowsRead),
        formatCount(f.accepted),
        formatCount(f.rejectedRows),
        formatCount(f.totals.length),
      ]),
      [3, 4, 5, 6],
    ),
  );
  for (const f of imported.files) for (const w of f.warnings) out.push(`  注意「${f.file}」：${w.message}`);
  for (const s of report.skipped) out.push(`  未读取「${s.file}」：${s.reason}`);
  out.push('');
  const city = report.newHq.city;
  out.push(
    `新引进总部企业：${city.actual} 家，目标 ${city.target ?? '未设定'}，任务进度 ${
      city.target ? formatPercent(city.actual / city.target) : '—'
    }，时间进度 ${formatPercent(report.timeProgress)}`,
  );
  const fy = report.fiveYear;
  out.push(`五年累计（${fy.from}—${fy.to}）：${fy.actual} 家，目标 ${fy.target ?? '未设定'}`);
  out.push(`本土总部企业：存量 ${report.localHq.stock} 家，当年新认定 ${report.localHq.flow} 家`);
  out.push(
    `总部企业税收：${formatYuan(report.hqTax.tax)}，同比 ${report.hqTax.change === null ? '—' : formatPercent(report.hqTax.change)}\n`,
  );
  out.push('新引进总部企业（按属地）');
  out.push(
    table(
      ['属地', '代码', '完成', '目标', '完成率'],
      report.newHq.byRegion.map((r) => [
        r.name,
        r.code,
        String(r.actual),
        r.target === null ? '—' : String(r.target),
        r.target ? formatPercent(r.actual / r.target) : '—',
      ]),
      [2, 3, 4],
    ),
  );
  out.push(`亿元楼宇（${report.billionBuildings.length} 幢）`);
  out.push(
    table(
      ['楼宇编号', '楼宇名称', '档次', '楼宇税收'],
      report.billionBuildings.map((b) => [b.buildingId, b.name, b.tier ?? '', formatYuan(b.tax)]),
      [3],
    ),
  );
  out.push('招商考核排名');
  out.push(
    table(
      ['名次', '属地', '得分'],
      report.ranking.map((r) => [String(r.rank), r.name, r.score.toFixed(2)]),
      [0, 2],
    ),
  );
  const { passed, failed } = report.certification;
  out.push(`总部认定条件核验：符合 ${passed.length} 家，不符合 ${failed.length} 家`);
  const reasonCounts = new Map<string, number>();
  for (const f of failed) for (const r of f.reasons) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
  for (const [reason, n] of reasonCounts)
    out.push(`  · ${FAIL_REASON_TEXT[reason as keyof typeof FAIL_REASON_TEXT]}：${n} 家`);
  out.push('');
  const rejectedRows = imported.files.reduce((n, f) => n + f.rejectedRows, 0);
  out.push(
    `拒绝的行：${rejectedRows} 行（错误 ${report.rejected.length} 项）；未知企业的税收行：${report.orphanTaxRows} 行`,
  );
  for (const r of report.rejected.slice(0, 20)) {
    out.push(`  ${r.file} 第${r.row}行 ${r.header}「${r.value ?? ''}」：${r.reason}`);
  }
  if (report.rejected.length > 20)
    out.push(`  …… 另有 ${report.rejected.length - 20} 项，使用 --json 查看全部`);
  return out.join('\n') + '\n';
}
