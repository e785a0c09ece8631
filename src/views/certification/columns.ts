/** Table columns of the 总部认定 screen. */
import type { Column } from '../../app/DataTable';
import type { CertificationRules } from '../../domain/defaults';
import type { CertificationCheck, UnitAreaOutput } from '../../domain/figures/certification';
import type { LocalReward } from '../../domain/figures/contribution';
import { REWARD_YEARS } from '../../domain/defaults';
import { unitName } from '../../domain/units';
import { reasonsText, ruleShortText } from './labels';

export function checkColumns(rules: CertificationRules): Column<CertificationCheck>[] {
  return [
    { key: 'code', header: '信用代码', value: (c) => c.creditCode },
    // Not in the enterprise list: the name is unknown.
    { key: 'name', header: '名称', value: (c) => c.name ?? '（企业名录中无此企业）' },
    { key: 'region', header: '属地', value: (c) => unitName(c.region) },
    { key: 'share', header: '市外税收占比', kind: 'percent', value: (c) => c.outsideShare },
    { key: 'capital', header: '实缴资本（万元）', kind: 'number', value: (c) => c.paidInCapital },
    {
      key: 'rule',
      header: '适用规则',
      value: (c) =>
        `${ruleShortText({ minOutsideShare: c.minOutsideShare, minPaidInCapital: c.minPaidInCapital })}${
          rules[c.region] ? '（属地规则）' : '（默认）'
        }`,
    },
    { key: 'result', header: '结果', value: (c) => (c.passed ? '通过' : '未通过') },
    { key: 'reasons', header: '原因', value: (c) => reasonsText(c.reasons) },
  ];
}

export const areaColumns: Column<UnitAreaOutput>[] = [
  { key: 'code', header: '信用代码', value: (r) => r.creditCode },
  { key: 'name', header: '名称', value: (r) => r.name },
  { key: 'region', header: '属地', value: (r) => unitName(r.region) },
  { key: 'output', header: '总产出（万元）', kind: 'number', value: (r) => r.output },
  { key: 'area', header: '办公面积（㎡）', kind: 'number', value: (r) => r.officeArea },
  { key: 'perSqm', header: '单位面积产出（元/㎡）', kind: 'number', digits: 0, value: (r) => r.perSqm },
  { key: 'meets', header: '≥ 1万元/㎡', value: (r) => (!r.applies ? '不适用' : r.meets ? '达标' : '未达标') },
];

/** `months` ('1—9月') for a part year: the contribution and its base cover the same months. */
export function rewardColumns(year: number, months: string | null = null): Column<LocalReward>[] {
  return [
    { key: 'code', header: '信用代码', value: (r) => r.creditCode },
    { key: 'name', header: '名称', value: (r) => r.name ?? '（企业名录中无此企业）' },
    { key: 'region', header: '认定地', value: (r) => unitName(r.region) },
    // Text, so a year is not grouped as 2,022.
    { key: 'certified', header: '认定年度', value: (r) => `${r.certifiedYear}年` },
    {
      key: 'window',
      header: '奖励年次',
      value: (r) => `第 ${year - r.certifiedYear + 1} / ${REWARD_YEARS} 年`,
    },
    {
      key: 'base',
      header: months ? `基数（认定前一年${months}贡献）` : '基数（认定前一年贡献）',
      kind: 'yuan',
      unit: '万元',
      value: (r) => r.base,
    },
    {
      key: 'contribution',
      header: `${year}年${months ?? ''}贡献`,
      kind: 'yuan',
      unit: '万元',
      value: (r) => r.contribution,
    },
    { key: 'increment', header: '增量', kind: 'yuan', unit: '万元', value: (r) => r.increment },
    { key: 'reward', header: '奖励估算', kind: 'yuan', unit: '万元', value: (r) => r.reward },
  ];
}
