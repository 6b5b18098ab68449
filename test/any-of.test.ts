import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anyOf, topLevelAlternatives } from '../src/text/any-of.js';

test('anyOf matches exactly where one of the expressions does', () => {
  const res = [/\bshell(?:ed|ing)\b/i, /(?<![\w-])drones?(?![\w-])/i, /^Overnight\b/i];
  const any = anyOf(res)!;
  const texts = ['Russian forces shelled Kherson.', 'A drone hit a house.', 'overnight, nothing', 'anti-drone nets', 'Shellfish market', 'drones-only', 'Quiet day.'];
  for (const t of texts) assert.equal(any.test(t), res.some((re) => re.test(t)), t);
});

test('anyOf joins expressions with different flags each under its own flags', () => {
  const any = anyOf([/kyiv/i, /Bakhmut/])!;
  for (const [t, want] of [['KYIV', true], ['Bakhmut', true], ['bakhmut', false], ['Odesa', false]] as const) assert.equal(any.test(t), want, t);
});

test('anyOf refuses what it cannot join exactly: back-references', () => {
  assert.equal(anyOf([/(a)\1/i, /b/i]), null);
  assert.equal(anyOf([/(?<x>a)\k<x>/, /b/]), null);
  assert.equal(anyOf([]), null);
  // g and y do not count: test() on the union is stateless.
  assert.ok(anyOf([/a/g, /b/]));
});

test('topLevelAlternatives splits only at the top level', () => {
  assert.deepEqual(topLevelAlternatives('a|(b|c)|[|]|\\||d'), ['a', '(b|c)', '[|]', '\\|', 'd']);
  assert.deepEqual(topLevelAlternatives('(?:x|y)z'), ['(?:x|y)z']);
});

test('anyOf writes a shared leading \\b once, and still matches exactly where one of the expressions does', () => {
  const res = [/\b(?:shell(?:ed|ing))\b/i, /\brepelled\b[^.]{0,20}?\battacks?\b|\battacks?\b[^.]{0,20}?\bwere repelled\b/i, /\bstruck\b/i];
  const any = anyOf(res)!;
  assert.ok(any instanceof RegExp && any.source.startsWith('\\b(?:'), String(any));
  const texts = ['Russian forces shelled Kherson.', 'Ukrainian troops repelled two attacks.', 'The attacks were repelled.', 'A missile struck a house.', 'unshelled', 'Quiet day.', 'repelled. attacks'];
  for (const t of texts) assert.equal(any.test(t), res.some((re) => re.test(t)), t);
});

test('anyOf writes a shared leading lookbehind once, and still matches exactly where one of the expressions does', () => {
  const res = [/(?<!\b(?:in|of) )\bcaptured ([A-Z]\w+)/, /(?<!\b(?:in|of) )\btook ([A-Z]\w+)/];
  const any = anyOf(res)!;
  assert.ok(any instanceof RegExp && any.source.startsWith('(?<!'), String(any));
  const texts = ['Russian forces captured Avdiivka.', 'newly captured Avdiivka', 'in captured Avdiivka', 'They took Bakhmut.', 'of took Bakhmut', 'captured two soldiers'];
  for (const t of texts) assert.equal(any.test(t), res.some((re) => re.test(t)), t);
});
