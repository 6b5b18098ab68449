import type { NumberMention } from '../../core/types.js';

/** English number words. Vague quantities follow ACLED: "dozens" = 12, "tens" = 10, "hundreds" = 100. */
const UNITS: Record<string, number> = {
  zero: 0, no: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const VAGUE: Record<string, number> = {
  dozens: 12, tens: 10, hundreds: 100, thousands: 1000, scores: 20, several: 3, 'a few': 3, 'a couple of': 2, 'a couple': 2,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const UNIT_WORDS = Object.keys(UNITS).filter((w) => w !== 'no').join('|');
const TENS_WORDS = Object.keys(TENS).join('|');
const WORD_CORE = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|a dozen|dozen|a hundred|a thousand)`;
// "three hundred", "one thousand two hundred and fifty": a scale word may be followed by more of the number.
const WORD_NUMBER = `${WORD_CORE}(?: (?:hundred|thousand)(?:(?: and)? ${WORD_CORE}(?: hundred)?)*)?`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?`;
const SIMPLE = `(?:${DIGITS}|${WORD_NUMBER})(?: (?:thousand|million))?`;
const QUALIFIER = `(?:more than|over|at least|up to|as many as|nearly|almost|about|around|approximately|roughly|some|no fewer than|no less than|fewer than|less than)`;
const VAGUE_WORDS = `(?:dozens|tens|hundreds|thousands|scores|several|a few|a couple of|a couple)`;

const NUMBER_RE = new RegExp(
  `\\b(?:(${QUALIFIER}) )?(?:between (${SIMPLE}) and (${SIMPLE})|(${SIMPLE})(?: ?(?:-|–|to) ?(${SIMPLE}))?|(${VAGUE_WORDS}))(?![\\w])`,
  'gi',
);

/** The number pattern anchored where a candidate starts (shared: callers run one at a time). */
const NUMBER_AT = new RegExp(NUMBER_RE.source, 'iy');

/** Where a number can begin: a digit, a number word, a qualifier or a vague quantity. */
const NUMBER_START = new RegExp(`\\b(?:\\d|${QUALIFIER}|between|${UNIT_WORDS}|${TENS_WORDS}|a dozen|dozen|a hundred|a thousand|${VAGUE_WORDS})`, 'gi');

const QUALIFIERS: Record<string, NumberMention['qualifier']> = {
  'more than': 'more-than', over: 'more-than', 'no fewer than': 'at-least', 'no less than': 'at-least',
  'at least': 'at-least', 'up to': 'up-to', 'as many as': 'up-to', 'fewer than': 'up-to', 'less than': 'up-to',
  nearly: 'about', almost: 'about', about: 'about', around: 'about', approximately: 'about', roughly: 'about', some: 'about',
};

const DIGITS_ONLY = /^\d+$/;

/** Parses one number written in digits or words ("22", "1,200", "twenty-two", "a dozen", "three hundred"). */
export function parseNumberWords(text: string): number | null {
  if (DIGITS_ONLY.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : null;
  }
  const t = text.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^[\d,]+(\.\d+)?( (thousand|million))?$/.test(t)) {
    const [num, scale] = t.split(' ');
    const base = Number((num ?? '').replace(/,/g, ''));
    return Number.isFinite(base) ? base * (scale ? (SCALE[scale] ?? 1) : 1) : null;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === 'a' || word === 'and') continue;
    if (word === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    const unit = UNITS[word] ?? TENS[word];
    if (unit !== undefined) { current += unit; seen = true; continue; }
    const scale = SCALE[word];
    if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) { total += current; current = 0; }
      seen = true;
      continue;
    }
    return null;
  }
  return seen ? total + current : null;
}

/**
 * Finds every number in a piece of text, with qualifiers and ranges.
 * Offsets are relative to `text` plus `base`.
 *
 * @example findNumbers('more than 40 drones and twenty-two missiles')
 *          // [{value: 40, qualifier: 'more-than', ...}, {value: 22, qualifier: 'exact', ...}]
 */
export function findNumbers(text: string, base = 0): NumberMention[] {
  const out: NumberMention[] = [];
  // Most sentences hold few numbers: find where one could start, then match there only (the full pattern is slow to try everywhere).
  const sticky = NUMBER_AT;
  // exec on the shared expression, not matchAll (which copies it on every call).
  NUMBER_START.lastIndex = 0;
  for (let candidate = NUMBER_START.exec(text); candidate !== null; candidate = NUMBER_START.exec(text)) {
    const pos = candidate.index;
    if (out.length > 0 && pos < out[out.length - 1]!.end - base) continue;
    sticky.lastIndex = pos;
    const m = sticky.exec(text);
    if (!m) continue;
    const [whole, qual, betweenA, betweenB, single, rangeEnd, vague] = m;
    const start = base + (m.index ?? 0);
    const qualifier = qual ? (QUALIFIERS[qual.toLowerCase()] ?? 'about') : 'exact';
    // Times ("9:45"), dates ("03/05/2024", "06.03.2024") and designations ("Kh-101", "S-300", "Su-34") are not counts.
    const at = m.index ?? 0;
    const after = text.slice(at + whole.length, at + whole.length + 2);
    const before = text.slice(Math.max(0, at - 2), at);
    if (/^[:/]\d|^\.\d/.test(after) || /\d[:/.]$/.test(before) || /[A-Za-z]-$/.test(before) || /^[A-Za-z]/.test(after)) continue;
    if (vague) {
      const value = VAGUE[vague.toLowerCase()];
      if (value === undefined) continue;
      out.push({ value, max: null, qualifier: qualifier === 'exact' ? 'vague' : qualifier, text: whole, start, end: start + whole.length });
      continue;
    }
    const a = parseNumberWords(betweenA ?? single ?? '');
    if (a === null) continue;
    const bText = betweenB ?? rangeEnd;
    const b = bText ? parseNumberWords(bText) : null;
    if (b !== null && b > a) {
      out.push({ value: a, max: b, qualifier: 'range', text: whole, start, end: start + whole.length });
    } else {
      out.push({ value: a, max: null, qualifier, text: whole, start, end: start + whole.length });
    }
  }
  return out;
}
