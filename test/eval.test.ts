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
  const rows = parseCsv(csv);
  // The sample covers what ACLED codes in Ukraine, several rows of each kind, and both sides as actor1.
  const kinds = ['Shelling/artillery/missile attack', 'Air/drone strike', 'Armed clash', 'Attack', 'Remote explosive/landmine/IED',
    'Disrupted weapons use', 'Non-state actor overtakes territory', 'Government regains territory'];
  for (const kind of kinds) assert.ok(rows.filter((r) => r.sub_event_type === kind).length >= 2, `fewer than 2 rows of ${kind}`);
  assert.ok(rows.some((r) => r.actor1 === 'Military Forces of Ukraine (2019-)' && r.sub_event_type !== 'Disrupted weapons use'), 'no row with Ukraine attacking');
  assert.ok(rows.some((r) => r.fatalities === '0') && rows.some((r) => Number(r.fatalities) > 1), 'fatalities not varied');
  assert.ok(new Set(rows.map((r) => r.admin1)).size >= 10, 'fewer than 10 oblasts');
  const r = evaluate('acled', csv, { gazetteer: loadBuiltinGazetteer() });
  assert.ok(r.n >= 60, `only ${r.n} rows`);
  assert.equal(r.n, rows.length);
  assert.deepEqual(Object.keys(r.metrics), ['location', 'admin1', 'date', 'sub_event_type', 'fatalities', 'actor1', 'actor2']);
  for (const [metric, score] of Object.entries(r.metrics)) {
    assert.equal(r.support[metric], r.n, `${metric} not scored on every row`);
    assert.ok(score !== null && score >= 0.95, `${metric} = ${score}: ${JSON.stringify(r.failures[metric])}`);
  }
});

test('eval scores a wrong answer as wrong', () => {
  const csv = 'event_date,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,fatalities,notes\n'
    + '03 June 2022,Air/drone strike,Military Forces of Ukraine (2019-),Civilians (Ukraine),Lviv,Lviv,49.84,24.03,5,"On 3 June 2022, Russian forces shelled Nikopol, Dnipropetrovsk region. Casualties unknown."\n';
  const r = evaluate('acled', csv, { gazetteer: loadBuiltinGazetteer() });
  assert.deepEqual(r.metrics, { location: 0, admin1: 0, date: 1, sub_event_type: 0, fatalities: 0, actor1: 0, actor2: 0 });
  // An export without an actor2 column is not scored on it.
  const without = evaluate('acled', csv.replace(',actor2,', ',').replace(',Civilians (Ukraine),', ','), { gazetteer: loadBuiltinGazetteer() });
  assert.equal(without.metrics.actor2, null);
  assert.equal(without.support.actor2, 0);
});
