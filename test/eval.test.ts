import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalAdmin1, evaluate, isoDay } from '../src/eval/index.js';
import { parseCsv } from '../src/eval/csv.js';
import { loadBuiltinGazetteer } from '../src/geo/gazetteer.js';
import { repoRoot } from './helpers.js';

test('csv: quoted fields with commas, doubled quotes and newlines', () => {
  const rows = parseCsv('a,b,c\r\n1,"x, ""y""\nz",3\n"",,\n');
  assert.deepEqual(rows, [{ a: '1', b: 'x, "y"\nz', c: '3' }, { a: '', b: '', c: '' }]);
});

test('admin1 names from datasets map to sitrep admin1', () => {
  assert.equal(canonicalAdmin1('Donetsk oblast'), 'Donetsk');
  assert.equal(canonicalAdmin1('Kiev Special Republican city'), 'Kyiv City');
  assert.equal(canonicalAdmin1("Zaporiz'ka oblast"), 'Zaporizhia');
  assert.equal(canonicalAdmin1(''), null);
  assert.equal(isoDay('03 June 2022'), '2022-06-03');
  assert.equal(isoDay('6/3/2022 12:00:00 AM'), '2022-06-03');
});

test('eval acled on our own ACLED-style sample scores every metric at least 0.95', () => {
  const csv = readFileSync(join(repoRoot, 'test', 'fixtures', 'acled-sample.csv'), 'utf8');
  const r = evaluate('acled', csv, { gazetteer: loadBuiltinGazetteer() });
  assert.equal(r.n, 20);
  for (const [metric, score] of Object.entries(r.metrics)) assert.ok(score !== null && score >= 0.95, `${metric} = ${score}: ${JSON.stringify(r.failures[metric])}`);
});

test('eval scores a wrong answer as wrong', () => {
  const csv = 'event_date,sub_event_type,actor1,admin1,location,latitude,longitude,fatalities,notes\n'
    + '03 June 2022,Air/drone strike,Military Forces of Ukraine (2019-),Lviv,Lviv,49.84,24.03,5,"On 3 June 2022, Russian forces shelled Nikopol, Dnipropetrovsk region. Casualties unknown."\n';
  const r = evaluate('acled', csv, { gazetteer: loadBuiltinGazetteer() });
  assert.deepEqual(r.metrics, { location: 0, admin1: 0, date: 1, sub_event_type: 0, fatalities: 0, actor1: 0 });
});
