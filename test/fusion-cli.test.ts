import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SitrepEvent } from '../src/core/types.js';
import type { IncidentView } from '../src/fusion/incident.js';
import type { Stats } from '../src/fusion/stats.js';
import { Store, type Sql } from '../src/store/index.js';
import { describe } from '../src/fusion/incident.js';
import { analyse } from '../src/pipeline.js';
import { repoRoot, tempDir } from './helpers.js';

function sitrep(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const examples = join(repoRoot, 'examples', 'reports');

test('sitrep incidents --json: every present-day event is the mention of exactly one incident; stats count them all', () => {
  const db = tempDir();
  assert.equal(sitrep(['ingest', examples, '--db', db]).code, 0);
  const events = JSON.parse(sitrep(['events', '--json', '--db', db]).stdout) as SitrepEvent[];
  const r = sitrep(['incidents', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const incidents = JSON.parse(r.stdout) as IncidentView[];
  const mentions = incidents.flatMap((i) => i.sources.map((s) => s.mention));
  assert.deepEqual(new Set(mentions), new Set(events.filter((e) => !e.historical).map((e) => e.id)));
  assert.equal(mentions.length, new Set(mentions).size, 'no mention in two incidents');
  for (const i of incidents) {
    assert.ok(i.corroboration >= 1 && i.corroboration <= new Set(i.sources.map((s) => s.document)).size, i.id);
    assert.ok(i.sources.every((s) => s.quote.length > 0));
  }
  const s = sitrep(['stats', '--json', '--db', db]);
  assert.equal(s.code, 0, s.stderr);
  const stats = JSON.parse(s.stdout) as Stats;
  const counted = stats.periods.filter((p) => p.admin1 === null).reduce((n, p) => n + p.incidents, 0);
  assert.equal(counted + stats.excluded.undated + stats.excluded.imprecise, incidents.length);
  const table = sitrep(['incidents', '--db', db]);
  assert.match(table.stdout, new RegExp(`^${incidents.length} incidents? from ${mentions.length} mentions`, 'm'));
});

test('sitrep stats: a bad --by or --oblast is a usage error naming the value', () => {
  const db = tempDir();
  const by = sitrep(['stats', '--by', 'month', '--db', db]);
  assert.equal(by.code, 2);
  assert.match(by.stderr, /--by "month" is not day or week/);
  const ob = sitrep(['stats', '--oblast', 'Narnia', '--db', db]);
  assert.equal(ob.code, 2);
  assert.match(ob.stderr, /--oblast "Narnia" is not an oblast/);
});

test('sitrep ingest: a changed file at the same path replaces its earlier version', () => {
  const db = tempDir();
  const file = join(tempDir(), 'odesa.txt');
  writeFileSync(file, 'Russian drones hit Odesa overnight, injuring three people, the regional governor said.\n');
  assert.equal(sitrep(['ingest', file, '--published', '2024-03-06T09:00:00+02:00', '--db', db]).code, 0);
  writeFileSync(file, 'Russian drones hit Odesa overnight, killing one person and injuring four, the regional governor said.\n');
  const second = sitrep(['ingest', file, '--published', '2024-03-06T15:00:00+02:00', '--db', db]);
  assert.equal(second.code, 0);
  assert.match(second.stdout, /replaces [0-9a-f]{12}/);
  const events = JSON.parse(sitrep(['events', '--json', '--db', db]).stdout) as SitrepEvent[];
  assert.deepEqual(events.map((e) => [e.killed, e.injured]), [[1, 4]]);
  const incidents = JSON.parse(sitrep(['incidents', '--json', '--db', db]).stdout) as IncidentView[];
  assert.deepEqual(incidents.map((i) => [i.killed, i.injured, i.sources.length]), [[1, 4, 1]]);
});

test('events stored before incidents existed are fused when incidents are read', async () => {
  const store = await Store.open({ memory: true });
  try {
    const report = (text: string, outlet: string, url: string) => analyse({
      origin: url, format: 'txt', text, title: null, outlet, url, published: '2024-03-06T09:00:00+02:00', publishedSource: 'cli',
    });
    await store.save(report('Russian drones hit Odesa overnight, injuring three people, the regional governor said.', 'A', 'https://a.example/1'));
    await store.save(report('Three people were injured when Russian drones struck Odesa overnight, Governor Oleh Kiper said.', 'B', 'https://b.example/1'));
    const before = (await store.incidents()).map(describe);
    // As in a store from before migration 3: events, no incidents.
    await (store as unknown as { db: Sql }).db.exec('DELETE FROM incidents');
    const after = (await store.incidents()).map(describe);
    assert.equal(before.length, 1);
    assert.deepEqual(after.map((i) => [i.sources.length, i.corroboration, i.injured]), before.map((i) => [i.sources.length, i.corroboration, i.injured]));
  } finally {
    await store.close();
  }
});

test('a store from before schema version 5 gets each incident\'s corroboration when it is opened', async () => {
  const dir = tempDir();
  const report = (text: string, outlet: string, url: string) => analyse({
    origin: url, format: 'txt', text, title: null, outlet, url, published: '2024-03-06T09:00:00+02:00', publishedSource: 'cli',
  });
  let store = await Store.open(dir);
  try {
    await store.save(report('Russian drones hit Odesa overnight, injuring three people, the regional governor said.', 'A', 'https://a.example/1'));
    await store.save(report('Three people were injured when Russian drones struck Odesa overnight, Governor Oleh Kiper said.', 'B', 'https://b.example/1'));
    const db = (store as unknown as { db: Sql }).db;
    assert.deepEqual((await db.query<{ n: number | null }>('SELECT corroboration AS n FROM incidents')).rows, [{ n: 2 }], 'written as the reports are fused');
    // As in a store from before version 5: no column, version 5 not recorded.
    await db.exec('ALTER TABLE incidents DROP COLUMN corroboration; DELETE FROM schema_migrations WHERE version = 5');
  } finally {
    await store.close();
  }
  store = await Store.open(dir);
  try {
    const db = (store as unknown as { db: Sql }).db;
    assert.deepEqual((await db.query<{ n: number | null }>('SELECT corroboration AS n FROM incidents')).rows, [{ n: 2 }]);
  } finally {
    await store.close();
  }
});

test('the API\'s described incidents follow each save (joins, new incidents, revisions that take one apart) as a full description would', async () => {
  const { FusionIncidents } = await import('../src/server/incidents.js');
  const { Ledger } = await import('../src/server/ledger.js');
  const store = await Store.open({ memory: true });
  try {
    const save = (text: string, outlet: string, url: string, published = '2024-03-06T09:00:00+02:00') => store.save(analyse({
      origin: url, format: 'txt', text, title: null, outlet, url, published, publishedSource: 'cli',
    }));
    const incremental = new FusionIncidents(store, new Ledger(store));
    const view = async (s: InstanceType<typeof FusionIncidents>) => (await s.list({ limit: 500, sort: 'date' })).items
      .map((i) => ({ id: i.id, events: [...i.events].sort(), corroboration: i.corroboration, killed: i.killed, injured: i.injured }))
      .sort((a, b) => a.id.localeCompare(b.id));
    await save('Russian drones hit Odesa overnight, injuring three people, the regional governor said.', 'A', 'https://a.example/1');
    assert.equal((await view(incremental)).length, 1, 'described once, before the writes below');
    await save('Three people were injured when Russian drones struck Odesa overnight, Governor Oleh Kiper said.', 'B', 'https://b.example/1');
    await save('Russian troops shelled Kupiansk on Wednesday, killing one man, the regional governor said.', 'C', 'https://c.example/1');
    assert.deepEqual((await view(incremental)).map((i) => [i.events.length, i.corroboration]).sort(), [[1, 1], [2, 2]]);
    // A revision of B's article now tells of Kherson: B's Odesa mention leaves its incident, which is taken apart and made again.
    await save('Russian artillery shelled Kherson overnight, killing two people, the regional governor said.', 'B', 'https://b.example/1', '2024-03-06T12:00:00+02:00');
    const after = await view(incremental);
    assert.deepEqual(after, await view(new FusionIncidents(store, new Ledger(store))));
    assert.deepEqual(after.map((i) => [i.events.length, i.corroboration, i.killed]).sort(), [[1, 1, null], [1, 1, 1], [1, 1, 2]]);
    // An event id still opens its incident.
    const kherson = after.find((i) => i.killed === 2)!;
    assert.equal((await incremental.get(kherson.events[0]!))?.id, kherson.id);
  } finally {
    await store.close();
  }
});
