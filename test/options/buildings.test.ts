/** The option builders of the 亿元楼宇 screen: pure functions, checked without a database or a browser. */
import { describe, expect, it } from 'vitest';
import {
  buildingTooltip,
  clickedBuilding,
  clickedTrendCell,
  mapOption,
  mapRegionOf,
  rankingOption,
  scatterOption,
  symbolSize,
  TIER_COLORS,
  trendOption,
} from '../../src/charts/options/buildings';
import { buildingTier, type BuildingFigure } from '../../src/domain/figures/buildings';

function building(id: string, tax: number, more: Partial<BuildingFigure> = {}): BuildingFigure {
  return {
    buildingId: id,
    name: `楼宇${id}`,
    region: '330302',
    kind: '商务楼宇',
    tax,
    tier: buildingTier(tax),
    floorArea: 10_000,
    occupancy: 0.8,
    taxPerSqm: tax / 10_000,
    enterprises: 3,
    lng: 120.66,
    lat: 28.01,
    ...more,
  };
}

const BUILDINGS = [
  building('B1', 1_200_000_000),
  building('B2', 600_000_000, { region: '330303' }),
  building('B3', 150_000_000),
  building('B4', 70_000_000, { occupancy: null, taxPerSqm: null }),
  building('B5', 1_000_000, { lng: null, lat: null }),
];

type Series = { name: string; type: string; data: unknown[]; markLine?: { data: unknown[]; label: unknown } };
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];
const fn = (value: unknown) => value as (...args: unknown[]) => string;

describe('rankingOption', () => {
  const option = rankingOption(BUILDINGS, 'B3', 4) as Record<string, unknown>;

  it('ranks the top buildings, largest on top, one stacked series per tier present', () => {
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual([
      '楼宇B1',
      '楼宇B2',
      '楼宇B3',
      '楼宇B4',
    ]);
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['十亿元楼宇', '五亿元楼宇', '亿元楼宇', '培育楼宇']);
    expect(series.map((s) => (s as unknown as { color: string }).color)).toEqual(
      series.map((s) => TIER_COLORS[s.name]),
    );
    // Each bar sits in the series of its tier only.
    expect(series[0]!.data.map((d) => (d === '-' ? '-' : (d as { value: number }).value))).toEqual([
      1_200_000_000,
      '-',
      '-',
      '-',
    ]);
  });

  it('draws the 1亿 line labelled 1亿元 and an 亿元 axis without exponents', () => {
    const markLine = seriesOf(option)[0]!.markLine!;
    expect(markLine.data).toEqual([{ xAxis: 100_000_000 }]);
    expect(markLine.label).toMatchObject({ formatter: '1亿元' });
    const axis = option.xAxis as { name: string; axisLabel: { formatter: (v: number) => string } };
    expect(axis.name).toBe('亿元');
    expect(axis.axisLabel.formatter(1_200_000_000)).toBe('12.0');
  });

  it('keeps the 1亿 line in view when no building reaches it', () => {
    const small = rankingOption([building('S', 60_000_000)]) as { xAxis: { max?: number } };
    expect(small.xAxis.max).toBe(120_000_000);
    expect((option.xAxis as { max?: number }).max).toBeUndefined();
  });

  it('marks the selected building and carries the building id for clicks', () => {
    const item = seriesOf(option)[2]!.data[2] as { buildingId: string; itemStyle?: unknown };
    expect(item.buildingId).toBe('B3');
    expect(item.itemStyle).toBeDefined();
    expect(clickedBuilding({ data: item })).toBe('B3');
    expect(clickedBuilding({ data: '-' })).toBeUndefined();
    expect(clickedBuilding({})).toBeUndefined();
  });
});

describe('trendOption', () => {
  const rows = [
    { year: 2022, region: '330302', count: 2 },
    { year: 2024, region: '330302', count: 3 },
    { year: 2024, region: 'ZN01', count: 1 },
  ];
  const option = trendOption(rows, {
    selectedYear: 2025,
    partial: { year: 2025, months: '1—9月' },
  }) as Record<string, unknown>;

  it('stacks the units over a continuous run of years, the selected year included', () => {
    const axis = option.xAxis as { data: { value: string }[] };
    expect(axis.data.map((d) => d.value)).toEqual(['2022年', '2023年', '2024年', '2025年\n(1—9月)']);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['鹿城区', '浙南产业集聚区', '合计']);
    expect(series[0]!.data).toEqual([2, 0, 3, 0]);
    expect(series[1]!.data).toEqual([0, 0, 1, 0]);
    expect(series[2]!.data).toEqual([2, 0, 4, 0]);
    expect((option.legend as { data: string[] }).data).toEqual(['鹿城区', '浙南产业集聚区']);
  });

  it('lists the non-zero units and the total in the tooltip', () => {
    const tooltip = fn((option.tooltip as { formatter: unknown }).formatter)([{ dataIndex: 2 }]);
    expect(tooltip).toBe('<b>2024年</b><br/>鹿城区：3 幢<br/>浙南产业集聚区：1 幢<br/>合计：4 幢');
  });
});

describe('scatterOption', () => {
  const option = scatterOption(BUILDINGS, 'B1') as Record<string, unknown>;

  it('plots occupancy against tax per ㎡ and leaves out buildings without them', () => {
    const series = seriesOf(option);
    const ids = series.flatMap((s) => s.data.map((d) => (d as { buildingId: string }).buildingId));
    expect(ids.sort()).toEqual(['B1', 'B2', 'B3', 'B5']);
    const b1 = series[0]!.data[0] as { value: number[]; label?: unknown };
    expect(b1.value).toEqual([0.8, 120_000, 1_200_000_000]);
    expect(b1.label).toBeDefined();
    const yAxis = option.yAxis as { name: string; axisLabel: { formatter: (v: number) => string } };
    expect(yAxis.name).toBe('每㎡税收（元/㎡）');
    expect(yAxis.axisLabel.formatter(120_000)).toBe('120,000');
  });

  it('sizes symbols by the square root of the tax', () => {
    expect(symbolSize(100, 100)).toBe(36);
    expect(symbolSize(25, 100)).toBe(21);
    expect(symbolSize(0, 100)).toBe(6);
    expect(symbolSize(5, 0)).toBe(6);
  });

  it('escapes building names in the tooltip', () => {
    const evil = building('X', 2e8, { name: '<img src=x onerror=alert(1)>大厦' });
    const html = fn((scatterOption([evil]) as { tooltip: { formatter: unknown } }).tooltip.formatter)({
      data: { buildingId: 'X' },
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;大厦');
    expect(buildingTooltip(evil)).toContain('楼宇税收：2.00亿元');
  });
});

describe('mapOption', () => {
  it('places the buildings with coordinates on the Wenzhou geo, largest tiers drawn last', () => {
    const option = mapOption(BUILDINGS, { map: 'wenzhou', selected: 'B2' }) as Record<string, unknown>;
    expect((option.geo as { map: string }).map).toBe('wenzhou');
    const series = seriesOf(option);
    // B5 has no coordinates, so no 其他楼宇 series.
    expect(series.map((s) => s.name)).toEqual(['培育楼宇', '亿元楼宇', '五亿元楼宇', '十亿元楼宇']);
    expect(
      series.every((s) => (s as unknown as { coordinateSystem: string }).coordinateSystem === 'geo'),
    ).toBe(true);
    const b2 = series[2]!.data[0] as { value: number[]; label?: unknown };
    expect(b2.value).toEqual([120.66, 28.01, 600_000_000]);
    expect(b2.label).toBeDefined();
  });

  it('shades the district of the chosen unit; 龙港 and the zones fall in their districts', () => {
    expect(mapRegionOf(undefined)).toBeUndefined();
    expect(mapRegionOf('330302')).toBe('鹿城区');
    expect(mapRegionOf('330383')).toBe('苍南县');
    expect(mapRegionOf('ZN01')).toBe('龙湾区');
    const option = mapOption(BUILDINGS, { map: 'wenzhou', unit: '330383' }) as {
      geo: Record<string, unknown> & {
        label: { show: boolean };
        regions: { name: string; itemStyle?: unknown }[];
      };
    };
    const shaded = option.geo.regions.filter((r) => r.itemStyle).map((r) => r.name);
    expect(shaded).toEqual(['苍南县']);
    // The whole city fitted into the panel, every county named: no zoom or centre that would push
    // 泰顺 or 文成 (and half a name) past the panel's edge.
    expect(option.geo.label.show).toBe(true);
    expect(option.geo).not.toHaveProperty('zoom');
    expect(option.geo).not.toHaveProperty('center');
    expect(option.geo).toMatchObject({ layoutCenter: ['50%', '54%'], layoutSize: '88%' });
  });
});

describe('a click on the 亿元楼宇 trend', () => {
  const rows = [
    { year: 2022, region: '330302', count: 1 },
    { year: 2024, region: '330381', count: 2 },
  ];
  it('names the year of the column and the unit of the segment', () => {
    expect(clickedTrendCell({ seriesName: '瑞安市', dataIndex: 2 }, rows, 2024)).toBe('2024:330381');
    expect(clickedTrendCell({ seriesName: '鹿城区', dataIndex: 0 }, rows, 2024)).toBe('2022:330302');
  });
  it('opens nothing for the total line or outside the years', () => {
    expect(clickedTrendCell({ seriesName: '合计', dataIndex: 0 }, rows, 2024)).toBeUndefined();
    expect(clickedTrendCell({ seriesName: '鹿城区', dataIndex: 5 }, rows, 2024)).toBeUndefined();
  });
});
