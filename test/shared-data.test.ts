import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, type EvalFormat } from '../src/eval/index.js';
import { loadBuiltinGazetteer } from '../src/geo/gazetteer.js';
import { analyse } from '../src/pipeline.js';
import { readBuffer } from '../src/read/index.js';
import { sharedData } from './helpers.js';

/*
 * Runs sitrep on the real data in ../shared/data (never copied into the repo).
 * Every test here is skipped, with its reason, when that folder is absent.
 */
const here = existsSync(sharedData);
const skip = here ? false : 'skipped: ../shared/data is not here';

const context = here ? { gazetteer: loadBuiltinGazetteer() } : null;

const datasets: [EvalFormat, string][] = [
  ['cir', 'cir/events.csv'],
  ['ucdp', 'ucdp/ged-ukraine-dev.csv'],
];

for (const [format, path] of datasets) {
  test(`evaluate(${format}) on the first 300 rows of ${path} finishes with every metric between 0 and 1`, { skip, timeout: 20_000 }, () => {
    const csv = readFileSync(join(sharedData, path), 'utf8');
    let progress = 0;
    const r = evaluate(format, csv, context!, { limit: 300, onProgress: (done, total) => { progress = done; assert.equal(total, 300); } });
    assert.equal(r.format, format);
    assert.equal(r.n, 300);
    assert.equal(progress, 300);
    const names = Object.keys(r.metrics);
    assert.ok(names.length > 0, 'at least one metric');
    for (const [name, value] of Object.entries(r.metrics)) {
      assert.equal(typeof value, 'number', `${name} is scored (support ${r.support[name]})`);
      assert.ok(value! >= 0 && value! <= 1, `${name} = ${value}`);
      // Fusion metrics are scored on pairs of reports, which may outnumber the rows.
      assert.ok(r.support[name]! > 0 && (name.startsWith('fusion_') || r.support[name]! <= 300), `${name} support ${r.support[name]}`);
    }
    assert.ok(r.docs_per_s > 0, `docs_per_s = ${r.docs_per_s}`);
  });
}

test('five ISW pages read as HTML and analyse without an exception into long texts', { skip, timeout: 20_000 }, () => {
  const dir = join(sharedData, 'isw');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort().slice(0, 5);
  assert.equal(pages.length, 5);
  for (const page of pages) {
    const results = readBuffer(page, readFileSync(join(dir, page)), 'html');
    assert.equal(results.length, 1, page);
    const [r] = results;
    assert.ok(r!.ok, `${page}: ${r!.ok ? '' : r!.error.message}`);
    if (!r!.ok) continue;
    assert.ok(r!.report.text.length > 3000, `${page}: read text is ${r!.report.text.length} characters`);
    const a = analyse(r!.report, context!);
    assert.ok(a.report.text.length > 3000, `${page}: cleaned text is ${a.report.text.length} characters`);
    assert.match(a.report.id, /^[0-9a-f]{64}$/);
    assert.ok(a.report.sentences.length > 20, `${page}: ${a.report.sentences.length} sentences`);
  }
});
