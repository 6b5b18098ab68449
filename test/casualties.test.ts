import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCasualties } from '../src/locales/en/casualties.js';
import { analyse } from '../src/pipeline.js';

/** kind, value, civilian and update of each figure, in order. */
const figures = (text: string) =>
  findCasualties(text).figures.map((f) => ({ kind: f.kind, value: f.value, civilian: f.civilian, update: f.update }));

test('"killing two civilians" after the verb is 2 civilians killed', () => {
  assert.deepEqual(figures('Russian forces shelled Kherson, killing two civilians.'), [
    { kind: 'killed', value: 2, civilian: true, update: false },
  ]);
});

test('"3 people were killed" before the verb is 3 killed', () => {
  assert.deepEqual(figures('3 people were killed in the strike on Kharkiv.'), [
    { kind: 'killed', value: 3, civilian: true, update: false },
  ]);
});

test('"a woman was wounded" is one civilian injured', () => {
  assert.deepEqual(figures('A woman was wounded when a drone hit her house.'), [
    { kind: 'injured', value: 1, civilian: true, update: false },
  ]);
  assert.deepEqual(figures('An elderly woman was killed.'), [{ kind: 'killed', value: 1, civilian: true, update: false }]);
  assert.deepEqual(figures('A 15-year-old boy was injured.'), [{ kind: 'injured', value: 1, civilian: true, update: false }]);
});

test('"four were killed" without a noun is killed with civilian unknown', () => {
  assert.deepEqual(figures('Four were killed.'), [{ kind: 'killed', value: 4, civilian: null, update: false }]);
});

test('"left 5 dead" is 5 killed; "left 5 people dead" is 5 civilians killed', () => {
  assert.deepEqual(figures('The missile strike left 5 dead.'), [{ kind: 'killed', value: 5, civilian: null, update: false }]);
  assert.deepEqual(figures('The missile strike left 5 people dead.'), [{ kind: 'killed', value: 5, civilian: true, update: false }]);
});

test('"left" without death or injury words after it is not a casualty ("left 5 houses")', () => {
  assert.deepEqual(figures('The strike left 5 houses without power.'), []);
});

test('"the death toll rose to 7" is an update of the killed figure', () => {
  assert.deepEqual(figures('The death toll rose to 7.'), [{ kind: 'killed', value: 7, civilian: null, update: true }]);
  assert.deepEqual(figures('The death toll from the strike on Odesa has risen to twelve.'), [
    { kind: 'killed', value: 12, civilian: null, update: true },
  ]);
});

test('"the number of injured rose to 20" is an update of the injured figure', () => {
  assert.deepEqual(figures('The number of injured rose to 20.'), [{ kind: 'injured', value: 20, civilian: null, update: true }]);
});

test('"no casualties were reported" states 0 killed and 0 injured', () => {
  assert.deepEqual(figures('No casualties were reported.'), [
    { kind: 'killed', value: 0, civilian: null, update: false },
    { kind: 'injured', value: 0, civilian: null, update: false },
  ]);
  assert.equal(findCasualties('No casualties were reported.').unknown, false);
});

test('"nobody was injured" states 0 injured only; killed stays unknown', () => {
  assert.deepEqual(figures('Nobody was injured.'), [{ kind: 'injured', value: 0, civilian: null, update: false }]);
});

test('"nobody was killed" states 0 killed only', () => {
  assert.deepEqual(figures('Nobody was killed, the governor said.'), [{ kind: 'killed', value: 0, civilian: null, update: false }]);
});

test('"casualties unknown" sets unknown and gives no figure', () => {
  assert.deepEqual(findCasualties('Casualties unknown.'), { figures: [], unknown: true });
});

test('"information about casualties is being clarified" sets unknown and gives no figure', () => {
  assert.deepEqual(findCasualties('Information about casualties is being clarified.'), { figures: [], unknown: true });
});

test('a stated figure is not unknown', () => {
  assert.equal(findCasualties('Two people were killed.').unknown, false);
});

test('military nouns make the casualties military (civilian false)', () => {
  assert.deepEqual(figures('Two soldiers were killed.'), [{ kind: 'killed', value: 2, civilian: false, update: false }]);
  assert.deepEqual(figures('Three Ukrainian servicemen were wounded.'), [{ kind: 'injured', value: 3, civilian: false, update: false }]);
  assert.deepEqual(figures('The enemy lost 50 troops killed.'), [{ kind: 'killed', value: 50, civilian: false, update: false }]);
});

test('civilian nouns make the casualties civilian', () => {
  assert.deepEqual(figures('Two children were injured.'), [{ kind: 'injured', value: 2, civilian: true, update: false }]);
  assert.deepEqual(figures('Eight residents were hospitalised.'), [{ kind: 'injured', value: 8, civilian: true, update: false }]);
});

test('killed and injured in one sentence are both found', () => {
  assert.deepEqual(figures('Two people were killed and five others were injured.'), [
    { kind: 'killed', value: 2, civilian: true, update: false },
    { kind: 'injured', value: 5, civilian: true, update: false },
  ]);
  assert.deepEqual(figures('The strike killed 4 and injured 11.'), [
    { kind: 'killed', value: 4, civilian: null, update: false },
    { kind: 'injured', value: 11, civilian: null, update: false },
  ]);
});

test('"2 buildings were damaged" and "2 drones were shot down" are not casualties', () => {
  assert.deepEqual(findCasualties('2 buildings were damaged.'), { figures: [], unknown: false });
  assert.deepEqual(findCasualties('2 drones were shot down over the region.'), { figures: [], unknown: false });
});

test('a time or date in the sentence does not become a casualty', () => {
  assert.deepEqual(figures('A drone hit the building at 9:45, 2 people were injured.'), [
    { kind: 'injured', value: 2, civilian: true, update: false },
  ]);
});

test('offsets point into the text plus base', () => {
  const text = 'Russian forces shelled Kherson, killing two civilians.';
  const [f] = findCasualties(text, 500).figures;
  assert.equal(text.slice(f!.start - 500, f!.end - 500), 'two civilians');
});

test('"no one was injured" states 0 injured', () => {
  assert.deepEqual(figures('No one was injured.'), [{ kind: 'injured', value: 0, civilian: null, update: false }]);
  assert.deepEqual(figures('No one was killed.'), [{ kind: 'killed', value: 0, civilian: null, update: false }]);
});

test('an event whose report says "no one was injured" has injured 0', () => {
  const a = analyse({
    origin: 'test', format: 'txt', text: 'Russian drones attacked Odesa overnight; no one was injured, the governor said.',
    title: null, outlet: null, url: null, published: '2024-03-06T09:00:00+02:00', publishedSource: 'cli',
  });
  assert.equal(a.events.length, 1);
  assert.equal(a.events[0]!.injured, 0);
});

test('"wounded a man and a woman" is 2 injured', () => {
  assert.deepEqual(figures('The shelling wounded a man and a woman.'), [{ kind: 'injured', value: 2, civilian: true, update: false }]);
});

test('"one person died" is one figure, not two', () => {
  assert.equal(findCasualties('One person died in hospital.').figures.length, 1);
});

test('children among the casualties: by noun, by age, and "including N children"', () => {
  const byNoun = findCasualties('The strike killed two children and injured five adults.').figures;
  assert.deepEqual(byNoun.map((f) => [f.kind, f.value, f.children]), [['killed', 2, 2], ['injured', 5, null]]);
  const byAge = findCasualties('A 9-year-old boy was wounded.').figures;
  assert.deepEqual(byAge.map((f) => [f.kind, f.value, f.children]), [['injured', 1, 1]]);
  const adult = findCasualties('A 45-year-old man was wounded.').figures;
  assert.deepEqual(adult.map((f) => [f.kind, f.value, f.children]), [['injured', 1, null]]);
  const including = findCasualties('Shelling injured 11 people, including three children.').figures;
  assert.deepEqual(including.map((f) => [f.kind, f.value, f.children]), [['injured', 11, 3]]);
  // More children than the figure itself cannot be part of it.
  const tooMany = findCasualties('Shelling injured 2 people, including three children.').figures;
  assert.deepEqual(tooMany.map((f) => [f.kind, f.value, f.children]), [['injured', 2, null]]);
});
