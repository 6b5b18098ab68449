import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from '../../src/geo/sources/zip.js';
import { Store } from '../../src/store/index.js';
import { repoRoot, tempDir } from '../helpers.js';
import { withServer } from './sources/server.js';

/** A GeoNames dump line we invent: 19 tab-separated columns. */
const line = (id: number, name: string, alt: string, lat: number, lon: number, admin1: string, pop: number) =>
  [id, name, name, alt, lat, lon, 'P', 'PPL', 'UA', '', admin1, '', '', '', pop, '', '150', 'Europe/Kyiv', '2024-01-01'].join('\t');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(repoRoot, 'bin', 'sitrep.js'), ...args], { env: { ...process.env, SITREP_DB: '' } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('gazetteer update downloads UA.zip from the given URL, verifies it, keeps it and rebuilds with it', async () => {
  const rows = [
    line(99100001, 'Vuhledar', 'Ugledar,Wuhledar,Угледар,Вугледар', 47.78, 37.25, '05', 14000),
    line(99100002, 'Robotyne', 'Rabotino,Работино,Роботине', 47.45, 35.84, '26', 480),
    line(99100003, 'Bakhmut', 'Artemovsk,Артемовск,Бахмут', 48.6, 38.0, '05', 73000),
  ].join('\n');
  const zip = writeZip([{ name: 'UA.txt', data: `${rows}\n` }, { name: 'readme.txt', data: 'invented rows for a test\n' }]);
  const db = tempDir();
  const fixture = join(repoRoot, 'test', 'fixtures', 'gazetteer');
  await withServer((req, res) => {
    if (req.url !== '/dump/UA.zip') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length }).end(zip);
  }, async (base) => {
    const r = await run(['gazetteer', 'update', '--url', `${base}/dump/UA.zip`, '--min-rows', '3', '--katottg', join(fixture, 'katottg-mini.csv'), '--places', join(fixture, 'places-mini.json'), '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /verified .*UA\.zip: 3 populated places/);
    assert.ok(existsSync(join(db, 'downloads', 'UA.zip')));
    const missing = await run(['gazetteer', 'update', '--url', `${base}/nothing.zip`, '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /HTTP 404/);
  });
  const store = await Store.open(db);
  try {
    const stats = await store.gazetteerStats();
    assert.equal((stats.inputs as { geonames: { rows: number } }).geonames.rows, 3);
    assert.equal(stats.places.settlement, 38, 'the registers of the previous build are kept');
    const g = await store.loadGazetteer();
    assert.equal(g?.lookup('ugledar')[0]?.place.admin1, 'Donetsk');
  } finally {
    await store.close();
  }
});
