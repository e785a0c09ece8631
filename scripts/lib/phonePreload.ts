/**
 * A build plugin: the page asks, on a narrow screen only, for what the 掌上驾驶舱 draws its first
 * screen from — the figures' index and the phone's code and style — while the entry is still on its
 * way, not after the entry has run (docs/PHONE.md, "Measured": this took one of the three round
 * trips before the first figure out of the chain).
 *
 * Every tag carries the media query src/main.tsx decides by (narrower than PHONE_MAX_WIDTH), and the
 * browser fetches a preload whose media does not match not at all: a desktop never pays for it. The
 * page's own fetch then takes the preloaded response (same URL, `crossorigin` = the fetch's
 * same-origin credentials). The chunk names carry Vite's content hash, so the tags are written from
 * the bundle, after it is made.
 */
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';
import { PHONE_INDEX } from '../../src/domain/phone';
import { DATASET_DIR } from '../../src/domain/published';
import { PHONE_MAX_WIDTH } from '../../src/phone/mode';

/** The phone page's module (src/main.tsx imports it for `#/m`). */
const PHONE_MODULE = /\/src\/phone\/boot\.ts$/;
export const PHONE_MEDIA = `(max-width: ${PHONE_MAX_WIDTH - 1}px)`;

/** The chunk and every chunk it imports statically (less the entry, already asked for), and their CSS. */
function phoneFiles(bundle: Rollup.OutputBundle): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const boot = chunks.find((c) => c.facadeModuleId && PHONE_MODULE.test(c.facadeModuleId));
  if (!boot) throw new Error('phonePreload: no chunk for src/phone/boot.ts');
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
  visit(boot);
  return { scripts: [...scripts], styles: [...styles] };
}

export function phonePreload(): Plugin {
  return {
    name: 'phone-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const { scripts, styles } = phoneFiles(bundle);
        const link = (attrs: Record<string, string | boolean>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { ...attrs, media: PHONE_MEDIA },
          injectTo: 'head',
        });
        return [
          // The index first: the opening figures are in it, and nothing can be drawn without them.
          link({ rel: 'preload', href: `./${DATASET_DIR}/${PHONE_INDEX}`, as: 'fetch', crossorigin: true }),
          ...scripts.map((f) => link({ rel: 'modulepreload', href: `./${f}`, crossorigin: true })),
          // crossorigin as Vite's loader adds the stylesheet, or the browser fetches it twice.
          ...styles.map((f) => link({ rel: 'preload', href: `./${f}`, as: 'style', crossorigin: true })),
        ];
      },
    },
  };
}
