import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDateline, fromUnixTime, isDateOnly, normalisePublished } from '../../src/read/published.js';

/** The UTC instant of an ISO string. */
const utc = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString());

test('datelines in several forms, with the right UTC instant', () => {
  const cases: [string, string, string][] = [
    // text, expected ISO, expected UTC instant
    ['9:45 AM EET, March 3, 2024\nRussian forces struck Kharkiv.', '2024-03-03T09:45:00+02:00', '2024-03-03T07:45:00.000Z'],
    ['March 3, 2024, 9:45 AM\nBody.', '2024-03-03T09:45:00+02:00', '2024-03-03T07:45:00.000Z'],
    ['03.03.2024 09:45\nBody.', '2024-03-03T09:45:00+02:00', '2024-03-03T07:45:00.000Z'],
    ['3 March 2024 10:12\nBody.', '2024-03-03T10:12:00+02:00', '2024-03-03T08:12:00.000Z'],
    ['Updated: 2024-03-03T09:45:00+02:00\nBody.', '2024-03-03T09:45:00+02:00', '2024-03-03T07:45:00.000Z'],
    // ISW: ET before US daylight saving time (starts March 10, 2024) ...
    ['Authors\nMarch 3, 2024, 7:15pm ET\nBody.', '2024-03-03T19:15:00-05:00', '2024-03-04T00:15:00.000Z'],
    // ... and during it
    ['Authors\nJuly 11, 2025, 7:00 pm ET\nBody.', '2025-07-11T19:00:00-04:00', '2025-07-11T23:00:00.000Z'],
    ['Published 3 July 2024, 10:00 EEST\nBody.', '2024-07-03T10:00:00+03:00', '2024-07-03T07:00:00.000Z'],
    ['March 3, 2024 at 9:45 a.m. CET\nBody.', '2024-03-03T09:45:00+01:00', '2024-03-03T08:45:00.000Z'],
    ['March 3, 2024 14:00 UTC\nBody.', '2024-03-03T14:00:00Z', '2024-03-03T14:00:00.000Z'],
    ['14:00 GMT, 3 July 2024\nBody.', '2024-07-03T14:00:00Z', '2024-07-03T14:00:00.000Z'],
    ['July 3, 2024 10:00 Kyiv time\nBody.', '2024-07-03T10:00:00+03:00', '2024-07-03T07:00:00.000Z'],
    ['Posted on March 3rd, 2024 | 09:45\nBody.', '2024-03-03T09:45:00+02:00', '2024-03-03T07:45:00.000Z'],
    // day-first dotted dates
    ['04.03.2024 09:45\nBody.', '2024-03-04T09:45:00+02:00', '2024-03-04T07:45:00.000Z'],
    ['Опубліковано 03.03.2024 10:12\nТекст.', '2024-03-03T10:12:00+02:00', '2024-03-03T08:12:00.000Z'],
  ];
  for (const [text, iso, instant] of cases) {
    const found = findDateline(text);
    assert.equal(found, iso, text);
    assert.equal(utc(found), instant, text);
  }
});

test('a dateline with a date only gives a date only', () => {
  assert.equal(findDateline('Mar 3, 2024\nBody.'), '2024-03-03');
  assert.equal(findDateline('KYIV, March 3, 2024 (Reuters) - Russian forces struck the city overnight, killing five people and wounding dozens, officials said.'), '2024-03-03');
});

test('no dateline: prose dates, dates without a year, dates further down', () => {
  assert.equal(findDateline('Strike on Kharkiv\n\nOn March 3, 2024, Russian forces struck Kharkiv.'), null);
  assert.equal(findDateline('December 29, 5:30pm ET\nBody.'), null);
  assert.equal(findDateline('Yesterday Russian forces struck Kharkiv.'), null);
  const late = `${'Line of text without dates\n'.repeat(8)}March 3, 2024`;
  assert.equal(findDateline(late), null);
  assert.equal(findDateline(''), null);
});

test('a time without a zone is Kyiv time, with daylight saving time', () => {
  assert.equal(findDateline('January 10, 2024 12:00'), '2024-01-10T12:00:00+02:00');
  assert.equal(findDateline('July 10, 2024 12:00'), '2024-07-10T12:00:00+03:00');
  assert.equal(findDateline('July 10, 2024 12:00', { defaultZone: 'UTC' }), '2024-07-10T12:00:00Z');
});

test('normalisePublished: ISO, dates, RFC 2822, Unix times', () => {
  assert.equal(normalisePublished('2024-03-03'), '2024-03-03');
  assert.equal(normalisePublished('2024-03-03 09:45'), '2024-03-03T09:45:00+02:00');
  assert.equal(normalisePublished('2024-03-03T09:45:00Z'), '2024-03-03T09:45:00Z');
  assert.equal(normalisePublished(' 2024-03-03T09:45:30.250+0200 '), '2024-03-03T09:45:30+02:00');
  assert.equal(normalisePublished('2022-12-29T18:24:47-05:00'), '2022-12-29T18:24:47-05:00');
  assert.equal(normalisePublished('Sun, 03 Mar 2024 09:45:00 +0200'), '2024-03-03T09:45:00+02:00');
  assert.equal(normalisePublished('Sun, 03 Mar 2024 09:45:00 GMT'), '2024-03-03T09:45:00Z');
  assert.equal(normalisePublished('March 3, 2024 9:45 AM EDT'), '2024-03-03T09:45:00-04:00');
  assert.equal(utc(normalisePublished('1709451912')), '2024-03-03T07:45:12.000Z');
  assert.equal(fromUnixTime(1709451912000), '2024-03-03T09:45:12+02:00');
  // idempotent
  for (const s of ['2024-03-03T09:45:00+02:00', '2024-03-03T09:45:00Z', '2024-03-03']) assert.equal(normalisePublished(s), s);
});

test('normalisePublished: invalid dates give null', () => {
  for (const s of ['', '   ', 'garbage', 'yesterday', '2024-02-30', '2024-13-01', '2024-03-03 25:00', '2024-03-03T09:45+15:00', 'March 3']) {
    assert.equal(normalisePublished(s), null, s);
  }
});

test('isDateOnly', () => {
  assert.equal(isDateOnly('March 3, 2024'), true);
  assert.equal(isDateOnly('03.03.2024 09:45 EET'), true);
  assert.equal(isDateOnly('Strike on Kharkiv, March 3, 2024'), false);
  assert.equal(isDateOnly('Strike on Kharkiv'), false);
});
