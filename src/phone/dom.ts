/**
 * The phone page's one way of making elements (docs/PHONE.md: plain DOM, no React). Every value
 * goes in as a text node or an attribute, never as HTML, so a dataset, enterprise, building or
 * project name cannot become markup (the phone's lint forbids innerHTML and its kin).
 */

/** Text (strings and numbers), elements, or nothing (null, undefined, false are skipped). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Attributes by their HTML names (`class`, `data-unit`, `aria-pressed`); null, undefined and false
 * leave the attribute out, true sets it empty. `on` adds event listeners.
 */
export interface Attrs {
  on?: Listeners;
  [name: string]: string | number | boolean | null | undefined | Listeners;
}

type Listeners = Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { on, ...plain } = attrs ?? {};
  for (const [name, value] of Object.entries(plain)) {
    if (value === null || value === undefined || value === false || typeof value === 'object') continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(on ?? {}))
    element.addEventListener(type, listener as EventListener);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/**
 * The text with each date (2025-09-30) in a span that does not wrap: at 360 px the header line broke
 * a date at its hyphen ("2025-09-" | "30"), in the dataset's name too.
 */
export function datesWhole(text: string): Child[] {
  return text
    .split(/(\d{4}-\d{2}-\d{2})/)
    .map((part, i) => (i % 2 ? h('span', { class: 'm-date' }, part) : part))
    .filter((part) => part !== '');
}
