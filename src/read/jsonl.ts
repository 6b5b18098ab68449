/**
 * JSONL input: one report per line, as JSON objects with a text field and
 * optional metadata. Telegram-export-like objects (`{date, text}` with `text`
 * as a string or an array of strings and `{type, text}` entities) work too.
 */
import { z } from 'zod';
import { InputError, type RawReport } from '../core/types.js';
import { htmlFragmentToText } from './html.js';
import { fromUnixTime, normalisePublished } from './published.js';

/** Field names, in order of preference. */
export const TEXT_FIELDS = ['text', 'body', 'content', 'message'] as const;
export const TITLE_FIELDS = ['title', 'headline'] as const;
export const PUBLISHED_FIELDS = ['published', 'published_at', 'date', 'pubDate', 'datetime'] as const;
export const OUTLET_FIELDS = ['outlet', 'source', 'site', 'channel', 'from'] as const;
export const URL_FIELDS = ['url', 'link'] as const;

const TextPart = z.union([z.string(), z.looseObject({ text: z.string() })]);
const TextValue = z.union([z.string(), z.array(TextPart)], {
  error: 'must be a string or an array of strings and {type, text} parts',
});
/** Metadata is lenient: a value of the wrong type counts as absent. */
const MetaString = z.string().nullish().catch(null);
const DateValue = z.union([z.string(), z.number()]).nullish().catch(null);
const OutletValue = z
  .union([z.string(), z.looseObject({ name: z.string() }).transform((o) => o.name)])
  .nullish()
  .catch(null);

const Line = z.looseObject({
  ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, TextValue.nullish()])),
  ...Object.fromEntries(TITLE_FIELDS.map((k) => [k, MetaString])),
  ...Object.fromEntries(PUBLISHED_FIELDS.map((k) => [k, DateValue])),
  date_unixtime: DateValue,
  ...Object.fromEntries(OUTLET_FIELDS.map((k) => [k, OutletValue])),
  ...Object.fromEntries(URL_FIELDS.map((k) => [k, MetaString])),
});

type LineValues = Record<string, unknown>;

/** The reports and errors of a JSONL input, separately. */
export interface JsonlResult {
  reports: RawReport[];
  errors: InputError[];
}

/**
 * Reads JSONL text: each non-blank line is one report with origin `origin:LINE`.
 * A bad line gives an {@link InputError} ("line 3: not valid JSON", "line 3: no
 * text field (...)") and the other lines are still read. Reports carry the
 * line's publication time with publishedSource 'jsonl' (or null / 'none').
 */
export function readJsonl(origin: string, text: string): JsonlResult {
  const reports: RawReport[] = [];
  const errors: InputError[] = [];
  for (const r of readJsonlLines(origin, text)) {
    if (r instanceof InputError) errors.push(r);
    else reports.push(r);
  }
  return { reports, errors };
}

/** Like {@link readJsonl}, but one entry per non-blank line, in line order. */
export function readJsonlLines(origin: string, text: string): (RawReport | InputError)[] {
  const out: (RawReport | InputError)[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = i + 1;
    const lineOrigin = `${origin}:${n}`;
    const result = readLine(lineOrigin, line);
    out.push(typeof result === 'string' ? new InputError(lineOrigin, `line ${n}: ${result}`) : result);
  }
  return out;
}

/** One line to a report, or the reason it cannot be read. */
function readLine(origin: string, line: string): RawReport | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'not a JSON object';
  const parsed = Line.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return field === undefined ? 'not a valid report' : `field "${String(field)}" ${issue?.message ?? 'is not valid'}`;
  }
  const v: LineValues = parsed.data;
  const body = pickText(v);
  if (typeof body !== 'string') return body.error;
  const published = pickPublished(v);
  return {
    origin,
    format: 'jsonl',
    text: body,
    title: pickString(v, TITLE_FIELDS),
    outlet: pickString(v, OUTLET_FIELDS),
    url: pickString(v, URL_FIELDS),
    published,
    publishedSource: published ? 'jsonl' : 'none',
  };
}

const LOOKS_LIKE_HTML = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|span|a|strong|em|b|i)(?:\s[^>]*)?\/?>/i;

/** The first present, non-empty text field, joined (Telegram parts) and reduced to text (HTML). */
function pickText(v: LineValues): string | { error: string } {
  let present: string | null = null;
  for (const key of TEXT_FIELDS) {
    const value = v[key] as z.infer<typeof TextValue> | null | undefined;
    if (value === undefined || value === null) continue;
    present ??= key;
    const raw = typeof value === 'string' ? value : value.map((p) => (typeof p === 'string' ? p : p.text)).join('');
    const text = LOOKS_LIKE_HTML.test(raw) ? htmlFragmentToText(raw) : raw.replace(/\r\n?/g, '\n');
    if (text.trim() !== '') return text;
  }
  return {
    error: present ? `field "${present}" is empty` : `no text field (expected one of ${TEXT_FIELDS.join(', ')})`,
  };
}

function pickString(v: LineValues, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = v[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** The first publication field that normalises; Telegram's `date_unixtime` stands in for its local `date`. */
function pickPublished(v: LineValues): string | null {
  for (const key of PUBLISHED_FIELDS) {
    const value = key === 'date' && v['date_unixtime'] != null ? v['date_unixtime'] : v[key];
    const iso =
      typeof value === 'number' ? fromUnixTime(value) : typeof value === 'string' ? normalisePublished(value) : null;
    if (iso) return iso;
  }
  return null;
}
