/** The report as readable Chinese text tables for the terminal. */
import { formatCount, formatPercent, formatYuan } from '../../src/format/numbers';
import { NAMED_HQ_TYPES, UNIT_AREA_OUTPUT_THRESHOLD } from '../../src/domain/defaults';
import { FAIL_REASON_TEXT } from '../../src/domain/figures/certification';
import { overdueText } from '../../src/domain/figures/projects';
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
  report: Report & { rejected: RowError[]; skipped: SkippedFile[]; caliber?: { name: string; hash: string } },
  imported: ImportReport,
): string {
  const { year, months } = report;
  // A part year says so on every figure summed or counted within Y (DOMAIN.md "Part years").
  const part = months ? `（${months}）` : '';
  const out: string[] = [];
  out.push(
    `温州市总部回归 ${year} 年度报告（数据截至 ${report.asOf}${months ? `，${year}年${months}` : ''}）\n`,
  );
  if (report.caliber) out.push(`口径：${report.caliber.name}（${report.caliber.hash}）\n`);
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
    `计入目标的总部类型：${report.targetTypes === 'named' ? `仅${NAMED_HQ_TYPES.join('、')}（--target-types named）` : '全部类型'}`,
  );
  out.push(
    `新引进总部企业${part}：${city.actual} 家，目标 ${city.target ?? '未设定'}，任务进度 ${
      city.target ? formatPercent(city.actual / city.target) : '—'
    }，时间进度 ${formatPercent(report.timeProgress)}`,
  );
  const fy = report.fiveYear;
  out.push(`五年累计（${fy.from}—${fy.to}）：${fy.actual} 家，目标 ${fy.target ?? '未设定'}`);
  out.push(
    `本土总部企业：截至 ${report.at} 存量 ${report.localHq.stock} 家，当年${part}新认定 ${report.localHq.flow} 家`,
  );
  out.push(
    `总部企业税收${part}：${formatYuan(report.hqTax.tax)}，同比${part} ${report.hqTax.change === null ? '—' : formatPercent(report.hqTax.change)}\n`,
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
  // 亿元 and 5000万 are full-year thresholds: on a part year they are applied to the sum so far.
  const partSum = months ? `，按${months}累计税收计，全年标准` : '';
  const buildingTable = (rows: Report['billionBuildings']) =>
    table(
      ['楼宇编号', '楼宇名称', '档次', `楼宇税收${part}`],
      rows.map((b) => [b.buildingId, b.name, b.tier ?? '', formatYuan(b.tax)]),
      [3],
    );
  out.push(`亿元楼宇（${report.billionBuildings.length} 幢${partSum}）`);
  out.push(buildingTable(report.billionBuildings));
  out.push(`培育楼宇（5000万—1亿元，${report.cultivatingBuildings.length} 幢${partSum}）`);
  out.push(buildingTable(report.cultivatingBuildings));
  const area = report.unitAreaOutput;
  out.push(
    `单位面积产出（${year}年总产出 ÷ 办公面积，≥ ${formatCount(UNIT_AREA_OUTPUT_THRESHOLD)} 元/㎡ 达标）：` +
      (area.meeting.length + area.notMeeting.length === 0
        ? `无 ${year} 年有总产出和办公面积的企业`
        : `达标 ${area.meeting.length} 家，未达标 ${area.notMeeting.length} 家`),
  );
  const { overdue, fourOnes } = report.projects;
  out.push(
    `\n项目跟踪（截至 ${report.at}）：逾期预警 ${overdue.length} 个；“四个一”完整 ${fourOnes.complete} / ${fourOnes.total} 个`,
  );
  if (overdue.length > 0)
    out.push(
      table(
        ['项目编号', '预警', '已过天数'],
        overdue.map((o) => [o.projectId, overdueText(o.reason), String(o.days)]),
        [2],
      ),
    );
  out.push(`招商考核排名${months ? `（按${months}数据测算）` : ''}`);
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
