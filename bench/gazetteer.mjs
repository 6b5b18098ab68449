#!/usr/bin/env node --expose-gc
// Gazetteer: build from the shared registers, load from the database, memory, and place recognition +
// resolution speed on real sentences (ISW pages). One core. Usage:
//   npm run build && node --expose-gc bench/gazetteer.mjs [--db DIR] [--pages N]
// With --db pointing at a data directory that already holds a build, the build step is skipped.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared', 'data');
if (!existsSync(shared)) {
  console.log('skipped: ../shared/data is not here');
  process.exit(0);
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const { Store } = await import(join(root, 'dist/src/store/index.js'));
const { buildFromRegisters } = await import(join(root, 'dist/src/geo/build.js'));
const { parseKatottg } = await import(join(root, 'dist/src/geo/sources/katottg.js'));
const { parseCoordinatePlaces } = await import(join(root, 'dist/src/geo/sources/ua-places.js'));
const { parseGeoNames, builtinGeoNamesPath } = await import(join(root, 'dist/src/geo/geonames.js'));
const { readBuffer } = await import(join(root, 'dist/src/read/index.js'));
const { clean } = await import(join(root, 'dist/src/clean/index.js'));
const { segment } = await import(join(root, 'dist/src/text/segment.js'));
const { recognisePlaces } = await import(join(root, 'dist/src/geo/recognise.js'));
const { resolvePlaces } = await import(join(root, 'dist/src/resolve/index.js'));

const gc = () => globalThis.gc?.();
const result = { node: process.version };
const db = arg('db', null) ?? mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
{
  const store = await Store.open(db);
  if (!(await store.gazetteerStats()).built_at) {
    let t = performance.now();
    const built = buildFromRegisters({
      katottg: parseKatottg(readFileSync(join(shared, 'gazetteer/katottg-2025-05-16.csv'), 'utf8')),
      coordinates: parseCoordinatePlaces(readFileSync(join(shared, 'gazetteer/ua-places.json'), 'utf8')),
      geonames: parseGeoNames(readFileSync(builtinGeoNamesPath(), 'utf8'), 'UA'),
    });
    result.join_s = +((performance.now() - t) / 1000).toFixed(2);
    t = performance.now();
    await store.saveGazetteer(built.sources, { bench: true }, built.stats);
    result.store_s = +((performance.now() - t) / 1000).toFixed(2);
  }
  await store.close();
}

// Load: open the store, read the snapshot, index it (what every command does).
gc();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
let t = performance.now();
const store = await Store.open(db);
const opened = performance.now();
const gazetteer = await store.loadGazetteer();
result.load_ms = Math.round(performance.now() - opened);
result.open_store_ms = Math.round(opened - t);
await store.close();
gc();
result.gazetteer_heap_mb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576);
result.rss_after_load_mb = Math.round(process.memoryUsage().rss / 1048576);
result.rss_growth_mb = Math.round((process.memoryUsage().rss - rssBefore) / 1048576);
result.places = gazetteer.size;

// Sentences from ISW pages, segmented beforehand: only recognition and resolution are timed.
const pages = readdirSync(join(shared, 'isw')).filter((f) => f.endsWith('.html')).sort().slice(0, Number(arg('pages', 60)));
const docs = [];
for (const f of pages) for (const r of readBuffer(f, readFileSync(join(shared, 'isw', f)), 'html')) if (r.ok) docs.push(segment(clean(r.report)));
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
let mentions = 0;
t = performance.now();
for (const d of docs) {
  const found = d.sentences.flatMap((s) => recognisePlaces(s, d.text, gazetteer, d.id));
  mentions += resolvePlaces(found, d.text, gazetteer, d.published).length;
}
const s = (performance.now() - t) / 1000;
result.sentences = sentences;
result.sentences_per_s = Math.round(sentences / s);
result.place_mentions = mentions;
console.log(JSON.stringify(result, null, 2));
