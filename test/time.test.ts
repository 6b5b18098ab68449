import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kyivDate, resolveDate, ymd } from '../src/time/resolve.js';

/** Wednesday, 6 March 2024, 09:00 in Kyiv. */
const WED = '2024-03-06T09:00:00+02:00';

/** The fields of a resolved date that tests compare. */
const when = (text: string, published: string | null = WED) => {
  const r = resolveDate(text, published);
  return { date: r.date, date_end: r.date_end, time_precision: r.time_precision, historical: r.historical };
};
const day = (date: string, historical = false) => ({ date, date_end: null, time_precision: 1, historical });

test('a past weekday is the most recent such day before publication', () => {
  assert.deepEqual(when('On Monday, Russian drones hit Odesa.'), day('2024-03-04'));
  assert.deepEqual(when('On Tuesday evening, Russian troops shelled Kherson.'), day('2024-03-05'));
  assert.deepEqual(when('On Sunday, a missile struck Kharkiv.'), day('2024-03-03'));
});

test('a weekday later in the week than publication is last week\'s', () => {
  assert.deepEqual(when('On Thursday, Russian drones hit Odesa.'), day('2024-02-29'));
  assert.deepEqual(when('On Saturday night, Russian drones hit Odesa.'), day('2024-03-02'));
});

test('the weekday of publication is the publication day itself', () => {
  assert.deepEqual(when('On Wednesday, Russian drones hit Odesa.'), day('2024-03-06'));
});

test('"yesterday" is the day before publication', () => {
  assert.deepEqual(when('Yesterday, Russian troops shelled Nikopol.'), day('2024-03-05'));
});

test('"today" and "this morning" are the publication day', () => {
  assert.deepEqual(when('Today Russian troops shelled Nikopol.'), day('2024-03-06'));
  assert.deepEqual(when('This morning Russian troops shelled Nikopol.'), day('2024-03-06'));
});

test('"overnight" is the night before: from the day before to the publication day', () => {
  const r = resolveDate('Overnight, Russian drones attacked Odesa.', WED);
  assert.deepEqual(
    { date: r.date, date_end: r.date_end, time_precision: r.time_precision, historical: r.historical, text: r.text },
    { date: '2024-03-05', date_end: '2024-03-06', time_precision: 1, historical: false, text: 'Overnight' },
  );
});

test('"last night" is the night before, like "overnight"', () => {
  assert.deepEqual(when('Last night Russian drones attacked Odesa.'), { date: '2024-03-05', date_end: '2024-03-06', time_precision: 1, historical: false });
});

test('"over the past day" and "in 24 hours" are the day before publication to publication', () => {
  const expected = { date: '2024-03-05', date_end: '2024-03-06', time_precision: 1, historical: false };
  assert.deepEqual(when('Over the past day, Russian forces attacked 92 settlements.'), expected);
  assert.deepEqual(when('In 24 hours, Russian forces attacked 92 settlements.'), expected);
});

test('"over the past two weeks" is a two-week range with precision 2', () => {
  assert.deepEqual(when('Over the past two weeks, Russia launched 400 drones.'), { date: '2024-02-21', date_end: '2024-03-06', time_precision: 2, historical: false });
  assert.deepEqual(when('Over the past week, Russia launched 130 drones.'), { date: '2024-02-28', date_end: '2024-03-06', time_precision: 2, historical: false });
  assert.deepEqual(when('In the past three days, Russia launched 90 drones.'), { date: '2024-03-03', date_end: '2024-03-06', time_precision: 2, historical: false });
});

test('"on March 2" is that day of the publication year', () => {
  assert.deepEqual(when('On March 2, a Russian drone hit an apartment block in Odesa.'), day('2024-03-02'));
});

test('"on 2 March 2024" is that day', () => {
  assert.deepEqual(when('On 2 March 2024, a Russian drone hit an apartment block in Odesa.'), day('2024-03-02'));
});

test('"the night of March 2 to 3" is a night from the 2nd to the 3rd', () => {
  assert.deepEqual(when('On the night of March 2 to 3, Russian drones hit Odesa.'), { date: '2024-03-02', date_end: '2024-03-03', time_precision: 1, historical: false });
});

test('a day and month after the publication date belong to the year before', () => {
  const JAN = '2024-01-15T10:00:00+02:00';
  assert.deepEqual(when('On March 28, Russian troops shelled Kherson.', JAN), day('2023-03-28', true));
  assert.deepEqual(when('On December 30, Russia launched a massive missile attack.', JAN), day('2023-12-30'));
  assert.deepEqual(when('On January 14, Russian drones hit Odesa.', JAN), day('2024-01-14'));
});

test('"in May 2023" is the month, precision 3, historical', () => {
  assert.deepEqual(when('In May 2023, Russian forces captured Bakhmut.'), { date: '2023-05-01', date_end: '2023-05-31', time_precision: 3, historical: true });
});

test('"in 2022" is the year, precision 3, historical', () => {
  assert.deepEqual(when('In 2022, Russian forces occupied Kherson.'), { date: '2022-01-01', date_end: '2022-12-31', time_precision: 3, historical: true });
});

test('a full date more than 30 days before publication is historical', () => {
  assert.deepEqual(when('On February 24, 2022, Russia launched its full-scale invasion.'), day('2022-02-24', true));
});

test('a sentence without time words is dated to the publication day, precision 1', () => {
  const r = resolveDate('Russian troops shelled Kherson.', WED);
  assert.deepEqual(r, { date: '2024-03-06', date_end: null, time_precision: 1, historical: false, text: null, reason: 'no time words: the publication day' });
});

test('a clock time alone is not a date', () => {
  assert.deepEqual(when('At 9:45, Russian troops shelled Kherson.'), day('2024-03-06'));
});

test('without a publication time, relative and yearless dates give null', () => {
  const none = { date: null, date_end: null, time_precision: null, historical: false };
  for (const text of [
    'Russian troops shelled Kherson.',
    'Yesterday, Russian troops shelled Kherson.',
    'On Monday, Russian drones hit Odesa.',
    'Overnight, Russian drones hit Odesa.',
    'On March 2, a Russian drone hit an apartment block in Odesa.',
  ]) {
    assert.deepEqual(when(text, null), none, text);
  }
  assert.equal(resolveDate('Yesterday, Russian troops shelled Kherson.', null).reason, 'no publication time and no full date in the text');
});

test('without a publication time, a full date with its year is read', () => {
  assert.deepEqual(when('On 2 March 2024, a Russian drone hit an apartment block in Odesa.', null), day('2024-03-02'));
  assert.deepEqual(when('On February 24, 2022, Russia launched its full-scale invasion.', null), day('2022-02-24'));
});

test('kyivDate gives the calendar date in Kyiv, not in UTC', () => {
  assert.equal(ymd(kyivDate('2024-03-05T22:30:00Z')!), '2024-03-06');
  assert.equal(ymd(kyivDate('2024-03-05T21:59:00Z')!), '2024-03-05');
  // Summer time: UTC+3.
  assert.equal(ymd(kyivDate('2024-07-05T21:30:00Z')!), '2024-07-06');
  assert.equal(ymd(kyivDate('2024-07-05T20:59:00Z')!), '2024-07-05');
  assert.equal(kyivDate('not a time'), null);
});

test('a publication late in the evening UTC that is already the next day in Kyiv dates events by the Kyiv day', () => {
  const LATE = '2024-03-05T22:30:00Z'; // 00:30 on Wednesday 6 March in Kyiv
  assert.deepEqual(when('Russian troops shelled Kherson.', LATE), day('2024-03-06'));
  assert.deepEqual(when('Yesterday, Russian troops shelled Kherson.', LATE), day('2024-03-05'));
  assert.deepEqual(when('On Wednesday, Russian troops shelled Kherson.', LATE), day('2024-03-06'));
  assert.deepEqual(when('Overnight, Russian drones hit Odesa.', LATE), { date: '2024-03-05', date_end: '2024-03-06', time_precision: 1, historical: false });
});


test('a Ukrainian-style date "06.03.2024" is day.month.year', () => {
  assert.deepEqual(when('On 06.03.2024, Russian drones hit Odesa.'), day('2024-03-06'));
});

test('"two weeks ago" is not the publication day', () => {
  assert.deepEqual(when('Two weeks ago, Russian drones hit Odesa.'), { date: '2024-02-21', date_end: null, time_precision: 2, historical: false });
});

test('"between March 1 and 3" is a range from the 1st to the 3rd', () => {
  assert.deepEqual(when('Between March 1 and 3, Russian drones hit Odesa every night.'), { date: '2024-03-01', date_end: '2024-03-03', time_precision: 2, historical: false });
});

test('without a publication time, a historical cue still marks the sentence historical', () => {
  assert.equal(resolveDate('Back in 2014, Russia occupied Crimea.', null).historical, true);
});
