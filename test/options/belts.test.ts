/** The belts screen's option builders: pure functions, no database, no browser. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CANGNAN_MAP_TITLE,
  clickedIndustryCell,
  countPieces,
  industryStructureOption,
  leadsMapOption,
  mapNumber,
  mapUnit,
  metricPieces,
  niceStep,
  onDark,
  POINT_UNITS,
  unitMapOption,
  unitTooltip,
  type MapUnit,
} from '../../src/charts/options/belts';
import { UNITS } from '../../src/domain/units';

type Ring = [number, number][];
interface Feature {
  properties: { name: string; code: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}
const wenzhou = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'src', 'maps', 'wenzhou.json'), 'utf8'),
) as { features: Feature[] };

function outerRings(f: Feature): Ring[] {
  return f.geometry.type === 'Polygon'
    ? [(f.geometry.coordinates as Ring[])[0]!]
    : (f.geometry.coordinates as Ring[][]).map((p) => p[0]!);
}

function inside([x, y]: readonly [number, number], ring: Ring): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const featureOf = (code: string) => wenzhou.features.find((f) => f.properties.code === code)!;

/** Every unit, with values that make 龙港 and 苍南 easy to tell apart. */
const units: MapUnit[] = UNITS.map((u, i) => ({
  code: u.code,
  name: u.name,
  hqCount: u.code === '330383' ? 21 : u.code === '330327' ? 5 : i + 1,
  hqTax: u.code === '330383' ? 339_000_000 : (i + 1) * 10_000_000,
  newHq: 1,
  localStock: 2,
}));

interface MapSeries {
  type: string;
  data: { name: string; value: number | number[]; code: string }[];
  label?: { formatter: (p: unknown) => string };
}
type Formatter = (p: unknown) => string;

describe('Wenzhou map by unit', () => {
  const option = unitMapOption(units, 'count', '330303') as {
    series: MapSeries[];
    geo: { map: string; regions: { name: string; itemStyle?: { borderWidth: number } }[] };
    tooltip: { formatter: Formatter };
    visualMap: { pieces: { label: string }[] };
  };

  it('paints the 11 county shapes by their own value; 龙港 is a point, never added to 苍南', () => {
    const [shapes, points] = option.series;
    expect(option.geo.map).toBe('wenzhou');
    expect(shapes!.type).toBe('map');
    expect(shapes!.data).toHaveLength(11);
    expect(shapes!.data.map((d) => d.name).sort()).toEqual(
      wenzhou.features.map((f) => f.properties.name).sort(),
    );
    expect(shapes!.data.find((d) => d.code === '330327')!.value).toBe(5);
    expect(shapes!.data.some((d) => d.code === '330383')).toBe(false);
    expect(points!.type).toBe('scatter');
    expect(points!.data.map((d) => d.code).sort()).toEqual(['330383', 'ZN01', 'ZN02', 'ZN03']);
    expect(points!.data.find((d) => d.code === '330383')!.value).toEqual([120.55, 27.58, 21]);
  });

  it('places 龙港 inside the 苍南 shape and every zone inside 龙湾', () => {
    const cangnan = outerRings(featureOf('330327'));
    expect(cangnan.some((ring) => inside(POINT_UNITS['330383']!, ring))).toBe(true);
    const longwan = outerRings(featureOf('330303'));
    for (const zone of ['ZN01', 'ZN02', 'ZN03']) {
      expect(UNITS.find((u) => u.code === zone)!.district).toBe('330303');
      expect(longwan.some((ring) => inside(POINT_UNITS[zone]!, ring))).toBe(true);
    }
  });

  it('outlines the chosen unit', () => {
    const chosen = option.geo.regions.find((r) => r.name === '龙湾区');
    expect(chosen?.itemStyle?.borderWidth).toBe(3);
    expect(option.geo.regions.filter((r) => r.itemStyle)).toHaveLength(1);
  });

  it('titles 苍南 honestly and escapes names in tooltips', () => {
    expect(option.tooltip.formatter({ name: '苍南县', data: { code: '330327' } })).toContain(
      CANGNAN_MAP_TITLE,
    );
    const html = unitTooltip({ ...units[0]!, name: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('labels the legend in 家 or in one money unit, never with an exponent', () => {
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual([
      '0家',
      '1–5家',
      '6–10家',
      '11–15家',
      '16–20家',
      '21–25家',
    ]);
    const tax = unitMapOption(units, 'tax') as { visualMap: { pieces: { label: string }[] } };
    const labels = tax.visualMap.pieces.map((p) => p.label);
    expect(labels[0]).toBe('无（≤0）');
    expect(labels[1]).toBe('0–1亿元');
    expect(labels.at(-1)).toBe('3–4亿元');
    for (const l of labels) expect(l).not.toMatch(/e[+-]?\d/i);
    // 1,234.6万元 in five steps of 246.9 → the nice step 250万元
    const small = metricPieces([12_345_678, 3_000_000], 'tax');
    expect(small.map((p) => p.label)).toEqual([
      '无（≤0）',
      '0–250万元',
      '250–500万元',
      '500–750万元',
      '750–1,000万元',
      '1,000–1,250万元',
    ]);
  });

  it('speaks one unit on the map', () => {
    expect(mapUnit(units, 'count')).toBe('家');
    expect(mapUnit(units, 'tax')).toBe('亿元');
    expect(mapNumber(339_000_000, '亿元')).toBe('3.39');
    expect(mapNumber(26_679_000, '万元')).toBe('2,667.9');
    expect(mapNumber(1234, '家')).toBe('1,234');
  });

  it('finds nice steps and dark pieces', () => {
    expect(niceStep(74, 5)).toBe(20);
    expect(niceStep(3.4, 5)).toBe(1);
    expect(niceStep(0.9, 5)).toBe(0.2);
    const pieces = metricPieces([0, 80], 'count');
    expect(onDark(pieces, 80)).toBe(true);
    expect(onDark(pieces, 5)).toBe(false);
    expect(onDark(pieces, 0)).toBe(false);
  });
});

describe('industry structure per group', () => {
  const cells = [
    { group: '全市', industry: '数字经济', count: 3, tax: 30 },
    { group: '全市', industry: '智能制造', count: 1, tax: 70 },
    { group: '中心城区', industry: '数字经济', count: 2, tax: 20 },
    { group: '中心城区', industry: '未登记', count: 2, tax: 0 },
  ];
  const groups = ['全市', '中心城区', '三区两市'];

  it('stacks shares by industry, services first, with empty groups at zero', () => {
    const option = industryStructureOption(cells, groups, 'count', ['中心城区']) as {
      series: { name: string; stack: string; data: number[] }[];
      yAxis: { data: string[]; axisLabel: { formatter: (g: string) => string } };
    };
    expect(option.series.map((s) => s.name)).toEqual(['数字经济', '智能制造', '未登记']);
    expect(option.series[0]!.data).toEqual([0.75, 0.5, 0]);
    expect(option.series[2]!.data).toEqual([0, 0.5, 0]);
    expect(option.yAxis.axisLabel.formatter('中心城区')).toContain('▶');
    expect(option.yAxis.axisLabel.formatter('全市')).toBe('全市');
    const byTax = industryStructureOption(cells, groups, 'tax') as { series: { data: number[] }[] };
    expect(byTax.series[0]!.data).toEqual([0.3, 1, 0]);
  });

  it('shows counts and shares in the tooltip', () => {
    const option = industryStructureOption(cells, groups, 'count') as { tooltip: { formatter: Formatter } };
    const html = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('合计：4家');
    expect(html).toContain('★数字经济：3家（75.0%）');
  });
});

describe('leads on the China map', () => {
  const provinces = [
    {
      province: '浙江',
      count: 10,
      revenue: 117.14,
      byStatus: [
        { status: '线索', count: 4 },
        { status: '签约', count: 6 },
      ],
    },
    { province: '上海', count: 3, revenue: 2, byStatus: [{ status: '洽谈', count: 3 }] },
  ];
  const option = leadsMapOption(provinces) as {
    title: { text: string };
    series: { map: string; data: { name: string; value?: number }[] }[];
    tooltip: { formatter: Formatter };
    visualMap: { pieces: { label: string }[] };
  };

  it("uses the map registered as 'china' (南海诸岛 inset) and says it is schematic", () => {
    expect(option.series[0]!.map).toBe('china');
    expect(option.title.text).toBe('示意图');
    expect(option.series[0]!.data.map((d) => d.name)).toEqual(['浙江', '上海', '南海诸岛']);
  });

  it('lists the status breakdown in the tooltip', () => {
    const html = option.tooltip.formatter({ name: '浙江' });
    expect(html).toContain('线索合计：10条');
    expect(html).toContain('签约：6条');
    expect(html).toContain('117.14亿元');
    expect(option.tooltip.formatter({ name: '西藏' })).toContain('暂无');
  });

  it('labels counts as 条', () => {
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual([
      '1–2条',
      '3–4条',
      '5–6条',
      '7–8条',
      '9–10条',
    ]);
    expect(countPieces([3]).map((p) => p.label)).toEqual(['1条', '2条', '3条']);
  });
});

describe('one money unit per map', () => {
  it('gives every unit’s tooltip the same unit (泰顺 in 亿元 beside 平阳, not 万元)', () => {
    const units = [
      { code: '330329', name: '泰顺县', hqCount: 3, hqTax: 41_891_000, newHq: 0, localStock: 1 },
      { code: '330326', name: '平阳县', hqCount: 9, hqTax: 627_000_000, newHq: 1, localStock: 2 },
    ];
    const option = unitMapOption(units, 'tax') as { tooltip: { formatter: (p: unknown) => string } };
    const tip = (name: string) => option.tooltip.formatter({ name, data: {} });
    expect(tip('泰顺县')).toContain('0.42亿元');
    expect(tip('平阳县')).toContain('6.27亿元');
    expect(tip('泰顺县')).not.toContain('万元');
  });
});

describe('point units on the map', () => {
  it('are named beside their value (a key, not bare numbers) and moved off the central districts', () => {
    const units = [
      { code: '330383', name: '龙港市', hqCount: 24, hqTax: 0, newHq: 0, localStock: 0 },
      { code: 'ZN01', name: '浙南产业集聚区', hqCount: 22, hqTax: 0, newHq: 0, localStock: 0 },
    ];
    const option = unitMapOption(units, 'count') as {
      series: { label?: { formatter: (p: unknown) => string }; labelLayout?: (p: unknown) => object }[];
    };
    const points = option.series[1]!;
    const text = (short: string, value: number) =>
      points.label!.formatter({ data: { short, value: [0, 0, value] } });
    expect(text('龙港', 24)).toBe('龙港 24');
    expect(points.labelLayout!({ dataIndex: 1 })).toEqual({ dx: 58, dy: 30 });
  });
});

describe('a click on the industry chart', () => {
  it('opens the cell of the bar’s group and the segment’s industry', () => {
    const groups = ['全市', '中心城区', '三区两市'];
    expect(clickedIndustryCell({ seriesName: '数字经济', dataIndex: 1 }, groups)).toBe('中心城区|数字经济');
    expect(clickedIndustryCell({ seriesName: '数字经济', dataIndex: 5 }, groups)).toBeUndefined();
    expect(clickedIndustryCell({ dataIndex: 0 }, groups)).toBeUndefined();
  });
});
