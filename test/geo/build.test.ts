/**
 * Building the gazetteer from the registers, on the team's fixture: the
 * KATOTTG parser, the join with the coordinates table, the statistics, the
 * namesake join by hromada, raions and city districts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildFromRegisters, cyrillicKey } from '../../src/geo/build.js';
import { parseKatottg } from '../../src/geo/sources/katottg.js';
import { parseCoordinatePlaces } from '../../src/geo/sources/ua-places.js';
import { buildGazetteer } from '../../src/geo/gazetteer.js';
import { builtinGeoNamesPath, readGeoNamesFile } from '../../src/geo/geonames.js';
import { extendedFixture, find, fixture, katottgText, placesText, run } from './fixture.js';

const HEADER = 'Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта';

// ------------------------------------------------------------------ parseKatottg

test('parseKatottg: every row of the fixture, with its hierarchy codes', () => {
  const text = katottgText();
  const k = parseKatottg(text);
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
  assert.equal(k.units.length, rows);
  assert.equal(k.byCode.size, rows, 'codes are unique');
  const count = (c: string) => k.units.filter((u) => u.category === c).length;
  assert.deepEqual({ O: count('O'), K: count('K'), P: count('P'), B: count('B') }, { O: 9, K: 1, P: 18, B: 5 });
  assert.equal(count('M') + count('X') + count('C'), 37);

  // A village: its raion and hromada are the codes of the columns before it.
  const klishchiivka = k.units.find((u) => u.name === 'Кліщіївка')!;
  assert.deepEqual(klishchiivka, {
    code: 'UA01010011000001006', category: 'C', name: 'Кліщіївка', admin1: 'Donetsk',
    raion: 'UA01010000000001002', hromada: 'UA01010010000001003', city: null,
  });
  assert.equal(k.byCode.get(klishchiivka.raion!)?.name, 'Бахмутський');
  assert.equal(k.byCode.get(klishchiivka.hromada!)?.name, 'Бахмутська');
  // A city district: the additional-level code, and its city.
  const saltivskyi = k.units.find((u) => u.name === 'Салтівський')!;
  assert.equal(saltivskyi.code, 'UA99000000000001052');
  assert.equal(saltivskyi.category, 'B');
  assert.equal(k.byCode.get(saltivskyi.city!)?.name, 'Харків');
  // A raion has no hromada.
  const pokrovskyi = k.units.find((u) => u.name === 'Покровський')!;
  assert.equal(pokrovskyi.raion, pokrovskyi.code);
  assert.equal(pokrovskyi.hromada, null);
});

test('parseKatottg: admin1 from the O rows (oblasts) and the K row (Kyiv)', () => {
  const k = parseKatottg(katottgText());
  const admin1 = Object.fromEntries(k.units.filter((u) => u.category === 'O' || u.category === 'K').map((u) => [u.name, u.admin1]));
  assert.deepEqual(admin1, {
    Донецька: 'Donetsk', Запорізька: 'Zaporizhia', Харківська: 'Kharkiv', Херсонська: 'Kherson', Київська: 'Kyiv',
    Дніпропетровська: 'Dnipropetrovsk', Кіровоградська: 'Kirovohrad', Одеська: 'Odesa', Черкаська: 'Cherkasy', Київ: 'Kyiv City',
  });
  // Every unit below an O row inherits its admin1.
  assert.ok(k.units.every((u) => u.admin1 !== null), 'every unit has an oblast');
  assert.equal(k.units.find((u) => u.name === 'Шевченкове')?.admin1, 'Cherkasy');
  // The K rows of Sevastopol and Crimea's O row.
  const more = parseKatottg(`${HEADER}\nUA85000000000000001;;;;;K;Севастополь\nUA01000000000000002;;;;;O;Автономна Республіка Крим\n`);
  assert.deepEqual(more.units.map((u) => u.admin1), ['Sevastopol', 'Crimea']);
});

test('parseKatottg: a malformed line raises an error naming its line number', () => {
  const good = `${HEADER}\nUA01000000000001001;;;;;O;Донецька\n`;
  assert.throws(() => parseKatottg(`${good}UA01000000000001001;UA01010000000001002;P;Бахмутський\n`), /KATOTTG line 3: expected 7 columns separated by ';', found 4/);
  assert.throws(() => parseKatottg(`${good}UA01000000000001001;UA01010000000001002;;;;Q;Бахмутський\n`), /KATOTTG line 3: unknown category "Q"/);
  // Blank lines still count: the bad code is on line 4.
  assert.throws(() => parseKatottg(`${good}\nUA01;UA0101;;;;P;Бахмутський\n`), /KATOTTG line 4: "UA0101" is not a KATOTTG code/);
  // A fixture line broken in the middle of the file.
  const lines = katottgText().split('\n');
  lines[20] = lines[20]!.replace(/;/g, ',');
  assert.throws(() => parseKatottg(lines.join('\n')), /KATOTTG line 21:/);
});

test('parseKatottg: byte-order mark and CRLF line ends as the ministry publishes them', () => {
  const text = `\uFEFF${katottgText().split('\n').join('\r\n')}`;
  const k = parseKatottg(text);
  assert.equal(k.units.length, parseKatottg(katottgText()).units.length);
  assert.equal(k.units[0]!.name, 'Донецька');
  assert.ok(k.units.every((u) => !u.name.endsWith('\r')));
});

test('parseCoordinatePlaces: the fixture table, Russian and old names as alternates, oblast from "obl"', () => {
  const places = parseCoordinatePlaces(placesText());
  assert.equal(places.length, 38);
  const bakhmut = places.find((p) => p.name === 'Бахмут')!;
  assert.deepEqual(bakhmut, { name: 'Бахмут', alternates: ['Артемовск', 'Артемівськ'], lat: 48.595, lon: 37.999, population: 73000, centre: true, admin1: 'Donetsk' });
  assert.equal(places.find((p) => p.name === 'Київ')?.admin1, 'Kyiv City');
  assert.throws(() => parseCoordinatePlaces('{"places":[{"n":"Бахмут","ll":[48.6]}]}'), /ll/);
});

// ------------------------------------------------------------------ buildFromRegisters

test('buildFromRegisters: 38 settlements, all with coordinates from the table; 18 raions and 5 city districts', () => {
  const { stats } = fixture();
  assert.equal(stats.settlements, 38);
  assert.equal(stats.withCoordinates, 38);
  assert.equal(stats.approximate, 0);
  assert.deepEqual(stats.coordinatesFrom, { coordinates: 38 });
  assert.equal(stats.raions, 18);
  assert.equal(stats.districts, 5);
  assert.deepEqual(stats.byOblast, {
    Donetsk: { settlements: 16, withCoordinates: 16 }, Zaporizhia: { settlements: 6, withCoordinates: 6 },
    Kharkiv: { settlements: 4, withCoordinates: 4 }, Kherson: { settlements: 4, withCoordinates: 4 },
    Kyiv: { settlements: 2, withCoordinates: 2 }, Dnipropetrovsk: { settlements: 2, withCoordinates: 2 },
    Kirovohrad: { settlements: 1, withCoordinates: 1 }, Odesa: { settlements: 1, withCoordinates: 1 },
    Cherkasy: { settlements: 1, withCoordinates: 1 }, 'Kyiv City': { settlements: 1, withCoordinates: 1 },
  });
  const { sources } = fixture();
  assert.equal(stats.names, sources.filter((s) => s.place.id.startsWith('katottg:')).reduce((n, s) => n + s.names.length, 0));
  assert.equal(sources.filter((s) => s.place.kind === 'oblast').length, 27, 'the 27 divisions come first');
});

test('buildFromRegisters: each Андріївка gets its own oblast\'s coordinates, raion and hromada', () => {
  const andriivkas = fixture().sources.filter((s) => s.place.nameUk === 'Андріївка').map((s) => s.place);
  const by = Object.fromEntries(andriivkas.map((p) => [p.admin1!, [p.lat, p.lon, p.admin2, p.parent, p.coordSource]]));
  assert.deepEqual(by, {
    Donetsk: [48.49, 37.97, 'Bakhmutskyi', 'Bakhmutska', 'coordinates'],
    Zaporizhia: [47.53, 35.66, 'Polohivskyi', 'Orikhivska', 'coordinates'],
    Kharkiv: [49.55, 37.8, 'Kupianskyi', 'Kupianska', 'coordinates'],
    Kyiv: [50.6, 30.0, 'Buchanskyi', 'Buchanska', 'coordinates'],
  });
  assert.equal(new Set(andriivkas.map((p) => p.id)).size, 4);
});

test('buildFromRegisters: two namesakes in one oblast join their records by their hromadas\' other villages', () => {
  // The extended fixture adds a second Новоолександрівка to Donetsk oblast (Мар'їнська hromada, near Marinka).
  const pair = extendedFixture().sources.filter((s) => s.place.nameUk === 'Новоолександрівка').map((s) => s.place);
  const byHromada = Object.fromEntries(pair.map((p) => [p.parent!, [p.lat, p.lon, p.population]]));
  assert.deepEqual(byHromada, { Velykonovosilkivska: [47.76, 36.96, 300], Marinska: [47.9, 37.4, 250] });
  const { stats } = extendedFixture();
  assert.equal(stats.settlements, 41);
  assert.equal(stats.withCoordinates, 40);
  assert.equal(stats.approximate, 1);
});

test('buildFromRegisters: a village no source places stands at its hromada\'s centre, marked approximate', () => {
  const tokmachka = extendedFixture().sources.find((s) => s.place.nameUk === 'Мала Токмачка')!.place;
  assert.equal(tokmachka.coordSource, 'hromada centroid');
  assert.equal(tokmachka.approximate, true);
  // Centre of Orikhiv, Robotyne and the Zaporizhzhia Andriivka, the hromada's other settlements.
  assert.ok(Math.abs(tokmachka.lat! - (47.567 + 47.448 + 47.53) / 3) < 1e-4, String(tokmachka.lat));
  assert.ok(Math.abs(tokmachka.lon! - (35.783 + 35.837 + 35.66) / 3) < 1e-4, String(tokmachka.lon));
});

test('buildFromRegisters: settlement records — official name, KATOTTG id, raion as admin2, Kyiv without a raion', () => {
  const { sources } = fixture();
  const place = (uk: string) => sources.find((s) => s.place.nameUk === uk)!.place;
  const vuhledar = place('Вугледар');
  assert.equal(vuhledar.id, 'katottg:UA01020031000001018');
  assert.equal(vuhledar.name, 'Vuhledar');
  assert.equal(vuhledar.kind, 'settlement');
  assert.equal(vuhledar.category, 'M');
  assert.equal(vuhledar.admin2, 'Pokrovskyi');
  assert.equal(vuhledar.population, 14000);
  const kyiv = place('Київ');
  assert.deepEqual([kyiv.admin1, kyiv.admin2, kyiv.category, kyiv.lat, kyiv.lon], ['Kyiv City', null, 'K', 50.45, 30.52]);
  assert.equal(place('Велика Новосілка').category, 'X');
});

test('buildFromRegisters: names of every kind are attached to the right settlement', () => {
  const names = (uk: string) => fixture().sources.find((s) => s.place.nameUk === uk)!.names;
  const kinds = (uk: string) => Object.fromEntries(names(uk).map((n) => [n.name, n.kind]));
  const bakhmut = kinds('Бахмут');
  assert.equal(bakhmut.Bakhmut, 'official');
  assert.equal(bakhmut.Artemovsk, 'russian', 'from the coordinates table\'s Russian alternate');
  assert.equal(bakhmut.Artemivsk, 'historical', 'from renamed.ts');
  assert.equal(bakhmut.Bachmut, 'polish');
  const oleshky = kinds('Олешки');
  assert.equal(oleshky.Tsiurupynsk, 'historical', 'the Ukrainian old name from the table, romanised');
  assert.ok(oleshky['Цюрупинськ'], 'the old Cyrillic name is a name of Oleshky');
  const dnipro = kinds('Дніпро');
  assert.equal(dnipro.Dnipropetrovsk, 'historical');
  // Names go to one place only: Artemivsk is not also Kypuche's (that one is in Luhansk, not in the fixture).
  assert.deepEqual(find(fixture().gazetteer, 'Artemivsk').map((e) => e.place.name), ['Bakhmut']);
});

test('buildFromRegisters: raions by adjective and by their centre\'s name; city districts with their city', () => {
  const { sources, gazetteer } = fixture();
  const raion = sources.find((s) => s.place.nameUk === 'Пологівський')!;
  assert.equal(raion.place.kind, 'raion');
  assert.equal(raion.place.name, 'Polohivskyi raion');
  assert.equal(raion.place.admin1, 'Zaporizhia');
  for (const n of ['Polohivskyi raion', 'Polohy raion', 'Polohivskyi district', 'Polohy District', 'Пологівський район']) {
    assert.ok(raion.names.some((x) => x.name === n), `${n} in ${raion.names.map((x) => x.name).join(', ')}`);
  }
  // At the centre of its settlements (Orikhiv, Robotyne, Andriivka, Polohy).
  assert.ok(Math.abs(raion.place.lat! - (47.567 + 47.448 + 47.53 + 47.48) / 4) < 1e-6);
  assert.deepEqual(find(gazetteer, 'Bakhmut raion').map((e) => e.place.name), ['Bakhmutskyi raion']);
  const district = sources.find((s) => s.place.nameUk === 'Салтівський')!.place;
  assert.deepEqual([district.kind, district.name, district.parent, district.admin1, district.lat, district.lon, district.coordSource], ['district', 'Saltivskyi district', 'Kharkiv', 'Kharkiv', 49.99, 36.23, 'its city']);
});

test('cyrillicKey: the join key ignores case, apostrophes and hyphens', () => {
  assert.equal(cyrillicKey("Мар'їнка"), cyrillicKey('МАР’ЇНКА'));
  assert.equal(cyrillicKey('Велика-Новосілка'), 'велика новосілка');
  assert.equal(cyrillicKey('Артёмовск'), 'артемовск');
});

test('buildFromRegisters: without KATOTTG only the 27 divisions', () => {
  const r = buildFromRegisters({ katottg: null, coordinates: null, geonames: null });
  assert.equal(r.sources.length, 27);
  assert.equal(r.stats.settlements, 0);
});

test('buildFromRegisters with the built-in GeoNames: its rows add exonyms to the right settlements', () => {
  const { sources } = buildFromRegisters({ katottg: parseKatottg(katottgText()), coordinates: parseCoordinatePlaces(placesText()), geonames: readGeoNamesFile(builtinGeoNamesPath()) });
  const g = buildGazetteer(sources);
  assert.deepEqual(find(g, 'Slavyansk').map((e) => e.place.name), ['Sloviansk'], 'the Russian-based name the fixture table lacks');
  assert.deepEqual(find(g, 'Kharkiv').map((e) => e.place.name), ['Kharkiv'], 'still one place');
});

test('buildFromRegisters with the built-in GeoNames: a GeoNames alternate that is another village\'s name does not become the city', () => {
  const { sources } = buildFromRegisters({ katottg: parseKatottg(katottgText()), coordinates: parseCoordinatePlaces(placesText()), geonames: readGeoNamesFile(builtinGeoNamesPath()) });
  const g = buildGazetteer(sources);
  assert.deepEqual(find(g, 'Petrovka').map((e) => e.place.name), []);
  const a = run('Russian forces shelled Petrovka, injuring two people.', '2023-09-10T09:00:00+03:00', g);
  assert.ok(a.events.every((e) => e.place?.name !== 'Kurakhove'));
});
