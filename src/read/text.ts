/**
 * Plain text and Markdown inputs.
 */
import { isDateOnly, normalisePublished } from './published.js';

/** What a text or Markdown reader found. */
export interface TextParts {
  text: string;
  title: string | null;
  /** ISO 8601 from Markdown front matter (`date:` / `published:`), else null. */
  published: string | null;
}

/**
 * Plain text is kept as it is. When the first non-blank line is short
 * (< 200 characters), does not end with a period, is not just a date and is
 * followed by a blank line, it is also the title (and stays in the text).
 */
export function readPlainText(text: string): TextParts {
  const m = /^\s*?([^\n]*\S[^\n]*)\n[ \t]*\n/.exec(text);
  const first = m?.[1]?.trim() ?? '';
  const isTitle = first !== '' && first.length < 200 && !first.endsWith('.') && !isDateOnly(first);
  return { text, title: isTitle ? first : null, published: null };
}

const FENCE = /^\s{0,3}(```|~~~)/;
const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const HR = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const QUOTE = /^\s{0,3}>\s?/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REFERENCE_DEF = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+/;
const FOOTNOTE_DEF = /^\s{0,3}\[\^[^\]]+\]:\s*/;

/**
 * Markdown, lightly: headings, emphasis, links (`[text](url)` → text), images
 * (removed), list bullets, block quotes, tables and code fences lose their
 * syntax; soft-wrapped lines of a paragraph are joined, so every paragraph,
 * heading and list item is one line. The first level-1 heading (or the front
 * matter's `title:`) is the title and stays in the text.
 */
export function readMarkdown(source: string): TextParts {
  const { body, fields } = splitFrontMatter(source);
  const lines = body.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let title: string | null = null;
  let fence: string | null = null;
  const flush = (): void => {
    const line = para.join(' ').replace(/\s+/g, ' ').trim();
    if (line !== '') out.push(line);
    para = [];
  };
  for (let raw of lines) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) fence = null;
      else if (raw.trim() !== '') out.push(raw.trim());
      continue;
    }
    const f = FENCE.exec(raw);
    if (f) {
      flush();
      fence = f[1]!;
      continue;
    }
    while (QUOTE.test(raw)) raw = raw.replace(QUOTE, '');
    if (raw.trim() === '' || (HR.test(raw) && para.length === 0)) {
      flush();
      continue;
    }
    const setext = SETEXT.exec(raw);
    if (setext && para.length > 0) {
      if (setext[1]!.startsWith('=') && title === null) title = inline(para.join(' ')).trim() || null;
      flush();
      continue;
    }
    if (HR.test(raw) || REFERENCE_DEF.test(raw)) {
      flush();
      continue;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      flush();
      const heading = inline(atx[2] ?? '').trim();
      if (atx[1] === '#' && title === null && heading !== '') title = heading;
      para.push(heading);
      flush();
      continue;
    }
    if (TABLE_SEPARATOR.test(raw) && raw.includes('-')) continue;
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      flush();
      para.push(
        raw.trim().replace(/^\||\|$/g, '').split('|').map((c) => inline(c).trim()).filter((c) => c !== '').join(' | '),
      );
      flush();
      continue;
    }
    if (LIST_ITEM.test(raw) || FOOTNOTE_DEF.test(raw)) {
      flush();
      raw = raw.replace(LIST_ITEM, '').replace(FOOTNOTE_DEF, '');
    }
    const hardBreak = /(?: {2,}|\\)$/.test(raw);
    para.push(inline(hardBreak ? raw.replace(/\\$/, '') : raw));
    if (hardBreak) flush();
  }
  flush();
  const frontTitle = fields.get('title') ?? null;
  const frontDate = fields.get('date') ?? fields.get('published') ?? null;
  return {
    text: out.join('\n'),
    title: title ?? frontTitle,
    published: frontDate ? normalisePublished(frontDate) : null,
  };
}

/** Strips inline Markdown: images, links, code, emphasis, footnote markers, tags, escapes. */
function inline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_]*?\S)_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/** YAML (`---`) or TOML (`+++`) front matter: its simple `key: value` fields, and the rest. */
function splitFrontMatter(source: string): { body: string; fields: Map<string, string> } {
  const m = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/.exec(source);
  const fields = new Map<string, string>();
  if (!m) return { body: source, fields };
  for (const line of m[2]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.+?)\s*$/.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), kv[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return { body: source.slice(m[0].length), fields };
}
