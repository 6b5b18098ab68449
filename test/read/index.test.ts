import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readBuffer, readInputs, sniffFormat, type ReadOptions, type ReadResult } from '../../src/read/index.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function collect(paths: string[], opts?: ReadOptions, stdin?: NodeJS.ReadableStream): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, opts, stdin)) out.push(r);
  return out;
}

/** origin → "ok" or the error message. */
const summary = (results: ReadResult[]): [string, string][] =>
  results.map((r) => (r.ok ? [r.report.origin, 'ok'] : [r.error.origin, r.error.message]));

function only(results: ReadResult[]) {
  assert.equal(results.length, 1);
  const [r] = results;
  assert.ok(r?.ok, r && !r.ok ? r.error.message : 'no result');
  return r.report;
}

const HTML_WITH_META = `<html><head><title>Strike</title><meta property="article:published_time" content="2024-03-02T08:00:00Z"></head>
<body><article><p>March 3, 2024, 7:15pm ET</p><p>Russian forces struck the city of Kharkiv overnight with two missiles, officials said on Sunday.</p></article></body></html>`;

test('publication time precedence: cli > jsonl > html-meta > dateline > none', () => {
  const cli = { published: '2024-03-05T12:00:00+02:00' };
  assert.deepEqual(pick(only(readBuffer('a.html', bytes(HTML_WITH_META), 'html', cli))), ['2024-03-05T12:00:00+02:00', 'cli']);
  assert.deepEqual(pick(only(readBuffer('a.html', bytes(HTML_WITH_META), 'html'))), ['2024-03-02T08:00:00Z', 'html-meta']);
  const noMeta = HTML_WITH_META.replace(/<meta[^>]*>/, '');
  assert.deepEqual(pick(only(readBuffer('a.html', bytes(noMeta), 'html'))), ['2024-03-03T19:15:00-05:00', 'dateline']);
  const jsonl = JSON.stringify({ text: 'March 1, 2024\nBody.', published: '2024-03-02' });
  assert.deepEqual(pick(only(readBuffer('a.jsonl', bytes(jsonl), 'jsonl'))), ['2024-03-02', 'jsonl']);
  assert.deepEqual(pick(only(readBuffer('a.jsonl', bytes(jsonl), 'jsonl', cli))), ['2024-03-05T12:00:00+02:00', 'cli']);
  assert.deepEqual(pick(only(readBuffer('a.jsonl', bytes(JSON.stringify({ text: 'March 1, 2024\nBody.' })), 'jsonl'))), ['2024-03-01', 'dateline']);
  assert.deepEqual(pick(only(readBuffer('a.txt', bytes('Updated: 2024-03-03T09:45:00+02:00\n\nBody.'), 'txt'))), ['2024-03-03T09:45:00+02:00', 'dateline']);
  assert.deepEqual(pick(only(readBuffer('a.txt', bytes('No date in this text.'), 'txt'))), [null, 'none']);
  // the CLI value is normalised; an invalid one is an error
  assert.deepEqual(pick(only(readBuffer('a.txt', bytes('Body.'), 'txt', { published: '2024-03-05 12:00' }))), ['2024-03-05T12:00:00+02:00', 'cli']);
  const [bad] = readBuffer('a.txt', bytes('Body.'), 'txt', { published: 'soon' });
  assert.ok(bad && !bad.ok && /invalid publication time "soon"/.test(bad.error.message));
});

function pick(r: { published: string | null; publishedSource: string }): [string | null, string] {
  return [r.published, r.publishedSource];
}

test('outlet and url overrides', () => {
  const html = HTML_WITH_META.replace('<title>', '<meta property="og:site_name" content="Page outlet"><meta property="og:url" content="https://page.example/1"><title>');
  const plain = only(readBuffer('a.html', bytes(html), 'html'));
  assert.deepEqual([plain.outlet, plain.url, plain.title], ['Page outlet', 'https://page.example/1', 'Strike']);
  const over = only(readBuffer('a.html', bytes(html), 'html', { outlet: 'CLI outlet', url: 'https://cli.example/' }));
  assert.deepEqual([over.outlet, over.url], ['CLI outlet', 'https://cli.example/']);
  const txt = only(readBuffer('a.txt', bytes('Body.'), 'txt', { outlet: 'X' }));
  assert.deepEqual([txt.outlet, txt.url, txt.format], ['X', null, 'txt']);
});

test('readBuffer: bad bytes give one error result; a JSONL input gives one result per line', () => {
  assert.deepEqual(summary(readBuffer('e.txt', new Uint8Array(0), 'txt')), [['e.txt', 'empty file']]);
  assert.deepEqual(summary(readBuffer('b.txt', bytes('x'.repeat(100)), 'txt', { maxBytes: 10 })), [
    ['b.txt', 'too large: 100 bytes, the limit is 10 bytes (raise it with --max-bytes)'],
  ]);
  const jsonl = `${JSON.stringify({ text: 'One.' })}\nnot json\n${JSON.stringify({ text: 'Two.' })}\n`;
  assert.deepEqual(summary(readBuffer('f.jsonl', bytes(jsonl), 'jsonl')), [
    ['f.jsonl:1', 'ok'],
    ['f.jsonl:2', 'line 2: not valid JSON'],
    ['f.jsonl:3', 'ok'],
  ]);
  assert.deepEqual(summary(readBuffer('m.md', bytes('![only an image](x.png)\n'), 'md')), [['m.md', 'no text (only Markdown markup)']]);
});

test('Markdown title and text through readBuffer', () => {
  const r = only(readBuffer('a.md', bytes('# Kharkiv strike\n\nRussian forces struck **Kharkiv**.\n'), 'md'));
  assert.deepEqual([r.format, r.title, r.text], ['md', 'Kharkiv strike', 'Kharkiv strike\nRussian forces struck Kharkiv.']);
});

test('sniffFormat', () => {
  assert.equal(sniffFormat('  <!DOCTYPE html><html><body></body></html>'), 'html');
  assert.equal(sniffFormat('Some text\n<html> mention'), 'html');
  assert.equal(sniffFormat('{"text":"a"}\n\n{"text":"b"}\n'), 'jsonl');
  assert.equal(sniffFormat('{"text":"a"}\nplain line'), 'txt');
  assert.equal(sniffFormat('[1,2]'), 'txt');
  assert.equal(sniffFormat('Plain text.'), 'txt');
});

test('readInputs: directories recursively, sorted, hidden and unknown files skipped, one bad file among good ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  try {
    writeFileSync(join(dir, 'b.txt'), 'Strike on Kharkiv\n\nRussian forces struck Kharkiv.');
    writeFileSync(join(dir, 'a.html'), HTML_WITH_META);
    writeFileSync(join(dir, 'c.jsonl'), `${JSON.stringify({ text: 'One.' })}\n{oops\n`);
    writeFileSync(join(dir, 'd-empty.md'), '');
    writeFileSync(join(dir, 'e-binary.txt'), new Uint8Array([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, '.hidden.txt'), 'Hidden.');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'x.txt'), 'Hidden too.');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'f.markdown'), '# Title\n\nBody.');
    writeFileSync(join(dir, 'sub', 'g.NDJSON'), JSON.stringify({ message: 'Telegram.' }));
    const results = await collect([dir]);
    assert.deepEqual(summary(results), [
      [join(dir, 'a.html'), 'ok'],
      [join(dir, 'b.txt'), 'ok'],
      [`${join(dir, 'c.jsonl')}:1`, 'ok'],
      [`${join(dir, 'c.jsonl')}:2`, 'line 2: not valid JSON'],
      [join(dir, 'd-empty.md'), 'empty file'],
      [join(dir, 'e-binary.txt'), 'binary file, not text'],
      [join(dir, 'sub', 'f.markdown'), 'ok'],
      [`${join(dir, 'sub', 'g.NDJSON')}:1`, 'ok'],
    ]);
    const formats = results.flatMap((r) => (r.ok ? [r.report.format] : []));
    assert.deepEqual(formats, ['html', 'txt', 'jsonl', 'md', 'jsonl']);
    const txt = results[1];
    assert.ok(txt?.ok && txt.report.title === 'Strike on Kharkiv');

    // explicit files: unknown extension read as text; too large checked before reading
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(5000));
    assert.deepEqual(summary(await collect([join(dir, 'notes.csv'), big], { maxBytes: 1024 })), [
      [join(dir, 'notes.csv'), 'ok'],
      [big, 'too large: 4.9 KB, the limit is 1 KB (raise it with --max-bytes)'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readInputs: missing paths and empty directories are errors, and the run goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-read-'));
  try {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'image.png'), new Uint8Array([0x89, 0x50]));
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'Good.');
    const missing = join(dir, 'missing.txt');
    assert.deepEqual(summary(await collect([missing, empty, good])), [
      [missing, 'no such file or directory'],
      [empty, 'no .txt/.md/.html/.jsonl files in directory'],
      [good, 'ok'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readInputs: stdin is sniffed and read, with the size limit', async () => {
  const html = only(await collect(['-'], {}, Readable.from([Buffer.from(HTML_WITH_META)])));
  assert.deepEqual([html.origin, html.format, html.title], ['-', 'html', 'Strike']);
  const jsonl = await collect(['-'], {}, Readable.from([Buffer.from('{"text":"A."}\n'), Buffer.from('{"text":"B."}\n')]));
  assert.deepEqual(summary(jsonl), [['-:1', 'ok'], ['-:2', 'ok']]);
  const txt = only(await collect(['-'], {}, Readable.from(['Plain ', 'text from stdin.'])));
  assert.deepEqual([txt.format, txt.text], ['txt', 'Plain text from stdin.']);
  assert.deepEqual(summary(await collect(['-'], { maxBytes: 4 }, Readable.from([Buffer.from('123'), Buffer.from('456')]))), [
    ['-', 'too large: 6 bytes, the limit is 4 bytes (raise it with --max-bytes)'],
  ]);
  assert.deepEqual(summary(await collect(['-'], {}, Readable.from([]))), [['-', 'empty file']]);
});
