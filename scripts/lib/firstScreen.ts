/**
 * The 掌上驾驶舱's first screen as HTML, drawn at publish (docs/PHONE.md, "The first screen in the
 * page"): `figures/m/first.html`, which the deployment's nginx puts into the page (deploy/nginx.conf,
 * `ssi`), so a phone sees this year's figures from the page alone, before any script has run. It is
 * the phone page's own drawing (src/phone/page.ts `phonePage`) of the index's opening figures, made
 * with a small stand-in for the browser's document: the same elements, attributes and text, written
 * out as HTML with every value escaped.
 */
import type { PhoneIndex } from '../../src/domain/phone';
import { FIRST_SCREEN_ID } from '../../src/phone/mode';
import { phonePage } from '../../src/phone/page';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
const NAME = /^[a-z][a-z0-9-]*$/;

/** The part of an element `h()` (src/phone/dom.ts) uses, written out as HTML. */
class StaticElement {
  private readonly attributes = new Map<string, string>();
  private readonly children: (StaticElement | string)[] = [];
  constructor(private readonly tag: string) {
    if (!NAME.test(tag)) throw new Error(`不支持的元素：${tag}`);
  }
  setAttribute(name: string, value: string) {
    if (!NAME.test(name)) throw new Error(`不支持的属性：${name}`);
    this.attributes.set(name, value);
  }
  append(...nodes: (StaticElement | string)[]) {
    this.children.push(...nodes);
  }
  /** Listeners do nothing in a page no script has reached yet: the live page replaces it. */
  addEventListener() {}
  get outerHTML(): string {
    const attrs = [...this.attributes]
      .map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escape(v)}"`))
      .join('');
    const inner = this.children.map((c) => (typeof c === 'string' ? escape(c) : c.outerHTML)).join('');
    return `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}

/** Runs `draw` with the stand-in as `document` (h() calls document.createElement). */
function withStaticDocument<T>(draw: () => T): T {
  const globals = globalThis as { document?: unknown };
  const before = globals.document;
  globals.document = { createElement: (tag: string) => new StaticElement(tag) };
  try {
    return draw();
  } finally {
    globals.document = before;
  }
}

/**
 * The opening view (the index's year, 全市) as the live page draws it, inside `<div id="m-first"
 * hidden>`: the phone's style shows it on a phone, for the addresses it is right for
 * (public/phone-first.js), until the page draws its own.
 */
export function firstScreenHtml(index: PhoneIndex): string {
  const page = withStaticDocument(
    () =>
      phonePage(
        { dir: '', label: '发布数据', index },
        { year: index.opening.year, unit: null, unknown: false },
        { status: 'ready', data: index.opening },
        true,
      ) as unknown as StaticElement,
  );
  return `<div id="${FIRST_SCREEN_ID}" hidden>${page.outerHTML}</div>\n`;
}
