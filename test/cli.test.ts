import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../src/store/index.js';
import { repoRoot, tempDir } from './helpers.js';

/** Runs the real CLI, as a user would after `npm ci`. */
function sitrep(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8', input, env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const examples = join(repoRoot, 'examples', 'reports');
const expectedFile = join(repoRoot, 'test', 'fixtures', 'expected-events.json');

/** Events without the hashes that only name documents and events. */
function comparable(json: string): unknown {
  const events = JSON.parse(json) as { id: string; sources: { document: string }[] }[];
  return events.map(({ id: _id, sources, ...rest }) => ({ ...rest, sources: sources.map(({ document: _d, ...s }) => s) }));
}

async function counts(db: string) {
  const store = await Store.open(db);
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

test('sitrep --help lists the commands', () => {
  const r = sitrep(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['ingest', 'events', 'reports', 'claims', 'eval']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test('ingesting the example reports gives exactly the expected events, and twice adds nothing', async () => {
  const db = tempDir();
  const first = sitrep(['ingest', examples, '--db', db]);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.equal(first.stdout.trim().split('\n').filter((l) => l.startsWith('stored')).length, 7, first.stdout);
  const events = sitrep(['events', '--json', '--db', db]);
  assert.equal(events.code, 0, events.stderr);
  if (process.env.SITREP_UPDATE_EXPECTED) writeFileSync(expectedFile, `${JSON.stringify(comparable(events.stdout), null, 2)}\n`);
  assert.deepEqual(comparable(events.stdout), JSON.parse(readFileSync(expectedFile, 'utf8')));
  const before = await counts(db);

  const again = sitrep(['ingest', examples, '--db', db]);
  assert.equal(again.code, 0);
  assert.equal(again.stdout.trim().split('\n').filter((l) => l.startsWith('known')).length, 7, again.stdout);
  assert.deepEqual(await counts(db), before);
});

test('reports and claims are listed as JSON with the contract fields', () => {
  const db = tempDir();
  sitrep(['ingest', examples, '--db', db]);
  const reports = JSON.parse(sitrep(['reports', '--json', '--db', db]).stdout) as Record<string, unknown>[];
  assert.ok(reports.some((r) => r.kind === 'settlements_attacked' && r.value === 92 && r.regions === 8));
  for (const r of reports) assert.deepEqual(Object.keys(r).sort(), ['kind', 'period_end', 'period_start', 'quote', 'region_names', 'regions', 'speaker', 'value']);
  const claims = JSON.parse(sitrep(['claims', '--json', '--db', db]).stdout) as Record<string, unknown>[];
  assert.equal(claims.length, 1);
  assert.equal(claims[0]!.status, 'unverified');
  assert.equal(claims[0]!.side, 'Russia');
  assert.deepEqual(Object.keys(claims[0]!).sort(), ['quote', 'reason', 'role', 'side', 'speaker', 'statement', 'status']);
  const table = sitrep(['events', '--db', db]);
  assert.match(table.stdout, /Kostiantynivka/);
  assert.match(table.stdout, /\d+ events/);
});

test('stdin is read with - and --published sets the publication time', () => {
  const db = tempDir();
  const r = sitrep(['ingest', '-', '--published', '2024-03-06T09:00:00+02:00', '--outlet', 'Example Radio', '--db', db], 'Russian troops shelled Nikopol on Tuesday, wounding two people.');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const events = JSON.parse(sitrep(['events', '--json', '--db', db]).stdout) as { date: string; place: { name: string }; sources: { outlet: string; published: string }[] }[];
  assert.equal(events.length, 1);
  assert.equal(events[0]!.date, '2024-03-05');
  assert.equal(events[0]!.place.name, 'Nikopol');
  assert.equal(events[0]!.sources[0]!.outlet, 'Example Radio');
  assert.equal(events[0]!.sources[0]!.published, '2024-03-06T07:00:00.000Z');
});

test('bad inputs: one clear line each, good files stored, exit 1, nothing half-stored', async () => {
  const dir = tempDir();
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'a-good.txt'), 'Russian forces shelled Kherson on Tuesday, killing one man.');
  writeFileSync(join(inputs, 'b-empty.txt'), '');
  writeFileSync(join(inputs, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  writeFileSync(join(inputs, 'd-latin1.txt'), Buffer.from('Russian troops shelled Sumy \xe9\xe8 yesterday.', 'latin1'));
  writeFileSync(join(inputs, 'e-good.md'), '# Strike\n\nA Russian drone hit a house in Sumy overnight, injuring two people.');
  writeFileSync(join(inputs, 'f-huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  writeFileSync(join(inputs, 'g-bad.jsonl'), '{"text": "Russian artillery shelled Kupiansk on Monday.", "published": "2024-03-05"}\nnot json\n{"title": "no text here"}\n');
  const db = join(dir, 'db');
  const r = sitrep(['ingest', inputs, '--db', db]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const lines = r.stdout.trim().split('\n');
  const line = (name: string) => lines.filter((l) => l.includes(name));
  assert.match(line('a-good.txt')[0]!, /^stored/);
  assert.match(line('e-good.md')[0]!, /^stored/);
  assert.match(line('b-empty.txt')[0]!, /^rejected .*empty/);
  assert.match(line('c-binary.txt')[0]!, /^rejected .*binary/);
  assert.match(line('d-latin1.txt')[0]!, /^rejected .*UTF-8/);
  assert.match(line('f-huge.txt')[0]!, /^rejected .*too large/);
  assert.deepEqual(line('g-bad.jsonl').map((l) => l.split(' ')[0]), ['stored', 'rejected', 'rejected']);
  for (const l of lines) assert.ok(!l.includes('\n') && l.length < 300, `one short line: ${l}`);
  const c = await counts(db);
  assert.equal(c.documents, 3, 'the three good reports are stored');
  assert.equal(c.events, 3);
  assert.equal(c.event_sources, 3, 'every event has its source and nothing else is left');
});

test('a second process cannot open a data directory in use', async () => {
  const db = tempDir();
  const store = await Store.open(db);
  try {
    const r = sitrep(['events', '--db', db]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /in use by process/);
  } finally {
    await store.close();
  }
});

test('unknown eval format and bad --published are usage errors', () => {
  assert.equal(sitrep(['eval', 'gdelt', 'x.csv']).code, 2);
  const r = sitrep(['ingest', '-', '--published', 'last tuesday-ish', '--db', tempDir()], 'text');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--published/);
});
