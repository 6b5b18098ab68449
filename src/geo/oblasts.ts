/**
 * The 27 first-level divisions of Ukraine (24 oblasts, Crimea, Kyiv City,
 * Sevastopol) with the names writers use for them.
 */

import { normaliseName } from './normalise.js';
import { memoiseBounded } from '../text/memo.js';

/** A first-level division of Ukraine. */
export interface Oblast {
  /** GeoNames admin1 code for UA ("01".."27"). */
  code: string;
  /** English name without "Oblast", ACLED style (Donetsk, Zaporizhia, Kyiv City, Crimea). */
  admin1: string;
  /** English display name ("Donetsk Oblast", "Autonomous Republic of Crimea"). */
  name: string;
  /** Official Ukrainian name ("Донецька область", "м. Київ"). */
  ukrainian: string;
  /** Administrative centre (de jure), English. */
  centre: string;
  /** Approximate centroid. */
  lat: number;
  lon: number;
  /**
   * Name and adjective forms (English, transliterated Ukrainian and Russian,
   * Cyrillic) that denote the region when next to a region word ("oblast",
   * "region", "область").
   */
  variants: readonly string[];
  /** Names that denote the region on their own, with no region word ("Crimea", "Transcarpathia"). */
  standalone: readonly string[];
  /** True for the two cities with special status (Kyiv City, Sevastopol). */
  city: boolean;
}

type OblastRow = Omit<Oblast, 'standalone' | 'city'> & Partial<Pick<Oblast, 'standalone' | 'city'>>;

const ROWS: readonly OblastRow[] = [
  {
    code: '01', admin1: 'Cherkasy', name: 'Cherkasy Oblast', ukrainian: 'Черкаська область', centre: 'Cherkasy',
    lat: 49.2, lon: 31.3,
    variants: ['Cherkasy', 'Cherkassy', 'Cherkaska', 'Черкаська', 'Черкаси', 'Черкасская', 'Черкассы'],
  },
  {
    code: '02', admin1: 'Chernihiv', name: 'Chernihiv Oblast', ukrainian: 'Чернігівська область', centre: 'Chernihiv',
    lat: 51.3, lon: 32.0,
    variants: ['Chernihiv', 'Chernigov', 'Chernihivska', 'Чернігівська', 'Чернігів', 'Черниговская', 'Чернигов'],
  },
  {
    code: '03', admin1: 'Chernivtsi', name: 'Chernivtsi Oblast', ukrainian: 'Чернівецька область', centre: 'Chernivtsi',
    lat: 48.3, lon: 26.1,
    variants: ['Chernivtsi', 'Chernovtsy', 'Chernivetska', 'Чернівецька', 'Чернівці', 'Черновицкая', 'Черновцы'],
  },
  {
    code: '04', admin1: 'Dnipropetrovsk', name: 'Dnipropetrovsk Oblast', ukrainian: 'Дніпропетровська область',
    centre: 'Dnipro', lat: 48.4, lon: 35.1,
    variants: [
      'Dnipropetrovsk', 'Dnipropetrovska', 'Dnepropetrovsk', 'Dnipro', 'Dnepr',
      'Дніпропетровська', 'Дніпро', 'Днепропетровская', 'Днепр',
    ],
  },
  {
    code: '05', admin1: 'Donetsk', name: 'Donetsk Oblast', ukrainian: 'Донецька область', centre: 'Donetsk',
    lat: 48.0, lon: 37.7,
    variants: ['Donetsk', 'Donetska', 'Donetskaya', 'Донецька', 'Донецьк', 'Донецкая', 'Донецк'],
  },
  {
    code: '06', admin1: 'Ivano-Frankivsk', name: 'Ivano-Frankivsk Oblast', ukrainian: 'Івано-Франківська область',
    centre: 'Ivano-Frankivsk', lat: 48.8, lon: 24.5,
    variants: [
      'Ivano-Frankivsk', 'Ivano Frankivsk', 'Ivano-Frankovsk', 'Ivano-Frankivska',
      'Івано-Франківська', 'Івано-Франківськ', 'Ивано-Франковская', 'Ивано-Франковск',
    ],
  },
  {
    code: '07', admin1: 'Kharkiv', name: 'Kharkiv Oblast', ukrainian: 'Харківська область', centre: 'Kharkiv',
    lat: 49.5, lon: 36.5,
    variants: ['Kharkiv', 'Kharkov', 'Kharkivska', 'Charkiw', 'Харківська', 'Харків', 'Харьковская', 'Харьков'],
  },
  {
    code: '08', admin1: 'Kherson', name: 'Kherson Oblast', ukrainian: 'Херсонська область', centre: 'Kherson',
    lat: 46.6, lon: 33.4,
    variants: ['Kherson', 'Khersonska', 'Херсонська', 'Херсон', 'Херсонская'],
  },
  {
    code: '09', admin1: 'Khmelnytskyi', name: 'Khmelnytskyi Oblast', ukrainian: 'Хмельницька область',
    centre: 'Khmelnytskyi', lat: 49.4, lon: 27.0,
    variants: [
      'Khmelnytskyi', 'Khmelnytskyy', 'Khmelnytsky', 'Khmelnitsky', 'Khmelnitskiy', 'Khmelnytska',
      'Хмельницька', 'Хмельницький', 'Хмельницкая', 'Хмельницкий',
    ],
  },
  {
    code: '10', admin1: 'Kirovohrad', name: 'Kirovohrad Oblast', ukrainian: 'Кіровоградська область',
    centre: 'Kropyvnytskyi', lat: 48.5, lon: 32.0,
    variants: [
      'Kirovohrad', 'Kirovograd', 'Kirovohradska', 'Kropyvnytskyi', 'Kropyvnytskyy', 'Kropyvnytskyj',
      'Кіровоградська', 'Кропивницький', 'Кировоградская',
    ],
  },
  {
    code: '11', admin1: 'Crimea', name: 'Autonomous Republic of Crimea', ukrainian: 'Автономна Республіка Крим',
    centre: 'Simferopol', lat: 45.3, lon: 34.2,
    variants: ['Crimea', 'Crimean', 'Krym', 'Крим', 'Крым'],
    standalone: [
      'Crimea', 'Krym', 'Autonomous Republic of Crimea', 'Republic of Crimea', 'Crimean Peninsula',
      'Крим', 'Крым', 'Автономна Республіка Крим', 'Республика Крым', 'Кримський півострів',
    ],
  },
  {
    code: '12', admin1: 'Kyiv City', name: 'Kyiv City', ukrainian: 'м. Київ', centre: 'Kyiv',
    lat: 50.45, lon: 30.52,
    variants: ['Kyiv', 'Kiev', 'Kyjiv', 'Київ', 'Киев'],
    standalone: [
      'Kyiv City', 'Kiev City', 'City of Kyiv', 'City of Kiev', 'Kiev Special Republican City',
      'м. Київ', 'місто Київ', 'город Киев',
    ],
    city: true,
  },
  {
    code: '13', admin1: 'Kyiv', name: 'Kyiv Oblast', ukrainian: 'Київська область', centre: 'Kyiv',
    lat: 50.3, lon: 30.4,
    variants: ['Kyiv', 'Kiev', 'Kyivska', 'Kyivs\'ka', 'Kievskaya', 'Київська', 'Київ', 'Киевская', 'Киев'],
  },
  {
    code: '14', admin1: 'Luhansk', name: 'Luhansk Oblast', ukrainian: 'Луганська область', centre: 'Luhansk',
    lat: 48.9, lon: 39.1,
    variants: ['Luhansk', 'Lugansk', 'Luhanska', 'Луганська', 'Луганськ', 'Луганская', 'Луганск'],
  },
  {
    code: '15', admin1: 'Lviv', name: 'Lviv Oblast', ukrainian: 'Львівська область', centre: 'Lviv',
    lat: 49.7, lon: 23.9,
    variants: ['Lviv', 'Lvov', 'Lwów', 'Lvivska', 'Львівська', 'Львів', 'Львовская', 'Львов'],
  },
  {
    code: '16', admin1: 'Mykolaiv', name: 'Mykolaiv Oblast', ukrainian: 'Миколаївська область', centre: 'Mykolaiv',
    lat: 47.4, lon: 31.7,
    variants: [
      'Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev', 'Mykolaivska', 'Mykolayivska',
      'Миколаївська', 'Миколаїв', 'Николаевская', 'Николаев',
    ],
  },
  {
    code: '17', admin1: 'Odesa', name: 'Odesa Oblast', ukrainian: 'Одеська область', centre: 'Odesa',
    lat: 46.8, lon: 30.0,
    variants: ['Odesa', 'Odessa', 'Odeska', 'Odes\'ka', 'Одеська', 'Одеса', 'Одесская', 'Одесса'],
  },
  {
    code: '18', admin1: 'Poltava', name: 'Poltava Oblast', ukrainian: 'Полтавська область', centre: 'Poltava',
    lat: 49.6, lon: 33.9,
    variants: ['Poltava', 'Poltavska', 'Полтавська', 'Полтава', 'Полтавская'],
  },
  {
    code: '19', admin1: 'Rivne', name: 'Rivne Oblast', ukrainian: 'Рівненська область', centre: 'Rivne',
    lat: 51.0, lon: 26.4,
    variants: ['Rivne', 'Rovno', 'Rivnenska', 'Рівненська', 'Рівне', 'Ровенская', 'Ровно'],
  },
  {
    code: '20', admin1: 'Sevastopol', name: 'Sevastopol City', ukrainian: 'м. Севастополь', centre: 'Sevastopol',
    lat: 44.6, lon: 33.55,
    variants: ['Sevastopol', 'Sebastopol', 'Севастополь'],
    standalone: ['Sevastopol City', 'City of Sevastopol', 'м. Севастополь', 'місто Севастополь', 'город Севастополь'],
    city: true,
  },
  {
    code: '21', admin1: 'Sumy', name: 'Sumy Oblast', ukrainian: 'Сумська область', centre: 'Sumy',
    lat: 51.0, lon: 34.0,
    variants: ['Sumy', 'Sumska', 'Сумська', 'Суми', 'Сумская', 'Сумы'],
  },
  {
    code: '22', admin1: 'Ternopil', name: 'Ternopil Oblast', ukrainian: 'Тернопільська область', centre: 'Ternopil',
    lat: 49.4, lon: 25.6,
    variants: ['Ternopil', 'Ternopol', 'Ternopilska', 'Тернопільська', 'Тернопіль', 'Тернопольская', 'Тернополь'],
  },
  {
    code: '23', admin1: 'Vinnytsia', name: 'Vinnytsia Oblast', ukrainian: 'Вінницька область', centre: 'Vinnytsia',
    lat: 49.0, lon: 28.7,
    variants: [
      'Vinnytsia', 'Vinnytsya', 'Vinnitsa', 'Vinnytska', 'Вінницька', 'Вінниця', 'Винницкая', 'Винница',
    ],
  },
  {
    code: '24', admin1: 'Volyn', name: 'Volyn Oblast', ukrainian: 'Волинська область', centre: 'Lutsk',
    lat: 51.2, lon: 24.9,
    variants: ['Volyn', 'Volhynia', 'Volynia', 'Wołyń', 'Volynska', 'Волинська', 'Волинь', 'Волынская', 'Волынь'],
    standalone: ['Volhynia'],
  },
  {
    code: '25', admin1: 'Zakarpattia', name: 'Zakarpattia Oblast', ukrainian: 'Закарпатська область',
    centre: 'Uzhhorod', lat: 48.5, lon: 23.3,
    variants: [
      'Zakarpattia', 'Zakarpattya', 'Zakarpatska', 'Transcarpathia', 'Transcarpathian',
      'Закарпатська', 'Закарпаття', 'Закарпатская', 'Закарпатье',
    ],
    standalone: ['Zakarpattia', 'Zakarpattya', 'Transcarpathia', 'Закарпаття', 'Закарпатье'],
  },
  {
    code: '26', admin1: 'Zaporizhia', name: 'Zaporizhzhia Oblast', ukrainian: 'Запорізька область',
    centre: 'Zaporizhzhia', lat: 47.3, lon: 35.6,
    variants: [
      'Zaporizhzhia', 'Zaporizhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporozhia', 'Zaporizhzha',
      'Zaporizka', 'Zaporiz\'ka', 'Запорізька', 'Запоріжжя', 'Запорожская', 'Запорожье',
    ],
  },
  {
    code: '27', admin1: 'Zhytomyr', name: 'Zhytomyr Oblast', ukrainian: 'Житомирська область', centre: 'Zhytomyr',
    lat: 50.5, lon: 28.5,
    variants: ['Zhytomyr', 'Zhitomir', 'Zhytomyrska', 'Житомирська', 'Житомир', 'Житомирская'],
  },
];

/** All 27 first-level divisions, in GeoNames code order. */
export const OBLASTS: readonly Oblast[] = ROWS.map((r) => ({
  ...r,
  variants: [...new Set(r.variants)],
  standalone: r.standalone ?? [],
  city: r.city ?? false,
}));

function normalisedSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normaliseName));
}

/** Words that turn a variant into a region name ("Donetsk oblast", "Запорізька область"), normalised. */
const REGION_WORDS: ReadonlySet<string> = normalisedSet([
  'oblast', 'oblasts', 'oblasti', 'region', 'regions', 'province', 'provinces',
  'область', 'области', 'області', 'обл', 'регион', 'регіон',
]);

/** Words that mark a city with special status ("Kyiv city", "Kiev Special Republican city"), normalised. */
const CITY_WORDS: ReadonlySet<string> = normalisedSet([
  'city', 'of', 'special', 'republican', 'status', 'with', 'місто', 'м', 'город', 'г',
]);

/** Latin region words used to generate gazetteer names. */
const LATIN_REGION_WORDS = ['Oblast', 'Region', 'Province'] as const;
/** Cyrillic region words used to generate gazetteer names. */
const CYRILLIC_REGION_WORDS = ['область'] as const;

/** normaliseName plus removal of the punctuation people put in region names ("м. Київ", "(Oblast)"). */
function cleanKey(s: string): string {
  return normaliseName(s.replace(/[.,()]/gu, ' '));
}

/** Key → division; on a clash oblasts win over special-status cities ("kyiv" → Kyiv oblast). */
function buildIndex(pick: (o: Oblast) => readonly string[]): ReadonlyMap<string, Oblast> {
  const index = new Map<string, Oblast>();
  const oblastsFirst = [...OBLASTS].sort((a, b) => Number(a.city) - Number(b.city));
  for (const o of oblastsFirst) {
    for (const v of pick(o)) {
      const key = cleanKey(v);
      if (!index.has(key)) index.set(key, o);
    }
  }
  return index;
}

/** Full names that identify a division outright. */
const FULL_INDEX = buildIndex((o) => [o.admin1, o.name, o.ukrainian, ...o.standalone]);
/** Variant words ("zaporizka", "донецкая", "kiev"). */
const VARIANT_INDEX = buildIndex((o) => o.variants);
const BY_CODE: ReadonlyMap<string, Oblast> = new Map(OBLASTS.map((o) => [o.code, o]));
const BY_ADMIN1: ReadonlyMap<string, Oblast> = new Map(OBLASTS.map((o) => [cleanKey(o.admin1), o]));

/** The city with special status named by an oblast variant (Kyiv → Kyiv City), or null. */
function specialCity(o: Oblast): Oblast | null {
  if (o.city) return o;
  if (o.code === '13') return BY_CODE.get('12') ?? null;
  return null;
}

/**
 * Finds the division named by `words`: a bare variant ("Zaporizhzhia"), a
 * variant with region words ("Donets'ka oblast", "Запорізька область"), a full
 * name ("Autonomous Republic of Crimea") or a special-status city ("Kyiv city",
 * "Kiev Special Republican city"). Case, diacritic and apostrophe-insensitive.
 * Returns null for anything else, including ordinary cities ("Kharkiv city").
 */
export const findOblast: (words: string) => Oblast | null = memoiseBounded(findOblastUncached);

function findOblastUncached(words: string): Oblast | null {
  const key = cleanKey(words).replace(/^the /u, '');
  const full = FULL_INDEX.get(key);
  if (full) return full;
  const tokens = key.split(' ');
  const isCity = tokens.some((t) => CITY_WORDS.has(t) && t !== 'of');
  const core = tokens.filter((t) => !REGION_WORDS.has(t) && !CITY_WORDS.has(t)).join(' ');
  const found = VARIANT_INDEX.get(core);
  if (!found) return null;
  return isCity ? specialCity(found) : found;
}

/** The division with this admin1 name ("Donetsk", "Kyiv City"), case-insensitive; null if none. */
export function oblastByAdmin1(admin1: string): Oblast | null {
  return BY_ADMIN1.get(cleanKey(admin1)) ?? null;
}

/** The division with this GeoNames admin1 code ("05" → Donetsk); null if none. */
export function oblastByCode(code: string): Oblast | null {
  return BY_CODE.get(code) ?? null;
}

/** A stable slug for ids: "Kyiv City" → "kyiv-city", "Ivano-Frankivsk" → "ivano-frankivsk". */
export function oblastSlug(o: Oblast): string {
  return cleanKey(o.admin1).replace(/ /gu, '-');
}

/**
 * Names under which the division itself should be found in a gazetteer: its
 * full names and standalone names, plus every variant joined with a region word
 * of the same script ("Zaporizhzhia Oblast", "Zaporizka region", "Запорізька
 * область"). Bare variants are left out: "Donetsk" alone is the city.
 */
export function oblastNames(o: Oblast): string[] {
  const names = [o.name, o.ukrainian, ...o.standalone];
  if (!o.city) {
    for (const v of o.variants) {
      const cyrillic = /\p{Script=Cyrillic}/u.test(v);
      const words: readonly string[] = cyrillic ? CYRILLIC_REGION_WORDS : LATIN_REGION_WORDS;
      for (const w of words) names.push(`${v} ${w}`);
    }
  } else {
    for (const v of o.variants) {
      if (!/\p{Script=Cyrillic}/u.test(v)) names.push(`${v} City`);
    }
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = cleanKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
