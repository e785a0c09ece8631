/**
 * 同期对比 on the overview (issue 13 item 6): the year's cumulative new HQ month by month against the
 * target path and the two years before, and HQ tax and building tax by month against last year.
 */
import { useMemo } from 'react';
import { Panel } from '../../app/Panel';
import { useFigure } from '../../app/useFigure';
import { Chart } from '../../charts/Chart';
import { newHqByMonthOption, taxByMonthOption } from '../../charts/options/periodComparison';
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
  const hq = useFigure(db, newHqByMonth, { year, asOf, filters, targetTypes });
  const tax = useFigure(db, taxByMonth, { year, asOf, filters });
  const hqOption = useMemo(() => (hq.status === 'ready' ? newHqByMonthOption(hq.data) : null), [hq]);
  const taxOptions = useMemo(
    () =>
      tax.status === 'ready'
        ? { hq: taxByMonthOption(tax.data.hqTax), buildings: taxByMonthOption(tax.data.buildingTax) }
        : null,
    [tax],
  );
  const noTax = (series: readonly { values: readonly (number | null)[] }[]) =>
    series.every((s) => s.values.every((v) => !v));
  return (
    <>
      <Panel title="新引进总部企业逐月累计（对比前两年）" unit="单位：家" state={hq}>
        {() => <Chart label="新引进总部企业逐月累计" option={hqOption!} />}
      </Panel>
      <Panel
        title="总部企业税收逐月同比"
        state={tax}
        isEmpty={(d) => noTax(d.hqTax)}
        emptyText="两年均无总部企业税收"
      >
        {() => <Chart label="总部企业税收逐月同比" option={taxOptions!.hq} />}
      </Panel>
      <Panel
        title="楼宇税收逐月同比"
        state={tax}
        isEmpty={(d) => noTax(d.buildingTax)}
        emptyText="两年均无楼宇税收"
      >
        {() => <Chart label="楼宇税收逐月同比" option={taxOptions!.buildings} />}
      </Panel>
    </>
  );
}
