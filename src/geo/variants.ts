/**
 * Spelling variants of Ukrainian settlement names: every form under which
 * English (and Polish and German) reporting writes a place, generated from its
 * Ukrainian and Russian Cyrillic names, plus a lossy "loose key" for a second,
 * fuzzier index.
 *
 * Every scheme is a small data table read by one context-sensitive
 * transliterator ({@link transliterate}); the official Ukrainian romanisation
 * comes from `cyrillic-to-translit-js`.
 */

import cyrillicToTranslitModule from 'cyrillic-to-translit-js';

// ---------------------------------------------------------------------------
// The library (CommonJS). Its .d.ts says `export default`, so under NodeNext
// TypeScript types the default import as the module object, while Node hands
// ESM the function itself (module.exports). Accept both at run time.

type Transliterator = { transform(input: string, spaceReplacement?: string): string };
type TransliteratorFactory = (config?: { preset: 'ru' | 'uk' | 'mn' }) => Transliterator;

const factory: TransliteratorFactory = (() => {
  const m = cyrillicToTranslitModule as unknown as TransliteratorFactory | { default: TransliteratorFactory };
  return typeof m === 'function' ? m : m.default;
})();

const LIB_UK = factory({ preset: 'uk' });
const LIB_RU = factory({ preset: 'ru' });

// ---------------------------------------------------------------------------
// Shared helpers

/** Apostrophe-like marks used in Ukrainian Cyrillic; all read as the apostrophe. */
const APOSTROPHES = /['’ʼ`´‘ʹ′‛ʻ]/gu;
/** A word or hyphen-part separator. */
const SEPARATOR = /[\s\-‐‑‒–—―−]/u;
const DASHES = /[‐‑‒–—―−]/gu;
const DASH = /^[-‐‑‒–—―−]$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const UPPER = /\p{Lu}/u;

/** Turns every apostrophe into ' and every dash into -, collapses whitespace, trims (case is kept). */
function prepare(cyrillic: string): string {
  return cyrillic.trim().replace(APOSTROPHES, "'").replace(DASHES, '-').replace(/\s+/gu, ' ');
}

/** The parts of `s` between spaces and hyphens, with the separators kept as their own items. */
function splitParts(s: string): string[] {
  return s.split(/([\s-]+)/u);
}

/**
 * Which parts of the source should be capitalised: all of them when the source
 * is all lowercase (or has no letters); otherwise those whose source part
 * starts with a capital, so "Василівка-на-Дніпрі" keeps its lowercase "na".
 */
function capitalisationOf(source: string): boolean[] {
  const parts = splitParts(source);
  const anyUpper = UPPER.test(source);
  return parts.map((p) => !anyUpper || UPPER.test(p.charAt(0)));
}

/** Capitalises the first letter of each part flagged in `caps` (same part structure as the output). */
function applyCapitalisation(latin: string, caps: readonly boolean[]): string {
  const parts = splitParts(latin);
  if (parts.length !== caps.length) return titleCase(latin);
  return parts.map((p, i) => (caps[i] ? upperFirst(p) : p)).join('');
}

function upperFirst(p: string): string {
  return p === '' ? p : p.charAt(0).toUpperCase() + p.slice(1);
}

/** "nova kakhovka" → "Nova Kakhovka", "ivane-puste" → "Ivane-Puste". */
function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

// ---------------------------------------------------------------------------
// 1. Official romanisation (Cabinet of Ministers resolution 55 of 2010)

/**
 * The official Ukrainian romanisation (Cabinet of Ministers, 2010) of a
 * Ukrainian Cyrillic name, via `cyrillic-to-translit-js` (preset 'uk'):
 * є/ї/й/ю/я are Ye/Yi/Y/Yu/Ya at the start of a word or hyphen part and
 * ie/i/i/iu/ia elsewhere, зг is zgh, х is kh, apostrophes and ь are dropped.
 * Each word and hyphen part is capitalised ("Нова Каховка" → "Nova Kakhovka",
 * "Іване-Пусте" → "Ivane-Puste"), except lowercase particles in a capitalised
 * name ("Василівка-на-Дніпрі" → "Vasylivka-na-Dnipri").
 */
export function romaniseUk(cyrillicUk: string): string {
  return romanisePreparedUk(prepared(cyrillicUk));
}

function romanisePreparedUk(p: Prepared): string {
  return withLibrary(LIB_UK, p);
}

/**
 * Transliterates with the library, one word or hyphen part at a time (it
 * treats only spaces as word boundaries, so "Нью-Йорк" would get a medial й),
 * apostrophes dropped, capitalised like the source.
 */
function withLibrary(lib: Transliterator, { lower, caps }: Prepared): string {
  const parts = splitParts(lower);
  const latin = parts.map((p) => (p === '' || SEPARATOR.test(p) ? p : lib.transform(p.replace(/'/gu, '')))).join('');
  return applyCapitalisation(latin, caps);
}

// ---------------------------------------------------------------------------
// The table-driven transliterator

/** What precedes a letter: a word start, a vowel, a consonant, an apostrophe (or ъ), or ь. */
type Context = 'start' | 'vowel' | 'consonant' | 'apostrophe' | 'soft';

/**
 * How one Cyrillic letter (or letter sequence) is written. `d` is the default;
 * the optional fields override it in their context, in this order: `start`,
 * `afterApostrophe`, `afterSoft`, `afterVowel`, `betweenConsonants` (a consonant
 * before and a Cyrillic consonant after), `afterConsonant`, `after` (a
 * specific preceding letter), `before` (a specific following letter),
 * `betweenVowels`.
 */
interface Rule {
  d: string;
  start?: string;
  afterApostrophe?: string;
  afterSoft?: string;
  afterVowel?: string;
  afterConsonant?: string;
  betweenConsonants?: string;
  after?: Readonly<Record<string, string>>;
  before?: Readonly<Record<string, string>>;
  betweenVowels?: string;
}

type Table = Readonly<Record<string, string | Rule>>;

interface Scheme {
  /** letter or letter sequence (lowercase Cyrillic, apostrophe as ') → rule */
  rules: ReadonlyMap<string, Rule>;
  /** longest key in `rules` */
  maxLength: number;
  /** first letters of the keys longer than one letter */
  multiStarts: ReadonlySet<string>;
}

const VOWELS: ReadonlySet<string> = new Set([...'аеєиіїоуюяыэё']);
const APOSTROPHE_LIKE: ReadonlySet<string> = new Set(["'", 'ъ']);

const CONTEXTS: ReadonlyMap<string, Context> = new Map<string, Context>([
  ...[...VOWELS].map((v): [string, Context] => [v, 'vowel']),
  ...[...APOSTROPHE_LIKE].map((a): [string, Context] => [a, 'apostrophe']),
  ['ь', 'soft'],
]);

function contextOf(letter: string): Context {
  return CONTEXTS.get(letter) ?? 'consonant';
}

function scheme(...tables: Table[]): Scheme {
  const rules = new Map<string, Rule>();
  for (const t of tables) {
    for (const [k, v] of Object.entries(t)) rules.set(k, typeof v === 'string' ? { d: v } : v);
  }
  let maxLength = 1;
  const multiStarts = new Set<string>();
  for (const k of rules.keys()) {
    maxLength = Math.max(maxLength, k.length);
    if (k.length > 1) multiStarts.add(k.charAt(0));
  }
  return { rules, maxLength, multiStarts };
}

function pick(r: Rule, ctx: Context, prev: string, next: string): string {
  if (ctx === 'start' && r.start !== undefined) return r.start;
  if (ctx === 'apostrophe' && r.afterApostrophe !== undefined) return r.afterApostrophe;
  if (ctx === 'soft' && r.afterSoft !== undefined) return r.afterSoft;
  if (ctx === 'vowel' && r.afterVowel !== undefined) return r.afterVowel;
  if (ctx === 'consonant' && r.betweenConsonants !== undefined && CYRILLIC.test(next) && contextOf(next) === 'consonant') {
    return r.betweenConsonants;
  }
  if (ctx === 'consonant' && r.afterConsonant !== undefined) return r.afterConsonant;
  const a = r.after?.[prev];
  if (a !== undefined) return a;
  const b = r.before?.[next];
  if (b !== undefined) return b;
  if (r.betweenVowels !== undefined && ctx === 'vowel' && VOWELS.has(next)) return r.betweenVowels;
  return r.d;
}

/**
 * Transliterates lowercase, {@link prepare}d Cyrillic with a scheme: longest
 * match first, context reset at spaces and hyphens; characters the scheme does
 * not know pass through. Returns lowercase Latin.
 */
function transliterate(s: string, sc: Scheme): string {
  let out = '';
  let ctx: Context = 'start';
  let prev = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === ' ' || c === '-') {
      out += c;
      ctx = 'start';
      prev = '';
      i++;
      continue;
    }
    let matched = false;
    for (let len = sc.multiStarts.has(c) ? Math.min(sc.maxLength, s.length - i) : 1; len >= 1; len--) {
      const key = len === 1 ? c : s.slice(i, i + len);
      const rule = sc.rules.get(key);
      if (rule === undefined) continue;
      out += pick(rule, ctx, prev, s.charAt(i + len));
      const last = key.charAt(key.length - 1);
      ctx = contextOf(last);
      prev = last;
      i += len;
      matched = true;
      break;
    }
    if (!matched) {
      out += c;
      ctx = CYRILLIC.test(c) ? contextOf(c) : 'consonant';
      prev = c;
      i++;
    }
  }
  return out;
}

/** A Cyrillic name ready for the transliterators: {@link prepare}d, lowercased, and its capitalisation. */
interface Prepared {
  source: string;
  lower: string;
  caps: boolean[];
}

function prepared(cyrillic: string): Prepared {
  const source = prepare(cyrillic);
  return { source, lower: source.toLowerCase(), caps: capitalisationOf(source) };
}

/** Transliterates a prepared Cyrillic name with a scheme and capitalises it like the source. */
function romaniseWith(p: Prepared, sc: Scheme): string {
  return applyCapitalisation(transliterate(p.lower, sc), p.caps);
}

// ---------------------------------------------------------------------------
// Ukrainian schemes

/** Letters every Ukrainian-based Latin scheme here writes the same way. */
const UK_COMMON: Table = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ь: '', "'": '',
  зг: 'zgh', // z + h would read as ж
};

/** The official 2010 system (same as the library): Ye/Yi/Y/Yu/Ya only at a word start, зг → zgh. */
const UK_OFFICIAL: Table = {
  є: { d: 'ie', start: 'ye' },
  ї: { d: 'i', start: 'yi' },
  й: { d: 'i', start: 'y' },
  ю: { d: 'iu', start: 'yu' },
  я: { d: 'ia', start: 'ya' },
};

/** The official system, apostrophe kept: "Mar'inka", "Slov'iansk". */
const UK_OFFICIAL_APOSTROPHE: Table = { "'": "'" };

/** The official system with ї after the apostrophe as ii: "Mariinka". */
const UK_OFFICIAL_II: Table = { ї: { d: 'i', start: 'yi', afterApostrophe: 'ii' } };

/** BGN/PCGN-like (1965): ye/yi/y/yu/ya everywhere, ь and the apostrophe dropped: "Maryinka", "Shchastya". */
const UK_BGN: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** BGN/PCGN with ь and the apostrophe as ': "Mar'yinka", "Donets'k", "Slov'yans'k". */
const UK_BGN_APOSTROPHE: Table = { ь: "'", "'": "'" };

const SCHEME_UK_OFFICIAL = scheme(UK_COMMON, UK_OFFICIAL);
const SCHEME_UK_OFFICIAL_APOSTROPHE = scheme(UK_COMMON, UK_OFFICIAL, UK_OFFICIAL_APOSTROPHE);
const SCHEME_UK_OFFICIAL_II = scheme(UK_COMMON, UK_OFFICIAL, UK_OFFICIAL_II);
const SCHEME_UK_BGN = scheme(UK_COMMON, UK_BGN);
const SCHEME_UK_BGN_APOSTROPHE = scheme(UK_COMMON, UK_BGN, UK_BGN_APOSTROPHE);

/**
 * Simplifications English writers apply to romanised Ukrainian names
 * (pattern on the lowercase romanisation → replacement).
 */
const UK_SIMPLIFICATIONS: readonly (readonly [RegExp, string])[] = [
  [/zhzh/gu, 'zh'], // Zaporizhzhia → Zaporizhia
  [/kyi\b|kyy\b/gu, 'ky'], // Khmelnytskyi → Khmelnytsky
];

// Polish (Ukrainian → Polish transliteration as in Polish reporting)

const PL: Table = {
  а: 'a', б: 'b', в: 'w', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'ż', з: 'z', и: 'y', і: 'i', ї: 'ji', й: 'j',
  к: 'k', л: 'ł', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'c',
  ч: 'cz', ш: 'sz', щ: 'szcz', ь: '', "'": '',
  // iotated vowels: ja/ju/je at a word start and after a vowel or the apostrophe, ia/iu/ie after consonants
  є: { d: 'ie', start: 'je', afterVowel: 'je', afterApostrophe: 'je', afterSoft: 'je' },
  ю: { d: 'iu', start: 'ju', afterVowel: 'ju', afterApostrophe: 'ju', afterSoft: 'ju' },
  я: { d: 'ia', start: 'ja', afterVowel: 'ja', afterApostrophe: 'ja', afterSoft: 'ja' },
  // л is l before the soft vowels and ь (ля → la, лю → lu, лє → le), ł elsewhere
  ля: 'la', лю: 'lu', лє: 'le', лі: 'li', лї: 'lji', ль: 'l', льо: 'lo',
  // the soft sign softens н с з ц (ń ś ź ć); before о it is i
  нь: 'ń', сь: 'ś', зь: 'ź', ць: 'ć',
  ньо: 'nio', сьо: 'sio', зьо: 'zio', цьо: 'cio', ьо: 'io',
};
const SCHEME_PL = scheme(PL);
/** Polish writes -ńsk for -нськ and -sk for -ськ (Łuhańsk, Pokrowsk). */
const PL_SIMPLIFICATIONS: readonly (readonly [RegExp, string])[] = [
  [/nśk/gu, 'ńsk'],
  [/śk/gu, 'sk'],
];

// German (Duden-style)

const DE: Table = {
  а: 'a', б: 'b', в: 'w', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'je', ж: 'sch', з: 's', и: 'y', і: 'i', ї: 'ji',
  й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: { d: 's', betweenVowels: 'ss' }, т: 't',
  у: 'u', ф: 'f', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ь: '', ьо: 'jo', ю: 'ju', я: 'ja', "'": '',
};
const SCHEME_DE = scheme(DE);

// ---------------------------------------------------------------------------
// Russian schemes

/** BGN/PCGN Russian: е is ye at a word start and after vowels, ь, ъ; ы → y; ь → '. */
const RU_BGN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd',
  е: { d: 'e', start: 'ye', afterVowel: 'ye', afterSoft: 'ye', afterApostrophe: 'ye' },
  ё: { d: 'yo' }, ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: "'", э: 'e',
  ю: 'yu', я: 'ya', "'": '',
  // Ukrainian letters that turn up in "Russian" names
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};
/** As BGN, ь dropped, but ьи as yi ("Марьинка" → "Maryinka"). */
const RU_PLAIN: Table = { ь: { d: '', before: { и: 'y' } } };
/** As plain, и between consonants as y, the Ukrainian habit ("Великая" → "Velykaya", but "Киев" stays "Kiyev"). */
const RU_HYBRID: Table = { и: { d: 'i', betweenConsonants: 'y' } };

const SCHEME_RU_BGN = scheme(RU_BGN);
const SCHEME_RU_PLAIN = scheme(RU_BGN, RU_PLAIN);
const SCHEME_RU_HYBRID = scheme(RU_BGN, RU_PLAIN, RU_HYBRID);

/** English writers drop the last y of -ий/-ый: Krasnyy Luch → Krasny Luch, Velikiy → Veliky. */
const RU_SIMPLIFICATIONS: readonly (readonly [RegExp, string])[] = [[/(?:yy|iy)\b/gu, 'y']];

// ---------------------------------------------------------------------------
// 2. All variants

/** What a generated spelling is. */
export type VariantKind =
  | 'official'
  | 'romanised'
  | 'russian'
  | 'polish'
  | 'german'
  | 'cyrillic'
  | 'historical'
  | 'other';

export interface NameVariant {
  name: string;
  kind: VariantKind;
}

export interface NameVariantsInput {
  /** the official Ukrainian Cyrillic name */
  uk: string;
  /** Russian Cyrillic names */
  ru?: readonly string[];
  /** former names (e.g. from `renamed.ts`), passed through as 'historical' */
  historical?: readonly string[];
  /** any other names (GeoNames alternates...), passed through as 'other' */
  other?: readonly string[];
}

function simplify(s: string, rules: readonly (readonly [RegExp, string])[]): string {
  let out = s;
  for (const [re, to] of rules) out = out.replace(re, to);
  return out;
}

/** Applies simplifications to a capitalised Latin form, keeping its capitalisation. */
function simplified(name: string, rules: readonly (readonly [RegExp, string])[]): string {
  const lower = name.toLowerCase();
  const s = simplify(lower, rules);
  if (s === lower) return name;
  // re-capitalise like the original (simplifications never touch a part's first letter)
  const caps = splitParts(name).map((p) => UPPER.test(p.charAt(0)));
  return applyCapitalisation(s, caps);
}

/**
 * Every spelling under which reporting writes a settlement, deduplicated
 * (exact strings; the first kind wins), in this order:
 *
 * - `official`: {@link romaniseUk} ("Marinka", "Zaporizhzhia", "Vuhledar");
 * - `romanised`: the official form with the apostrophe kept ("Mar'inka") and
 *   with ї after it as ii ("Mariinka"); BGN/PCGN-like forms with ye/yi/y/yu/ya
 *   everywhere ("Maryinka", "Zaporizhzhya", "Shchastya"), and with ь and the
 *   apostrophe as ' ("Mar'yinka", "Donets'k"); the simplifications zhzh → zh
 *   ("Zaporizhia") and -kyi → -ky ("Khmelnytsky"); the abbreviated adjective of
 *   the official form ("V. Novosilka", see {@link adjectiveForms}). г is
 *   always h here: g forms come only from Russian names.
 * - `russian`, for each Russian name: the library's 'ru' preset ("Ugledar",
 *   "Marinka"), BGN/PCGN ("Mar'inka", "Avdeyevka"), BGN/PCGN with ь dropped
 *   but ьи as yi ("Maryinka"), the hybrid with и as y after consonants
 *   ("Velykaya Novoselka"), each also with ё read as е and with -yy/-iy as -y;
 * - `polish`: Polish transliteration of the Ukrainian name ("Wuhłedar",
 *   "Charkiw", "Czasiw Jar", "Kurachowe", "Łuhańsk");
 * - `german`: Duden-style ("Tschassiw Jar", "Wuhledar", "Saporischschja");
 * - `cyrillic`: the Ukrainian and Russian names themselves;
 * - `historical` and `other`: passed through.
 *
 * Pure. Measured on 30,000 places of the shared gazetteer (Node 20): about
 * 20 ms per 1,000 places with the Ukrainian name only, 35–45 ms per 1,000 with
 * about 0.6 Russian names a place.
 */
export function nameVariants(input: NameVariantsInput): NameVariant[] {
  const out: NameVariant[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: VariantKind): void => {
    const n = name.trim();
    if (n === '' || seen.has(n)) return;
    seen.add(n);
    out.push({ name: n, kind });
  };

  const uk = input.uk.trim() === '' ? null : prepared(input.uk);
  if (uk !== null) {
    const official = romanisePreparedUk(uk);
    add(official, 'official');
    const bgn = romaniseWith(uk, SCHEME_UK_BGN);
    add(romaniseWith(uk, SCHEME_UK_OFFICIAL_APOSTROPHE), 'romanised');
    add(romaniseWith(uk, SCHEME_UK_OFFICIAL_II), 'romanised');
    add(bgn, 'romanised');
    add(romaniseWith(uk, SCHEME_UK_BGN_APOSTROPHE), 'romanised');
    add(simplified(official, UK_SIMPLIFICATIONS), 'romanised');
    add(simplified(bgn, UK_SIMPLIFICATIONS), 'romanised');
    for (const f of adjectiveForms(official)) if (ABBREVIATED.test(f)) add(f, 'romanised');
  }

  const ru: Prepared[] = [];
  for (const r of input.ru ?? []) if (r.trim() !== '') ru.push(prepared(r));
  for (const r of ru) {
    const spellings = r.lower.includes('ё') ? [r, { ...r, lower: r.lower.replace(/ё/gu, 'е') }] : [r];
    for (const p of spellings) {
      const forms = [
        withLibrary(LIB_RU, p),
        romaniseWith(p, SCHEME_RU_BGN),
        romaniseWith(p, SCHEME_RU_PLAIN),
        romaniseWith(p, SCHEME_RU_HYBRID),
      ];
      for (const f of forms) add(f, 'russian');
      for (const f of forms) add(simplified(f, RU_SIMPLIFICATIONS), 'russian');
    }
  }

  if (uk !== null) {
    add(simplified(romaniseWith(uk, SCHEME_PL), PL_SIMPLIFICATIONS), 'polish');
    add(romaniseWith(uk, SCHEME_DE), 'german');
    add(uk.source, 'cyrillic');
  }
  for (const r of ru) add(r.source, 'cyrillic');
  for (const h of input.historical ?? []) add(h, 'historical');
  for (const o of input.other ?? []) add(o, 'other');
  return out;
}

/** An abbreviated adjective form ("V. Novosilka"). */
const ABBREVIATED = /^\p{L}\.\s/u;

/** The official romanisation by this module's own table (equal to {@link romaniseUk}; used to check the library). */
export function romaniseUkByTable(cyrillicUk: string): string {
  return romaniseWith(prepared(cyrillicUk), SCHEME_UK_OFFICIAL);
}

// ---------------------------------------------------------------------------
// 3. The loose key

/**
 * Latin letter groups and what the loose key writes for them, matched longest
 * first in one pass (so an output is never rewritten). Groups that spell one
 * Cyrillic letter in different conventions get one symbol:
 * щ (shch, sch, szcz, schtsch → šč); ч/х/г (ch, kh, cz, tsch, h, g → h: English
 * ch is ч but Polish and German ch is х, so they cannot be told apart);
 * ж (zh → ž); ш (sh, sz → š); ц (ts, c → c); в (w, v → v); й/ї/и/і
 * (y, j, i → i). ž, š and šč are letters no input keeps (normaliseName strips
 * the háček), so "Zghurivka" (z + h) does not meet "Zhurivka" (ž). Polish ż
 * (normalised to z) is not folded into ž; German sch (ш, ж) becomes šč like
 * щ; German z (ц) and s (з) stay.
 */
const LOOSE_UNITS: readonly (readonly [string, string])[] = [
  ['schtsch', 'šč'],
  ['shch', 'šč'],
  ['szcz', 'šč'],
  ['tsch', 'h'],
  ['sch', 'šč'],
  ['kh', 'h'],
  ['ch', 'h'],
  ['cz', 'h'],
  ['zh', 'ž'],
  ['sh', 'š'],
  ['sz', 'š'],
  ['ts', 'c'],
  ['h', 'h'],
  ['g', 'h'],
  ['w', 'v'],
  ['y', 'i'],
  ['j', 'i'],
];
const LOOSE_UNIT_MAP: ReadonlyMap<string, string> = new Map(LOOSE_UNITS);
const LOOSE_MAX = Math.max(...LOOSE_UNITS.map(([k]) => k.length));

/** Adjectives (as whole words, after the unit folding) → their stem: Velyka, Velikaya, Velykyi → velik. */
const LOOSE_ADJECTIVES: readonly (readonly [RegExp, string])[] = [
  [/^velik(?:a|e|i|ia|ie|aia|oe|oie|ii|iie)?$/u, 'velik'],
  [/^mal(?:a|e|i|ia|ie|aia|oe|oie)$/u, 'mal'],
  [/^nov(?:a|e|i|ia|ie|aia|oe|oie)$/u, 'nov'],
  [/^star(?:a|e|i|ia|ie|aia|oe|oie)$/u, 'star'],
  [/^verhn(?:a|e|i|ia|ie|iaia|aia|eie|iie|oe|oie)$/u, 'verhn'],
  [/^ni(?:ž|z|šč)n(?:a|e|i|ia|ie|iaia|aia|eie|iie|oe|oie)$/u, 'nizhn'],
];

/** Compound prefixes (folded) joined to the next word: "novo oleksandrivka" → "novooleksandrivka". */
const LOOSE_PREFIXES: ReadonlySet<string> = new Set([
  'novo', 'staro', 'veliko', 'malo', 'verhno', 'verhnio', 'nižno', 'nižnio', 'krasno', 'hervono', 'bilo',
  'horno', 'zolo', 'pervo',
]);

/**
 * Russian spellings → Ukrainian ones inside a folded word, all applied: the
 * prothetic v of Vuhledar/Uhledar, and the root sel/sil (Novoselka / Novosilka).
 */
const LOOSE_WORD_RULES: readonly (readonly [RegExp, string])[] = [
  [/^vu/u, 'u'],
  [/sel/gu, 'sil'],
];

/**
 * Russian endings → the Ukrainian ones (whole-word endings, folded; the first
 * that matches): Novoselovka → -ivka, Kurakhovo → Kurakhove, Yenakiyevo → -eve,
 * Rabotino → -ine, Rybnoye → Rybne, Kremennaya → -a.
 */
const LOOSE_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/ovka$/u, 'ivka'],
  [/ovo$/u, 'ove'],
  [/evo$/u, 'eve'],
  [/ino$/u, 'ine'],
  [/oi?e$/u, 'e'],
  [/(.{3})aia$/u, '$1a'],
];

function foldWord(w: string): string {
  let out = '';
  let last = '';
  let i = 0;
  while (i < w.length) {
    let unit: string | undefined;
    let len = Math.min(LOOSE_MAX, w.length - i);
    for (; len >= 1; len--) {
      unit = LOOSE_UNIT_MAP.get(len === 1 ? w.charAt(i) : w.slice(i, i + len));
      if (unit !== undefined) break;
    }
    if (unit === undefined) {
      unit = w.charAt(i);
      len = 1;
    }
    if (unit !== last) out += unit;
    last = unit;
    i += len;
  }
  return out;
}

/**
 * A deliberately lossy key for a second, fuzzier index, used only when the
 * exact key misses. Takes a {@link normaliseName}d string (lowercase, no
 * diacritics or apostrophes, hyphens as spaces) and, word by word:
 *
 * 1. joins a compound prefix (novo, staro, velyko, malo, verkhno/verkhnyo,
 *    nyzhno/nyzhnyo, krasno, chervono, bilo, chorno, zolo, pervo, as folded
 *    below) to the next word: "novo oleksandrivka" → "novooleksandrivka";
 * 2. folds letter groups that spell one Cyrillic letter ({@link LOOSE_UNITS}),
 *    longest first, in one pass: щ shch/sch/szcz/schtsch → šč; ч, х and г
 *    ch/kh/cz/tsch/h/g → h; ж zh → ž; ш sh/sz → š; ц ts/c → c; w → v;
 *    y/j → i (so ia/ya/ja, iu/yu/ju, ie/ye/je and yi/ii all meet);
 * 3. collapses a repeated unit to one (zhzh → ž, ss → s, ii → i, nn → n);
 * 4. maps the adjectives, as whole words, to a stem: Velyka/Velykyi/Velyke/
 *    Velyki/Velykaya/Velikiy/Velikoye… → velik, Mala/Malyi/Malaya… → mal,
 *    Nova/Novyi/Nove/Novaya/Novoye… → nov, Stara… → star, Verkhnia/Verkhnii/
 *    Verkhnyaya… → verhn, Nyzhnia/Nizhnyaya/Nyżnia… → nizhn;
 * 5. otherwise drops a word-initial v before u (Vuhledar → uhledar, like
 *    Ugledar), reads the root sel as sil (Novoselka → novosilka), and rewrites
 *    one Russian ending as Ukrainian: -ovka → -ivka, -ovo → -ove, -evo → -eve,
 *    -ino → -ine, -oye/-oe → -e, -aya → -a.
 *
 * These collide: Marinka / Maryinka / Mariinka / Mar'inka; Zaporizhzhia /
 * Zaporizhzhya / Zaporizhia / Zaporizhya; Kharkiv / Charkiw; Shchastia /
 * Schastya / Schastia / Shchastya / Szczastia / Schtschastja; Chasiv Yar /
 * Chasiv Iar / Tschassiw Jar / Czasiw Jar; Novooleksandrivka /
 * Novo-Oleksandrivka; Kurakhove / Kurakhovo; Velyka Novosilka / Velika
 * Novosilka / Velykaya Novoselka / Velikaya Novoselka / V… (the adjective);
 * Vuhledar / Wuhledar / Wuhłedar / Ugledar; Luhansk / Lugansk; Lyman / Liman;
 * Sumy / Sumi; Kyiv / Kyjiw / Kyyiv; Rybne / Rybnoye; Yenakiieve / Yenakiyevo;
 * Novoselivka / Novoselovka; Krasnohorivka / Krasnogorovka.
 *
 * These stay apart (a vowel differs, or a letter has no counterpart):
 * Kharkiv / Kharkov; Kyiv / Kiev; Zaporizhzhia / Zaporozhye; Avdiivka /
 * Avdeyevka; Novooleksandrivka / Novoaleksandrovka; Zaporizhzhia /
 * Saporischschja (German s for з and sch for ж); Zaporizhzhia / Zaporiżżia
 * (Polish ż normalises to z, and folding zh into z would merge ж with з);
 * Donetsk / Donezk (German z for ц); Bakhmut / Bakhmach; Pokrovsk / Pokrovka.
 *
 * The price is that ч, х and г meet (Lykhivka / Lychivka / Lyhivka), as do
 * ї and і (Andriivka / Andrivka) and the adjective genders (Nova / Nove /
 * Novyi): on the official romanisations of the 17,569 distinct settlement
 * names of KATOTTG 2025-05-16 this gives 17,367 loose keys; 399 names share a
 * key, no key holds more than 3 names.
 *
 * Characters other than Latin letters pass through (Cyrillic is not folded).
 */
export function looseKey(normalised: string): string {
  const words = normalised.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let raw = words[i]!;
    let f = foldWord(raw);
    const next = words[i + 1];
    if (next !== undefined && LOOSE_PREFIXES.has(f)) {
      raw += next;
      f = foldWord(raw);
      i++;
    }
    out.push(looseWord(f));
  }
  return out.join(' ');
}

/** Steps 3 and 4 of {@link looseKey} on one folded word. */
function looseWord(folded: string): string {
  for (const [re, stem] of LOOSE_ADJECTIVES) if (re.test(folded)) return stem;
  let f = folded;
  for (const [re, to] of LOOSE_WORD_RULES) f = f.replace(re, to);
  for (const [re, to] of LOOSE_ENDINGS) if (re.test(f)) return f.replace(re, to);
  return f;
}

// ---------------------------------------------------------------------------
// 4. Adjective forms

/** Leading adjectives (official romanisation and Cyrillic) whose abbreviation writers use: "V. Novosilka". */
const ADJECTIVE_WORDS: ReadonlySet<string> = new Set([
  'velyka', 'velykyi', 'velyke', 'velyki', 'mala', 'malyi', 'male', 'mali', 'nova', 'novyi', 'nove', 'novi',
  'stara', 'staryi', 'stare', 'stari', 'verkhnia', 'verkhnii', 'verkhnie', 'verkhni', 'nyzhnia', 'nyzhnii',
  'nyzhnie', 'nyzhni',
  'велика', 'великий', 'велике', 'великі', 'мала', 'малий', 'мале', 'малі', 'нова', 'новий', 'нове', 'нові',
  'стара', 'старий', 'старе', 'старі', 'верхня', 'верхній', 'верхнє', 'верхні', 'нижня', 'нижній', 'нижнє',
  'нижні',
]);

/** Compound prefixes written joined or hyphenated: "Novooleksandrivka" / "Novo-Oleksandrivka". */
const COMPOUND_PREFIXES: readonly string[] = [
  'novo', 'staro', 'velyko', 'malo', 'verkhno', 'verkhnio', 'nyzhno', 'nyzhnio',
  'ново', 'старо', 'велико', 'мало', 'верхньо', 'нижньо',
];

/** Shortest remainder after a compound prefix ("Novo" + "selo" is split, "Nove" is not). */
const MIN_REMAINDER = 4;

/** How a Latin remainder starts after a hyphen: "iavorivsk" → "Yavorivsk" (official: word-initial Ya). */
function capitaliseRemainder(rest: string): string[] {
  const m = /^i([aeu])(.*)$/u.exec(rest);
  if (m) return [`Y${m[1]}${m[2]}`, upperFirst(rest)];
  return [upperFirst(rest)];
}

/**
 * Other forms of a name that begins with an adjective or a compound prefix
 * (the name itself is not included):
 *
 * - a leading adjective (Velyka/Velykyi/Velyke/Velyki, Mala…, Nova…, Stara…,
 *   Verkhnia…, Nyzhnia…, or the Cyrillic ones) → the abbreviated form
 *   ("Velyka Novosilka" → "V. Novosilka", "Нова Каховка" → "Н. Каховка");
 * - a joined compound prefix (Novo, Staro, Velyko, Malo, Verkhno, Nyzhno, and
 *   Cyrillic Ново, Старо…) → the hyphenated form ("Novooleksandrivka" →
 *   "Novo-Oleksandrivka"; "Novoiavorivsk" → "Novo-Yavorivsk", "Novo-Iavorivsk");
 * - a hyphenated one → the joined form ("Novo-Oleksandrivka" →
 *   "Novooleksandrivka"; "Novo-Yavorivsk" → "Novoiavorivsk", "Novoyavorivsk").
 *
 * Derived adjectives ("Velykonovosilkivska") are not produced.
 */
export function adjectiveForms(name: string): string[] {
  const n = name.trim().replace(/\s+/gu, ' ');
  const out = new Set<string>();
  const words = n.split(' ');
  const first = words[0] ?? '';
  if (words.length > 1 && ADJECTIVE_WORDS.has(first.toLowerCase())) {
    out.add(`${first.charAt(0).toUpperCase()}. ${words.slice(1).join(' ')}`);
  }
  const lower = first.toLowerCase();
  for (const prefix of COMPOUND_PREFIXES) {
    if (!lower.startsWith(prefix)) continue;
    const head = first.slice(0, prefix.length);
    const after = first.slice(prefix.length);
    const tail = words.slice(1);
    const rest = (s: string): string => [s, ...tail].join(' ');
    if (DASH.test(after.charAt(0))) {
      const part = after.slice(1);
      if (part.length < MIN_REMAINDER) continue;
      const lowerPart = part.charAt(0).toLowerCase() + part.slice(1);
      const m = /^y([aeui])(.*)$/iu.exec(part);
      if (m && !CYRILLIC.test(part)) {
        const v = m[1]!.toLowerCase();
        out.add(rest(`${head}${v === 'i' ? 'i' : `i${v}`}${m[2]}`));
      }
      out.add(rest(head + lowerPart));
    } else if (after.length >= MIN_REMAINDER) {
      if (CYRILLIC.test(after)) out.add(rest(`${head}-${upperFirst(after)}`));
      else for (const r of capitaliseRemainder(after)) out.add(rest(`${head}-${r}`));
    }
    break;
  }
  out.delete(n);
  return [...out];
}
