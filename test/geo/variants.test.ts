import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { normaliseName } from '../../src/geo/normalise.js';
import { OBLASTS } from '../../src/geo/oblasts.js';
import { RENAMED, formerNames, renamingsByOldName } from '../../src/geo/renamed.js';
import {
  adjectiveForms,
  looseKey,
  nameVariants,
  romaniseUk,
  romaniseUkByTable,
  type NameVariant,
  type VariantKind,
} from '../../src/geo/variants.js';
import { sharedData } from '../helpers.js';

/** The names of one kind, in order. */
function ofKind(vs: readonly NameVariant[], kind: VariantKind): string[] {
  return vs.filter((v) => v.kind === kind).map((v) => v.name);
}

const loose = (s: string): string => looseKey(normaliseName(s));

// ---------------------------------------------------------------------------
// romaniseUk

test('romaniseUk: the official 2010 romanisation, capitalised per word and hyphen part', () => {
  const cases: [string, string][] = [
    ['Нова Каховка', 'Nova Kakhovka'],
    ['Іване-Пусте', 'Ivane-Puste'],
    ["Мар'їнка", 'Marinka'],
    ['Мар’їнка', 'Marinka'],
    ['Марʼїнка', 'Marinka'],
    ['Запоріжжя', 'Zaporizhzhia'],
    ['Щастя', 'Shchastia'],
    ['Часів Яр', 'Chasiv Yar'],
    ['Вугледар', 'Vuhledar'],
    ['Харків', 'Kharkiv'],
    ['Київ', 'Kyiv'],
    ['Єнакієве', 'Yenakiieve'],
    ['Згурівка', 'Zghurivka'],
    ['Юр’ївка', 'Yurivka'],
    ['Ягідне', 'Yahidne'],
    ['Їжаківка', 'Yizhakivka'],
    ['Йосипівка', 'Yosypivka'],
    ['Кривий Ріг', 'Kryvyi Rih'],
    ['Велика Новосілка', 'Velyka Novosilka'],
    ['Нью-Йорк', 'Niu-York'],
    ['Ґорґани', 'Gorgany'],
    ['  Бахмут ', 'Bakhmut'],
  ];
  for (const [uk, en] of cases) assert.equal(romaniseUk(uk), en, uk);
});

test('romaniseUk keeps a lowercase particle lowercase, title-cases an all-lowercase or all-caps name', () => {
  assert.equal(romaniseUk('Василівка-на-Дніпрі'), 'Vasylivka-na-Dnipri');
  assert.equal(romaniseUk('Гаї-за-Рудою'), 'Hai-za-Rudoiu');
  assert.equal(romaniseUk('нова каховка'), 'Nova Kakhovka');
  assert.equal(romaniseUk('НОВА КАХОВКА'), 'Nova Kakhovka');
});

test('romaniseUk (the library) and the module table agree', () => {
  for (const uk of ['Мар’їнка', 'Згурівка', 'Єнакієве', 'Нью-Йорк', 'Іване-Пусте', 'Щастя', 'Юр’ївка', 'Яни Капу']) {
    assert.equal(romaniseUkByTable(uk), romaniseUk(uk), uk);
  }
});

// ---------------------------------------------------------------------------
// nameVariants

test('nameVariants: official first, then the romanised forms of the Ukrainian name', () => {
  const vs = nameVariants({ uk: 'Мар’їнка', ru: ['Марьинка'] });
  assert.deepEqual(vs[0], { name: 'Marinka', kind: 'official' });
  const romanised = ofKind(vs, 'romanised');
  for (const f of ["Mar'inka", 'Mariinka', 'Maryinka', "Mar'yinka"]) assert.ok(romanised.includes(f), f);

  const z = ofKind(nameVariants({ uk: 'Запоріжжя' }), 'romanised');
  for (const f of ['Zaporizhzhya', 'Zaporizhia', 'Zaporizhya']) assert.ok(z.includes(f), f);

  assert.ok(ofKind(nameVariants({ uk: 'Щастя' }), 'romanised').includes('Shchastya'));
  assert.ok(ofKind(nameVariants({ uk: 'Донецьк' }), 'romanised').includes("Donets'k"));
  assert.ok(ofKind(nameVariants({ uk: 'Слов’янськ' }), 'romanised').includes('Slovyansk'));
  assert.ok(ofKind(nameVariants({ uk: 'Хмельницький' }), 'romanised').includes('Khmelnytsky'));
  assert.ok(ofKind(nameVariants({ uk: 'Кривий Ріг' }), 'romanised').includes('Kryvyy Rih'));
  assert.ok(ofKind(nameVariants({ uk: 'Велика Новосілка' }), 'romanised').includes('V. Novosilka'));
});

test('nameVariants: the Ukrainian name never gives a g for г; г→g comes only from Russian names', () => {
  const uk = nameVariants({ uk: 'Вугледар' });
  assert.ok(!uk.some((v) => /g/iu.test(v.name)), JSON.stringify(uk));
  assert.deepEqual(ofKind(nameVariants({ uk: 'Вугледар', ru: ['Угледар'] }), 'russian'), ['Ugledar']);
});

test('nameVariants: Russian-based forms (library preset and BGN/PCGN)', () => {
  // uk left empty so that forms equal to a Ukrainian-based one are not deduplicated away
  const ru = (r: string): string[] => ofKind(nameVariants({ uk: '', ru: [r] }), 'russian');
  assert.deepEqual(ru('Марьинка'), ['Marinka', "Mar'inka", 'Maryinka']);
  assert.deepEqual(ru('Угледар'), ['Ugledar']);
  assert.deepEqual(ru('Работино'), ['Rabotino', 'Rabotyno']);
  assert.deepEqual(ru('Великая Новоселка'), ['Velikaya Novoselka', 'Velykaya Novoselka']);
  const yo = ru('Великая Новосёлка');
  for (const f of ['Velikaya Novosyolka', 'Velykaya Novosyolka', 'Velikaya Novoselka', 'Velykaya Novoselka']) {
    assert.ok(yo.includes(f), f);
  }
  assert.deepEqual(ru('Авдеевка'), ['Avdeevka', 'Avdeyevka']);
  assert.ok(ru('Запорожье').includes('Zaporozhye'));
  assert.ok(ru('Запорожье').includes("Zaporozh'ye"));
  assert.deepEqual(ru('Курахово'), ['Kurakhovo']);
  assert.ok(ru('Харьков').includes('Kharkov'));
  assert.ok(ru('Киев').includes('Kiev') && ru('Киев').includes('Kiyev'));
  assert.deepEqual(ru('Луганск'), ['Lugansk']);
  assert.ok(ru('Красный Луч').includes('Krasny Luch'));
  assert.ok(ru('Красный Луч').includes('Krasnyy Luch'));
  assert.ok(!ru('Нью-Йорк').some((f) => /Iork/u.test(f)), 'й after a hyphen is word-initial');
  // with the Ukrainian name, forms it already gave are listed once, under the Ukrainian kind
  const both = nameVariants({ uk: 'Мар’їнка', ru: ['Марьинка'] });
  assert.deepEqual(ofKind(both, 'russian'), []);
  assert.deepEqual(ofKind(both, 'cyrillic'), ['Мар\'їнка', 'Марьинка']);
});

test('nameVariants: Polish transliteration', () => {
  const pl = (uk: string): string[] => ofKind(nameVariants({ uk }), 'polish');
  assert.deepEqual(pl('Вугледар'), ['Wuhłedar']);
  assert.deepEqual(pl('Харків'), ['Charkiw']);
  assert.deepEqual(pl('Часів Яр'), ['Czasiw Jar']);
  assert.deepEqual(pl('Курахове'), ['Kurachowe']);
  assert.deepEqual(pl('Запоріжжя'), ['Zaporiżżia']);
  assert.deepEqual(pl('Луганськ'), ['Łuhańsk']);
  assert.deepEqual(pl('Покровськ'), ['Pokrowsk']);
  assert.deepEqual(pl('Маріуполь'), [], 'Mariupol: the same as the official form');
  assert.deepEqual(pl('Авдіївка'), ['Awdijiwka']);
  assert.deepEqual(pl('Велика Новосілка'), ['Wełyka Nowosiłka']);
  assert.deepEqual(pl('Щастя'), ['Szczastia']);
});

test('nameVariants: German (Duden-style) transliteration', () => {
  const de = (uk: string): string[] => ofKind(nameVariants({ uk }), 'german');
  assert.deepEqual(de('Часів Яр'), ['Tschassiw Jar']);
  assert.deepEqual(de('Вугледар'), ['Wuhledar']);
  assert.deepEqual(de('Запоріжжя'), ['Saporischschja']);
  assert.deepEqual(de('Донецьк'), ['Donezk']);
  assert.deepEqual(de('Слов’янськ'), ['Slowjansk']);
  assert.deepEqual(de('Сєвєродонецьк'), ['Sjewjerodonezk']);
  assert.deepEqual(de('Одеса'), ['Odessa']);
  assert.deepEqual(de('Щастя'), ['Schtschastja']);
  // the same spelling as the Polish one is listed once, as Polish
  assert.deepEqual(de('Харків'), []);
  assert.deepEqual(ofKind(nameVariants({ uk: 'Харків' }), 'polish'), ['Charkiw']);
});

test('nameVariants: Cyrillic, historical and other names; no duplicates', () => {
  const vs = nameVariants({
    uk: 'Бахмут',
    ru: ['Бахмут', ' '],
    historical: formerNames('Бахмут', 'Donetsk', 'M'),
    other: ['Bakhmut', 'Bachmut', 'Бахмуті'],
  });
  assert.deepEqual(ofKind(vs, 'cyrillic'), ['Бахмут']);
  assert.ok(ofKind(vs, 'historical').includes('Artemovsk'));
  assert.ok(ofKind(vs, 'historical').includes('Артемівськ'));
  assert.deepEqual(ofKind(vs, 'other'), ['Бахмуті'], 'names already listed under another kind are not repeated');
  assert.equal(new Set(vs.map((v) => v.name)).size, vs.length);
  assert.deepEqual(nameVariants({ uk: '' }), []);
});

test('nameVariants: about 1,000 places in well under a second', () => {
  const inputs = [
    { uk: 'Велика Новосілка', ru: ['Великая Новосёлка'] },
    { uk: 'Мар’їнка', ru: ['Марьинка'] },
    { uk: 'Запоріжжя', ru: ['Запорожье'] },
    { uk: 'Іване-Пусте' },
  ];
  const t = performance.now();
  for (let i = 0; i < 250; i++) for (const input of inputs) nameVariants(input);
  const ms = performance.now() - t;
  assert.ok(ms < 1000, `${ms.toFixed(0)} ms for 1,000 places`);
});

// ---------------------------------------------------------------------------
// adjectiveForms

test('adjectiveForms: abbreviated adjectives and joined/hyphenated compound prefixes', () => {
  assert.deepEqual(adjectiveForms('Velyka Novosilka'), ['V. Novosilka']);
  assert.deepEqual(adjectiveForms('Nova Kakhovka'), ['N. Kakhovka']);
  assert.deepEqual(adjectiveForms('Stari Troiany'), ['S. Troiany']);
  assert.deepEqual(adjectiveForms('Verkhnia Tersa'), ['V. Tersa']);
  assert.deepEqual(adjectiveForms('Нова Каховка'), ['Н. Каховка']);
  assert.deepEqual(adjectiveForms('Novooleksandrivka'), ['Novo-Oleksandrivka']);
  assert.deepEqual(adjectiveForms('Novo-Oleksandrivka'), ['Novooleksandrivka']);
  assert.deepEqual(adjectiveForms('Starobilsk'), ['Staro-Bilsk']);
  assert.deepEqual(adjectiveForms('Velykomykhailivka'), ['Velyko-Mykhailivka']);
  assert.deepEqual(adjectiveForms('Novoiavorivsk'), ['Novo-Yavorivsk', 'Novo-Iavorivsk']);
  assert.deepEqual(adjectiveForms('Novo-Yavorivsk'), ['Novoiavorivsk', 'Novoyavorivsk']);
  assert.deepEqual(adjectiveForms('Новоолександрівка'), ['Ново-Олександрівка']);
  assert.deepEqual(adjectiveForms('Ново-Олександрівка'), ['Новоолександрівка']);
  assert.deepEqual(adjectiveForms('Nove'), [], 'no remainder to split');
  assert.deepEqual(adjectiveForms('Novoe'), []);
  assert.deepEqual(adjectiveForms('Bakhmut'), []);
  assert.deepEqual(adjectiveForms('Nova'), [], 'a lone adjective is not abbreviated');
});

// ---------------------------------------------------------------------------
// looseKey

/** Every name in a group has the same loose key. */
function assertCollide(names: readonly string[]): void {
  const keys = names.map(loose);
  for (let i = 1; i < names.length; i++) {
    assert.equal(keys[i], keys[0], `${names[i]} (${keys[i]}) vs ${names[0]} (${keys[0]})`);
  }
}

function assertApart(a: string, b: string): void {
  assert.notEqual(loose(a), loose(b), `${a} vs ${b}: ${loose(a)}`);
}

test('looseKey: transliteration variants that collide', () => {
  assertCollide(['Marinka', 'Maryinka', 'Mariinka', "Mar'inka", 'Mar’yinka']);
  assertCollide(['Zaporizhzhia', 'Zaporizhzhya', 'Zaporizhia', 'Zaporizhya']);
  assertCollide(['Kharkiv', 'Charkiw']);
  assertCollide(['Vuhledar', 'Wuhledar', 'Wuhłedar', 'Ugledar', 'Uhledar']);
  assertCollide(['Shchastia', 'Schastya', 'Schastia', 'Shchastya', 'Szczastia', 'Schtschastja']);
  assertCollide(['Chasiv Yar', 'Chasiv Iar', 'Tschassiw Jar', 'Czasiw Jar', 'Chasiv-Yar']);
  assertCollide(['Novooleksandrivka', 'Novo-Oleksandrivka', 'Novo Oleksandrivka', 'Nowoołeksandriwka']);
  assertCollide(['Kurakhove', 'Kurakhovo', 'Kurachowe']);
  assertCollide(['Velyka Novosilka', 'Velykaya Novoselka', 'Velika Novosilka', 'Velikaya Novoselka', 'Wełyka Nowosiłka']);
  assertCollide(['Velykyi Burluk', 'Velikiy Burluk', 'Velykyy Burluk', 'Veliky Burluk']);
  assertCollide(['Nova Kakhovka', 'Novaya Kakhovka', 'Nowa Kachowka']);
  assertCollide(['Staryi Saltiv', 'Stary Saltov'.replace('ov', 'iv'), 'Staryy Saltiv']);
  assertCollide(['Verkhnia Tersa', 'Verkhnyaya Tersa', 'Werchnia Tersa']);
  assertCollide(['Nyzhnia Duvanka', 'Nizhnyaya Duvanka', 'Nyżnia Duwanka']);
  assertCollide(['Luhansk', 'Lugansk', 'Łuhańsk']);
  assertCollide(['Lyman', 'Liman']);
  assertCollide(['Sumy', 'Sumi']);
  assertCollide(['Kyiv', 'Kyjiw', 'Kyyiv']);
  assertCollide(['Rybne', 'Rybnoye', 'Rybnoe']);
  assertCollide(['Yenakiieve', 'Yenakiyevo', 'Jenakijewe']);
  assertCollide(['Novoselivka', 'Novoselovka']);
  assertCollide(['Krasnohorivka', 'Krasnogorovka']);
  assertCollide(['Sloviansk', 'Slovyansk', "Slov'yans'k", 'Słowjańsk', 'Slowjansk']);
  assertCollide(['Klishchiivka', 'Klishchiyivka', 'Kliszczijiwka']);
});

test('looseKey: pairs that stay apart', () => {
  assertApart('Kharkiv', 'Kharkov'); // і vs о
  assertApart('Kyiv', 'Kiev'); // Kiev is a Russian-based exact variant, not a loose one
  assertApart('Zaporizhzhia', 'Zaporozhye');
  assertApart('Zaporizhzhia', 'Saporischschja'); // German s for з, sch for ж
  assertApart('Zaporizhzhia', 'Zaporiżżia'); // Polish ż normalises to z; zh is not folded into z
  assertApart('Avdiivka', 'Avdeyevka');
  assertApart('Novooleksandrivka', 'Novoaleksandrovka');
  assertApart('Donetsk', 'Donezk');
  assertApart('Bakhmut', 'Bakhmach');
  assertApart('Pokrovsk', 'Pokrovka');
  assertApart('Toretsk', 'Torske');
  assertApart('Kreminna', 'Kremenchuk');
  assertApart('Huliaipole', 'Polohy');
  assertApart('Nova Kakhovka', 'Kakhovka');
  assertApart('Velyka Novosilka', 'Mala Novosilka');
  assertApart('Stara Mykolaivka', 'Nova Mykolaivka');
  assertApart('Novo Selo', 'Nove Selo'); // a compound prefix is joined, an adjective is not
});

test('looseKey: the price, ч/х/г meet and adjective genders meet', () => {
  assertCollide(['Lykhivka', 'Lychivka', 'Lyhivka']);
  assertCollide(['Nova', 'Nove', 'Novyi']);
  assertCollide(['Andriivka', 'Andrivka']);
});

test('looseKey: exact outputs, non-Latin input passes through', () => {
  assert.equal(loose('Velyka Novosilka'), 'velik novosilka');
  assert.equal(loose('Chasiv Yar'), 'hasiv iar');
  assert.equal(loose('Shchastia'), 'ščastia');
  assert.equal(loose('Zaporizhzhia'), 'zaporižia');
  assert.notEqual(loose('Zghurivka'), loose('Zhurivka'), 'z + h is not ž');
  assert.equal(loose('Nyzhni Sirohozy'), 'nizhn sirohozi');
  assert.equal(looseKey('бахмут'), 'бахмут');
  assert.equal(looseKey(''), '');
});

// ---------------------------------------------------------------------------
// renamed.ts

const ADMIN1 = new Set(OBLASTS.map((o) => o.admin1));
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;

test('RENAMED: 40–80 well-formed rows', () => {
  assert.ok(RENAMED.length >= 40 && RENAMED.length <= 80, `${RENAMED.length}`);
  const seen = new Set<string>();
  for (const r of RENAMED) {
    assert.ok(ADMIN1.has(r.oblast), r.oblast);
    assert.ok(HAS_CYRILLIC.test(r.current) && !/[A-Za-z]/u.test(r.current), r.current);
    assert.ok(r.old.some((o) => HAS_CYRILLIC.test(o)), `${r.current}: a Cyrillic old name`);
    assert.ok(r.old.some((o) => !HAS_CYRILLIC.test(o)), `${r.current}: a Latin old name`);
    assert.ok(!r.old.some((o) => normaliseName(o) === normaliseName(r.current)), `${r.current}: old ≠ current`);
    const id = `${r.current}|${r.oblast}|${r.category}|${r.reason}`;
    assert.ok(!seen.has(id), id);
    seen.add(id);
  }
});

test('RENAMED: the well-known renamings', () => {
  const to = (old: string): string[] => renamingsByOldName(old).map((r) => `${romaniseUk(r.current)} (${r.oblast})`);
  assert.deepEqual(to('Artemovsk'), ['Bakhmut (Donetsk)', 'Kypuche (Luhansk)']);
  assert.deepEqual(to('Артемівськ'), ['Bakhmut (Donetsk)', 'Kypuche (Luhansk)']);
  assert.deepEqual(to('Dzerzhinsk'), ['Toretsk (Donetsk)']);
  assert.deepEqual(to('Krasnoarmeysk'), ['Pokrovsk (Donetsk)']);
  assert.deepEqual(to('Krasnoarmiisk'), ['Pokrovsk (Donetsk)']);
  assert.deepEqual(to('Dimitrov'), ['Myrnohrad (Donetsk)']);
  assert.deepEqual(to('Dymytrov'), ['Myrnohrad (Donetsk)']);
  assert.deepEqual(to('Dnipropetrovsk'), ['Dnipro (Dnipropetrovsk)']);
  assert.deepEqual(to('Kirovograd'), ['Kropyvnytskyi (Kirovohrad)']);
  assert.deepEqual(to('Komsomolsk'), ['Horishni Plavni (Poltava)']);
  assert.deepEqual(to('Illichivsk'), ['Chornomorsk (Odesa)']);
  assert.deepEqual(to('Krasny Liman'), ['Lyman (Donetsk)']);
  assert.deepEqual(to('Stakhanov'), ['Kadiivka (Luhansk)']);
  assert.deepEqual(to('Krasnyi Luch'), ['Khrustalnyi (Luhansk)']);
  assert.deepEqual(to('Sverdlovsk'), ['Dovzhansk (Luhansk)']);
  assert.deepEqual(to('Tsiurupynsk'), ['Oleshky (Kherson)']);
  assert.deepEqual(to('Kotovsk'), ['Podilsk (Odesa)']);
  assert.deepEqual(to('Zhdanov'), ['Mariupol (Donetsk)']);
  assert.deepEqual(to('Novohrad-Volynskyi'), ['Zviahel (Zhytomyr)']);
  assert.deepEqual(to('Pereiaslav-Khmelnytskyi'), ['Pereiaslav (Kyiv)']);
  assert.deepEqual(to('Yuzhnoukrainsk'), ['Pivdennoukrainsk (Mykolaiv)']);
  assert.deepEqual(to('Ordzhonikidze'), ['Pokrov (Dnipropetrovsk)']);
  assert.deepEqual(to('Chervonohrad'), ['Sheptytskyi (Lviv)']);
  assert.deepEqual(to('Kirovske'), ['Khrestivka (Donetsk)', 'Isliam-Terek (Crimea)']);
  assert.deepEqual(to('Krasnodon'), ['Sorokyne (Luhansk)']);
  assert.deepEqual(to('Severodonetsk'), ['Siverskodonetsk (Luhansk)']);
  assert.deepEqual(to('Bakhmut'), []);
  assert.deepEqual(to('Dokuchaievsk'), [], 'not renamed');
});

test('formerNames: by current name, oblast and category', () => {
  assert.ok(formerNames('Лиман', 'Donetsk', 'M').includes('Krasnyi Lyman'));
  assert.deepEqual(formerNames('Лиман', 'Donetsk', 'C'), [], 'the village Лиман was not renamed');
  assert.deepEqual(formerNames('Лиман', 'Kharkiv'), []);
  const dnipro = formerNames('Дніпро', 'Dnipropetrovsk');
  assert.ok(dnipro.includes('Dnepropetrovsk') && dnipro.includes('Yekaterinoslav'), dnipro.join());
  assert.ok(formerNames("Кам'янське", 'dnipropetrovsk', 'M').includes('Dniprodzerzhynsk'), 'apostrophe and case do not matter');
});

// ---------------------------------------------------------------------------
// The real register (../shared/data, read only; skipped when absent)

const katottg = join(sharedData, 'gazetteer', 'katottg-2025-05-16.csv');
const skip = existsSync(katottg) ? false : 'skipped: the KATOTTG register is not in ../shared/data';

function settlementNames(): string[] {
  const names = new Set<string>();
  for (const line of readFileSync(katottg, 'utf8').split(/\r?\n/u).slice(1)) {
    const cols = line.split(';');
    const category = cols[5];
    const name = cols[6]?.trim();
    if ((category === 'M' || category === 'X' || category === 'C') && name) names.add(name);
  }
  return [...names];
}

test('KATOTTG: the library and the table romanise every settlement name alike', { skip }, () => {
  const names = settlementNames();
  assert.ok(names.length > 15_000, `${names.length}`);
  const differ = names.filter((n) => romaniseUk(n) !== romaniseUkByTable(n));
  assert.deepEqual(differ, []);
});

test('KATOTTG: loose keys merge few distinct official names', { skip }, () => {
  const official = new Set(settlementNames().map((n) => normaliseName(romaniseUk(n))));
  const byKey = new Map<string, number>();
  for (const n of official) {
    const k = looseKey(n);
    byKey.set(k, (byKey.get(k) ?? 0) + 1);
  }
  const worst = Math.max(...byKey.values());
  const shared = [...byKey.values()].filter((c) => c > 1).reduce((a, b) => a + b, 0);
  // measured on 2025-05-16: 17,569 names → 17,367 keys, 399 names share a key, at most 3 per key
  assert.ok(byKey.size >= official.size * 0.98, `${byKey.size} keys for ${official.size} names`);
  assert.ok(shared <= official.size * 0.04, `${shared} names share a key`);
  assert.ok(worst <= 4, `worst key holds ${worst} names`);
});

test('KATOTTG: every renamed settlement is in the register under its current name', { skip }, () => {
  const names = new Set(settlementNames().map(normaliseName));
  for (const r of RENAMED) assert.ok(names.has(normaliseName(r.current)), r.current);
});
