/** The API's small pure parts: figures that disagree, CSV cells, cursors, quote highlights. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell } from '../src/server/export.js';
import { BadRequest, decodeCursor, encodeCursor } from '../src/server/filters.js';
import { disagreements, type Figure } from '../src/server/incidents.js';
import { highlights } from '../src/server/ledger.js';

const figure = (f: Partial<Figure>): Figure => ({ document: 'd', outlet: null, published: null, event: 'e', attacks: null, killed: null, injured: null, ...f });

test('figures disagree only where two sources gave different numbers (unknown is not a disagreement)', () => {
  assert.deepEqual(disagreements([figure({ killed: 2, injured: 5 }), figure({ killed: 5, injured: 5 })]), ['killed']);
  assert.deepEqual(disagreements([figure({ killed: 2 }), figure({ killed: null, attacks: 12 }), figure({ attacks: 30 })]), ['attacks']);
  assert.deepEqual(disagreements([figure({ killed: 0 }), figure({ killed: 0 })]), []);
  assert.deepEqual(disagreements([figure({ killed: 0 }), figure({ killed: 1 })]), ['killed'], 'none (0) and one differ');
});

test('CSV cells: quoted when needed, unknown empty', () => {
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(0), '0');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "no"'), '"say ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
});

test('a cursor belongs to its sort; anything else is a 400', () => {
  const c = encodeCursor('-date', '2024-03-02', 'abc');
  assert.deepEqual(decodeCursor(c, '-date'), { key: '2024-03-02', id: 'abc' });
  assert.throws(() => decodeCursor(c, 'killed'), BadRequest);
  assert.throws(() => decodeCursor('not-base64-json', '-date'), /cursor: not a cursor/);
  assert.throws(() => decodeCursor(Buffer.from('["-date", {}, "x"]').toString('base64url'), '-date'), BadRequest);
});

test('highlights: spans inside the quote, relative to it; the whole sentence and spans outside it are left out', () => {
  const s = { document: 'd', outlet: null, published: null, title: null, url: null, speaker: null, quote: 'Russian troops shelled Kupiansk.', start: 100, end: 132,
    provenance: [
      { start: 100, end: 132, stage: 'extract', reason: 'the sentence' },
      { start: 123, end: 131, stage: 'recognise', reason: 'gazetteer name' },
      { start: 123, end: 131, stage: 'resolve', reason: 'same span twice' },
      { start: 10, end: 20, stage: 'resolve', reason: 'the headline' },
    ] };
  const h = highlights(s);
  assert.deepEqual(h.map((x) => s.quote.slice(x.start, x.end)), ['Kupiansk']);
  assert.equal(h[0]!.stage, 'recognise');
});
