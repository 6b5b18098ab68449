/**
 * Name normalisation for gazetteer keys: one key per spelling a reader would
 * consider "the same letters", whatever apostrophe, accent or dash was used.
 */

/**
 * Removed outright: apostrophe-like marks (' ’ ʼ ` ´ ‘ ʹ ′ and friends, also
 * the quote marks used to transliterate ъ) and the Cyrillic soft and hard signs.
 */
const REMOVED = /['’ʼ`´‘ʹ′‛ʻʽ”“″ʺьъ]/gu;

/** Runs of whitespace, hyphens, dashes and minus signs: become one space. */
const SEPARATORS = /[\s\-‐‑‒–—―−]+/gu;

/** Hyphen-minus, the Unicode hyphens and dashes, and the minus sign. */
const DASHES = /[-‐‑‒–—―−]/gu;
const HAS_DASH = /[-‐‑‒–—―−]/u;

/** A base character followed by its combining marks (after NFD). */
const BASE_WITH_MARKS = /(\P{M})(\p{M}+)/gu;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const ASCII = /^[\x00-\x7f]*$/u;

/** Letters NFD does not decompose (ł, ß...) and Cyrillic ё. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ё: 'е',
};
const MAPPED_LETTERS = /[łßøđħıæœё]/gu;

/**
 * Strips combining marks from Latin (and other non-Cyrillic) letters, but keeps
 * them on Cyrillic ones so й and ї survive.
 */
function stripDiacritics(s: string): string {
  if (ASCII.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(BASE_WITH_MARKS, (whole: string, base: string) => (CYRILLIC.test(base) ? whole : base))
    .normalize('NFC')
    .replace(MAPPED_LETTERS, (c) => LETTER_MAP[c] ?? c);
}

/**
 * Normalises a place name to a lookup key: lowercase, Latin diacritics
 * stripped (ł→l, ß→ss), apostrophes and ь/ъ removed, hyphens and dashes turned
 * into a space, whitespace collapsed. Cyrillic stays Cyrillic (ё→е).
 *
 * @example normaliseName("Mar’inka") === normaliseName("Mar'inka") // "marinka"
 */
export function normaliseName(s: string): string {
  return stripDiacritics(s.toLowerCase()).replace(REMOVED, '').replace(SEPARATORS, ' ').trim();
}

/**
 * Latin prefixes that Ukrainian compound names are written with or without a
 * hyphen ("Novo-Oleksandrivka" / "Novooleksandrivka"), already normalised.
 */
const COMPOUND_PREFIXES: readonly string[] = [
  'novo',
  'staro',
  'velyko',
  'malo',
  'verkhnyo',
  'nyzhnyo',
  'krasno',
  'chervono',
  'bilo',
  'chorno',
  'zolo',
  'pervo',
];

/** Minimum length of the remainder after a prefix, so "Novo" + "e" is not split. */
const MIN_REMAINDER = 4;

/** True for a normalised key written in Latin letters (and no Cyrillic). */
function isLatinKey(key: string): boolean {
  return /\p{Script=Latin}/u.test(key) && !CYRILLIC.test(key);
}

/** "novooleksandrivka" → "novo oleksandrivka", when it starts with a known prefix. */
function splitCompound(key: string): string | null {
  const first = key.split(' ')[0] ?? '';
  for (const prefix of COMPOUND_PREFIXES) {
    if (first.startsWith(prefix) && first.length - prefix.length >= MIN_REMAINDER) {
      return `${prefix} ${key.slice(prefix.length)}`;
    }
  }
  return null;
}

/**
 * All normalised keys a name should be findable under: the normalised name
 * first, then the hyphen-joined form ("Novo-Oleksandrivka" → "novooleksandrivka")
 * and, for Latin names starting with a compounding prefix, the split form
 * ("Novooleksandrivka" → "novo oleksandrivka"). No duplicates, no empty keys.
 */
export function nameVariants(name: string): string[] {
  const keys = new Set<string>();
  const base = normaliseName(name);
  if (base === '') return [];
  keys.add(base);
  if (HAS_DASH.test(name)) {
    const joined = normaliseName(name.replace(DASHES, ''));
    if (joined !== '') keys.add(joined);
  }
  if (isLatinKey(base)) {
    const split = splitCompound(base);
    if (split !== null) keys.add(split);
  }
  return [...keys];
}
