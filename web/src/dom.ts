/**
 * Building the page from data: elements with attributes and children, where every string child becomes a
 * text node. Nothing from a report is ever parsed as HTML (no innerHTML anywhere in the dashboard).
 */
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on')) throw new Error('event handlers are added with addEventListener');
    node.setAttribute(k, v === true ? '' : v);
  }
  append(node, ...children);
  return node;
}

export function append(node: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function $(selector: string): HTMLElement {
  const node = document.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no element ${selector}`);
  return node;
}

/**
 * A quote with the spans a rule read wrapped in <mark> (title: the rule's reason). Overlapping spans: the
 * first wins; every piece is a text node.
 */
export function highlighted(quote: string, spans: { start: number; end: number; reason: string; stage: string }[]): HTMLElement {
  const q = el('q', { class: 'quote' });
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > quote.length) continue;
    append(q, quote.slice(at, s.start));
    q.appendChild(el('mark', { title: `${s.stage}: ${s.reason}`, class: `hl-${s.stage}` }, quote.slice(s.start, s.end)));
    at = s.end;
  }
  append(q, quote.slice(at));
  return q;
}
