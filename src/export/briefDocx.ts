/**
 * The 简报 as a Word document in 公文 layout (GB/T 9704-2012 as offices apply it): A4 with margins
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; the title in 黑体 二号 (22 pt), centred; headings
 * in 黑体 三号 (16 pt); body in 仿宋 三号 (16 pt) with a two-character first-line indent and 28 pt
 * line spacing; the deck's charts as pictures under their own caption. Offices edit briefs in Word,
 * so this is a document to work on, not a print. `docx` is loaded on the first export only.
 */
import type { BriefingSection } from '../domain/briefing';

export interface BriefPicture {
  title: string;
  /** PNG bytes. */
  png: Uint8Array;
  /** CSS pixels of the drawn chart (the picture keeps its aspect). */
  width: number;
  height: number;
}

export interface BriefDocument {
  title: string;
  subtitle: string;
  sections: readonly BriefingSection[];
  footnote: string;
  pictures: readonly BriefPicture[];
}

/** 公文 fonts: Windows names first (仿宋_GB2312 on older installs), as Word picks by name. */
export const BODY_FONT = '仿宋_GB2312';
export const HEADING_FONT = '黑体';
/** Page margins in mm (GB/T 9704: 天头 37 mm, 订口 28 mm; bottom and right as offices use them). */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** 三号 = 16 pt; 二号 = 22 pt. docx sizes are in half-points. */
const SIZE_BODY = 32;
const SIZE_TITLE = 44;
/** The text width of A4 with these margins: 210 − 28 − 26 = 156 mm, in px at 96 dpi for pictures. */
const TEXT_WIDTH_PX = Math.round((156 / 25.4) * 96);

export async function briefDocx(doc: BriefDocument): Promise<Uint8Array> {
  const {
    AlignmentType,
    Document,
    ImageRun,
    LineRuleType,
    Packer,
    Paragraph,
    TextRun,
    convertMillimetersToTwip: mm,
  } = await import('docx');
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
  const body = (text: string, options: { indent?: boolean; size?: number } = {}) =>
    new Paragraph({
      indent: options.indent === false ? undefined : { firstLine: 2 * 16 * 20 },
      spacing: { line: 28 * 20, lineRule: LineRuleType.EXACT },
      alignment: AlignmentType.JUSTIFIED,
      children: [new TextRun({ text, font: font(BODY_FONT), size: options.size ?? SIZE_BODY })],
    });
  const heading = (text: string) =>
    new Paragraph({
      spacing: { line: 28 * 20, lineRule: LineRuleType.EXACT, before: 120 },
      indent: { firstLine: 2 * 16 * 20 },
      children: [new TextRun({ text, font: font(HEADING_FONT), size: SIZE_BODY })],
    });
  const picture = (p: BriefPicture) => {
    const width = Math.min(TEXT_WIDTH_PX, p.width);
    const height = Math.round((p.height * width) / p.width);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: p.png, transformation: { width, height } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: p.title, font: font(HEADING_FONT), size: 24 })],
      }),
    ];
  };
  const numbered = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const document = new Document({
    creator: '温州市总部回归监测',
    title: doc.title,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: SIZE_BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(MARGINS_MM.top),
              bottom: mm(MARGINS_MM.bottom),
              left: mm(MARGINS_MM.left),
              right: mm(MARGINS_MM.right),
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.title, font: font(HEADING_FONT), size: SIZE_TITLE })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.subtitle, font: font(BODY_FONT), size: 28 })],
          }),
          ...doc.sections.flatMap((s, i) => [
            heading(`${numbered[i] ?? i + 1}、${s.heading}`),
            ...s.sentences.map((t) => body(t)),
          ]),
          ...(doc.pictures.length ? [heading('附：图表')] : []),
          ...doc.pictures.flatMap(picture),
          body(doc.footnote, { indent: false, size: 24 }),
        ],
      },
    ],
  });
  const blob = await Packer.toBlob(document);
  return new Uint8Array(await blob.arrayBuffer());
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
