import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Place } from '../../src/core/types.js';
import {
  buildGazetteer,
  isUsableAlternate,
  loadBuiltinGazetteer,
  type GazetteerSource,
} from '../../src/geo/gazetteer.js';
import { keepAlternateName, parseGeoNames } from '../../src/geo/geonames.js';
import { normaliseName } from '../../src/geo/normalise.js';
import { findOblast, OBLASTS, oblastByAdmin1, oblastNames } from '../../src/geo/oblasts.js';

// ---------------------------------------------------------------- oblasts

test('oblast table: 27 divisions, unique codes 01..27 and admin1 names', () => {
  assert.equal(OBLASTS.length, 27);
  assert.deepEqual(
    OBLASTS.map((o) => o.code),
    Array.from({ length: 27 }, (_, i) => String(i + 1).padStart(2, '0')),
  );
  assert.equal(new Set(OBLASTS.map((o) => o.admin1)).size, 27);
  for (const o of OBLASTS) {
    assert.ok(o.lat > 44 && o.lat < 53 && o.lon > 22 && o.lon < 41, `${o.admin1} centroid inside Ukraine`);
  }
});

test('findOblast: variants with and without region words', () => {
  const cases: [string, string][] = [
    ['Zaporizhzhia', 'Zaporizhia'],
    ['Zaporizhzhia Oblast', 'Zaporizhia'],
    ['Zaporizhzhia region', 'Zaporizhia'],
    ['zaporozhye oblast', 'Zaporizhia'],
    ["Zaporiz'ka oblast", 'Zaporizhia'],
    ['Запорізька область', 'Zaporizhia'],
    ['Запорожская область', 'Zaporizhia'],
    ["Donets'ka oblast", 'Donetsk'],
    ['Donetsk oblast', 'Donetsk'],
    ['Донецька область', 'Donetsk'],
    ['Odessa region', 'Odesa'],
    ['Odes’ka oblast', 'Odesa'],
    ['Kiev region', 'Kyiv'],
    ['Kyiv', 'Kyiv'],
    ['Kyivska oblast', 'Kyiv'],
    ['Kiev Special Republican city', 'Kyiv City'],
    ['Kyiv city', 'Kyiv City'],
    ['City of Kyiv', 'Kyiv City'],
    ['м. Київ', 'Kyiv City'],
    ['Nikolayev oblast', 'Mykolaiv'],
    ['Kharkov province', 'Kharkiv'],
    ['Charkiw', 'Kharkiv'],
    ['Lugansk region', 'Luhansk'],
    ['Dnipro region', 'Dnipropetrovsk'],
    ['Dnepropetrovsk oblast', 'Dnipropetrovsk'],
    ['Kropyvnytskyi region', 'Kirovohrad'],
    ['Kirovograd oblast', 'Kirovohrad'],
    ['Chernigov region', 'Chernihiv'],
    ['Khmelnitsky region', 'Khmelnytskyi'],
    ['Transcarpathia', 'Zakarpattia'],
    ['Volhynia', 'Volyn'],
    ['Ivano Frankivsk oblast', 'Ivano-Frankivsk'],
    ['Crimea', 'Crimea'],
    ['Autonomous Republic of Crimea', 'Crimea'],
    ['Krym', 'Crimea'],
    ['Vinnitsa region', 'Vinnytsia'],
    ['Zhitomir oblast', 'Zhytomyr'],
    ['Rovno region', 'Rivne'],
    ['Ternopol region', 'Ternopil'],
    ['Cherkassy oblast', 'Cherkasy'],
    ['Chernovtsy region', 'Chernivtsi'],
    ['Lwów', 'Lviv'],
    ['Sumy Oblast', 'Sumy'],
    ['Poltava region', 'Poltava'],
    ['Kherson oblast', 'Kherson'],
    ['Sevastopol', 'Sevastopol'],
    ['Zaporizhzhia Oblast’s', 'Zaporizhia'],
    ['the Donetsk region', 'Donetsk'],
  ];
  for (const [words, admin1] of cases) assert.equal(findOblast(words)?.admin1, admin1, words);
});

test('findOblast: null for non-regions and ordinary cities', () => {
  assert.equal(findOblast('Bakhmut'), null);
  assert.equal(findOblast('Kharkiv city'), null);
  assert.equal(findOblast('region'), null);
  assert.equal(findOblast(''), null);
});

test('oblastByAdmin1 and oblastNames', () => {
  assert.equal(oblastByAdmin1('Kyiv City')?.code, '12');
  assert.equal(oblastByAdmin1('zaporizhia')?.code, '26');
  assert.equal(oblastByAdmin1('Zaporizhzhia'), null, 'admin1 is the ACLED spelling only');
  const names = oblastNames(OBLASTS.find((o) => o.admin1 === 'Donetsk')!);
  assert.ok(names.includes('Donetsk Oblast'));
  assert.ok(names.includes('Donetska Region'));
  assert.ok(names.includes('Донецкая область'));
  assert.ok(!names.includes('Donetsk'), 'a bare variant is the city, not the oblast');
});

// ---------------------------------------------------------------- GeoNames parser

/** Invented rows in the GeoNames layout (19 tab-separated columns). */
const SAMPLE = [
  ['9900001', 'Testivka', 'Testivka', 'Testiwka,Тестівка,Тестовка,テストフカ,Տեստիվկա,تستيفكا,Testivka 2,Testivka-Upon-A-Very-Long-River-Name-Beyond-Forty', '48.10000', '37.50000', 'P', 'PPL', 'UA', '', '05', '', '', '', '1234', '', '150', 'Europe/Kyiv', '2024-01-01'],
  ['9900002', 'Prykladne', 'Prykladne', '', '47.20000', '35.60000', 'P', 'PPLA3', 'UA', '', '26', '', '', '', '0', '', '90', 'Europe/Zaporozhye', '2023-05-06'],
  ['9900003', 'Nowhereville', 'Nowhereville', 'Nowhere', '50.00000', '10.00000', 'P', 'PPL', 'DE', '', '02', '', '', '', '700', '', '300', 'Europe/Berlin', '2020-01-01'],
  ['9900004', 'Testova Hora', 'Testova Hora', '', '48.20000', '37.60000', 'T', 'HLL', 'UA', '', '05', '', '', '', '0', '', '210', 'Europe/Kyiv', '2020-01-01'],
  ['9900005', 'Zrazkove', 'Zrazkove', 'Zrazkovoe', '49.90000', '36.20000', 'P', 'PPL', 'UA', 'RU', '07', '6312', '', '', '812', '120', '118', 'Europe/Kyiv', '2019-02-03'],
].map((f) => f.join('\t'));

test('parseGeoNames keeps Ukrainian populated places only', () => {
  const rows = parseGeoNames(`${SAMPLE.join('\n')}\n`);
  assert.deepEqual(rows.map((r) => r.id), [9900001, 9900002, 9900005]);
  const [a, b, c] = rows;
  assert.ok(a && b && c);
  assert.equal(a.name, 'Testivka');
  assert.equal(a.admin1Code, '05');
  assert.equal(a.admin1, 'Donetsk');
  assert.equal(a.lat, 48.1);
  assert.equal(a.lon, 37.5);
  assert.equal(a.population, 1234);
  assert.equal(a.featureCode, 'PPL');
  assert.deepEqual(a.alternateNames, ['Testiwka', 'Тестівка', 'Тестовка']);
  assert.equal(b.admin1, 'Zaporizhia');
  assert.equal(b.population, null, 'GeoNames 0 means unknown');
  assert.equal(b.admin2Code, null);
  assert.equal(c.admin1, 'Kharkiv');
  assert.equal(c.admin2Code, '6312');
  assert.equal(c.elevation, 120);
  assert.equal(c.modified, '2019-02-03');
});

test('parseGeoNames: CRLF, other countries, other feature classes, malformed lines', () => {
  const text = `${SAMPLE.join('\r\n')}\r\nnot\ta\tvalid\tUA\tline\n`;
  assert.equal(parseGeoNames(text).length, 3);
  assert.deepEqual(parseGeoNames(text, 'DE').map((r) => r.id), [9900003]);
  assert.equal(parseGeoNames(text, 'DE')[0]?.admin1, null, 'admin1 names are for UA only');
  assert.deepEqual(parseGeoNames(text, 'UA', ['T']).map((r) => r.id), [9900004]);
  assert.deepEqual(parseGeoNames(''), []);
});

test('keepAlternateName: Latin and Cyrillic only, no digits, at most 40 characters', () => {
  assert.ok(keepAlternateName('Mar’inka'));
  assert.ok(keepAlternateName('Мар’їнка'));
  assert.ok(keepAlternateName('Zaporižžja'));
  assert.ok(!keepAlternateName('扎波罗热'));
  assert.ok(!keepAlternateName('Զապորոժիե'));
  assert.ok(!keepAlternateName('زاباروجيا'));
  assert.ok(!keepAlternateName('Ζαπορίζια'));
  assert.ok(!keepAlternateName('Zolotaya Balka (1 otd.)'));
  assert.ok(!keepAlternateName('A'.repeat(41)));
});

// ---------------------------------------------------------------- buildGazetteer

function place(id: string, name: string, population: number | null, admin1 = 'Donetsk'): Place {
  return { id, name, kind: 'settlement', admin1, admin2: null, lat: 48, lon: 37, population };
}

test('buildGazetteer: ordering, dedupe, alternate hygiene, size and maxTokens', () => {
  const sources: GazetteerSource[] = [
    { place: place('t:1', 'Small', 500), names: [{ name: 'Small', kind: 'primary' }, { name: 'Shared', kind: 'primary' }] },
    {
      place: place('t:2', 'Big', 90000),
      names: [
        { name: 'Big', kind: 'primary' },
        { name: 'Big', kind: 'ascii' },
        { name: 'Shared', kind: 'alternate' },
        { name: 'Victory', kind: 'alternate' },
        { name: 'Bg', kind: 'alternate' },
        { name: 'ji fu', kind: 'alternate' },
      ],
    },
    { place: place('t:3', 'Middle', 20000), names: [{ name: 'Shared', kind: 'primary' }] },
    { place: place('t:4', 'Three Word Name', null), names: [{ name: 'Three-Word Name', kind: 'primary' }] },
  ];
  const g = buildGazetteer(sources);
  assert.equal(g.size, 4);
  assert.deepEqual(g.lookup('shared').map((e) => e.place.id), ['t:3', 't:1', 't:2']);
  assert.deepEqual(g.lookup('big').map((e) => [e.place.id, e.nameKind]), [['t:2', 'primary']]);
  assert.equal(g.lookup('victory').length, 0, 'stoplisted alternate');
  assert.equal(g.lookup('bg').length, 0, 'short alternate');
  assert.equal(g.lookup('ji fu').length, 0, 'lowercase romanisation');
  assert.equal(g.lookup('three word name')[0]?.place.id, 't:4');
  assert.equal(g.lookup('threeword name')[0]?.place.id, 't:4');
  assert.equal(g.maxTokens, 3);
  assert.equal(g.lookup('nothing here').length, 0);
  assert.equal(g.oblast('Donetsk'), null, 'no oblast records given');
  assert.equal([...g.places()].length, 4);
});

test('isUsableAlternate', () => {
  assert.ok(isUsableAlternate('Artemovsk'));
  assert.ok(!isUsableAlternate('Human'));
  assert.ok(!isUsableAlternate('IEV'));
  assert.ok(!isUsableAlternate('kheiyf'));
});

// ---------------------------------------------------------------- builtin gazetteer

const lookup = (name: string) => loadBuiltinGazetteer().lookup(normaliseName(name));

test('builtin gazetteer loads, is memoised, has 27 oblasts and > 2800 places', () => {
  const g = loadBuiltinGazetteer();
  assert.equal(loadBuiltinGazetteer(), g);
  assert.ok(g.size > 2800, `size ${g.size}`);
  const oblasts = [...g.places()].filter((p) => p.kind === 'oblast');
  assert.equal(oblasts.length, 27);
  for (const o of OBLASTS) {
    const p = g.oblast(o.admin1);
    assert.ok(p, o.admin1);
    assert.equal(p.kind, 'oblast');
    assert.equal(p.admin1, o.admin1);
    assert.equal(p.lat, o.lat);
  }
  assert.equal(g.oblast('Kyiv City')?.id, 'oblast:kyiv-city');
  assert.equal(g.oblast('Ivano-Frankivsk')?.id, 'oblast:ivano-frankivsk');
  assert.ok(g.maxTokens >= 3);
  for (const p of g.places()) assert.ok(p.admin1 !== null, `${p.id} has admin1`);
});

test('builtin gazetteer resolves well-known places', () => {
  assert.equal(lookup('Bakhmut')[0]?.place.admin1, 'Donetsk');
  assert.equal(lookup('Kharkiv')[0]?.place.admin1, 'Kharkiv');
  assert.equal(lookup('Kyiv')[0]?.place.admin1, 'Kyiv City');
  assert.equal(lookup('Kiev')[0]?.place.admin1, 'Kyiv City');
  assert.equal(lookup('Київ')[0]?.place.admin1, 'Kyiv City');
  const zap = lookup('Zaporizhzhia');
  assert.ok(zap.some((e) => e.place.admin1 === 'Zaporizhia' && e.place.kind === 'settlement' && (e.place.population ?? 0) > 500000));
  assert.ok(lookup('Mar’inka').some((e) => e.place.admin1 === 'Donetsk'));
  assert.ok(lookup('Artemivsk').some((e) => e.place.name === 'Bakhmut'));
  const bakhmut = lookup('Bakhmut')[0]?.place;
  assert.ok(bakhmut?.id.startsWith('geonames:'));
  assert.equal(bakhmut?.kind, 'settlement');
  assert.equal(bakhmut?.admin2, null);
});

test('builtin gazetteer finds oblasts by region names, not by bare variants', () => {
  assert.equal(lookup('Donetsk Oblast')[0]?.place.id, 'oblast:donetsk');
  assert.equal(lookup('Zaporizhzhia region')[0]?.place.id, 'oblast:zaporizhia');
  assert.equal(lookup('Запорізька область')[0]?.place.id, 'oblast:zaporizhia');
  assert.equal(lookup('Kyiv City')[0]?.place.id, 'oblast:kyiv-city');
  assert.equal(lookup('Crimea')[0]?.place.id, 'oblast:crimea');
  assert.ok(lookup('Donetsk').every((e) => e.place.kind === 'settlement'));
});
