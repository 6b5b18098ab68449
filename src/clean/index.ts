import { createHash } from 'node:crypto';
import type { CleanReport, RawReport } from '../core/types.js';
import { boilerplateRules, type BoilerplateRule } from '../locales/en/boilerplate.js';

/** Characters that stand for a space, a quote or nothing at all in pasted text. */
const SPACES = /[\u00A0\u2007\u202F\u2000-\u200A\u3000\t]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u02BC\u2032]/g;

/** Any character the replacements below change, or two spaces: most lines have none, one scan instead of five. */
const NEEDS_NORMALISING = new RegExp(`${[SPACES, INVISIBLE, DOUBLE_QUOTES, SINGLE_QUOTES].map((re) => re.source).join('|')}| {2}`);

/** Lines this long or longer are prose, never a repeated caption. */
const MAX_REPEATED_LINE = 300;

/**
 * Normalises characters without changing what the text says: no-break and odd
 * spaces become spaces, typographic quotes and apostrophes become ASCII ones,
 * invisible characters go.
 */
export function normaliseCharacters(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/ {2,}/g, ' ');
}

/** The reason a whole line is boilerplate, or null when it is content. */
export function boilerplateReason(line: string, rules: readonly BoilerplateRule[] = boilerplateRules): string | null {
  for (const rule of rules) if (rule.pattern.test(line)) return rule.reason;
  return null;
}

/** Hash that identifies a document: sha256 of its cleaned text. */
export function documentId(cleanText: string): string {
  return createHash('sha256').update(cleanText, 'utf8').digest('hex');
}

/**
 * The clean stage: drops boilerplate lines and repeated headline/caption lines,
 * normalises characters, and identifies the document by the hash of the result.
 *
 * @example clean({...raw, text: 'Follow us on Telegram\nRussian troops shelled Kherson.'}).text
 *          // 'Russian troops shelled Kherson.'
 */
export function clean(raw: RawReport): CleanReport {
  const dropped: CleanReport['dropped'] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const original of raw.text.split('\n')) {
    const line = normaliseCharacters(original).trim();
    if (line === '') continue;
    const reason = boilerplateReason(line);
    if (reason) {
      dropped.push({ line, reason });
      continue;
    }
    if (line.length < MAX_REPEATED_LINE && seen.has(line)) {
      dropped.push({ line, reason: 'repeated headline or caption' });
      continue;
    }
    seen.add(line);
    kept.push(line);
  }
  const text = kept.join('\n');
  return {
    ...raw,
    title: raw.title === null ? null : normaliseCharacters(raw.title).trim(),
    text,
    id: documentId(text),
    dropped,
  };
}
