import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/core/types.js';
import { decodeInput, firstInvalidUtf8, formatSize } from '../../src/read/validate.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Runs decodeInput and returns the InputError it throws. */
function failure(input: Uint8Array, maxBytes?: number): InputError {
  try {
    decodeInput('in.txt', input, maxBytes === undefined ? {} : { maxBytes });
  } catch (e) {
    assert.ok(e instanceof InputError, 'throws InputError');
    assert.equal(e.origin, 'in.txt');
    assert.ok(!e.message.includes('\n'), 'one-line message');
    return e;
  }
  assert.fail('expected an InputError');
}

test('decodes UTF-8, strips the BOM and normalises line ends', () => {
  assert.equal(decodeInput('a', bytes('\uFEFFKyiv\r\nKharkiv\rOdesa\n')), 'Kyiv\nKharkiv\nOdesa\n');
  assert.equal(decodeInput('a', bytes('Київ — Харків')), 'Київ — Харків');
});

test('rejects an empty input', () => {
  assert.equal(failure(new Uint8Array(0)).message, 'empty file');
});

test('rejects whitespace-only input', () => {
  assert.equal(failure(bytes(' \n\t\r\n  ')).message, 'no text (only whitespace)');
});

test('rejects binary content: NUL bytes or many control characters', () => {
  assert.equal(failure(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])).message, 'binary file, not text');
  const control = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x61));
  assert.equal(failure(control).message, 'binary file, not text');
  // a few control characters in real text are fine
  const noisy = 'text\x07 with a bell and an\x1b escape, long enough to be text';
  assert.equal(decodeInput('a', bytes(noisy)), noisy);
});

test('rejects invalid UTF-8 with the offset of the first bad byte', () => {
  assert.equal(failure(new Uint8Array([0x61, 0x62, 0xff, 0x63])).message, 'not valid UTF-8 (first bad byte at offset 2)');
  // Windows-1251 "Київ"
  assert.equal(failure(new Uint8Array([0x4b, 0xe8, 0xbf, 0xe2])).message, 'not valid UTF-8 (first bad byte at offset 1)');
  // a truncated sequence at the end
  assert.match(failure(bytes('Kyiv \u20ac').slice(0, 7)).message, /offset 5\)$/);
});

test('firstInvalidUtf8 finds overlongs and surrogates and accepts valid text', () => {
  assert.equal(firstInvalidUtf8(bytes('plain ascii and Київ and 🇺🇦')), -1);
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf])), 1); // overlong "/"
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80])), 2); // surrogate
  assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0); // > U+10FFFF
});

test('rejects UTF-16 with a hint', () => {
  assert.match(failure(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).message, /UTF-16/);
});

test('rejects inputs over the size limit (default 20 MB)', () => {
  const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
  assert.equal(failure(big).message, 'too large: 50.0 MB, the limit is 20 MB (raise it with --max-bytes)');
  assert.equal(failure(bytes('x'.repeat(3000)), 1024).message, 'too large: 2.9 KB, the limit is 1 KB (raise it with --max-bytes)');
  assert.equal(decodeInput('a', bytes('x'.repeat(1024)), { maxBytes: 1024 }).length, 1024);
});

test('formatSize', () => {
  assert.equal(formatSize(512), '512 bytes');
  assert.equal(formatSize(1536), '1.5 KB');
  assert.equal(formatSize(20 * 1024 * 1024, true), '20 MB');
});
