/** The summary line of the buildings screen: 亿元楼宇, the tier counts and the total building tax. */
import { KpiCard } from '../../app/KpiCard';
import type { BuildingsSummary } from '../../domain/figures/buildings';
import { formatMoney, formatPercent } from '../../format/numbers';

const count = (summary: BuildingsSummary, tier: string) =>
  summary.tiers.find((t) => t.name === tier)?.count ?? 0;

/** `months` ('1—9月') when the year is read part-way: the sums and the tiers judged on them say so. */
export function BuildingKpis({ summary: s, months }: { summary: BuildingsSummary; months?: string }) {
  const tiers = [
    { name: 'buildingsTenBillion', tier: '十亿元楼宇', note: '楼宇税收 ≥ 10亿元' },
    { name: 'buildingsFiveBillion', tier: '五亿元楼宇', note: '5亿—10亿元' },
    { name: 'buildingsHundredMillion', tier: '亿元楼宇', label: '亿元楼宇（1亿—5亿元）', note: '1亿—5亿元' },
    { name: 'buildingsCultivating', tier: '培育楼宇', note: '5000万—1亿元，亿元楼宇后备' },
  ];
  return (
    <div className="kpis">
      <KpiCard
        name="buildingsBillion"
        label="亿元楼宇合计"
        value={s.billion}
        display={`${s.billion} 幢`}
        drill={{ figure: 'billionBuildings' }}
        note={`${months ? `${months}税收` : '税收'} ≥ 1亿元 · 全部 ${s.buildings} 幢`}
      />
      {tiers.map((t) => (
        <KpiCard
          key={t.name}
          name={t.name}
          label={t.label ?? t.tier}
          value={count(s, t.tier)}
          display={`${count(s, t.tier)} 幢`}
          drill={{ figure: 'buildingTier', key: t.tier }}
          note={t.note}
        />
      ))}
      <KpiCard
        name="buildingsTax"
        label={`楼宇税收合计${months ? `（${months}）` : ''}`}
        value={s.tax}
        display={formatMoney(s.tax, '亿元')}
        drill={{ figure: 'buildingTaxTotal' }}
        note={`亿元楼宇贡献 ${s.tax > 0 ? formatPercent(s.billionTax / s.tax) : '—'}`}
      />
    </div>
  );
}
