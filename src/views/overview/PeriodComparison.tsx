/**
 * 同期对比 on the overview (issue 13 item 6): the year's cumulative new HQ month by month against the
 * target path and the two years before, and HQ tax and building tax by month against last year.
 */
import { useMemo } from 'react';
import { Panel } from '../../app/Panel';
import { useFigure } from '../../app/useFigure';
import type { View } from '../../app/prefetch';
import { useDrill } from '../../app/drill';
import { Chart, type ChartClick } from '../../charts/Chart';
import { clickedMonth, newHqByMonthOption, taxByMonthOption } from '../../charts/options/periodComparison';
import type { Db } from '../../db';
import type { TargetTypes } from '../../domain/defaults';
import type { Filters } from '../../domain/filters';
import { newHqByMonth, taxByMonth } from '../../domain/figures/periodComparison';

interface Props {
  db: Db;
  year: number;
  asOf: string;
  filters: Filters;
  targetTypes: TargetTypes;
}

export function PeriodComparison({ db, year, asOf, filters, targetTypes }: Props) {
  const hqOf = (v: View) => ({ year: v.year, asOf, filters: v.filters, targetTypes });
  const taxOf = (v: View) => ({ year: v.year, asOf, filters: v.filters });
  const hq = useFigure(db, newHqByMonth, hqOf({ year, filters }), undefined, hqOf);
  const tax = useFigure(db, taxByMonth, taxOf({ year, filters }), undefined, taxOf);
  const hqOption = useMemo(() => (hq.status === 'ready' ? newHqByMonthOption(hq.data) : null), [hq]);
  const taxOptions = useMemo(
    () =>
      tax.status === 'ready'
        ? { hq: taxByMonthOption(tax.data.hqTax), buildings: taxByMonthOption(tax.data.buildingTax) }
        : null,
    [tax],
  );
  const drill = useDrill();
  // A month's point (or bar) of a year opens the records behind it: `drillKey=2024-03`.
  const opens = (figure: string) => (e: ChartClick) => {
    const key = clickedMonth(e);
    if (key) drill?.open({ figure, key });
  };
  const noTax = (series: readonly { values: readonly (number | null)[] }[]) =>
    series.every((s) => s.values.every((v) => !v));
  return (
    <>
      <Panel
        title="新引进总部企业逐月累计（对比前两年）"
        unit="单位：家"
        state={hq}
        info={{ figure: 'newHqMonth' }}
      >
        {() => <Chart label="新引进总部企业逐月累计" option={hqOption!} onClick={opens('newHqMonth')} />}
      </Panel>
      <Panel
        title="总部企业税收逐月同比"
        state={tax}
        isEmpty={(d) => noTax(d.hqTax)}
        emptyText="两年均无总部企业税收"
        info={{ figure: 'hqTaxMonth' }}
      >
        {() => <Chart label="总部企业税收逐月同比" option={taxOptions!.hq} onClick={opens('hqTaxMonth')} />}
      </Panel>
      <Panel
        title="楼宇税收逐月同比"
        state={tax}
        isEmpty={(d) => noTax(d.buildingTax)}
        emptyText="两年均无楼宇税收"
        info={{ figure: 'buildingTaxMonth' }}
      >
        {() => (
          <Chart
            label="楼宇税收逐月同比"
            option={taxOptions!.buildings}
            onClick={opens('buildingTaxMonth')}
          />
        )}
      </Panel>
    </>
  );
}
