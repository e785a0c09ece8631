/**
 * The 掌上驾驶舱's style, in the page itself (`<style data-phone media="(max-width: 599px)">` in the
 * head) rather than a file the phone's code loads: the first screen `publish` draws into the page
 * (docs/PHONE.md, "The first screen in the page") is then styled from the page alone, with no
 * request before it is painted. A wide screen applies none of it; src/main.tsx removes it for the
 * desktop, and for `#/m` on a wide screen lifts the media query. Costs the desktop ≈ 2 KB gzip of
 * page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { PHONE_MEDIA } from './branchPreload';

const SOURCE = path.resolve(import.meta.dirname, '../../src/phone/phone.css');

/** The stylesheet without comments and indentation (the gzip does the rest). */
function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export function phoneStyle(): Plugin {
  return {
    name: 'phone-style',
    transformIndexHtml: () => [
      {
        tag: 'style',
        attrs: { 'data-phone': true, media: PHONE_MEDIA },
        children: compactCss(fs.readFileSync(SOURCE, 'utf8')),
        injectTo: 'head',
      },
    ],
  };
}
