import type { Db } from '../db';
import { buildReport } from '../domain/report';
import { formatPercent, formatYuan } from '../format/numbers';
import { KpiCard } from './KpiCard';
import { useFigure } from './useFigure';

export function Overview({ db, year }: { db: Db; year: number }) {
  const report = useFigure(db, buildReport, { year });
  if (report.status === 'loading') return <p className="state">正在计算 {year} 年指标…</p>;
  if (report.status === 'failed') return <p className="state error">计算失败：{report.message}</p>;
  const r = report.data;
  const city = r.newHq.city;
  const progress = city.target ? city.actual / city.target : null;
  return (
    <section>
      <h2>
        {year} 年总部回归总览 <small>数据截至 {r.asOf}</small>
      </h2>
      <div className="kpis">
        <KpiCard
          name="newHqAnnual"
          label="年度新引进总部企业"
          value={city.actual}
          target={city.target}
          display={`${city.actual} / ${city.target ?? '—'} 家`}
          note={`任务进度 ${formatPercent(progress)} · 时间进度 ${formatPercent(r.timeProgress)}`}
        />
        <KpiCard
          name="fiveYear"
          label={`五年累计（${r.fiveYear.from}—${r.fiveYear.to}）`}
          value={r.fiveYear.actual}
          target={r.fiveYear.target}
          display={`${r.fiveYear.actual} / ${r.fiveYear.target ?? '—'} 家`}
        />
        <KpiCard
          name="localHq"
          label="本土总部企业"
          value={r.localHq.stock}
          display={`${r.localHq.stock} 家`}
          note={`当年新认定 ${r.localHq.flow} 家`}
        />
        <KpiCard
          name="billionBuildings"
          label="亿元楼宇"
          value={r.billionBuildings.length}
          display={`${r.billionBuildings.length} 幢`}
        />
        <KpiCard
          name="hqTax"
          label="总部企业税收"
          value={r.hqTax.tax}
          display={formatYuan(r.hqTax.tax)}
          note={`${samePeriodLabel(year, r.asOf)} ${r.hqTax.change === null ? '—' : formatPercent(r.hqTax.change)}`}
        />
      </div>
    </section>
  );
}

/** A year still running is compared with the same months of the year before (同期). */
function samePeriodLabel(year: number, asOf: string): string {
  const [y, m] = asOf.split('-').map(Number);
  return y === year && m !== undefined && m < 12 ? `同比（1—${m}月）` : '同比';
}
