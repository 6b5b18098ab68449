import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NumberMention } from '../src/core/types.js';
import { findNumbers, parseNumberWords } from '../src/locales/en/numbers.js';
import { analyse } from '../src/pipeline.js';

/** The parts of a mention a test cares about: value, max, qualifier and the matched text. */
const brief = (ns: NumberMention[]) => ns.map((n) => ({ value: n.value, max: n.max, qualifier: n.qualifier, text: n.text }));
const one = (text: string) => {
  const ns = findNumbers(text);
  assert.equal(ns.length, 1, `one number in ${JSON.stringify(text)}, got ${JSON.stringify(brief(ns))}`);
  return ns[0]!;
};

test('digits are exact numbers, with offsets into the text', () => {
  assert.deepEqual(findNumbers('Russia launched 7 missiles.'), [
    { value: 7, max: null, qualifier: 'exact', text: '7', start: 16, end: 17 },
  ]);
});

test('offsets are shifted by the base the caller passes', () => {
  const [n] = findNumbers('about 40 drones', 1000);
  assert.deepEqual({ start: n!.start, end: n!.end }, { start: 1000, end: 1008 });
});

test('digits with thousands separators: "1,200" is 1200', () => {
  assert.deepEqual(brief(findNumbers('Russian forces fired 1,200 shells.')), [{ value: 1200, max: null, qualifier: 'exact', text: '1,200' }]);
  assert.equal(one('nearly 12,500 troops').value, 12500);
});

test('number words: "five", "eleven", "a hundred"', () => {
  assert.equal(one('five civilians').value, 5);
  assert.equal(one('eleven drones').value, 11);
  assert.equal(one('a hundred shells').value, 100);
  assert.equal(one('Five people were hurt').value, 5);
});

test('compound number words: "twenty-two", "twenty two", "three hundred"', () => {
  assert.deepEqual(brief(findNumbers('twenty-two missiles')), [{ value: 22, max: null, qualifier: 'exact', text: 'twenty-two' }]);
  assert.equal(one('twenty two missiles').value, 22);
  assert.equal(one('ninety-nine drones').value, 99);
  assert.equal(one('three hundred rockets').value, 300);
});

test('"a dozen" is exactly 12', () => {
  assert.deepEqual(brief(findNumbers('a dozen drones')), [{ value: 12, max: null, qualifier: 'exact', text: 'a dozen' }]);
});

test('vague quantities follow ACLED: dozens = 12, tens = 10, hundreds = 100', () => {
  assert.deepEqual(brief(findNumbers('dozens of drones')), [{ value: 12, max: null, qualifier: 'vague', text: 'dozens' }]);
  assert.deepEqual(brief(findNumbers('tens of rockets')), [{ value: 10, max: null, qualifier: 'vague', text: 'tens' }]);
  assert.deepEqual(brief(findNumbers('hundreds of shells')), [{ value: 100, max: null, qualifier: 'vague', text: 'hundreds' }]);
  assert.deepEqual(brief(findNumbers('several houses')), [{ value: 3, max: null, qualifier: 'vague', text: 'several' }]);
});

test('"more than 40" and "over 100" are more-than with the stated value', () => {
  assert.deepEqual(brief(findNumbers('more than 40 drones')), [{ value: 40, max: null, qualifier: 'more-than', text: 'more than 40' }]);
  assert.deepEqual(brief(findNumbers('over 100 shells')), [{ value: 100, max: null, qualifier: 'more-than', text: 'over 100' }]);
});

test('"at least" and "no fewer than" are at-least', () => {
  assert.deepEqual(brief(findNumbers('at least 12 people')), [{ value: 12, max: null, qualifier: 'at-least', text: 'at least 12' }]);
  assert.equal(one('no fewer than 10 attacks').qualifier, 'at-least');
});

test('"up to" and "as many as" are up-to', () => {
  assert.deepEqual(brief(findNumbers('up to 30 missiles')), [{ value: 30, max: null, qualifier: 'up-to', text: 'up to 30' }]);
  assert.equal(one('as many as 50 drones').qualifier, 'up-to');
});

test('"about", "nearly", "some" are about', () => {
  assert.deepEqual(brief(findNumbers('nearly 2,000 shells')), [{ value: 2000, max: null, qualifier: 'about', text: 'nearly 2,000' }]);
  assert.equal(one('some 300 troops').qualifier, 'about');
  assert.equal(one('about 50 residents').qualifier, 'about');
});

test('a hyphen or dash range "5-7" is value 5, max 7', () => {
  assert.deepEqual(brief(findNumbers('5-7 drones')), [{ value: 5, max: 7, qualifier: 'range', text: '5-7' }]);
  assert.deepEqual(brief(findNumbers('5\u20137 drones')), [{ value: 5, max: 7, qualifier: 'range', text: '5\u20137' }]);
});

test('"between 5 and 7" and "10 to 15" are ranges', () => {
  assert.deepEqual(brief(findNumbers('between 5 and 7 drones')), [{ value: 5, max: 7, qualifier: 'range', text: 'between 5 and 7' }]);
  assert.deepEqual(brief(findNumbers('between five and seven drones')), [{ value: 5, max: 7, qualifier: 'range', text: 'between five and seven' }]);
  assert.deepEqual(brief(findNumbers('10 to 15 attacks')), [{ value: 10, max: 15, qualifier: 'range', text: '10 to 15' }]);
});

test('a "range" whose end is not larger is not a range', () => {
  const n = one('7-5');
  assert.equal(n.qualifier, 'exact');
  assert.equal(n.max, null);
});

test('several numbers in one sentence come out in order', () => {
  assert.deepEqual(
    brief(findNumbers('Russia launched more than 40 drones and twenty-two missiles; 28 were shot down.')),
    [
      { value: 40, max: null, qualifier: 'more-than', text: 'more than 40' },
      { value: 22, max: null, qualifier: 'exact', text: 'twenty-two' },
      { value: 28, max: null, qualifier: 'exact', text: '28' },
    ],
  );
});

test('the hour of a time like "9:45" is not counted', () => {
  assert.ok(!findNumbers('The air raid alert began at 9:45 a.m.').some((n) => n.value === 9));
});

test('a time like "9:45" gives no number at all', () => {
  assert.deepEqual(brief(findNumbers('The air raid alert began at 9:45 a.m.')), []);
  assert.deepEqual(brief(findNumbers('Explosions were heard at 21:30.')), []);
});

test('the first parts of a slashed date are not counted', () => {
  const values = findNumbers('The strike on 03/05/2024 hit a school.').map((n) => n.value);
  assert.ok(!values.includes(3) && !values.includes(5), JSON.stringify(values));
});

test('a date with slashes gives no number at all', () => {
  assert.deepEqual(brief(findNumbers('The strike on 03/05/2024 hit a school.')), []);
  assert.deepEqual(brief(findNumbers('The strike on 3/5 hit a school.')), []);
});

test('digits in weapon designations ("Kh-101", "S-300", "Su-34") are not counts', () => {
  assert.deepEqual(brief(findNumbers('Russia launched two Kh-101 missiles.')), [{ value: 2, max: null, qualifier: 'exact', text: 'two' }]);
  assert.deepEqual(brief(findNumbers('four S-300 missiles')), [{ value: 4, max: null, qualifier: 'exact', text: 'four' }]);
  assert.deepEqual(brief(findNumbers('a Su-34 bomber')), []);
});

test('"launched two Kh-101 missiles" is an aggregate report of 2 missiles launched', () => {
  const a = analyse({
    origin: 'test', format: 'txt', text: 'Russia launched two Kh-101 missiles at Kyiv overnight, the Air Force said.',
    title: null, outlet: null, url: null, published: '2024-03-06T09:00:00+02:00', publishedSource: 'cli',
  });
  assert.deepEqual(a.reports.map((r) => [r.kind, r.value]), [['missiles_launched', 2]]);
});

test('"one thousand two hundred" is one number, 1200', () => {
  assert.deepEqual(brief(findNumbers('one thousand two hundred shells')), [{ value: 1200, max: null, qualifier: 'exact', text: 'one thousand two hundred' }]);
});

test('parseNumberWords reads digits, words and scales', () => {
  assert.equal(parseNumberWords('22'), 22);
  assert.equal(parseNumberWords('1,200'), 1200);
  assert.equal(parseNumberWords('2.5'), 2.5);
  assert.equal(parseNumberWords('2 thousand'), 2000);
  assert.equal(parseNumberWords('twenty-two'), 22);
  assert.equal(parseNumberWords('a dozen'), 12);
  assert.equal(parseNumberWords('three hundred and five'), 305);
  assert.equal(parseNumberWords('two thousand five hundred'), 2500);
  assert.equal(parseNumberWords('Forty'), 40);
});

test('parseNumberWords gives null for words that are not numbers', () => {
  assert.equal(parseNumberWords('drones'), null);
  assert.equal(parseNumberWords(''), null);
  assert.equal(parseNumberWords('seven drones'), null);
});

test('text without numbers gives nothing', () => {
  assert.deepEqual(findNumbers('Russian troops shelled Kherson over the past day.'), []);
  assert.deepEqual(findNumbers('The 100th brigade held its positions.'), []);
});
