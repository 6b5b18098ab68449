/**
 * Geoparsing on the fixture gazetteer: each recognition rule (what a name is
 * in its sentence) and each disambiguation rule (which namesake it is), named
 * by the rule; and the negative set of test/gold/places/negative.json. Every
 * sentence is written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Analysis, PlaceMention } from '../../src/core/types.js';
import { repoRoot } from '../helpers.js';
import { dump, extendedFixture, fixture, run } from './fixture.js';

const Y2023 = '2023-09-10T09:00:00+03:00';
const Y2015 = '2015-06-10T09:00:00+03:00';
const MARCH_2022 = '2022-03-10T09:00:00+03:00';

/** The mention written exactly `text`, asserted to exist. */
function the(a: Analysis, text: string): PlaceMention {
  const m = a.places.find((p) => p.text === text);
  assert.ok(m, `no mention "${text}": ${dump(a)}`);
  return m;
}

const placesOf = (a: Analysis) => a.places.filter((m) => m.role === 'place');

// ------------------------------------------------------------------ recognition

test('recognise "the village of X": a small village after a place word is a place', () => {
  const a = run('Russian forces shelled the village of Klishchiivka on Tuesday.');
  const m = the(a, 'Klishchiivka');
  assert.equal(m.role, 'place');
  assert.equal(m.qualifier, null);
  assert.equal(m.place?.admin1, 'Donetsk');
  assert.match(m.provenance.reason, /place word/);
  assert.equal(a.events[0]?.place?.name, 'Klishchiivka');
  assert.equal(a.events[0]?.place?.geo_precision, 1);
});

test('recognise "X, Y region": the oblast after the name is a region and places the name', () => {
  const a = run('Russian artillery shelled Robotyne, Zaporizhzhia region, overnight.');
  const village = the(a, 'Robotyne');
  const region = the(a, 'Zaporizhzhia region');
  assert.equal(village.role, 'place');
  assert.equal(village.place?.name, 'Robotyne');
  assert.match(village.provenance.reason, /written after the name/);
  assert.equal(region.role, 'region');
  assert.equal(region.place?.kind, 'oblast');
  assert.equal(a.events.length, 1, 'the oblast after the village is not a second event');
  assert.equal(a.events[0]?.place?.name, 'Robotyne');
});

test('recognise "near X": qualifier near, and an event there has geo_precision 2', () => {
  const a = run('A Russian drone struck a house near Kurakhove, injuring two people.');
  const m = the(a, 'Kurakhove');
  assert.equal(m.role, 'place');
  assert.equal(m.qualifier, 'near');
  assert.equal(a.events.length, 1, dump(a));
  assert.equal(a.events[0]!.place?.name, 'Kurakhove');
  assert.equal(a.events[0]!.place?.geo_precision, 2);
  // Without "near" the same sentence is the village itself.
  const inside = run('A Russian drone struck a house in Kurakhove, injuring two people.');
  assert.equal(the(inside, 'Kurakhove').qualifier, null);
  assert.equal(inside.events[0]?.place?.geo_precision, 1);
});

test('recognise "near X": distance, suburb and between phrases put the event near the place', () => {
  for (const [text, name] of [
    ['A Russian drone struck a car 15 km from Kupiansk, injuring two people.', 'Kupiansk'],
    ['A Russian drone struck a car in the suburbs of Kherson, injuring two people.', 'Kherson'],
    ['A Russian drone struck a car on the road between Kramatorsk and Sloviansk, injuring two people.', 'Kramatorsk'],
  ] as const) {
    const a = run(text);
    assert.equal(the(a, name).qualifier, 'near', `${text}\n${dump(a)}`);
    assert.ok(a.events.every((e) => e.place?.geo_precision === 2), `${text}: ${JSON.stringify(a.events.map((e) => e.place))}`);
  }
  // What already works: "10 kilometres south of", "on the outskirts of", "outside".
});

test('recognise "near X": "south of", "on the outskirts of", "outside" are near too', () => {
  for (const [text, name] of [
    ['A Russian drone struck a car 10 kilometres south of Kupiansk, injuring two people.', 'Kupiansk'],
    ['A Russian drone struck a car on the outskirts of Kupiansk, injuring two people.', 'Kupiansk'],
    ['A Russian drone struck a car outside Kherson, injuring two people.', 'Kherson'],
    ['Ukrainian forces repelled attacks west of Bakhmut.', 'Bakhmut'],
  ] as const) {
    const a = run(text);
    assert.equal(the(a, name).qualifier, 'near', text);
    assert.equal(a.events[0]?.place?.geo_precision, 2, text);
  }
});

test('recognise "the X direction": qualifier direction, geo_precision 2', () => {
  const a = run('Fighting continued in the Vuhledar direction, the General Staff said.');
  const m = the(a, 'Vuhledar');
  assert.equal(m.role, 'place');
  assert.equal(m.qualifier, 'direction');
  assert.equal(a.events[0]?.place?.name, 'Vuhledar');
  assert.equal(a.events[0]?.place?.geo_precision, 2);
  const axis = run('Russian troops attacked Ukrainian positions on the Bakhmut direction.');
  assert.equal(the(axis, 'Bakhmut').qualifier, 'direction');
});

test('recognise "X district of Y city": the city district, tied to the city named with it', () => {
  const a = run('A missile hit the Saltivskyi district of Kharkiv on Monday, killing one person.');
  const d = the(a, 'Saltivskyi district');
  assert.equal(d.role, 'place');
  assert.equal(d.place?.kind, 'district');
  assert.equal(d.place?.admin1, 'Kharkiv');
  assert.equal(d.place?.parent, 'Kharkiv');
  assert.match(d.provenance.reason, /district of Kharkiv, named with it/);
  const k = run('Russian shelling hit the Korabelnyi district of Kherson, injuring two people.');
  assert.equal(the(k, 'Korabelnyi district').place?.parent, 'Kherson');
});

test('recognise "X district of Y city": one event, in the district, not a second one in the whole city', () => {
  for (const text of [
    'A missile hit the Saltivskyi district of Kharkiv on Monday, killing one person.',
    "Kharkiv's Saltivskyi district came under fire on Monday, killing one person.",
  ]) {
    const a = run(text);
    assert.deepEqual(a.events.map((e) => e.place?.name), ['Saltivskyi district'], `${text}\n${dump(a)}`);
  }
});

test('recognise oblasts as regions: "Zaporizhzhia Oblast", "Donetsk region", "Kharkivska oblast", "Kyiv region"', () => {
  for (const [text, name, admin1] of [
    ['Russian forces shelled Zaporizhzhia Oblast overnight, injuring two people.', 'Zaporizhzhia Oblast', 'Zaporizhia'],
    ['Russian troops shelled the Donetsk region overnight, killing three civilians.', 'Donetsk region', 'Donetsk'],
    ['Russian artillery shelled Kharkivska oblast overnight, injuring two people.', 'Kharkivska oblast', 'Kharkiv'],
    ['Russian drones attacked the Kyiv region overnight, injuring two people.', 'Kyiv region', 'Kyiv'],
  ] as const) {
    const a = run(text);
    const m = the(a, name);
    assert.equal(m.role, 'region', text);
    assert.equal(m.place?.kind, 'oblast', text);
    assert.equal(m.place?.admin1, admin1, text);
    assert.match(m.provenance.reason, /oblast name with a region word/);
    assert.equal(a.events[0]?.place?.geo_precision, 3, `${text}: an oblast is coded to its centre`);
  }
});

test('recognise oblasts as regions: one region word shared by two oblast names', () => {
  const a = run('Russian forces shelled the Zaporizhzhia and Kherson regions overnight, injuring four people.');
  const z = the(a, 'Zaporizhzhia');
  assert.equal(z.role, 'region', dump(a));
  assert.equal(z.place?.kind, 'oblast', dump(a));
});

test('recognise raions as regions: "Bakhmut raion", "Pokrovskyi district", "Kupiansk district"', () => {
  for (const [text, name, raion, admin1] of [
    ['Russian artillery shelled the Bakhmut raion, injuring a woman.', 'Bakhmut raion', 'Bakhmutskyi raion', 'Donetsk'],
    ['Russian drones attacked the Pokrovskyi district overnight, injuring two people.', 'Pokrovskyi district', 'Pokrovskyi raion', 'Donetsk'],
    ['Russian forces shelled the Kupiansk district on Monday, injuring two people.', 'Kupiansk district', 'Kupianskyi raion', 'Kharkiv'],
    ['Russian forces shelled the Polohivskyi raion on Monday, injuring two people.', 'Polohivskyi raion', 'Polohivskyi raion', 'Zaporizhia'],
  ] as const) {
    const a = run(text);
    const m = the(a, name);
    assert.equal(m.role, 'region', text);
    assert.equal(m.place?.kind, 'raion', text);
    assert.equal(m.place?.name, raion, text);
    assert.equal(m.place?.admin1, admin1, text);
    assert.equal(a.events[0]?.place?.geo_precision, 3, `${text}: a raion is coded to its centre`);
  }
});

test('recognise raions as regions: a raion whose name a city district shares', () => {
  const a = run('Russian shelling hit the Dniprovskyi raion on Monday, injuring two people.');
  const m = the(a, 'Dniprovskyi raion');
  assert.equal(m.role, 'region', dump(a));
  assert.equal(m.place?.kind, 'raion', dump(a));
  assert.equal(m.place?.admin1, 'Dnipropetrovsk', dump(a));
});

test('recognise capitals as speakers: "Kyiv said", "says Kyiv", "according to Kyiv", "Kyiv\'s forces", a headline ending ": Kyiv"', () => {
  for (const [text, reason] of [
    ['Kyiv said the strike was a war crime.', /standing for its government/],
    ['The strike was a war crime, says Kyiv.', /standing for its government/],
    ['The strike was condemned, according to Kyiv.', /standing for its government/],
    ["Kyiv's forces shelled Donetsk on Tuesday, Russian officials claimed.", /forces/],
    ['The Kyiv government rejected the proposal.', /government/],
    ['Russian shelling kills two in Kherson: Kyiv', /closing a headline as its source/],
    ['Ukraine: Russian troops shelled Kherson - Kyiv', /closing a headline as its source/],
  ] as const) {
    const a = run(text);
    const m = the(a, 'Kyiv');
    assert.equal(m.role, 'speaker', `${text}\n${dump(a)}`);
    assert.equal(m.place, null, text);
    assert.match(m.provenance.reason, reason, text);
    assert.ok(a.events.every((e) => e.place?.name !== 'Kyiv'), `${text}: no event in Kyiv`);
  }
  // The headline's place is still a place.
  assert.equal(the(run('Russian shelling kills two in Kherson: Kyiv'), 'Kherson').role, 'place');
});

test('recognise capitals as places when something happens there', () => {
  for (const text of ['Russian missiles struck Kyiv overnight, killing three people.', 'Russian forces struck Kyiv on Tuesday, Ukrainian officials said.']) {
    const a = run(text);
    assert.equal(the(a, 'Kyiv').role, 'place', text);
    assert.equal(a.events[0]?.place?.admin1, 'Kyiv City', text);
  }
});

test('recognise capitals as speakers: "Moscow\'s aims" is no place at all', () => {
  const a = run("Moscow's aims in the war have not changed, the minister said.");
  assert.deepEqual(placesOf(a), [], dump(a));
  assert.deepEqual(a.events, []);
});

test('recognise capitals as speakers: a capital paired with another capital', () => {
  for (const text of [
    'Kyiv and Moscow traded accusations over the strike on Tuesday.',
    'Talks between Kyiv and Moscow stalled again this week.',
    'Washington and Kyiv disagree on the timing of the offensive.',
    'Moscow wants Kyiv to give up four regions before any ceasefire.',
  ]) {
    const a = run(text);
    assert.equal(the(a, 'Kyiv').role, 'speaker', `${text}\n${dump(a)}`);
  }
});

test('recognise occupation republics: "DPR", "DNR", "Donetsk People\'s Republic" → the Donetsk region', () => {
  for (const [text, name] of [
    ['Russian troops shelled settlements in the DPR on Monday, injuring two people.', 'DPR'],
    ['Ukrainian forces shelled Donetsk, the DNR said.', 'DNR'],
    ["Russian troops shelled the Donetsk People's Republic, separatists claimed.", "Donetsk People's Republic"],
  ] as const) {
    const a = run(text);
    const m = the(a, name);
    assert.equal(m.role, 'region', text);
    assert.equal(m.candidates[0]?.kind, 'oblast', text);
    assert.equal(m.candidates[0]?.admin1, 'Donetsk', text);
    assert.match(m.provenance.reason, /occupation authorities' name for Donetsk oblast/, text);
  }
  // "Donetsk" alone is still the city.
  assert.equal(the(run('Ukrainian forces shelled Donetsk, the DNR said.'), 'Donetsk').place?.kind, 'settlement');
});

test('recognise surnames: "Taras Shevchenko" is a person; "Shevchenkove" with a place word is the village', () => {
  const poet = run('A monument to Taras Shevchenko was unveiled on Sunday.');
  assert.deepEqual(placesOf(poet), [], dump(poet));
  const village = run('A monument to Taras Shevchenko stands in Shevchenkove, Cherkasy region.');
  const m = the(village, 'Shevchenkove');
  assert.equal(m.role, 'place');
  assert.equal(m.place?.admin1, 'Cherkasy');
  assert.equal(placesOf(village).length, 1, dump(village));
  const said = run('Shevchenko said the water supply had been restored by evening.');
  assert.deepEqual(placesOf(said), [], dump(said));
});

test('recognise: a one-word small village with no place word around it is not a place; "in X" is', () => {
  for (const [bare, cued, name] of [
    ['Shevchenkove remains quiet, residents say.', 'Residents in Shevchenkove remain without power.', 'Shevchenkove'],
    ['Officials named Andriivka as the next evacuation point.', 'Officials counted 40 houses left standing in Andriivka.', 'Andriivka'],
  ] as const) {
    assert.deepEqual(run(bare).places, [], bare);
    const a = run(cued);
    assert.equal(the(a, name).role, 'place', cued);
    assert.match(the(a, name).provenance.reason, /a small village: a place word around it/);
  }
  // A town of more than 10,000 needs no cue.
  assert.equal(the(run('Kramatorsk remains calm, residents say.'), 'Kramatorsk').role, 'place');
});

test('recognise: a headline that is only a place name is a place', () => {
  for (const text of ['Klishchiivka', 'Klishchiivka.', 'Shevchenkove']) {
    const a = run(text);
    assert.equal(a.places.length, 1, text);
    assert.equal(a.places[0]!.role, 'place', text);
    assert.ok(a.places[0]!.place, text);
  }
  const a = run('Andriivka');
  assert.equal(the(a, 'Andriivka').role, 'place');
  assert.equal(the(a, 'Andriivka').candidates.length, 4);
});

test('recognise lists: "shelled X, Y and Z" names three places and three events', () => {
  const a = run('Russian forces shelled Robotyne, Staromaiorske and Krynky overnight.');
  assert.deepEqual(placesOf(a).map((m) => m.place?.name), ['Robotyne', 'Staromaiorske', 'Krynky'], dump(a));
  assert.match(the(a, 'Krynky').provenance.reason, /in a list of places/);
  assert.deepEqual(a.events.map((e) => e.place?.name), ['Robotyne', 'Staromaiorske', 'Krynky']);
});

test('recognise lists: "X, Y and Z were shelled" at the start of a sentence', () => {
  for (const text of ['Robotyne, Klishchiivka and Staromaiorske were shelled overnight.', 'Robotyne and Klishchiivka were shelled overnight.']) {
    const a = run(text);
    const want = text.startsWith('Robotyne, ') ? ['Robotyne', 'Klishchiivka', 'Staromaiorske'] : ['Robotyne', 'Klishchiivka'];
    assert.deepEqual(placesOf(a).map((m) => m.place?.name), want, `${text}\n${dump(a)}`);
  }
});

test('recognise: a bare oblast-centre name after a village places the village and is not a second event', () => {
  for (const [text, admin1] of [['Russian forces shelled Andriivka, Kharkiv, on Tuesday.', 'Kharkiv'], ['Russian forces shelled Andriivka, Donetsk, on Tuesday.', 'Donetsk']] as const) {
    const a = run(text);
    assert.equal(the(a, 'Andriivka').place?.admin1, admin1);
    assert.deepEqual(a.events.map((e) => e.place?.name), ['Andriivka'], `${text}\n${dump(a)}`);
  }
});

test('recognise: a village after a possessive oblast ("Kherson Oblast\'s Krynky") is a place in it', () => {
  const a = run("Russian forces shelled Kherson Oblast's Krynky, injuring two people.");
  assert.equal(the(a, 'Kherson Oblast').role, 'region');
  assert.equal(the(a, 'Krynky').place?.admin1, 'Kherson', dump(a));
  assert.deepEqual(a.events.map((e) => [e.place?.name, e.place?.geo_precision]), [['Krynky', 1]]);
});

test('recognise: the Zaporizhzhia Nuclear Power Plant is not the city of Zaporizhzhia', () => {
  for (const text of [
    'Russian shelling hit the Zaporizhzhia Nuclear Power Plant on Sunday, the IAEA said.',
    'The Zaporizhzhia nuclear plant lost external power again after Russian shelling.',
  ]) {
    const a = run(text);
    assert.ok(a.places.every((m) => m.place?.name !== 'Zaporizhzhia'), `${text}\n${dump(a)}`);
    assert.ok(a.events.every((e) => e.place?.name !== 'Zaporizhzhia'), text);
  }
});

test('recognise rivers: "the Dnipro River" is no place, but "the Dnipro region", "the Dnipro raion" and "the Dnipro city centre" are', () => {
  for (const [text, name, kind] of [
    ['Russian forces shelled the Dnipro region overnight, injuring two people.', 'Dnipro region', 'oblast'],
    ['Russian forces shelled the Dnipro raion overnight, injuring two people.', 'Dnipro raion', 'raion'],
    ['A Russian missile struck the Dnipro city centre, killing two people.', 'Dnipro', 'settlement'],
  ] as const) {
    const a = run(text);
    const m = the(a, name);
    assert.equal(m.place?.kind, kind, `${text}\n${dump(a)}`);
    assert.equal(m.place?.admin1, 'Dnipropetrovsk', text);
    assert.ok(a.events[0]?.place, `${text}: the event has a place`);
  }
});

test('recognise capitals as places: a capital that is attacked stays a place beside a speaking capital', () => {
  for (const text of [
    'Russian missiles struck Kyiv, Moscow said.',
    'Russian drones hit Kyiv, Washington said.',
    'Overnight, drones attacked Moscow and Kyiv.',
    'Russia sent drones to Kyiv overnight, injuring two people.',
  ]) {
    const a = run(text);
    assert.equal(the(a, 'Kyiv').role, 'place', `${text}\n${dump(a)}`);
    assert.deepEqual(a.events.map((e) => e.place?.name), ['Kyiv'], text);
  }
});

test('recognise oblasts as regions: three oblast names sharing one region word', () => {
  const a = run('Russian forces shelled the Kharkiv, Sumy and Chernihiv regions overnight, injuring two people.');
  const k = the(a, 'Kharkiv');
  assert.equal(k.role, 'region', dump(a));
  assert.equal(k.place?.admin1, 'Kharkiv', dump(a));
});

test('recognise lists of cities: an oblast-centre city inside a list is a city, not the oblast of the name before it', () => {
  const a = run('Russian missiles struck Zaporizhzhia, Kharkiv, Dnipro and Nikopol overnight, killing three people.');
  assert.equal(the(a, 'Zaporizhzhia').place?.name, 'Zaporizhzhia', dump(a));
  assert.equal(the(a, 'Kharkiv').role, 'place', dump(a));
  assert.deepEqual(a.events.map((e) => e.place?.name), ['Zaporizhzhia', 'Kharkiv', 'Dnipro', 'Nikopol']);
  const b = run('Russian missiles struck Izium, Kharkiv, Kupiansk and Bucha overnight, killing three people.');
  assert.deepEqual(b.events.map((e) => e.place?.name), ['Izium', 'Kharkiv', 'Kupiansk', 'Bucha'], dump(b));
});

test('disambiguate by the oblast written after the name: a unique city elsewhere is never moved into that oblast', () => {
  const a = run('Russian missiles struck Zaporizhzhia, Kharkiv, Dnipro and Nikopol overnight, killing three people.');
  assert.equal(the(a, 'Zaporizhzhia').place?.admin1, 'Zaporizhia', dump(a));
});

// ------------------------------------------------------------------ disambiguation

test('disambiguate by the oblast written after the name ("Andriivka, Zaporizhzhia Oblast")', () => {
  for (const [region, admin1] of [['Zaporizhzhia Oblast', 'Zaporizhia'], ['Kharkiv Oblast', 'Kharkiv'], ['Donetsk region', 'Donetsk'], ['Kyiv Oblast', 'Kyiv']] as const) {
    const a = run(`Russian forces shelled Andriivka, ${region}, on Tuesday.`);
    const m = the(a, 'Andriivka');
    assert.equal(m.place?.admin1, admin1, region);
    assert.equal(m.candidates.length, 4, 'the candidates are kept');
    assert.match(m.provenance.reason, /written after the name/, region);
  }
});

test('disambiguate by the raion written after the name ("Andriivka, Bakhmut raion")', () => {
  for (const [raion, admin1, admin2] of [
    ['Bakhmut raion', 'Donetsk', 'Bakhmutskyi'], ['Kupiansk raion', 'Kharkiv', 'Kupianskyi'], ['Polohy raion', 'Zaporizhia', 'Polohivskyi'], ['Bucha district', 'Kyiv', 'Buchanskyi'],
  ] as const) {
    const a = run(`Russian forces shelled Andriivka, ${raion}, on Tuesday.`);
    const m = the(a, 'Andriivka');
    assert.equal(m.place?.admin1, admin1, raion);
    assert.equal(m.place?.admin2, admin2, raion);
    assert.match(m.provenance.reason, /raion, written after the name/, raion);
  }
  const both = run('Russian forces shelled Andriivka, Bakhmutskyi raion, Donetsk Oblast, on Tuesday.');
  assert.equal(the(both, 'Andriivka').place?.admin2, 'Bakhmutskyi');
});

test('disambiguate by an oblast named in the same sentence', () => {
  const before = run('In Kharkiv Oblast, Russian forces shelled the village of Andriivka on Tuesday.');
  assert.equal(the(before, 'Andriivka').place?.admin1, 'Kharkiv');
  assert.match(the(before, 'Andriivka').provenance.reason, /in Kharkiv, named in the same sentence/);
  const after = run('Russian forces shelled the village of Andriivka in Kyiv Oblast on Tuesday.');
  assert.equal(the(after, 'Andriivka').place?.admin1, 'Kyiv');
  assert.equal(the(after, 'Andriivka').candidates.length, 4);
});

test('disambiguate by an oblast named in the same sentence as part of the speaker\'s name', () => {
  const a = run('The Kharkiv Oblast Military Administration said two people were injured by shelling in Andriivka.');
  assert.equal(the(a, 'Kharkiv Oblast').role, 'speaker');
  assert.equal(the(a, 'Andriivka').place?.admin1, 'Kharkiv', dump(a));
});

test('disambiguate by the namesake nearest another place the report names unambiguously', () => {
  const bakhmut = run('Ukrainian troops advanced near Andriivka and Klishchiivka on Tuesday.');
  assert.equal(the(bakhmut, 'Andriivka').place?.admin1, 'Donetsk');
  assert.match(the(bakhmut, 'Andriivka').provenance.reason, /nearest Klishchiivka \(\d+ km\), which the report also names/);
  const south = run('Ukrainian troops advanced near Robotyne and Andriivka on Tuesday.');
  assert.equal(the(south, 'Andriivka').place?.admin1, 'Zaporizhia');
  assert.match(the(south, 'Andriivka').provenance.reason, /nearest Robotyne/);
  // The anchor may be in another sentence of the report.
  const kupiansk = run('Russian forces struck Kupiansk on Monday. On Tuesday they shelled the village of Andriivka.');
  assert.equal(the(kupiansk, 'Andriivka').place?.admin1, 'Kharkiv');
  assert.match(the(kupiansk, 'Andriivka').provenance.reason, /nearest Kupiansk/);
});

test('disambiguate by an oblast the report is about (named in an earlier sentence)', () => {
  const a = run('Fighting raged across Zaporizhzhia Oblast this week. Russian forces shelled the village of Andriivka on Tuesday.');
  const m = the(a, 'Andriivka');
  assert.equal(m.place?.admin1, 'Zaporizhia');
  assert.match(m.provenance.reason, /in Zaporizhia, an oblast the report is about/);
});

test('disambiguate: what the text says comes before the front line and before anchors', () => {
  // Written oblast against a nearer anchor in another oblast.
  const a = run('Russian forces shelled Andriivka, Kharkiv Oblast, and Klishchiivka on Tuesday.');
  assert.equal(the(a, 'Andriivka').place?.admin1, 'Kharkiv');
  // Written oblast against the 2015 front line (Donetsk and Luhansk only).
  const b = run('Russian forces shelled Andriivka, Zaporizhzhia Oblast, on Tuesday.', Y2015);
  assert.equal(the(b, 'Andriivka').place?.admin1, 'Zaporizhia');
  // A nearer anchor beats the oblast the report is about.
  const c = run('Fighting raged across Zaporizhzhia Oblast this week. Ukrainian troops pushed near Andriivka and Klishchiivka.');
  assert.equal(the(c, 'Andriivka').place?.admin1, 'Donetsk');
});

test('disambiguate by the front line at publication time (2015 vs 2023 vs March 2022)', () => {
  const text = 'Russian forces shelled the village of Andriivka on Tuesday.';
  const in2015 = the(run(text, Y2015), 'Andriivka');
  assert.equal(in2015.place?.admin1, 'Donetsk', 'in 2015 only Donetsk and Luhansk were at the front');
  assert.match(in2015.provenance.reason, /the only namesake in an oblast at the front when the report was published/);
  // In 2023 three of the four namesakes (Donetsk, Zaporizhzhia, Kharkiv) were at the front, none much larger: no choice.
  const in2023 = the(run(text, Y2023), 'Andriivka');
  assert.equal(in2023.place, null);
  assert.match(in2023.provenance.reason, /4 namesakes in 4 oblasts; nothing in the text to choose between them/);
  // In March 2022 the Kyiv oblast was at the front too.
  assert.equal(the(run(text, MARCH_2022), 'Andriivka').place, null);
});

test('disambiguate by a dominant size: a settlement five times larger than every namesake', () => {
  const { gazetteer } = extendedFixture();
  const a = run('Russian forces shelled the village of Novomykhailivka on Tuesday.', Y2023, gazetteer);
  const m = the(a, 'Novomykhailivka');
  assert.equal(m.candidates.length, 2);
  assert.equal(m.place?.admin1, 'Donetsk');
  assert.equal(m.place?.population, 1000);
  assert.match(m.provenance.reason, /by far the largest of the namesakes/);
  // The oblast written after it still wins over size.
  const z = run('Russian forces shelled Novomykhailivka, Zaporizhzhia Oblast, on Tuesday.', Y2023, gazetteer);
  assert.equal(the(z, 'Novomykhailivka').place?.admin1, 'Zaporizhia');
});

test('disambiguate: cannot choose — several namesakes in several oblasts, nothing to go on → no place, a reason, candidates kept', () => {
  const a = run('Russian forces shelled the village of Andriivka on Tuesday.', null);
  const m = the(a, 'Andriivka');
  assert.equal(m.place, null);
  assert.match(m.provenance.reason, /nothing in the text to choose between them/);
  assert.deepEqual(m.candidates.map((c) => c.admin1).sort(), ['Donetsk', 'Kharkiv', 'Kyiv', 'Zaporizhia']);
  assert.equal(a.events.length, 1);
  assert.equal(a.events[0]!.place, null, 'the event keeps no place rather than a guessed one');
});

test('disambiguate: cannot choose, but all namesakes in one oblast → the oblast, geo_precision 3', () => {
  const { gazetteer } = extendedFixture();
  const a = run('Russian forces shelled the village of Novooleksandrivka on Tuesday.', Y2023, gazetteer);
  const m = the(a, 'Novooleksandrivka');
  assert.equal(m.candidates.length, 2);
  assert.ok(m.candidates.every((c) => c.kind === 'settlement' && c.admin1 === 'Donetsk'));
  assert.equal(m.place?.kind, 'oblast');
  assert.equal(m.place?.admin1, 'Donetsk');
  assert.match(m.provenance.reason, /2 namesakes, all in Donetsk; nothing in the text to choose between them: coded to the oblast/);
  assert.equal(a.events[0]?.place?.geo_precision, 3);
  // Next to Marinka it is the Marinka hromada's village.
  const b = run('Ukrainian troops held positions near Marinka and Novooleksandrivka.', Y2023, gazetteer);
  assert.equal(the(b, 'Novooleksandrivka').place?.admin2, 'Pokrovskyi');
});

test('a village known only by its hromada\'s centre is coded at geo_precision 2', () => {
  const { gazetteer } = extendedFixture();
  const a = run('Russian forces shelled Mala Tokmachka on Tuesday, injuring two people.', Y2023, gazetteer);
  assert.equal(the(a, 'Mala Tokmachka').place?.approximate, true);
  assert.equal(a.events[0]?.place?.name, 'Mala Tokmachka');
  assert.equal(a.events[0]?.place?.geo_precision, 2);
});

// ------------------------------------------------------------------ negative set

interface NegativeCase {
  id: string;
  reason: string;
  text: string;
  todo?: string;
}

const negatives = JSON.parse(readFileSync(join(repoRoot, 'test', 'gold', 'places', 'negative.json'), 'utf8')) as NegativeCase[];

test('negative set: at least 12 cases, each with a reason', () => {
  assert.ok(negatives.length >= 12, `${negatives.length} cases`);
  assert.ok(negatives.filter((c) => !c.todo).length >= 12, 'at least 12 that pass today');
  for (const c of negatives) assert.ok(c.reason.length > 10, `${c.id} has no reason`);
  assert.equal(new Set(negatives.map((c) => c.id)).size, negatives.length, 'ids are unique');
});

for (const c of negatives) {
  test(`negative places/negative.json: ${c.id} — no place mention`, c.todo ? { todo: c.todo } : {}, () => {
    const a = run(c.text);
    assert.deepEqual(placesOf(a).map((m) => m.text), [], `${c.reason}\n  text: ${c.text}\n  mentions: ${dump(a)}`);
  });
}

test('negative set: names of clubs and institutions are recognised as what they are, not dropped silently', () => {
  assert.equal(the(run('The Kyiv Independent reported the strike on Monday.'), 'Kyiv').role, 'speaker');
  assert.equal(the(run('The Kharkiv Oblast Military Administration said two people had been injured.'), 'Kharkiv Oblast').role, 'speaker');
  assert.deepEqual(run('Shakhtar Donetsk beat Dynamo Kyiv 2-1 on Saturday evening.').places, []);
});

// Keeps the fixture build honest for the rules above: the four Andriivkas are four places.
test('the fixture has the four Andriivkas the disambiguation rules need', () => {
  const ids = new Set([...fixture().gazetteer.places()].filter((p) => p.name === 'Andriivka').map((p) => p.admin1));
  assert.deepEqual([...ids].sort(), ['Donetsk', 'Kharkiv', 'Kyiv', 'Zaporizhia']);
});
