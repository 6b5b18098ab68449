/**
 * Former names that writers still use for renamed Ukrainian settlements: the
 * 2016 decommunisation renamings, the 2019–2024 derussification ones, and a
 * few Soviet-era names (Zhdanov, Voroshilovgrad, Stalino) that turn up in
 * history paragraphs. Each row names the settlement by its current official
 * Ukrainian Cyrillic name, oblast and KATOTTG category so the gazetteer can
 * attach the old names to the right place (there are nine places called
 * Лиман; only the city in Donetsk oblast was Krasnyi Lyman).
 *
 * Every current name, oblast and category was checked against the KATOTTG
 * register of 2025-05-16. A year is given only where it is certain.
 */

import { normaliseName } from './normalise.js';

/** The first-level divisions as this project names them (admin1). */
export type Admin1 =
  | 'Cherkasy' | 'Chernihiv' | 'Chernivtsi' | 'Dnipropetrovsk' | 'Donetsk' | 'Ivano-Frankivsk' | 'Kharkiv'
  | 'Kherson' | 'Khmelnytskyi' | 'Kirovohrad' | 'Crimea' | 'Kyiv City' | 'Kyiv' | 'Luhansk' | 'Lviv' | 'Mykolaiv'
  | 'Odesa' | 'Poltava' | 'Rivne' | 'Sevastopol' | 'Sumy' | 'Ternopil' | 'Vinnytsia' | 'Volyn' | 'Zakarpattia'
  | 'Zaporizhia' | 'Zhytomyr';

/** KATOTTG category of the current settlement: M city (місто), X settlement (селище), C village (село). */
export type SettlementCategory = 'M' | 'X' | 'C';

export interface Renaming {
  /** former names: Ukrainian- and Russian-based Latin spellings, then Ukrainian and Russian Cyrillic */
  old: readonly string[];
  /** current official Ukrainian Cyrillic name, as in KATOTTG */
  current: string;
  oblast: Admin1;
  category: SettlementCategory;
  /** year the old name was given up, where certain */
  year?: number;
  /**
   * decommunisation: the 2015 laws (mostly 2016); derussification: names
   * changed for their Russian or Soviet origin since 2019; historical: a
   * Soviet-era or older name; other: any other renaming.
   */
  reason: 'decommunisation' | 'derussification' | 'historical' | 'other';
}

const ARTEMIVSK = ['Artemivsk', 'Artemovsk', 'Artyomovsk', 'Артемівськ', 'Артемовск', 'Артёмовск'];
const KIROVSKE = ['Kirovske', 'Kirovskoye', 'Kirovskoe', 'Кіровське', 'Кировское'];
const KOMSOMOLSKE = ['Komsomolske', 'Komsomolskoye', 'Komsomolskoe', 'Комсомольське', 'Комсомольское'];

/** The renamings, by oblast. */
export const RENAMED: readonly Renaming[] = [
  // Donetsk
  { old: ARTEMIVSK, current: 'Бахмут', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Dzerzhynsk', 'Dzerzhinsk', 'Дзержинськ', 'Дзержинск'],
    current: 'Торецьк', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Krasnoarmiisk', 'Krasnoarmiysk', 'Krasnoarmeysk', 'Krasnoarmeisk', 'Красноармійськ', 'Красноармейск'],
    current: 'Покровськ', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Dymytrov', 'Dimitrov', 'Димитров'],
    current: 'Мирноград', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: [
      'Krasnyi Lyman', 'Krasnyy Lyman', 'Krasny Lyman', 'Krasnyi Liman', 'Krasnyy Liman', 'Krasny Liman',
      'Красний Лиман', 'Красный Лиман',
    ],
    current: 'Лиман', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  { old: KIROVSKE, current: 'Хрестівка', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation' },
  { old: KOMSOMOLSKE, current: 'Кальміуське', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Telmanove', 'Telmanovo', 'Тельманове', 'Тельманово'],
    current: 'Бойківське', oblast: 'Donetsk', category: 'X', year: 2016, reason: 'decommunisation',
  },
  { old: ['Torez', 'Торез'], current: 'Чистякове', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Artemove', 'Artemovo', 'Artyomovo', 'Артемове', 'Артемово', 'Артёмово'],
    current: 'Залізне', oblast: 'Donetsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Leninske', 'Leninskoye', 'Leninskoe', 'Ленінське', 'Ленинское'],
    current: 'Південне', oblast: 'Donetsk', category: 'X', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Novhorodske', 'Novgorodskoye', 'Novgorodskoe', 'Новгородське', 'Новгородское'],
    current: 'Нью-Йорк', oblast: 'Donetsk', category: 'X', year: 2021, reason: 'other',
  },
  { old: ['Zhdanov', 'Жданов'], current: 'Маріуполь', oblast: 'Donetsk', category: 'M', year: 1989, reason: 'historical' },
  {
    old: ['Stalino', 'Yuzivka', 'Yuzovka', 'Hughesovka', 'Сталіно', 'Сталино', 'Юзівка', 'Юзовка'],
    current: 'Донецьк', oblast: 'Donetsk', category: 'M', year: 1961, reason: 'historical',
  },

  // Luhansk
  { old: ['Stakhanov', 'Стаханов'], current: 'Кадіївка', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Krasnyi Luch', 'Krasnyy Luch', 'Krasny Luch', 'Красний Луч', 'Красный Луч'],
    current: 'Хрустальний', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Sverdlovsk', 'Свердловськ', 'Свердловск'],
    current: 'Довжанськ', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  { old: ['Krasnodon', 'Краснодон'], current: 'Сорокине', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Kirovsk', 'Кіровськ', 'Кировск'],
    current: 'Голубівка', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  { old: ARTEMIVSK, current: 'Кипуче', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Chervonopartyzansk', 'Chervonopartizansk', 'Червонопартизанськ', 'Червонопартизанск'],
    current: 'Вознесенівка', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Vakhrusheve', 'Vakhrushevo', 'Вахрушеве', 'Вахрушево'],
    current: 'Боково-Хрустальне', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Petrovske', 'Petrovskoye', 'Petrovskoe', 'Петровське', 'Петровское'],
    current: 'Петрово-Красносілля', oblast: 'Luhansk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Pervomaisk', 'Pervomaysk', 'Первомайськ', 'Первомайск'],
    current: 'Сокологірськ', oblast: 'Luhansk', category: 'M', reason: 'derussification',
  },
  {
    old: ['Molodohvardiisk', 'Molodohvardiysk', 'Molodogvardeysk', 'Molodogvardeisk', 'Молодогвардійськ', 'Молодогвардейск'],
    current: 'Отаманівка', oblast: 'Luhansk', category: 'M', reason: 'derussification',
  },
  {
    old: ['Sievierodonetsk', 'Sieverodonetsk', 'Severodonetsk', 'Syeverodonetsk', 'Сєвєродонецьк', 'Северодонецк'],
    current: 'Сіверськодонецьк', oblast: 'Luhansk', category: 'M', reason: 'derussification',
  },
  {
    old: ['Voroshylovhrad', 'Voroshilovgrad', 'Ворошиловград'],
    current: 'Луганськ', oblast: 'Luhansk', category: 'M', year: 1990, reason: 'historical',
  },
  {
    old: ['Kommunarsk', 'Komunarsk', 'Комунарськ', 'Коммунарск'],
    current: 'Алчевськ', oblast: 'Luhansk', category: 'M', year: 1991, reason: 'historical',
  },

  // Dnipropetrovsk
  {
    old: ['Dnipropetrovsk', 'Dnepropetrovsk', 'Дніпропетровськ', 'Днепропетровск'],
    current: 'Дніпро', oblast: 'Dnipropetrovsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Katerynoslav', 'Yekaterinoslav', 'Ekaterinoslav', 'Катеринослав', 'Екатеринослав'],
    current: 'Дніпро', oblast: 'Dnipropetrovsk', category: 'M', year: 1926, reason: 'historical',
  },
  {
    old: ['Dniprodzerzhynsk', 'Dneprodzerzhinsk', 'Дніпродзержинськ', 'Днепродзержинск'],
    current: 'Кам’янське', oblast: 'Dnipropetrovsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Ordzhonikidze', 'Орджонікідзе', 'Орджоникидзе'],
    current: 'Покров', oblast: 'Dnipropetrovsk', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Pershotravensk', 'Першотравенськ', 'Першотравенск'],
    current: 'Шахтарське', oblast: 'Dnipropetrovsk', category: 'M', year: 2024, reason: 'derussification',
  },
  {
    old: ['Novomoskovsk', 'Новомосковськ', 'Новомосковск'],
    current: 'Самар', oblast: 'Dnipropetrovsk', category: 'M', year: 2024, reason: 'derussification',
  },

  // Zaporizhia: Kuibysheve became Bilmak in 2016 and Kamianka later
  {
    old: ['Kuibysheve', 'Kuybysheve', 'Kuibyshevo', 'Kuybyshevo', 'Bilmak', 'Куйбишеве', 'Куйбышево', 'Більмак', 'Бильмак'],
    current: 'Кам’янка', oblast: 'Zaporizhia', category: 'X', reason: 'other',
  },

  // Kharkiv
  { old: KOMSOMOLSKE, current: 'Слобожанське', oblast: 'Kharkiv', category: 'M', year: 2016, reason: 'decommunisation' },
  {
    old: ['Krasnohrad', 'Krasnograd', 'Красноград'],
    current: 'Берестин', oblast: 'Kharkiv', category: 'M', year: 2024, reason: 'derussification',
  },
  {
    old: ['Pervomaiskyi', 'Pervomaisky', 'Pervomayskyi', 'Pervomayskiy', 'Pervomaysky', 'Первомайський', 'Первомайский'],
    current: 'Златопіль', oblast: 'Kharkiv', category: 'M', year: 2024, reason: 'derussification',
  },

  // Kherson
  {
    old: ['Tsiurupynsk', 'Tsyurupynsk', 'Tsyurupinsk', 'Цюрупинськ', 'Цюрупинск'],
    current: 'Олешки', oblast: 'Kherson', category: 'M', year: 2016, reason: 'decommunisation',
  },

  // Kirovohrad
  {
    old: ['Kirovohrad', 'Kirovograd', 'Кіровоград', 'Кировоград'],
    current: 'Кропивницький', oblast: 'Kirovohrad', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Yelysavethrad', 'Yelisavetgrad', 'Elisavetgrad', 'Єлисаветград', 'Елисаветград'],
    current: 'Кропивницький', oblast: 'Kirovohrad', category: 'M', year: 1924, reason: 'historical',
  },
  {
    old: ['Ulianovka', 'Ulyanovka', 'Ульяновка'],
    current: 'Благовіщенське', oblast: 'Kirovohrad', category: 'M', year: 2016, reason: 'decommunisation',
  },

  // Poltava
  {
    old: ['Komsomolsk', 'Комсомольськ', 'Комсомольск'],
    current: 'Горішні Плавні', oblast: 'Poltava', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Chervonozavodske', 'Chervonozavodskoye', 'Chervonozavodskoe', 'Червонозаводське', 'Червонозаводское'],
    current: 'Заводське', oblast: 'Poltava', category: 'M', year: 2016, reason: 'decommunisation',
  },

  // Odesa
  {
    old: ['Illichivsk', 'Ilyichevsk', 'Ilichevsk', 'Іллічівськ', 'Ильичёвск', 'Ильичевск'],
    current: 'Чорноморськ', oblast: 'Odesa', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Kotovsk', 'Котовськ', 'Котовск'],
    current: 'Подільськ', oblast: 'Odesa', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Yuzhne', 'Yuzhnyi', 'Yuzhnoye', 'Yuzhnoe', 'Южне', 'Южный', 'Южное'],
    current: 'Південне', oblast: 'Odesa', category: 'M', year: 2024, reason: 'derussification',
  },
  {
    old: ['Krasni Okny', 'Krasnye Okny', 'Krasnyye Okny', 'Красні Окни', 'Красные Окны'],
    current: 'Окни', oblast: 'Odesa', category: 'X', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Frunzivka', 'Frunzovka', 'Фрунзівка', 'Фрунзовка'],
    current: 'Захарівка', oblast: 'Odesa', category: 'X', year: 2016, reason: 'decommunisation',
  },

  // Mykolaiv
  {
    old: ['Yuzhnoukrainsk', 'Yuzhnoukrayinsk', 'Южноукраїнськ', 'Южноукраинск'],
    current: 'Південноукраїнськ', oblast: 'Mykolaiv', category: 'M', year: 2024, reason: 'derussification',
  },

  // Zhytomyr
  {
    old: [
      'Novohrad-Volynskyi', 'Novohrad-Volynskyy', 'Novohrad-Volynsky', 'Novograd-Volynsky', 'Novograd-Volynskiy',
      'Новоград-Волинський', 'Новоград-Волынский',
    ],
    current: 'Звягель', oblast: 'Zhytomyr', category: 'M', year: 2022, reason: 'derussification',
  },
  {
    old: ['Chervonoarmiisk', 'Chervonoarmiysk', 'Chervonoarmeysk', 'Червоноармійськ', 'Червоноармейск'],
    current: 'Пулини', oblast: 'Zhytomyr', category: 'X', year: 2016, reason: 'decommunisation',
  },

  // Rivne
  {
    old: ['Kuznetsovsk', 'Кузнецовськ', 'Кузнецовск'],
    current: 'Вараш', oblast: 'Rivne', category: 'M', year: 2016, reason: 'decommunisation',
  },

  // Kyiv
  {
    old: [
      'Pereiaslav-Khmelnytskyi', 'Pereyaslav-Khmelnytskyi', 'Pereyaslav-Khmelnytsky', 'Pereyaslav-Khmelnitsky',
      'Pereyaslav-Khmelnitskiy', 'Переяслав-Хмельницький', 'Переяслав-Хмельницкий',
    ],
    current: 'Переяслав', oblast: 'Kyiv', category: 'M', year: 2019, reason: 'derussification',
  },

  // Lviv
  {
    old: ['Chervonohrad', 'Chervonograd', 'Червоноград'],
    current: 'Шептицький', oblast: 'Lviv', category: 'M', year: 2024, reason: 'derussification',
  },

  // Chernihiv
  { old: ['Shchors', 'Щорс'], current: 'Сновськ', oblast: 'Chernihiv', category: 'M', year: 2016, reason: 'decommunisation' },

  // Cherkasy
  {
    old: ['Vatutine', 'Vatutino', 'Ватутіне', 'Ватутино'],
    current: 'Багачеве', oblast: 'Cherkasy', category: 'M', reason: 'derussification',
  },

  // Ivano-Frankivsk, Khmelnytskyi
  {
    old: ['Stanislaviv', 'Stanislav', 'Stanisławów', 'Станиславів', 'Станіслав', 'Станислав'],
    current: 'Івано-Франківськ', oblast: 'Ivano-Frankivsk', category: 'M', year: 1962, reason: 'historical',
  },
  {
    old: ['Proskuriv', 'Proskurov', 'Проскурів', 'Проскуров'],
    current: 'Хмельницький', oblast: 'Khmelnytskyi', category: 'M', year: 1954, reason: 'historical',
  },

  // Crimea (renamed by Ukraine; reporting uses the old names)
  {
    old: ['Krasnoperekopsk', 'Красноперекопськ', 'Красноперекопск'],
    current: 'Яни Капу', oblast: 'Crimea', category: 'M', year: 2016, reason: 'decommunisation',
  },
  {
    old: ['Krasnohvardiiske', 'Krasnohvardiyske', 'Krasnogvardeyskoye', 'Krasnogvardeiskoe', 'Красногвардійське', 'Красногвардейское'],
    current: 'Курман', oblast: 'Crimea', category: 'X', reason: 'decommunisation',
  },
  { old: KIROVSKE, current: 'Іслям-Терек', oblast: 'Crimea', category: 'X', reason: 'decommunisation' },
  {
    old: ['Sovietskyi', 'Sovetsky', 'Sovetskiy', 'Sovetskyi', 'Совєтський', 'Советский'],
    current: 'Ічкі', oblast: 'Crimea', category: 'X', reason: 'decommunisation',
  },
];

let byOld: Map<string, Renaming[]> | null = null;

/**
 * The renamings one of whose old names normalises like `name` ("Artemovsk",
 * "Артёмовск" → Bakhmut and Kypuche); [] if none.
 */
export function renamingsByOldName(name: string): readonly Renaming[] {
  if (byOld === null) {
    byOld = new Map();
    for (const r of RENAMED) {
      for (const o of r.old) {
        const k = normaliseName(o);
        const list = byOld.get(k) ?? [];
        if (!list.includes(r)) list.push(r);
        byOld.set(k, list);
      }
    }
  }
  return byOld.get(normaliseName(name)) ?? [];
}

/**
 * Former names of the settlement `current` (Ukrainian Cyrillic) in `oblast`,
 * optionally only for the KATOTTG `category` (use it: Лиман in Donetsk oblast
 * is both a city, formerly Krasnyi Lyman, and a village that was not renamed).
 */
export function formerNames(current: string, oblast: string, category?: SettlementCategory): string[] {
  const key = normaliseName(current);
  const ob = normaliseName(oblast);
  const out: string[] = [];
  for (const r of RENAMED) {
    if (normaliseName(r.current) !== key || normaliseName(r.oblast) !== ob) continue;
    if (category !== undefined && r.category !== category) continue;
    for (const o of r.old) if (!out.includes(o)) out.push(o);
  }
  return out;
}
