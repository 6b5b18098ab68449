/**
 * HTML pages to text plus metadata (title, outlet, URL, publication time).
 *
 * Main content is found by a fast paragraph-scoring pass (Readability's idea,
 * without its DOM rewriting); @mozilla/readability runs only when that pass finds
 * little, and `<article>` / `<main>` / `<body>` are the last resort. See
 * {@link readHtml}.
 *
 * The page is parsed into a light read-only tree (./tree.ts); the full DOM of
 * linkedom, five times dearer to build, only when Readability has to run.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../core/types.js';
import { normalisePublished } from './published.js';
import { parseTree, type TreeDocument, type TreeElement } from './tree.js';

/** What {@link readHtml} found in a page. */
export interface HtmlReport {
  /** Main content as text, one paragraph per line. */
  text: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO 8601 from the page's metadata, or null. */
  published: string | null;
  publishedSource: 'html-meta' | 'none';
}

/** Content shorter than this (characters of text) is "very short": try the next method. */
const MIN_CONTENT_CHARS = 250;

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const DROP_TAGS = new Set([
  'applet', 'audio', 'button', 'canvas', 'datalist', 'embed', 'footer', 'head', 'iframe', 'img', 'input', 'link', 'map',
  'meta', 'nav', 'noscript', 'object', 'option', 'picture', 'script', 'select', 'style', 'svg', 'template', 'textarea',
  'title', 'video', 'aside',
]);

const DROP_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'search', 'banner', 'dialog', 'menu', 'menubar']);

const HIDDEN_CLASS = /\b(?:element-invisible|element-hidden|sr-only|visually-hidden|screen-reader-text)\b|(?<![\w-])hidden(?![\w-])/;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|subscribe|promo|cookie/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;

/**
 * Reads an HTML page: metadata from `<meta>` tags, JSON-LD, RDFa and `<time>`,
 * and the main content as text with one paragraph per line.
 * Throws {@link InputError} when the page has no readable text.
 */
export function readHtml(origin: string, html: string): HtmlReport {
  const prepared = ensureDocument(stripInert(html));
  const document = parseTree(prepared);
  const meta = collectMeta(document);
  const ld = collectJsonLd(document);
  const outlet = meta.get('og:site_name') ?? meta.get('application-name') ?? ld.publisher ?? null;
  const title = findTitle(document, meta, ld, outlet);
  const url = findUrl(document, meta, html);
  const published = findPublished(document, meta, ld);
  const text = mainText(document, prepared);
  if (text === '') throw new InputError(origin, 'no readable text in the HTML page');
  return { text, title, outlet, url, published, publishedSource: published ? 'html-meta' : 'none' };
}

/** Converts an HTML fragment (e.g. a feed item's body) to text, one paragraph per line. */
export function htmlFragmentToText(html: string): string {
  const body = parseTree(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
  return body ? nodesToText([body]) : '';
}

/** What {@link nodesToText} reads of a node: DOM nodes (linkedom's) and ./tree.ts nodes both have it. */
interface TextNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly firstChild: TextNode | null;
  readonly nextSibling: TextNode | null;
}

/** What {@link isDropped} reads of an element. */
interface DroppableElement extends TextNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(tags: 'p'): unknown;
}

/** White space that is not a single plain space: what `/\s+/g` → ' ' changes. */
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Converts nodes to text: block elements and `<br>` end lines, inline text joins with spaces. */
export function nodesToText(nodes: Iterable<TextNode>): string {
  const lines: string[] = [];
  const buf: string[] = [];
  const flush = (): void => {
    if (buf.length === 0) return;
    // Every run of white space becomes one space; only the runs that are not already one are replaced.
    const line = buf.join('').replace(SPACE_RUNS, ' ').trim();
    buf.length = 0;
    if (line !== '') lines.push(line);
  };
  const walk = (node: TextNode): void => {
    if (node.nodeType === 3) {
      buf.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as DroppableElement;
    const tag = node.nodeType === 1 ? el.localName : '';
    if (tag === 'br') return flush();
    if (node.nodeType === 1 && isDropped(el)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    else if ((tag === 'td' || tag === 'th') && buf.join('').trim() !== '') buf.push(' | ');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  for (const n of nodes) walk(n);
  flush();
  return lines.join('\n');
}

// --- document --------------------------------------------------------------

const INERT = /<!--[\s\S]*?-->|<(script|style|svg|noscript|template)\b((?:[^>/]|\/(?!>))*)>[\s\S]*?<\/\1\s*>/gi;

/**
 * Removes comments, scripts (except JSON-LD), styles, SVG and similar before
 * parsing: they never hold article text, and modern pages carry hundreds of
 * kilobytes of them.
 */
function stripInert(html: string): string {
  return html.replace(INERT, (all, tag: string | undefined, attrs: string | undefined) =>
    tag?.toLowerCase() === 'script' && /ld\+json/i.test(attrs ?? '') ? all : '',
  );
}

/** linkedom does no HTML5 tree repair: give it an `<html><body>` when the page lacks one. */
function ensureDocument(html: string): string {
  const hasBody = /<body[\s>]/i.test(html);
  if (hasBody && /<html[\s>]/i.test(html)) return html;
  const inner = html.replace(/<!doctype[^>]*>/i, '');
  if (hasBody) return `<!DOCTYPE html><html>${inner}</html>`;
  return `<!DOCTYPE html><html><body>${inner.replace(/<\/?html[^>]*>/gi, '')}</body></html>`;
}

function isDropped(el: DroppableElement): boolean {
  const tag = el.localName;
  if (DROP_TAGS.has(tag)) return true;
  if (tag === 'form') return el.querySelector('p') === null;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && DROP_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  if (cls && HIDDEN_CLASS.test(cls)) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

// --- metadata --------------------------------------------------------------
//
// The searches below answer what linkedom's querySelector (css-select, HTML
// rules) answered for the selectors noted beside them.

/** `[name~="word"]`: the attribute, split at white space, holds the word (any case for the attributes HTML compares so, like `rel`). */
function hasWord(el: TreeElement, name: string, word: string, anyCase = false): boolean {
  const value = el.getAttribute(name);
  if (value === null || value.length < word.length) return false;
  const key = `${anyCase ? 'i' : ''}${word}`;
  let re = WORD_RES.get(key);
  if (!re) {
    const escaped = word.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
    re = new RegExp(`(?:^|\\s)${escaped}(?:$|\\s)`, anyCase ? 'i' : '');
    WORD_RES.set(key, re);
  }
  return re.test(value);
}
const WORD_RES = new Map<string, RegExp>();

/** `script[type="application/ld+json"]` (`type` compared in any case). */
const isJsonLd = (el: TreeElement): boolean => {
  const type = el.localName === 'script' ? el.getAttribute('type') : null;
  return type !== null && type.length === 19 && type.toLowerCase() === 'application/ld+json';
};

/** `main, [role="main"]`. */
const isMain = (el: TreeElement): boolean => el.localName === 'main' || el.getAttribute('role') === 'main';

/** `[property~=…][content]`: RDFa dates. */
const RDFA_DATES = ['dc:date', 'dc:created', 'dcterms:created', 'dcterms:issued'];

/** First non-empty `content` of each `<meta>` by lower-cased property / name / itemprop. */
function collectMeta(document: TreeDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of document.querySelectorAll('meta')) {
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

interface JsonLd {
  datePublished: string | null;
  headline: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE = /Article|Posting|Report|WebPage/i;

/** datePublished, headline and publisher name from JSON-LD, preferring Article-typed objects. */
function collectJsonLd(document: TreeDocument): JsonLd {
  const found: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    if ('datePublished' in o || 'headline' in o) found.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of document.findAll(isJsonLd)) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD is common; ignore it
    }
  }
  const typeOf = (o: Record<string, unknown>): string => [o['@type']].flat().join(' ');
  found.sort((a, b) => Number(ARTICLE_TYPE.test(typeOf(b))) - Number(ARTICLE_TYPE.test(typeOf(a))));
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const first = <T>(f: (o: Record<string, unknown>) => T | null): T | null => {
    for (const o of found) {
      const v = f(o);
      if (v !== null) return v;
    }
    return null;
  };
  return {
    datePublished: first((o) => str(o['datePublished'])),
    headline: first((o) => str(o['headline'])),
    publisher: first((o) => {
      const p = [o['publisher']].flat()[0];
      return str(p) ?? (p && typeof p === 'object' ? str((p as Record<string, unknown>)['name']) : null);
    }),
  };
}

const META_DATE_KEYS = [
  'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'dcterms.issued', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'parsely-pub-date', 'sailthru.date', 'article.published', 'og:published_time',
];

/** Publication time from metadata, in order of trust; the first that normalises wins. */
function findPublished(document: TreeDocument, meta: Map<string, string>, ld: JsonLd): string | null {
  const candidates = function* (): Generator<string | null | undefined> {
    yield meta.get('article:published_time');
    yield ld.datePublished;
    yield meta.get('datepublished');
    const item = document.find((el) => el.localName !== 'meta' && hasWord(el, 'itemprop', 'datePublished'));
    yield item?.getAttribute('datetime') ?? item?.getAttribute('content');
    for (const key of META_DATE_KEYS) yield meta.get(key);
    const rdfa = document.find((el) => el.hasAttribute('content') && RDFA_DATES.some((d) => hasWord(el, 'property', d)));
    yield rdfa?.getAttribute('content');
    const scope = document.querySelector('article') ?? document.find(isMain) ?? document.body;
    yield scope?.find((el) => el.localName === 'time' && el.hasAttribute('datetime'))?.getAttribute('datetime');
  };
  for (const c of candidates()) {
    const iso = c ? normalisePublished(c) : null;
    if (iso) return iso;
  }
  return null;
}

function cleanTitle(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** og:title (unless it is just the outlet's name), `<title>`, first `<h1>`, JSON-LD headline; without an " | Outlet" suffix. */
function findTitle(document: TreeDocument, meta: Map<string, string>, ld: JsonLd, outlet: string | null): string | null {
  const same = (a: string): boolean => outlet !== null && a.toLowerCase() === outlet.toLowerCase();
  const og = cleanTitle(meta.get('og:title'));
  if (og && !same(og)) return stripOutlet(og, outlet);
  const title = cleanTitle(document.querySelector('title')?.textContent);
  if (title && !same(title)) return stripOutlet(title, outlet);
  return cleanTitle(document.querySelector('h1')?.textContent) ?? cleanTitle(ld.headline) ?? title ?? og;
}

/** "Story | Outlet" → "Story" (also "Outlet – Story"). */
function stripOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const o = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s*[|\\-–—:·»/]\\s*${o}\\s*$`, 'i'), '')
    .replace(new RegExp(`^\\s*${o}\\s*[|\\-–—:·»/]\\s*`, 'i'), '');
  return stripped || title;
}

/**
 * og:url, unless it is a bare site root while `<link rel=canonical>` names the page.
 * A relative canonical is made absolute with an absolute link to the same path
 * found in the page, then `<base href>`; otherwise it is returned as it is.
 */
function findUrl(document: TreeDocument, meta: Map<string, string>, html: string): string | null {
  const og = meta.get('og:url') ?? null;
  const canonical = document.find((el) => el.localName === 'link' && hasWord(el, 'rel', 'canonical', true))?.getAttribute('href')?.trim() || null;
  if (og && (!canonical || !isSiteRoot(og) || isSiteRoot(canonical))) return og;
  if (!canonical) return null;
  if (/^https?:\/\//i.test(canonical)) return canonical;
  if (canonical.startsWith('/') && !canonical.startsWith('//')) {
    const path = canonical.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`https?://[a-z0-9.-]+(?::\\d+)?${path}(?=["'\\s<>?#])`, 'i').exec(html);
    if (m) return m[0];
  }
  const base = document.find((el) => el.localName === 'base' && el.hasAttribute('href'))?.getAttribute('href');
  if (base && /^https?:\/\//i.test(base)) {
    try {
      return new URL(canonical, base).href;
    } catch {
      // fall through
    }
  }
  return canonical;
}

function isSiteRoot(url: string): boolean {
  return /^(?:https?:)?\/\/[^/]+\/?$/i.test(url) || url === '/';
}

// --- main content ----------------------------------------------------------

/**
 * The page's main content as text: paragraph scoring, then Readability, then
 * article/main/body. `html` is the page as parsed into `document`: Readability
 * needs a full DOM, built only when it has to run.
 */
function mainText(tree: TreeDocument, html: string): string {
  const scored = scoreContent(tree);
  const scoredText = scored ? nodesToText(scored) : '';
  if (scoredText.length >= MIN_CONTENT_CHARS) return scoredText;
  const { document } = parseHTML(html);
  // Before Readability, which rewrites the document.
  const fallbackRoot =
    document.querySelector('article') ?? document.querySelector('main, [role="main"]') ?? document.body ?? document.documentElement;
  const fallbackText = fallbackRoot ? nodesToText([fallbackRoot]) : '';
  const readable = readabilityText(document);
  if (readable.length >= MIN_CONTENT_CHARS) return readable;
  return [scoredText, readable, fallbackText].reduce((a, b) => (b.length > a.length ? b : a));
}

function readabilityText(document: Document): string {
  try {
    const article = new Readability<Node>(document, { serializer: (n) => n, keepClasses: true }).parse();
    return article?.content ? nodesToText([article.content]) : '';
  } catch {
    return '';
  }
}

/** Text length of an element, without surrounding whitespace. */
function textLength(el: TreeElement): number {
  return (el.textContent ?? '').trim().length;
}

/** Share of an element's text that is link text. */
function linkDensity(el: TreeElement, length: number): number {
  if (length === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += textLength(a);
  return Math.min(1, links / length);
}

/**
 * Finds the main content by scoring paragraphs: each `<p>`/`<pre>` of 25+
 * characters outside navigation, footers, sidebars, comments and hidden
 * elements adds its length less its link text to its parent, half of that to
 * its grandparent and a third to the next ancestor. The best element wins,
 * together with siblings that score at least a fifth as well.
 * Returns the nodes in document order, or null when no paragraph qualifies.
 */
function scoreContent(document: TreeDocument): TreeElement[] | null {
  const excluded = new Map<TreeElement, boolean>();
  const isExcluded = (el: TreeElement | null): boolean => {
    if (!el || el.localName === 'body' || el.localName === 'html') return false;
    const known = excluded.get(el);
    if (known !== undefined) return known;
    let result = isDropped(el) || el.localName === 'header';
    if (!result) {
      const tag = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      result = UNLIKELY.test(tag) && !MAYBE.test(tag);
    }
    result ||= isExcluded(el.parentElement);
    excluded.set(el, result);
    return result;
  };
  const scores = new Map<TreeElement, number>();
  const add = (el: TreeElement | null, s: number): void => {
    if (el && el.localName !== 'html') scores.set(el, (scores.get(el) ?? 0) + s);
  };
  for (const p of document.querySelectorAll('p, pre')) {
    const len = textLength(p);
    if (len < 25 || isExcluded(p)) continue;
    const score = len * (1 - linkDensity(p, len));
    const parent = p.parentElement;
    const grand = parent?.parentElement ?? null;
    add(parent, score);
    add(grand, score / 2);
    add(grand?.parentElement ?? null, score / 3);
  }
  let best: TreeElement | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) if (s > bestScore) [best, bestScore] = [el, s];
  if (!best) return null;
  const parent = best.parentElement;
  if (!parent || parent.localName === 'html') return [best];
  const chosen: TreeElement[] = [];
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === best) chosen.push(sib);
    else if ((scores.get(sib) ?? 0) >= Math.max(bestScore * 0.2, 50) && !isExcluded(sib)) chosen.push(sib);
    else if (sib.localName === 'p' && !isExcluded(sib)) {
      const len = textLength(sib);
      if (len > 80 && linkDensity(sib, len) < 0.25) chosen.push(sib);
    }
  }
  return chosen;
}
