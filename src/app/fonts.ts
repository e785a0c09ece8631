/**
 * The Chinese font the app ships, for machines without one of their own (a bare Linux, a 信创
 * desktop, a CI box), where every label would otherwise draw as boxes. `@fontsource/noto-sans-sc`
 * splits 思源黑体 (Noto Sans SC) into ~100 unicode-range chunks served from our own origin: the page
 * fetches only the chunks holding glyphs it shows, and only when no system font earlier in the
 * stack (微软雅黑, 苹方, 思源, 文泉驿, 黑体) has them. One weight (400): bold is synthesised.
 *
 * Canvas text (charts, PNG exports) never makes the browser fetch a font chunk, so `loadGlyphs`
 * asks for the chunks covering a text before (or, for charts, right after) it is drawn.
 */
// The chunks' @font-face rules are imported by src/desk.tsx (the phone page uses the system fonts), so this module stays importable from
// Node (option builders under test, the report command).

export const BUNDLED_FONT = 'Noto Sans SC';

/** The sans stack of screens, charts and exports: the system's own fonts first, ours last. */
export const FONT_STACK = `'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', SimHei, '${BUNDLED_FONT}', sans-serif`;

/**
 * Fetches the bundled chunks that cover `text` (a no-op when they are loaded). Resolves true when
 * something was fetched now, so a canvas drawn before can be drawn again with the glyphs.
 */
export async function loadGlyphs(text: string): Promise<boolean> {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || !text) return false;
  const font = `16px '${BUNDLED_FONT}'`;
  if (fonts.check(font, text)) return false;
  const faces = await fonts.load(font, text);
  return faces.length > 0;
}
