#!/usr/bin/env node
// Throughput and memory of the in-memory pipeline (read → clean → segment → recognise → extract → resolve),
// on one core, on real text from ../shared/data (read at run time, never copied into the repo).
// Usage: npm run build && node bench/pipeline.mjs [--short N] [--isw N]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared', 'data');
const { analyse } = await import(join(root, 'dist/src/pipeline.js'));
const { readBuffer } = await import(join(root, 'dist/src/read/index.js'));
const { loadBuiltinGazetteer } = await import(join(root, 'dist/src/geo/gazetteer.js'));
const { parseCsv } = await import(join(root, 'dist/src/eval/csv.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
if (!existsSync(shared)) {
  console.log('skipped: ../shared/data is not here');
  process.exit(0);
}

let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 20);

const t0 = performance.now();
const context = { gazetteer: loadBuiltinGazetteer() };
analyse({ origin: 'warm-up', format: 'txt', text: 'Russian forces shelled Kherson.', title: null, outlet: null, url: null, published: null, publishedSource: 'none' }, context);
const startup = performance.now() - t0;

// Short reports: UCDP headlines and CIR descriptions (all under 80 words).
const texts = [];
for (const r of parseCsv(readFileSync(join(shared, 'ucdp/ged-ukraine-dev.csv'), 'utf8'))) for (const h of (r.source_headline ?? '').split(';')) if (h.trim()) texts.push(h.trim());
for (const r of parseCsv(readFileSync(join(shared, 'cir/events.csv'), 'utf8'))) if ((r['brief description'] ?? '').trim()) texts.push(r['brief description'].trim());
const shortN = Math.min(arg('short', 5000), texts.length);
let events = 0;
let t = performance.now();
for (let i = 0; i < shortN; i++) {
  const a = analyse({ origin: `short:${i}`, format: 'txt', text: texts[i], title: null, outlet: null, url: null, published: '2022-06-01T12:00:00+03:00', publishedSource: 'cli' }, context);
  events += a.events.length;
}
const shortS = (performance.now() - t) / 1000;
sample();

// ISW daily assessments: whole HTML pages through read and the pipeline.
const pages = readdirSync(join(shared, 'isw')).filter((f) => f.endsWith('.html')).sort();
const iswN = Math.min(arg('isw', pages.length), pages.length);
let iswEvents = 0;
let iswChars = 0;
t = performance.now();
for (const f of pages.slice(0, iswN)) {
  for (const r of readBuffer(f, readFileSync(join(shared, 'isw', f)), 'html')) {
    if (!r.ok) continue;
    const a = analyse(r.report, context);
    iswEvents += a.events.length;
    iswChars += a.report.text.length;
  }
}
const iswS = (performance.now() - t) / 1000;
sample();
clearInterval(timer);

const result = {
  node: process.version,
  startup_ms: Math.round(startup),
  short_reports: shortN,
  short_reports_per_s: Math.round(shortN / shortS),
  short_events: events,
  isw_pages: iswN,
  isw_pages_per_s: Math.round((iswN / iswS) * 10) / 10,
  isw_chars_per_page: Math.round(iswChars / Math.max(iswN, 1)),
  isw_events: iswEvents,
  peak_rss_mb: Math.round(peak / 1048576),
};
console.log(JSON.stringify(result, null, 2));
