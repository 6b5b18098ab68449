/**
 * The gazetteer and places commands as a user runs them: `sitrep gazetteer
 * build` on the fixture registers into a fresh data directory, `gazetteer
 * stats --json`, and `sitrep places --json` reading that build. Spawning the
 * CLI costs seconds, so the build is made once and the commands share it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot, tempDir } from '../helpers.js';
import { katottgFile, katottgText, placesFile } from './fixture.js';

function sitrep(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dir = tempDir('sitrep-places-cli-');
const db = join(dir, 'db');
// An empty GeoNames dump: the build then rests on the two fixture registers only (and runs faster).
const geonames = join(dir, 'geonames-empty.txt');
writeFileSync(geonames, '');

let built: { code: number; stdout: string; stderr: string } | null = null;
/** Builds the fixture gazetteer into `db` once. */
function build() {
  built ??= sitrep(['gazetteer', 'build', '--katottg', katottgFile, '--places', placesFile, '--geonames', geonames, '--db', db]);
  return built;
}

test('cli: gazetteer build on the fixture registers into a temporary data directory', () => {
  const r = build();
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /joined: 38 settlements, 38 with their own coordinates and 0 at their hromada's centre, 18 raions, 5 city districts/);
  // 27 divisions + 38 settlements + 18 raions + 5 districts.
  assert.match(r.stdout, /^gazetteer built: 88 places, \d+ indexed names, in [\d.]+ s$/m);
});

test('cli: gazetteer stats --json reports the build', () => {
  assert.equal(build().code, 0);
  const r = sitrep(['gazetteer', 'stats', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as {
    built_at: string; settlements: number; with_coordinates: number; approximate: number;
    places: Record<string, number>; byOblast: { admin1: string; settlements: number; with_coordinates: number; approximate: number }[];
    inputs: { katottg: { path: string; sha256: string }; places: { path: string }; geonames: { builtIn: boolean } };
  };
  assert.ok(!Number.isNaN(Date.parse(s.built_at)));
  assert.deepEqual([s.settlements, s.with_coordinates, s.approximate], [38, 38, 0]);
  assert.deepEqual(s.places, { district: 5, oblast: 27, raion: 18, settlement: 38 });
  assert.deepEqual(s.byOblast.find((o) => o.admin1 === 'Donetsk'), { admin1: 'Donetsk', settlements: 16, with_coordinates: 16, approximate: 0 });
  assert.equal(s.byOblast.reduce((n, o) => n + o.settlements, 0), 38);
  assert.equal(s.inputs.katottg.path, katottgFile);
  assert.match(s.inputs.katottg.sha256, /^[0-9a-f]{64}$/);
  assert.equal(s.inputs.places.path, placesFile);
  assert.equal(s.inputs.geonames.builtIn, false);
});

test('cli: places --json --db reads the built gazetteer and prints text, role, place, candidates and reason', () => {
  assert.equal(build().code, 0);
  const r = sitrep(['places', 'Russian forces shelled Andriivka, Zaporizhzhia Oblast, and fighting went on in the Vuhledar direction, Kyiv said.', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as {
    text: string; start: number; end: number; role: string; candidates: number; reason: string;
    place: { name: string; id: string; kind: string; admin1: string | null; admin2: string | null; lat: number | null; lon: number | null } | null;
  }[];
  assert.deepEqual(rows.map((x) => [x.text, x.role]), [['Andriivka', 'place'], ['Zaporizhzhia Oblast', 'region'], ['Vuhledar', 'place'], ['Kyiv', 'speaker']]);
  const [andriivka, oblast, vuhledar, kyiv] = rows;
  assert.deepEqual(Object.keys(andriivka!).sort(), ['candidates', 'end', 'place', 'qualifier', 'reason', 'role', 'start', 'text']);
  assert.deepEqual(andriivka!.place, { name: 'Andriivka', id: 'katottg:UA02010011000001039', kind: 'settlement', admin1: 'Zaporizhia', admin2: 'Polohivskyi', lat: 47.53, lon: 35.66 });
  assert.equal(andriivka!.candidates, 4, 'the four namesakes of the stored build');
  assert.match(andriivka!.reason, /in Zaporizhzhia Oblast, written after the name/);
  assert.equal(oblast!.place?.kind, 'oblast');
  assert.deepEqual(vuhledar!.place, { name: 'Vuhledar', id: 'katottg:UA01020031000001018', kind: 'settlement', admin1: 'Donetsk', admin2: 'Pokrovskyi', lat: 47.78, lon: 37.25 });
  assert.equal(kyiv!.place, null);
  assert.match(kyiv!.reason, /capital standing for its government/);
  assert.equal(andriivka!.start, 23);
  assert.equal(andriivka!.end, 32);
});

test('cli: gazetteer build stops on a malformed KATOTTG line, naming it, and builds nothing', () => {
  const bad = join(dir, 'katottg-bad.csv');
  const lines = katottgText().split('\n');
  lines[5] = 'UA01000000000001001;UA01010000000001002;C;Андріївка';
  writeFileSync(bad, lines.join('\n'));
  const other = join(dir, 'db-bad');
  const r = sitrep(['gazetteer', 'build', '--katottg', bad, '--places', placesFile, '--geonames', geonames, '--db', other]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^sitrep gazetteer build: KATOTTG line 6: expected 7 columns/m);
  assert.equal(r.stdout, '');
});
