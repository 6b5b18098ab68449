import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Analysis, RawReport, SitrepEvent } from '../src/core/types.js';
import { analyse } from '../src/pipeline.js';
import { eventId } from '../src/resolve/index.js';
import { migrate, migrations, Store, StoreError, type Sql } from '../src/store/index.js';
import { tempDir } from './helpers.js';

const PUBLISHED = '2024-03-06T09:00:00+02:00';

const raw = (text: string, origin = 'reports/odesa.txt'): RawReport => ({
  origin, format: 'txt', text, title: 'Drones hit Odesa, shelling in Kherson', outlet: 'Test Outlet',
  url: `https://example.org/${origin}`, published: PUBLISHED, publishedSource: 'cli',
});

/** Two events (Odesa: 2 killed, injured unknown; Kherson: stated none), one aggregate report, one claim. */
const REPORT = [
  'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians, Governor Oleh Kiper said.',
  'Russian troops shelled Kherson on Tuesday, causing no casualties, the regional military administration said.',
  'Over the past day, Russian forces attacked 92 settlements in 8 regions, the General Staff reported.',
  'The Russian Defence Ministry claimed that its forces had captured the village of Krynky, but Ukrainian officials denied it.',
].join('\n');

const OTHER_REPORT = [
  'Russian troops shelled Nikopol with heavy artillery on Monday, wounding a 64-year-old man, Governor Serhii Lysak said.',
  'A Russian drone hit a car in Marhanets on Monday, injuring the driver, Lysak added.',
].join('\n');

const EMPTY = { documents: 0, events: 0, event_sources: 0, aggregate_reports: 0, claims: 0 };

function fixture(): Analysis {
  const a = analyse(raw(REPORT));
  // Guard the fixture itself: the tests below rely on its shape.
  assert.equal(a.events.length, 2, 'fixture events');
  assert.equal(a.reports.length, 1, 'fixture aggregate reports');
  assert.equal(a.claims.length, 1, 'fixture claims');
  return a;
}

/** What `events()` should return for an analysis saved alone. */
function contractOf(a: Analysis): SitrepEvent[] {
  return a.events.map((e) => ({
    id: eventId(a.report.id, e),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    date: e.date,
    date_end: e.date_end,
    time_precision: e.time_precision,
    actor1: e.actor1,
    actor2: e.actor2,
    place: e.place,
    attacks: e.attacks,
    killed: e.killed,
    injured: e.injured,
    targets: e.targets,
    weapons: e.weapons,
    historical: e.historical,
    sources: [{
      document: a.report.id,
      outlet: a.report.outlet,
      published: new Date(a.report.published!).toISOString(),
      speaker: e.detail.speaker?.text ?? null,
      quote: e.quote.text,
      start: e.quote.start,
      end: e.quote.end,
    }],
  }));
}

const byId = (es: SitrepEvent[]) => [...es].sort((x, y) => (x.id < y.id ? -1 : 1));

/*
 * Creating a database (initdb) takes seconds; opening an existing one takes a
 * fraction of that. Tests that need an empty store get a copy of a template
 * made once per run: `bare()` has no migrations yet, `fresh()` has them all.
 */
let bareTemplate: Promise<string> | null = null;
let storeTemplate: Promise<string> | null = null;

function copyOf(template: string): string {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A data directory holding an initialised database with no sitrep tables. */
async function bare(): Promise<string> {
  bareTemplate ??= (async () => {
    const dir = tempDir('sitrep-bare-');
    const pg = await PGlite.create(join(dir, 'pgdata'));
    await pg.close();
    return dir;
  })();
  return copyOf(await bareTemplate);
}

/** A data directory with an empty, fully migrated store. */
async function fresh(): Promise<string> {
  storeTemplate ??= (async () => {
    const dir = await bare();
    await (await Store.open(dir)).close();
    return dir;
  })();
  return copyOf(await storeTemplate);
}

async function withStore<T>(dir: string | { memory: true }, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await Store.open(dir);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

// ---------------------------------------------------------------------------
// Migrations.

const MIGRATIONS = [{ version: 1, name: '001_init.sql' }, { version: 2, name: '002_gazetteer.sql' }, { version: 3, name: '003_incidents.sql' }, { version: 4, name: '004_api.sql' }, { version: 5, name: '005_corroboration.sql' }];

test('the migrations directory holds the numbered migrations in order', () => {
  const ms = migrations();
  assert.deepEqual(ms.map((m) => ({ version: m.version, name: m.name })), MIGRATIONS);
  assert.match(ms[0]!.sql, /CREATE TABLE documents/);
  assert.match(ms[1]!.sql, /CREATE TABLE gazetteer_places/);
});

test('migrate creates every table, records the migration, and applying again applies nothing', async () => {
  const pg = await PGlite.create(join(await bare(), 'pgdata'));
  try {
    const db = pg as unknown as Sql;
    assert.deepEqual(await migrate(db), [1, 2, 3, 4, 5]);
    const tables = (await pg.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )).rows.map((r) => r.table_name);
    assert.deepEqual(tables, ['aggregate_reports', 'claims', 'documents', 'event_sources', 'events', 'gazetteer_builds', 'gazetteer_names', 'gazetteer_places', 'incident_blocks', 'incident_mentions', 'incidents', 'schema_migrations']);
    const recorded = (await pg.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    assert.deepEqual(recorded, MIGRATIONS);
    assert.deepEqual(await migrate(db), []);
    assert.equal((await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]!.n, MIGRATIONS.length);
  } finally {
    await pg.close();
  }
});

test('a data directory keeps its schema and rows across opens, and reopening applies no migration again', async () => {
  const dir = tempDir();
  const a = fixture();
  await withStore(dir, (s) => s.save(a));
  assert.ok(existsSync(join(dir, 'pgdata')), 'pgdata is created in the data directory');
  assert.ok(!existsSync(join(dir, 'sitrep.lock')), 'close releases the lock');
  const counts = await withStore(dir, (s) => s.counts());
  assert.deepEqual(counts, { documents: 1, events: 2, event_sources: 2, aggregate_reports: 1, claims: 1 });
  const pg = await PGlite.create(join(dir, 'pgdata'));
  try {
    const recorded = (await pg.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    assert.deepEqual(recorded, MIGRATIONS);
    assert.deepEqual(await migrate(pg as unknown as Sql), []);
  } finally {
    await pg.close();
  }
});

// ---------------------------------------------------------------------------
// Saving.

test('save() on an in-memory store stores the document, its events with sources, aggregate reports and claims', async () => {
  const a = fixture();
  await withStore({ memory: true }, async (s) => {
    assert.deepEqual(await s.counts(), EMPTY);
    const r = await s.save(a);
    assert.deepEqual(r, { status: 'stored', document: a.report.id, events: 2, reports: 1, claims: 1, revises: null, incidents: { joined: 0, created: 2 } });
    assert.deepEqual(await s.counts(), { documents: 1, events: 2, event_sources: 2, aggregate_reports: 1, claims: 1 });
    const [report] = await s.reports();
    assert.deepEqual(report, { document: a.report.id, ...a.reports[0]! });
    assert.equal(report!.value, 92);
    assert.equal(report!.regions, 8);
    const [claim] = await s.claims();
    assert.deepEqual(claim, { document: a.report.id, ...a.claims[0]! });
    assert.equal(claim!.side, 'Russia');
    assert.equal(claim!.status, 'disputed');
  });
});

test('saving the same analysis again is "known" and adds no rows', async () => {
  const a = fixture();
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    const before = await s.counts();
    const events = await s.events();
    const again = await s.save(a);
    assert.deepEqual(again, { status: 'known', document: a.report.id, events: 0, reports: 0, claims: 0 });
    assert.deepEqual(await s.counts(), before);
    assert.deepEqual(await s.events(), events);
  });
});

test('the same text from another origin is the same document and is "known"', async () => {
  const a = fixture();
  const b = analyse(raw(REPORT, 'elsewhere/copy.txt'));
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    assert.equal((await s.save(b)).status, 'known');
    assert.equal((await s.counts()).documents, 1);
  });
});

test('events() returns exactly the JSON contract fields', async () => {
  const a = fixture();
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    const events = await s.events();
    assert.equal(events.length, 2);
    for (const e of events) {
      assert.deepEqual(Object.keys(e), [
        'id', 'event_type', 'sub_event_type', 'date', 'date_end', 'time_precision', 'actor1', 'actor2', 'place',
        'attacks', 'killed', 'injured', 'targets', 'weapons', 'historical', 'sources',
      ]);
      assert.deepEqual(Object.keys(e.place!), ['name', 'id', 'admin1', 'admin2', 'lat', 'lon', 'geo_precision']);
      assert.equal(e.sources.length, 1);
      assert.deepEqual(Object.keys(e.sources[0]!), ['document', 'outlet', 'published', 'speaker', 'quote', 'start', 'end']);
    }
  });
});

test('events() round-trips every value of the analysis, in date / oblast / place order', async () => {
  const a = fixture();
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    const events = await s.events();
    assert.deepEqual(byId(events), byId(contractOf(a)));
    // Both on 5 March: Kherson oblast sorts before Odesa oblast.
    assert.deepEqual(events.map((e) => e.place?.name), ['Kherson', 'Odesa']);
  });
});

test('events() keeps null for unknown and 0 for stated none', async () => {
  const a = fixture();
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    const [kherson, odesa] = await s.events();
    assert.deepEqual(
      { killed: kherson!.killed, injured: kherson!.injured, attacks: kherson!.attacks, actor2: kherson!.actor2, date_end: kherson!.date_end },
      { killed: 0, injured: 0, attacks: null, actor2: null, date_end: null },
    );
    assert.deepEqual(
      { killed: odesa!.killed, injured: odesa!.injured, date: odesa!.date, date_end: odesa!.date_end, admin2: odesa!.place!.admin2 },
      { killed: 2, injured: null, date: '2024-03-05', date_end: '2024-03-06', admin2: null },
    );
    assert.deepEqual(odesa!.sources[0]!, {
      document: a.report.id,
      outlet: 'Test Outlet',
      published: '2024-03-06T07:00:00.000Z',
      speaker: 'Governor Oleh Kiper',
      quote: 'Russian forces attacked Odesa with Shahed drones overnight, killing two civilians, Governor Oleh Kiper said.',
      start: 0,
      end: 108,
    });
  });
});

test('two documents are stored side by side', async () => {
  const a = fixture();
  const b = analyse(raw(OTHER_REPORT, 'reports/nikopol.txt'));
  assert.ok(b.events.length >= 1);
  await withStore(await fresh(), async (s) => {
    await s.save(a);
    await s.save(b);
    const c = await s.counts();
    assert.equal(c.documents, 2);
    assert.equal(c.events, 2 + b.events.length);
    const docs = new Set((await s.events()).flatMap((e) => e.sources.map((x) => x.document)));
    assert.deepEqual(docs, new Set([a.report.id, b.report.id]));
  });
});

// ---------------------------------------------------------------------------
// One transaction per document.

test('a save that fails on the second event leaves nothing behind (no document, no first event)', async () => {
  const good = fixture();
  const bad = structuredClone(good);
  bad.events[1]!.attacks = 1.5; // not an integer
  await withStore(await fresh(), async (s) => {
    await assert.rejects(s.save(bad), /integer/);
    assert.deepEqual(await s.counts(), EMPTY);
    assert.deepEqual(await s.events(), []);
    // The document was not left behind: saving the good analysis stores it in full.
    assert.equal((await s.save(good)).status, 'stored');
    assert.deepEqual(await s.counts(), { documents: 1, events: 2, event_sources: 2, aggregate_reports: 1, claims: 1 });
  });
});

test('a save that fails on its claim (CHECK constraint) leaves no document, events or reports', async () => {
  const good = fixture();
  const bad = structuredClone(good);
  (bad.claims[0] as { status: string }).status = 'confirmed';
  await withStore(await fresh(), async (s) => {
    await assert.rejects(s.save(bad), /claims_status_check/);
    assert.deepEqual(await s.counts(), EMPTY);
    assert.equal((await s.save(good)).status, 'stored');
  });
});

test('a failed save does not disturb documents stored before it', async () => {
  const first = analyse(raw(OTHER_REPORT, 'reports/nikopol.txt'));
  const bad = structuredClone(fixture());
  bad.events[1]!.attacks = 1.5;
  const dir = await fresh();
  await withStore(dir, async (s) => {
    await s.save(first);
    const before = await s.counts();
    await assert.rejects(s.save(bad));
    assert.deepEqual(await s.counts(), before);
  });
  // ...and nothing half-written reaches the disk either.
  const after = await withStore(dir, (s) => s.counts());
  assert.equal(after.documents, 1);
});

// ---------------------------------------------------------------------------
// The data-directory lock.

test('open() takes the lock with this process id and close() releases it', async () => {
  const dir = await fresh();
  const s = await Store.open(dir);
  try {
    assert.equal(readFileSync(join(dir, 'sitrep.lock'), 'utf8'), String(process.pid));
  } finally {
    await s.close();
  }
  assert.ok(!existsSync(join(dir, 'sitrep.lock')));
});

test('a directory locked by another live process is refused with a StoreError saying it is in use', async () => {
  const dir = tempDir();
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    assert.ok(child.pid);
    writeFileSync(join(dir, 'sitrep.lock'), String(child.pid));
    await assert.rejects(Store.open(dir), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, new RegExp(`in use by process ${child.pid}`));
      return true;
    });
    // The other process's lock is left alone.
    assert.equal(readFileSync(join(dir, 'sitrep.lock'), 'utf8'), String(child.pid));
  } finally {
    child.kill();
  }
});

test('a stale lock left by a dead process (pid 999999) is taken over', async () => {
  const dir = await fresh();
  writeFileSync(join(dir, 'sitrep.lock'), '999999');
  await withStore(dir, async (s) => {
    assert.equal(readFileSync(join(dir, 'sitrep.lock'), 'utf8'), String(process.pid));
    assert.deepEqual(await s.counts(), EMPTY);
  });
  assert.ok(!existsSync(join(dir, 'sitrep.lock')));
});

test('an unreadable lock file (no pid in it) is taken over', async () => {
  const dir = await fresh();
  writeFileSync(join(dir, 'sitrep.lock'), 'garbage');
  await withStore(dir, async () => {
    assert.equal(readFileSync(join(dir, 'sitrep.lock'), 'utf8'), String(process.pid));
  });
});

test('opening the same directory twice in one process is refused, and the lock stays with the first', async () => {
  const dir = await fresh();
  const first = await Store.open(dir);
  try {
    await assert.rejects(Store.open(dir), (e: Error) => e instanceof StoreError && /already open in this process/.test(e.message));
    assert.equal(readFileSync(join(dir, 'sitrep.lock'), 'utf8'), String(process.pid));
    assert.equal((await first.counts()).documents >= 0, true);
  } finally {
    await first.close();
  }
  assert.ok(!existsSync(join(dir, 'sitrep.lock')));
});
