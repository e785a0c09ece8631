/**
 * The 简报 as Word: the real `docx` package writes the file; it is unpacked and its XML read for the
 * 公文 layout (A4, margins 37/35/28/26 mm, 仿宋 body, 黑体 headings) and the chart pictures.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { briefDocx, MARGINS_MM } from '../src/export/briefDocx';

// A 1×1 PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const twips = (mm: number) => Math.round((mm / 25.4) * 1440);

describe('the 简报 as a Word document', () => {
  it('is laid out as a 公文 with the charts as pictures', async () => {
    const bytes = await briefDocx({
      title: '2024年全市总部回归工作简报',
      subtitle: '数据截至 2024-12-31',
      sections: [
        { heading: '目标任务', sentences: ['全市新引进总部企业39家，完成年度目标111.4%。'] },
        { heading: '亿元楼宇', sentences: ['亿元楼宇18幢。'] },
      ],
      footnote: '本简报由系统根据已载入数据自动生成。',
      pictures: [{ title: '各地完成情况', png: PNG, width: 800, height: 400 }],
    });
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    expect(Math.abs(attr('top') - twips(MARGINS_MM.top))).toBeLessThanOrEqual(1);
    expect(Math.abs(attr('bottom') - twips(MARGINS_MM.bottom))).toBeLessThanOrEqual(1);
    expect(Math.abs(attr('left') - twips(MARGINS_MM.left))).toBeLessThanOrEqual(1);
    expect(Math.abs(attr('right') - twips(MARGINS_MM.right))).toBeLessThanOrEqual(1);
    // A4: 210 × 297 mm.
    const size = /<w:pgSz ([^>]*)\/>/.exec(xml)![1]!;
    expect(Number(/w:w="(\d+)"/.exec(size)![1])).toBeCloseTo(twips(210), -1);
    expect(Number(/w:h="(\d+)"/.exec(size)![1])).toBeCloseTo(twips(297), -1);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('一、目标任务');
    expect(xml).toContain('二、亿元楼宇');
    expect(xml).toContain('完成年度目标111.4%');
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });
});
