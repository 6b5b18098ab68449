#!/usr/bin/env node
// A fingerprint of everything the in-memory pipeline says about real text, for speed work: a change that is meant
// only to make sitrep faster must leave it as it was. Analyses the short reports and the ISW pages that
// bench/pipeline.mjs times (read at run time from ../shared/data, never copied into the repo) and prints one
// sha256 over every analysis (events, places, sentences and tokens, claims, dates), in order.
// Usage: npm run build && node bench/digest.mjs [--out analyses.jsonl]   (about a minute; compare before and after)
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared', 'data');
if (!existsSync(shared)) {
  console.log('skipped: ../shared/data is not here');
  process.exit(0);
}
const { analyse } = await import(join(root, 'dist/src/pipeline.js'));
const { readBuffer } = await import(join(root, 'dist/src/read/index.js'));
const { loadBuiltinGazetteer } = await import(join(root, 'dist/src/geo/gazetteer.js'));
const { parseCsv } = await import(join(root, 'dist/src/eval/csv.js'));

const context = { gazetteer: loadBuiltinGazetteer() };
const hash = createHash('sha256');
const out = process.argv.indexOf('--out') > 0 ? [] : null;
let n = 0;
const add = (value) => {
  const line = JSON.stringify(value);
  hash.update(line).update('\n');
  out?.push(line);
  n++;
};

const texts = [];
for (const r of parseCsv(readFileSync(join(shared, 'ucdp/ged-ukraine-dev.csv'), 'utf8'))) for (const h of (r.source_headline ?? '').split(';')) if (h.trim()) texts.push(h.trim());
for (const r of parseCsv(readFileSync(join(shared, 'cir/events.csv'), 'utf8'))) if ((r['brief description'] ?? '').trim()) texts.push(r['brief description'].trim());
texts.forEach((text, i) => add(analyse({ origin: `short:${i}`, format: 'txt', text, title: null, outlet: null, url: null, published: '2022-06-01T12:00:00+03:00', publishedSource: 'cli' }, context)));
for (const f of readdirSync(join(shared, 'isw')).filter((f) => f.endsWith('.html')).sort()) {
  for (const r of readBuffer(f, readFileSync(join(shared, 'isw', f)), 'html')) add(r.ok ? analyse(r.report, context) : { origin: f, error: String(r.error?.message ?? r.error) });
}
if (out) writeFileSync(process.argv[process.argv.indexOf('--out') + 1], `${out.join('\n')}\n`);
console.log(JSON.stringify({ analyses: n, sha256: hash.digest('hex') }));
