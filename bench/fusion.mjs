#!/usr/bin/env node
// Fusion speed, one core, on generated variations (no real text needed):
//   1. fusing N mentions in memory (src/fusion, the functions the store and `eval ucdp` run), default 100,000;
//   2. adding one report to a store of M incidents (PGlite on disk): Store.save, which stores the report and fuses
//      its events in one transaction; the store is bulk-loaded with M incidents first. Default 100,000.
// Usage: npm run build && node bench/fusion.mjs [--mentions N] [--incidents M] [--reports K] [--db DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { fuse } = await import(join(root, 'dist/src/fusion/cluster.js'));
const { describe } = await import(join(root, 'dist/src/fusion/incident.js'));
const { span } = await import(join(root, 'dist/src/fusion/mention.js'));
const { incidentBlocks } = await import(join(root, 'dist/src/fusion/cluster.js'));
const { placeKind } = await import(join(root, 'dist/src/fusion/match.js'));
const { Store } = await import(join(root, 'dist/src/store/index.js'));
const { PGlite } = await import('@electric-sql/pglite');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('mentions', 100_000));
const M = Number(arg('incidents', 100_000));
const K = Number(arg('reports', 50));

// A small deterministic generator (mulberry32), so every run fuses the same mentions.
let seed = 42;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// Front-line oblasts get most incidents, as in the real reporting.
const OBLASTS = ['Donetsk', 'Kharkiv', 'Zaporizhia', 'Kherson', 'Dnipropetrovsk', 'Sumy', 'Luhansk', 'Chernihiv', 'Mykolaiv', 'Odesa', 'Kyiv', 'Kyiv City', 'Lviv', 'Poltava', 'Khmelnytskyi'];
const WEIGHT = [30, 18, 14, 12, 8, 6, 4, 2, 2, 1, 1, 1, 0.5, 0.5, 0.5];
const oblast = () => { let x = rand() * WEIGHT.reduce((a, b) => a + b); for (let i = 0; i < OBLASTS.length; i++) if ((x -= WEIGHT[i]) <= 0) return i; return 0; };
const places = OBLASTS.map((o, i) => Array.from({ length: 120 }, (_, k) => ({
  name: `Settlement ${i}-${k}`, id: `bench:${i}:${k}`, admin1: o, admin2: `Raion ${i}-${k % 6}`, lat: 46 + i * 0.3 + k * 0.01, lon: 30 + k * 0.02, geo_precision: 1,
})));
const oblastPlace = OBLASTS.map((o, i) => ({ name: `${o} Oblast`, id: `oblast:${i}`, admin1: o, admin2: null, lat: 48, lon: 33, geo_precision: 3 }));
const TYPES = [
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Explosions/Remote violence', 'Air/drone strike'],
  ['Battles', 'Armed clash'], ['Strategic developments', 'Disrupted weapons use'], ['Violence against civilians', 'Attack'],
];
const WORDS = 'shelling strike drones artillery killed wounded residents village town houses damaged school hospital power line grain terminal attack overnight morning evening convoy soldiers civilians'.split(' ');
const OUTLETS = Array.from({ length: 60 }, (_, i) => `Outlet ${i}`);
const DAY0 = Date.UTC(2022, 2, 1) / 86_400_000;
const iso = (d) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** One true incident and 1-6 reports of it, told with variations: oblast only, no day, no place, another type, another toll. */
function* generate(total, days) {
  let n = 0;
  let incident = 0;
  while (n < total) {
    incident++;
    const o = oblast();
    const place = pick(places[o]);
    const day = DAY0 + Math.floor(rand() * days);
    const [et, st] = pick(TYPES);
    const killed = rand() < 0.5 ? null : Math.floor(rand() * 6);
    const story = Array.from({ length: 8 }, () => pick(WORDS));
    const reports = 1 + Math.floor(rand() ** 2 * 6);
    for (let r = 0; r < reports && n < total; r++, n++) {
      const v = rand();
      yield {
        truth: incident,
        m: {
          id: `m${n}`, document: `d${n}`, outlet: pick(OUTLETS), url: null,
          published: new Date((day + 1) * 86_400_000 + r * 3_600_000).toISOString(),
          event_type: v < 0.9 ? et : 'Explosions/Remote violence', sub_event_type: v < 0.9 ? st : 'Shelling/artillery/missile attack',
          date: v < 0.75 ? iso(day) : iso(day + 1), date_end: null, time_precision: 1, default_date: v >= 0.75,
          actor1: 'Military Forces of Russia (2000-)', actor2: null,
          place: v < 0.8 ? place : v < 0.9 ? oblastPlace[o] : null,
          attacks: null, killed: v < 0.85 ? killed : (killed ?? 0) + 1, injured: null, historical: false, speaker: null,
          quote: story.join(' '), text: [...story.slice(0, 6), pick(WORDS), pick(WORDS)].join(' '),
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------
// 1. In memory.
const gen = [...generate(N, 3 * 365)];
const mentions = gen.map((g) => g.m);
let t = performance.now();
let c0 = process.cpuUsage();
const incidents = fuse(mentions);
const fuseMs = performance.now() - t;
const fuseCpu = process.cpuUsage(c0);
t = performance.now();
for (const inc of incidents) describe(inc);
const describeMs = performance.now() - t;
const truths = new Set(gen.map((g) => g.truth)).size;
const { loadavg } = await import('node:os');
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (the machine has 2 cores shared with other work)`);
console.log(`fuse ${N.toLocaleString('en')} mentions (${truths.toLocaleString('en')} generated incidents): ${(fuseMs / 1000).toFixed(2)} s (CPU ${((fuseCpu.user + fuseCpu.system) / 1e6).toFixed(2)} s), ${incidents.length.toLocaleString('en')} incidents; describe all: ${(describeMs / 1000).toFixed(2)} s`);

// ---------------------------------------------------------------------------
// 2. One report into a store of M incidents.
const dir = arg('db', null) ?? mkdtempSync(join(tmpdir(), 'sitrep-bench-fusion-'));
const keep = arg('db', null) !== null;
await (await Store.open(dir)).close();
const pg = await PGlite.create(join(dir, 'pgdata'));
const have = (await pg.query('SELECT count(*)::int AS n FROM incidents')).rows[0].n;
t = performance.now();
if (have < M) {
  const load = [...generate(M - have, 3 * 365)].map((g, i) => ({ ...g.m, id: `e${have + i}`, document: `doc${have + i}` }));
  const BATCH = 5000;
  for (let i = 0; i < load.length; i += BATCH) {
    const c = load.slice(i, i + BATCH);
    await pg.transaction(async (tx) => {
      await tx.query(`INSERT INTO documents (id, origin, format, outlet, published, published_source, text)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])`,
      [c.map((m) => m.document), c.map((m) => `bench:${m.document}`), c.map(() => 'txt'), c.map((m) => m.outlet), c.map((m) => m.published), c.map(() => 'cli'), c.map((m) => m.quote)]);
      await tx.query(`INSERT INTO events (id, event_type, sub_event_type, date, time_precision, place_name, place_id, admin1, killed)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[])`,
      [c.map((m) => m.id), c.map((m) => m.event_type), c.map((m) => m.sub_event_type), c.map((m) => m.date), c.map((m) => m.time_precision),
        c.map((m) => m.place?.name ?? null), c.map((m) => m.place?.id ?? null), c.map((m) => m.place?.admin1 ?? null), c.map((m) => m.killed)]);
      await tx.query(`INSERT INTO event_sources (event_id, document_id, quote, start_offset, end_offset)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[])`,
      [c.map((m) => m.id), c.map((m) => m.document), c.map((m) => m.quote), c.map(() => 0), c.map((m) => m.quote.length)]);
      // One incident per loaded mention: the store then holds M incidents.
      await tx.query(`INSERT INTO incidents (id, admin1, day_start, day_end, place_id, place_level) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::int[])`,
        [c.map((m) => `inc-${m.id}`), c.map((m) => m.place?.admin1 ?? null), c.map((m) => span(m)?.[0] ?? null), c.map((m) => span(m)?.[1] ?? null),
          c.map((m) => m.place?.id ?? null), c.map((m) => placeKind(m.place))]);
      const blocks = c.flatMap((m) => incidentBlocks(m.place?.admin1 ?? null, span(m)).map(([b, d]) => [b, d, `inc-${m.id}`]));
      await tx.query('INSERT INTO incident_blocks (block, day, incident_id) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])',
        [blocks.map((x) => x[0]), blocks.map((x) => x[1]), blocks.map((x) => x[2])]);
      await tx.query(`INSERT INTO incident_mentions (event_id, incident_id, reason, mention) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
        [c.map((m) => m.id), c.map((m) => `inc-${m.id}`), c.map(() => 'bench load'), c.map((m) => JSON.stringify(m))]);
    });
  }
  await pg.exec('ANALYZE');
}
const loadMs = performance.now() - t;
const count = (await pg.query('SELECT count(*)::int AS n FROM incidents')).rows[0].n;
await pg.close();

// Reports as the pipeline gives them (analysis not timed: that is the pipeline benchmark's).
const store = await Store.open(dir);
const reports = [...generate(K + 5, 3 * 365)].map(({ m }, i) => ({
  report: { id: `new-${Date.now()}-${i}`, origin: `bench-new-${i}`, format: 'txt', title: null, outlet: m.outlet, url: null, published: m.published, publishedSource: 'cli', text: `${m.quote} ${i} ${Date.now()}`, dropped: [], sentences: [] },
  places: [], reports: [], claims: [],
  events: [{
    event_type: m.event_type, sub_event_type: m.sub_event_type, date: m.date, date_end: null, time_precision: 1, actor1: m.actor1, actor2: null,
    place: m.place, attacks: null, killed: m.killed, injured: null, targets: [], weapons: [], historical: false,
    detail: { civilian: null, outcome: null, speaker: null }, quote: { text: m.quote, start: 0, end: m.quote.length }, alsoIn: [],
    provenance: m.default_date ? [{ document: null, start: 0, end: 0, stage: 'resolve', reason: 'date: no time words: the publication day' }] : [],
  }],
}));
// Wall time, and CPU time of this process (PGlite runs in it): on a machine shared with other work the CPU time
// is what one core spends; the wall time includes waiting for the core.
const times = [];
const cpu = [];
for (const [i, a] of reports.entries()) {
  const s = performance.now();
  const c = process.cpuUsage();
  await store.save(a);
  const used = process.cpuUsage(c);
  if (i >= 5) { times.push(performance.now() - s); cpu.push((used.user + used.system) / 1000); } // the first few warm PGlite's caches
}
// Baseline: the same reports with no event (storing the document only, no fusion work).
const base = [];
for (const [i, a] of reports.entries()) {
  const s = performance.now();
  await store.save({ ...a, report: { ...a.report, id: `${a.report.id}-bare`, origin: `${a.report.origin}-bare` }, events: [] });
  if (i >= 5) base.push(performance.now() - s);
}
await store.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
base.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`store of ${count.toLocaleString('en')} incidents (bulk load ${(loadMs / 1000).toFixed(1)} s): add one report (save + fuse, one transaction) median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms over ${times.length} reports (CPU time median ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms, p90 ${cpu[Math.floor(cpu.length * 0.9)].toFixed(1)} ms); the same reports without events (no fusion) median ${base[Math.floor(base.length / 2)].toFixed(1)} ms`);
