#!/usr/bin/env node
// The API and the dashboard under load: an embedded store filled with 100,000 events (real short reports from
// ../shared/data, read at run time and never copied, analysed once, then varied: other days, other
// settlements, other outlets), the p95 latency of filtered event pages over HTTP on 127.0.0.1, and the first
// render of the dashboard in Chromium with 10,000 events.
// Usage: npm run build && node bench/api.mjs [--events 100000] [--render-events 10000] [--reps 40] [--no-browser] [--dir DIR]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared', 'data');
const { analyse } = await import(join(root, 'dist/src/pipeline.js'));
const { loadBuiltinGazetteer } = await import(join(root, 'dist/src/geo/gazetteer.js'));
const { parseCsv } = await import(join(root, 'dist/src/eval/csv.js'));
const { Store } = await import(join(root, 'dist/src/store/index.js'));
const { startServer } = await import(join(root, 'dist/src/server/index.js'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
if (!existsSync(shared)) {
  console.log('skipped: ../shared/data is not here');
  process.exit(0);
}
const TARGET = arg('events', 100_000);
const RENDER = arg('render-events', 10_000);
const REPS = arg('reps', 40);
const browser = !process.argv.includes('--no-browser');

// A seeded generator, so that every run builds the same store.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const gazetteer = loadBuiltinGazetteer();
const settlements = [...gazetteer.places()].filter((p) => p.kind === 'settlement' && p.lat !== null && p.admin1);
const outlets = ['Wire A', 'Wire B', 'Regional TV', 'National Daily', 'Channel 1', 'Channel 2', 'Local News', 'Official Feed'];

// Base analyses: UCDP headlines and CIR descriptions through the pipeline, once.
function bases(limit) {
  const texts = [];
  for (const r of parseCsv(readFileSync(join(shared, 'ucdp/ged-ukraine-dev.csv'), 'utf8'))) {
    for (const h of (r.source_headline ?? '').split(';')) if (h.trim()) texts.push(h.trim());
  }
  for (const r of parseCsv(readFileSync(join(shared, 'cir/events.csv'), 'utf8'))) if ((r['brief description'] ?? '').trim()) texts.push(r['brief description'].trim());
  const out = [];
  for (let i = 0; i < texts.length && out.length < limit; i++) {
    const a = analyse({ origin: `bench:${i}`, format: 'txt', text: texts[i], title: null, outlet: null, url: null, published: '2022-06-01T12:00:00+03:00', publishedSource: 'cli' }, { gazetteer });
    if (a.events.length) out.push(a);
  }
  return out;
}

const shift = (day, n) => (day === null ? null : new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10));

/** A variation of a base analysis: another document, day, outlet, and mostly another settlement. */
function vary(a, i) {
  const days = Math.floor(rand() * 1000) - 100;
  const id = createHash('sha256').update(`${a.report.id}:${i}`).digest('hex');
  const published = new Date(Date.parse(a.report.published) + days * 86_400_000).toISOString();
  const events = a.events.map((e) => {
    const p = rand() < 0.8 ? pick(settlements) : null;
    const place = p ? { name: p.name, id: p.id, admin1: p.admin1, admin2: p.admin2, lat: p.lat, lon: p.lon, geo_precision: 1 } : e.place;
    return { ...e, date: shift(e.date, days), date_end: shift(e.date_end, days), place, killed: rand() < 0.3 ? Math.floor(rand() * 6) : e.killed };
  });
  return { ...a, report: { ...a.report, id, outlet: pick(outlets), published }, events };
}

async function fill(dir, target, base) {
  const store = await Store.open(dir);
  let events = 0;
  let docs = 0;
  const t = performance.now();
  for (let i = 0; events < target; i++) {
    const r = await store.save(vary(base[i % base.length], i));
    events += r.events;
    docs++;
    if (docs % 10_000 === 0) process.stderr.write(`  ${events} events, ${docs} reports, ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
  const seconds = (performance.now() - t) / 1000;
  await store.close();
  return { events, docs, seconds };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const t0 = performance.now();
const base = bases(process.argv.includes('--dir') && existsSync(join(process.argv[process.argv.indexOf('--dir') + 1], 'pgdata')) && !browser ? 0 : 4000);
console.log(`base: ${base.length} analysed short reports with events (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// --dir DIR keeps the filled store there and reuses it on the next run (filling 100,000 events takes minutes).
const dirArg = process.argv.indexOf('--dir');
const dir = dirArg > 0 ? process.argv[dirArg + 1] : mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
let filled;
if (dirArg > 0 && existsSync(join(dir, 'pgdata'))) {
  const store = await Store.open(dir);
  const c = await store.counts();
  await store.close();
  filled = { events: c.events, docs: c.documents, seconds: 0 };
  console.log(`reusing ${dir}: ${c.events} events from ${c.documents} reports`);
} else {
  filled = await fill(dir, TARGET, base);
  console.log(`fill: ${filled.events} events from ${filled.docs} reports through Store.save in ${filled.seconds.toFixed(1)} s (${(filled.events / filled.seconds).toFixed(0)} events/s)`);
}

const server = await startServer({ dir, port: 0, token: 'bench' });
const some = (await (await fetch(`${server.url}/api/events?limit=200`)).json()).items;
const settlement = some.find((e) => e.place)?.place.name ?? 'Kharkiv';
const weapon = some.flatMap((e) => e.weapons)[0] ?? 'artillery';
const page2 = (await (await fetch(`${server.url}/api/events?oblast=Donetsk&limit=50`)).json()).next_cursor;
const mixes = {
  'no filter': '',
  'oblast': 'oblast=Donetsk',
  'oblast + type': 'oblast=Kharkiv&type=Shelling%2Fartillery%2Fmissile%20attack',
  'date range': 'from=2022-09-01&to=2022-09-30',
  'oblast + dates': 'oblast=Zaporizhia&from=2022-06-01&to=2022-12-31',
  'settlement': `settlement=${encodeURIComponent(settlement)}`,
  'weapon': `weapon=${encodeURIComponent(weapon)}`,
  'actor': 'actor=Ukraine',
  'bbox': 'bbox=35,47,38,49',
  'text search': 'q=missile',
  'sort by killed': 'sort=-killed',
  'page 2 (cursor)': `oblast=Donetsk&cursor=${page2}`,
  'min corroboration 2': 'min_corroboration=2',
};
const all = [];
const rows = [];
for (const [name, q] of Object.entries(mixes)) {
  const times = [];
  for (let i = 0; i < REPS + 3; i++) {
    const t = performance.now();
    const r = await fetch(`${server.url}/api/events?limit=50&${q}`);
    const body = await r.json();
    const ms = performance.now() - t;
    if (r.status !== 200) throw new Error(`${q}: ${r.status} ${JSON.stringify(body)}`);
    if (i >= 3) times.push(ms);
  }
  all.push(...times);
  if (rows.length === 0) console.log(`\nGET /api/events?limit=50&… on ${filled.events} events, ${REPS} requests each after 3 warm-up:`);
  rows.push([name, pct(times, 50), pct(times, 95)]);
  console.log(`  ${name.padEnd(22)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms`);
}
console.log(`  ${'all'.padEnd(22)} p50 ${pct(all, 50).toFixed(1).padStart(6)} ms  p95 ${pct(all, 95).toFixed(1).padStart(6)} ms  max ${Math.max(...all).toFixed(1)} ms`);
// Whole-store aggregates: the first request computes, the next ones are served from memory until a write.
// Incidents: described once (the server starts on it while it starts listening), then filtered in memory until a write.
for (const path of ['/api/events/points', '/api/events/points?oblast=Donetsk', '/api/stats/daily', '/api/stats/daily?oblast=Kharkiv', '/api/stats/summary', '/api/incidents?limit=50', '/api/incidents?oblast=Donetsk&limit=50', '/api/incidents?q=missile&limit=50']) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    await (await fetch(`${server.url}${path}`)).arrayBuffer();
    times.push(performance.now() - t);
  }
  console.log(`  ${path.padEnd(36)} first ${times[0].toFixed(0).padStart(5)} ms, then median ${pct(times.slice(1), 50).toFixed(1)} ms`);
}
// After a write: POST one report, then ask for incidents. The server describes again only the incidents the report
// changed; describing all of them anew (what it did before) is timed beside it. The reports are new each run (a
// reused --dir keeps them).
{
  const { FusionIncidents } = await import(join(root, 'dist/src/server/incidents.js'));
  const { Ledger } = await import(join(root, 'dist/src/server/ledger.js'));
  let t = performance.now();
  await new FusionIncidents(server.store, new Ledger(server.store)).warm();
  const full = performance.now() - t;
  const posts = [];
  const nexts = [];
  for (let i = 0; i < 10; i++) {
    const text = `Russian forces shelled Kupiansk overnight, killing ${i + 2} civilians and wounding ${i + 11}, the regional governor said. (bench ${Date.now()})`;
    t = performance.now();
    const r = await fetch(`${server.url}/api/reports`, {
      method: 'POST', headers: { Authorization: 'Bearer bench', 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, published: '2024-05-10T14:00:00+03:00', outlet: `Bench outlet ${i}` }),
    });
    posts.push(performance.now() - t);
    if (r.status !== 201) throw new Error(`POST /api/reports: ${r.status} ${await r.text()}`);
    t = performance.now();
    await (await fetch(`${server.url}/api/incidents?limit=50`)).arrayBuffer();
    nexts.push(performance.now() - t);
  }
  console.log(`  after a write: POST /api/reports median ${pct(posts, 50).toFixed(1)} ms; the next /api/incidents median ${pct(nexts, 50).toFixed(1)} ms, max ${Math.max(...nexts).toFixed(1)} ms (describing every incident anew: ${full.toFixed(0)} ms)`);
}
await server.close();
if (dirArg < 0) rmSync(dir, { recursive: true, force: true });

if (browser && existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const small = mkdtempSync(join(tmpdir(), 'sitrep-bench-render-'));
  seed = 7;
  const f = await fill(small, RENDER, base);
  const s = await startServer({ dir: small, port: 0, token: 'bench' });
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sitrep-bench-chromium-')), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const renders = [];
  for (let i = 0; i < 6; i++) {
    const page = await ctx.newPage();
    await page.goto(s.url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    const ms = await page.evaluate(() => Number(document.body.dataset.renderMs));
    const shown = await page.getAttribute('#map', 'data-shown');
    if (i > 0) renders.push(ms);
    if (i === 0) console.log(`\ndashboard: ${f.events} events in the store, ${shown} on the map; first load after the server started (aggregates computed): ${ms} ms`);
    await page.close();
  }
  console.log(`first render (navigation start → map, timeline, list and strip drawn), 5 loads after one warm-up: median ${pct(renders, 50).toFixed(0)} ms, max ${Math.max(...renders).toFixed(0)} ms`);
  await ctx.close();
  await s.close();
  rmSync(small, { recursive: true, force: true });
} else if (browser) {
  console.log('\ndashboard: skipped (no /usr/bin/chromium)');
}
