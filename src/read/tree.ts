/**
 * A read-only HTML tree for the fast path of {@link readHtml}: the few DOM
 * properties html.ts reads, built straight from htmlparser2's events.
 *
 * linkedom builds the same tree from the same parser and the same events
 * (see its `shared/parse-from-string.js`), but makes each node a full DOM node
 * with an event-target map, attribute nodes and a class list: about five times
 * the cost of the parse itself on real pages. linkedom is still used where a
 * full DOM is needed (Readability). What this tree answers is what linkedom
 * answers for the same page:
 * - tag names lower-cased by the parser, attribute names as written
 *   (`lowerCaseAttributeNames: false`), the first of repeated attributes;
 * - `getAttribute('class')` is the class list: its distinct words joined by
 *   one space, '' when there is no class attribute;
 * - searches skip the inside of `<template>` and run in document order.
 */
import { Parser } from 'htmlparser2';

/** A node: an element, a text or the document. Comments and the doctype are not kept (nothing reads them). */
export class TreeNode {
  parentNode: TreeNode | null = null;
  firstChild: TreeNode | null = null;
  lastChild: TreeNode | null = null;
  nextSibling: TreeNode | null = null;

  constructor(
    readonly nodeType: 1 | 3 | 9,
    readonly nodeValue: string | null,
  ) {}

  /** The parent when it is an element (the `<html>` element has none). */
  get parentElement(): TreeElement | null {
    return this.parentNode instanceof TreeElement ? this.parentNode : null;
  }

  get nextElementSibling(): TreeElement | null {
    for (let n = this.nextSibling; n; n = n.nextSibling) if (n instanceof TreeElement) return n;
    return null;
  }

  get firstElementChild(): TreeElement | null {
    for (let n = this.firstChild; n; n = n.nextSibling) if (n instanceof TreeElement) return n;
    return null;
  }

  /** The text of every text node inside, in order. */
  get textContent(): string {
    if (this.nodeType === 3) return this.nodeValue ?? '';
    const parts: string[] = [];
    const walk = (node: TreeNode): void => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
        else walk(c);
      }
    };
    walk(this);
    return parts.join('');
  }

  /** The first element inside (not this node) for which `test` holds, in document order. */
  find(test: (el: TreeElement) => boolean): TreeElement | null {
    for (let c = this.firstChild; c; c = c.nextSibling) {
      if (!(c instanceof TreeElement)) continue;
      if (test(c)) return c;
      if (c.localName === 'template') continue;
      const found = c.find(test);
      if (found) return found;
    }
    return null;
  }

  /** Every element inside (not this node) for which `test` holds, in document order. */
  findAll(test: (el: TreeElement) => boolean, into: TreeElement[] = []): TreeElement[] {
    for (let c = this.firstChild; c; c = c.nextSibling) {
      if (!(c instanceof TreeElement)) continue;
      if (test(c)) into.push(c);
      if (c.localName !== 'template') c.findAll(test, into);
    }
    return into;
  }

  /** `querySelector` for a comma-separated list of tag names ("p", "p, pre"), the only selectors html.ts asks of an element. */
  querySelector(tags: string): TreeElement | null {
    const names = tagList(tags);
    return this.find((el) => names.includes(el.localName));
  }

  /** `querySelectorAll` for a comma-separated list of tag names. */
  querySelectorAll(tags: string): TreeElement[] {
    const names = tagList(tags);
    return this.findAll((el) => names.includes(el.localName));
  }

  append(child: TreeNode): void {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }
}

const TAG_LIST = /^[a-z][a-z0-9]*(?:\s*,\s*[a-z][a-z0-9]*)*$/;

function tagList(selector: string): string[] {
  if (!TAG_LIST.test(selector)) throw new Error(`tree.ts: only tag-name selectors are supported, not "${selector}"`);
  return selector.split(/\s*,\s*/);
}

export class TreeElement extends TreeNode {
  private classList: string | undefined;

  constructor(
    readonly localName: string,
    private readonly attribs: Record<string, string>,
  ) {
    super(1, null);
  }

  getAttribute(name: string): string | null {
    if (name === 'class') {
      // linkedom answers with its class list: distinct non-empty words, one space between.
      this.classList ??= Object.hasOwn(this.attribs, 'class') ? [...new Set(this.attribs['class']!.split(/\s+/).filter((w) => w !== ''))].join(' ') : '';
      return this.classList;
    }
    return Object.hasOwn(this.attribs, name) ? this.attribs[name]! : null;
  }

  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attribs, name);
  }
}

export class TreeDocument extends TreeNode {
  constructor() {
    super(9, null);
  }

  /** The first element child of the document. */
  get documentElement(): TreeElement | null {
    return this.firstElementChild;
  }

  /**
   * What linkedom's `document.body` returns: the element right after the
   * `<head>` (or after where linkedom would insert a missing head) when it is
   * a `<body>`; otherwise linkedom inserts an empty one, so null stands for it
   * here (it holds nothing). Like linkedom, throws when there is no `<html>`.
   */
  get body(): TreeElement | null {
    const root = this.documentElement;
    if (!root) throw new TypeError("Cannot read properties of null (reading 'firstElementChild')");
    const first = root.firstElementChild;
    const afterHead = first && first.localName === 'head' ? first.nextElementSibling : first;
    return afterHead && afterHead.localName === 'body' ? afterHead : null;
  }
}

/** Parses HTML as linkedom does (same parser, same options), into a {@link TreeDocument}. */
export function parseTree(html: string): TreeDocument {
  const document = new TreeDocument();
  let node: TreeNode = document;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = new TreeElement(name, attribs);
        node.append(el);
        node = el;
      },
      ontext(text) {
        node.append(new TreeNode(3, text));
      },
      onclosetag() {
        node = node.parentNode ?? document;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return document;
}
