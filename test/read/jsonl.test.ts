import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonl, readJsonlLines } from '../../src/read/jsonl.js';
import { InputError } from '../../src/core/types.js';

test('reads one report per line, with metadata from the alternative field names', () => {
  const text = [
    JSON.stringify({ text: 'Russian forces shelled Nikopol.', title: 'Nikopol shelled', published: '2024-03-03 09:45', outlet: 'Suspilne', url: 'https://x.example/1' }),
    JSON.stringify({ body: 'Drone attack on Odesa.', headline: 'Odesa', published_at: '2024-03-03T07:45:00Z', source: 'Reuters', link: 'https://x.example/2' }),
    JSON.stringify({ content: 'Explosions in Kharkiv.', pubDate: 'Sun, 03 Mar 2024 09:45:00 +0200', site: 'Kyiv Independent' }),
    JSON.stringify({ message: 'Air raid alert in Kyiv.', datetime: '2024-03-03', channel: '@kyivcity', source: { id: 'x', name: 'ignored-in-favour-of-first' } }),
  ].join('\n');
  const { reports, errors } = readJsonl('in.jsonl', text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    reports.map((r) => [r.origin, r.format, r.text, r.title, r.outlet, r.url, r.published, r.publishedSource]),
    [
      ['in.jsonl:1', 'jsonl', 'Russian forces shelled Nikopol.', 'Nikopol shelled', 'Suspilne', 'https://x.example/1', '2024-03-03T09:45:00+02:00', 'jsonl'],
      ['in.jsonl:2', 'jsonl', 'Drone attack on Odesa.', 'Odesa', 'Reuters', 'https://x.example/2', '2024-03-03T07:45:00Z', 'jsonl'],
      ['in.jsonl:3', 'jsonl', 'Explosions in Kharkiv.', null, 'Kyiv Independent', null, '2024-03-03T09:45:00+02:00', 'jsonl'],
      ['in.jsonl:4', 'jsonl', 'Air raid alert in Kyiv.', null, 'ignored-in-favour-of-first', null, '2024-03-03', 'jsonl'],
    ],
  );
});

test('a bad line gives an error with path:LINE, the good lines still give reports', () => {
  const text = [
    JSON.stringify({ text: 'First report.' }),
    '',
    '{"text": "broken',
    JSON.stringify({ title: 'No text here' }),
    JSON.stringify({ text: 42 }),
    '[1, 2, 3]',
    JSON.stringify({ text: '   ' }),
    JSON.stringify({ text: 'Last report.', published: 'not a date', title: 7 }),
  ].join('\n');
  const { reports, errors } = readJsonl('feed.jsonl', text);
  assert.deepEqual(reports.map((r) => [r.origin, r.text, r.published, r.publishedSource, r.title]), [
    ['feed.jsonl:1', 'First report.', null, 'none', null],
    ['feed.jsonl:8', 'Last report.', null, 'none', null],
  ]);
  assert.deepEqual(errors.map((e) => [e.origin, e.message]), [
    ['feed.jsonl:3', 'line 3: not valid JSON'],
    ['feed.jsonl:4', 'line 4: no text field (expected one of text, body, content, message)'],
    ['feed.jsonl:5', 'line 5: field "text" must be a string or an array of strings and {type, text} parts'],
    ['feed.jsonl:6', 'line 6: not a JSON object'],
    ['feed.jsonl:7', 'line 7: field "text" is empty'],
  ]);
  for (const e of errors) assert.ok(e instanceof InputError && !e.message.includes('\n'));
  // in line order
  assert.deepEqual(readJsonlLines('feed.jsonl', text).map((r) => r.origin), ['1', '3', '4', '5', '6', '7', '8'].map((n) => `feed.jsonl:${n}`));
});

test('Telegram export messages: text entities joined, date_unixtime preferred, from as outlet', () => {
  const msg = {
    id: 1234,
    type: 'message',
    date: '2024-03-03T09:45:12',
    date_unixtime: '1709451912',
    from: 'Odesa Regional Administration',
    text: ['Shahed drones hit ', { type: 'bold', text: 'Odesa' }, ' overnight. Details: ', { type: 'link', text: 'https://t.me/x/1' }, '\n2 injured.'],
  };
  const { reports, errors } = readJsonl('tg.jsonl', JSON.stringify(msg));
  assert.equal(errors.length, 0);
  const [r] = reports;
  assert.ok(r);
  assert.equal(r.text, 'Shahed drones hit Odesa overnight. Details: https://t.me/x/1\n2 injured.');
  assert.equal(r.outlet, 'Odesa Regional Administration');
  assert.equal(r.published, '2024-03-03T09:45:12+02:00');
  assert.equal(new Date(r.published!).toISOString(), '2024-03-03T07:45:12.000Z');
  // plain {date, text}
  const plain = readJsonl('tg.jsonl', JSON.stringify({ date: '2024-03-03T09:45:12', text: 'Plain message' })).reports[0];
  assert.equal(plain?.published, '2024-03-03T09:45:12+02:00');
});

test('HTML in a text field is reduced to text; a text field that is empty falls through to the next', () => {
  const { reports } = readJsonl('rss.jsonl', JSON.stringify({ text: '', content: '<p>Strike on Sumy.</p><p>Two killed &amp; five injured.</p>', date: 1709451912 }));
  assert.equal(reports[0]?.text, 'Strike on Sumy.\nTwo killed & five injured.');
  assert.equal(reports[0]?.published, '2024-03-03T09:45:12+02:00');
});
