import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoiseBounded, ownString } from '../src/text/memo.js';

test('memoiseBounded computes a name once, remembers null answers, and starts afresh when full', () => {
  const calls: string[] = [];
  const f = memoiseBounded((s: string) => {
    calls.push(s);
    return s.startsWith('K') ? s.length : null;
  }, 3);
  assert.equal(f('Kyiv'), 4);
  assert.equal(f('Kyiv'), 4);
  assert.equal(f('the'), null);
  assert.equal(f('the'), null);
  assert.deepEqual(calls, ['Kyiv', 'the']);
  f('Kharkiv');
  f('Kherson'); // the cache was full (3 names): it starts afresh with this one
  f('Kyiv');
  assert.deepEqual(calls, ['Kyiv', 'the', 'Kharkiv', 'Kherson', 'Kyiv']);
});

test('ownString keeps the characters of a short or long slice', () => {
  const text = 'Russian forces shelled Velyka Novosilka and Staromaiorske overnight.';
  for (const [a, b] of [[0, 7], [23, 40], [23, 57]] as const) assert.equal(ownString(text.slice(a, b)), text.slice(a, b));
  assert.equal(ownString(''), '');
});
