/** 大屏: the stored theme and the dark re-colouring of chart options. Pure, no browser. */
import { describe, expect, it } from 'vitest';
import { applyTheme, readTheme, storeTheme, THEME_KEY } from '../src/app/theme';
import { leadsMapOption, unitMapOption, type MapUnit } from '../src/charts/options/belts';
import { COLORS, DARK, DARK_PALETTE, darkOption, PALETTE } from '../src/charts/theme';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('the stored theme', () => {
  it('is light unless dark was stored', () => {
    expect(readTheme(memoryStorage())).toBe('light');
    expect(readTheme(memoryStorage({ [THEME_KEY]: 'dark' }))).toBe('dark');
    expect(readTheme(memoryStorage({ [THEME_KEY]: 'light' }))).toBe('light');
    expect(readTheme(memoryStorage({ [THEME_KEY]: 'purple' }))).toBe('light');
    expect(readTheme(undefined)).toBe('light');
  });

  it('never throws when storage is disabled', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readTheme(broken)).toBe('light');
    expect(() => storeTheme('dark', broken)).not.toThrow();
  });

  it('round-trips under its key', () => {
    const storage = memoryStorage();
    storeTheme('dark', storage);
    expect(storage.items.get(THEME_KEY)).toBe('dark');
    expect(readTheme(storage)).toBe('dark');
    storeTheme('light', storage);
    expect(readTheme(storage)).toBe('light');
  });

  it('is set as data-theme on the root element', () => {
    const root = { dataset: {} as Record<string, string> } as HTMLElement;
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('light', root);
    expect(root.dataset.theme).toBe('light');
  });
});

describe('darkOption', () => {
  it('turns the builders’ text and grid colours light-on-dark, and brightens the palette', () => {
    const option = {
      xAxis: { splitLine: { lineStyle: { color: COLORS.grid } } },
      series: [
        { type: 'bar', color: PALETTE[0], label: { color: COLORS.text } },
        { type: 'line', color: '#123456', label: { color: '#fff', rich: { a: { color: COLORS.subtle } } } },
      ],
    };
    const dark = darkOption(option);
    expect(dark.xAxis.splitLine.lineStyle.color).toBe(DARK.grid);
    expect(dark.series[0]!.color).toBe(DARK_PALETTE[0]);
    expect(dark.series[0]!.label.color).toBe(DARK.text);
    // Unknown colours and white text on bars pass through.
    expect(dark.series[1]!.color).toBe('#123456');
    expect(dark.series[1]!.label.color).toBe('#fff');
    expect(dark.series[1]!.label.rich?.a.color).toBe(DARK.subtle);
    // The input is not changed (options are memoised by the screens).
    expect(option.series[0]!.label.color).toBe(COLORS.text);
  });

  it('keeps formatters and numbers, and swaps white borders for the panel colour', () => {
    const formatter = (v: number) => `${v}`;
    const dark = darkOption({
      yAxis: { axisLabel: { formatter } },
      series: [{ data: [1, 2, 3], itemStyle: { borderColor: '#ffffff' } }],
    });
    expect(dark.yAxis.axisLabel.formatter).toBe(formatter);
    expect(dark.series[0]!.data).toEqual([1, 2, 3]);
    expect(dark.series[0]!.itemStyle.borderColor).toBe(DARK.panel);
  });

  it('gives the maps dark land, a bright-ending ramp and light labels', () => {
    const units: MapUnit[] = [
      { code: '330302', name: '鹿城区', hqCount: 12, hqTax: 5e8, newHq: 2, localStock: 30 },
      { code: '330382', name: '乐清市', hqCount: 3, hqTax: 1e8, newHq: 1, localStock: 8 },
      { code: '330381', name: '瑞安市', hqCount: 0, hqTax: 0, newHq: 0, localStock: 0 },
    ];
    const light = unitMapOption(units, 'count') as unknown as MapParts;
    const dark = darkOption(light);
    const ramp = dark.visualMap.inRange.color;
    expect(ramp).not.toEqual(light.visualMap.inRange.color);
    expect(ramp).toHaveLength(light.visualMap.inRange.color.length);
    expect(luminance(ramp[0]!)).toBeLessThan(luminance(ramp.at(-1)!));
    expect(luminance(dark.geo.itemStyle.areaColor)).toBeLessThan(0.1);
    expect(dark.geo.label.color).toBe(DARK.text);
    for (const region of dark.geo.regions) expect(luminance(region.label.color)).toBeGreaterThan(0.6);
    // The boxed names (龙港, the zones, the central districts): a dark box under the light text.
    const boxed = dark.series.filter((s) => s.label?.backgroundColor);
    expect(boxed.length).toBeGreaterThan(0);
    for (const s of boxed) {
      expect(s.label!.color).toBe(DARK.text);
      expect(s.label!.backgroundColor).toBe('rgba(21,33,49,0.9)');
    }

    const leads = darkOption(leadsMapOption([]) as unknown as MapParts);
    expect(luminance(leads.series[0]!.itemStyle!.areaColor)).toBeLessThan(0.1);
    expect(luminance(leads.visualMap.inRange.color[0]!)).toBeLessThan(
      luminance(leads.visualMap.inRange.color.at(-1)!),
    );
  });
});

/** The parts of the map options these tests read. */
interface MapParts {
  visualMap: { inRange: { color: string[] } };
  geo: {
    itemStyle: { areaColor: string };
    label: { color: string };
    regions: { label: { color: string } }[];
  };
  series: { itemStyle?: { areaColor: string }; label?: { color: string; backgroundColor?: string } }[];
}

/** Relative luminance (WCAG) of '#rrggbb'. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
