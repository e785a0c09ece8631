/**
 * A build plugin: the page asks for the code of the page it will open — the 掌上驾驶舱 on a narrow
 * screen, the desktop on a wide one — while the entry is still on its way, not after the entry has
 * run (docs/PHONE.md, "Measured": this took one of the three round trips before the first figure out
 * of the chain). On a narrow screen that is also the figures' index, the phone's first screen.
 *
 * Every tag carries a media query on the width src/main.tsx decides by (PHONE_MAX_WIDTH), and the
 * browser fetches a preload whose media does not match not at all: a desktop never pays for the
 * phone's files, nor a phone for the desktop's. The page's own fetch then takes the preloaded
 * response (same URL, `crossorigin` = the fetch's same-origin credentials). The chunk names carry
 * Vite's content hash, so the tags are written from the bundle, after it is made.
 */
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';
import { PHONE_INDEX } from '../../src/domain/phone';
import { DATASET_DIR } from '../../src/domain/published';
import { PHONE_MAX_WIDTH } from '../../src/phone/mode';

export const PHONE_MEDIA = `(max-width: ${PHONE_MAX_WIDTH - 1}px)`;
export const DESK_MEDIA = `(min-width: ${PHONE_MAX_WIDTH}px)`;

/** Each page's module, as src/main.tsx imports it. */
const BRANCHES = [
  { module: /\/src\/phone\/boot\.ts$/, media: PHONE_MEDIA },
  { module: /\/src\/deskOpening\.ts$/, media: DESK_MEDIA },
];

/** The chunk and every chunk it imports statically (less the entry, already asked for), and their CSS. */
function branchFiles(bundle: Rollup.OutputBundle, module: RegExp): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId && module.test(c.facadeModuleId));
  if (!start) throw new Error(`branchPreload: no chunk for ${module.source}`);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (chunk.isEntry || scripts.has(chunk.fileName)) return;
    scripts.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(start);
  return { scripts: [...scripts], styles: [...styles] };
}

function branchTags(bundle: Rollup.OutputBundle, module: RegExp, media: string): HtmlTagDescriptor[] {
  const { scripts, styles } = branchFiles(bundle, module);
  const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
    tag: 'link',
    attrs: { ...attrs, media },
    injectTo: 'head',
  });
  return [
    ...scripts.map((f) => link({ rel: 'modulepreload', href: `./${f}`, crossorigin: true })),
    // crossorigin as Vite's loader adds the stylesheet, or the browser fetches it twice.
    ...styles.map((f) => link({ rel: 'preload', href: `./${f}`, as: 'style', crossorigin: true })),
  ];
}

export function branchPreload(): Plugin {
  return {
    name: 'branch-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const index: HtmlTagDescriptor = {
          tag: 'link',
          attrs: {
            rel: 'preload',
            href: `./${DATASET_DIR}/${PHONE_INDEX}`,
            as: 'fetch',
            crossorigin: true,
            media: PHONE_MEDIA,
          },
          injectTo: 'head',
        };
        // The index first: the opening figures are in it, and nothing can be drawn without them.
        return [index, ...BRANCHES.flatMap((b) => branchTags(bundle, b.module, b.media))];
      },
    },
  };
}
