import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readMarkdown, readPlainText } from '../../src/read/text.js';

test('plain text: a short first line followed by a blank line is the title and stays in the text', () => {
  const text = 'Strike on Kharkiv kills three\n\nRussian forces struck Kharkiv overnight.\n';
  assert.deepEqual(readPlainText(text), { text, title: 'Strike on Kharkiv kills three', published: null });
});

test('plain text: no title when the first line ends with a period, is long, is a date or has no blank line after it', () => {
  assert.equal(readPlainText('Russian forces struck Kharkiv.\n\nMore.').title, null);
  assert.equal(readPlainText(`${'Long line '.repeat(25)}\n\nMore.`).title, null);
  assert.equal(readPlainText('March 3, 2024\n\nRussian forces struck Kharkiv.').title, null);
  assert.equal(readPlainText('Strike on Kharkiv\nRussian forces struck Kharkiv.').title, null);
  assert.equal(readPlainText('\n\n  Strike on Kharkiv  \n\nBody.').title, 'Strike on Kharkiv');
});

test('Markdown: syntax stripped lightly, paragraphs one per line, first # heading is the title', () => {
  const md = [
    '# Strike on *Kharkiv* kills three',
    '',
    '![map of the strike](https://x.example/map.png)',
    'Russian forces struck **Kharkiv** overnight, the [regional governor](https://t.me/synegubov) said.',
    'The missile hit a _residential_ building.',
    '',
    '## Casualties',
    '',
    '- Three people were killed',
    '* 12 were injured',
    '1. Rescue work continues',
    '',
    '> "We will rebuild," the mayor said.',
    '',
    '| Oblast | Killed |',
    '|--------|--------|',
    '| Kharkiv | 3 |',
    '',
    '---',
    'Values like snake_case_name and 5 * 3 stay as they are.[^1]',
    '',
    '[^1]: Footnote text.',
    '[ref]: https://example.com',
  ].join('\n');
  const r = readMarkdown(md);
  assert.equal(r.title, 'Strike on Kharkiv kills three');
  assert.deepEqual(r.text.split('\n'), [
    'Strike on Kharkiv kills three',
    'Russian forces struck Kharkiv overnight, the regional governor said. The missile hit a residential building.',
    'Casualties',
    'Three people were killed',
    '12 were injured',
    'Rescue work continues',
    '"We will rebuild," the mayor said.',
    'Oblast | Killed',
    'Kharkiv | 3',
    'Values like snake_case_name and 5 * 3 stay as they are.',
    'Footnote text.',
  ]);
});

test('Markdown: front matter gives title and date; setext headings; code fences', () => {
  const md = ['---', 'title: "Front matter title"', 'date: 2024-03-03T09:45:00+02:00', '---', 'Setext Title', '============', '', '```', 'code line', '```', 'Body text.'].join('\n');
  const r = readMarkdown(md);
  assert.equal(r.title, 'Setext Title');
  assert.equal(r.published, '2024-03-03T09:45:00+02:00');
  assert.equal(r.text, 'Setext Title\ncode line\nBody text.');
  assert.equal(readMarkdown('---\ntitle: Only front\n---\nBody.').title, 'Only front');
  assert.equal(readMarkdown('No heading here.').title, null);
});
