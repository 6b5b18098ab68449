import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/pipeline.js';
import type { Analysis } from '../src/core/types.js';
import { repoRoot } from './helpers.js';

/** The shape of a gold case file (see test/gold/README.md). */
interface GoldCase {
  id: string;
  reason: string;
  published: string | null;
  text: string;
  expect: {
    events?: Record<string, unknown>[];
    reports?: Record<string, unknown>[];
    claims?: Record<string, unknown>[];
    places?: { text: string; role: string; admin1?: string }[];
  };
}

function loadCases(dir: string): { file: string; c: GoldCase }[] {
  const root = join(repoRoot, 'test', 'gold', dir);
  return readdirSync(root)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const data = JSON.parse(readFileSync(join(root, f), 'utf8')) as GoldCase | GoldCase[];
      return (Array.isArray(data) ? data : [data]).map((c) => ({ file: `${dir}/${f}`, c }));
    });
}

/** The event as gold cases describe it: flat, with the place's name and oblast. */
function flatEvent(e: Analysis['events'][number]): Record<string, unknown> {
  return {
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    date: e.date,
    date_end: e.date_end,
    time_precision: e.time_precision,
    actor1: e.actor1,
    actor2: e.actor2,
    place: e.place?.name ?? null,
    admin1: e.place?.admin1 ?? null,
    geo_precision: e.place?.geo_precision ?? null,
    attacks: e.attacks,
    killed: e.killed,
    injured: e.injured,
    targets: e.targets,
    weapons: e.weapons,
    historical: e.historical,
    civilian: e.detail.civilian,
    outcome: e.detail.outcome,
    launched: e.detail.launched,
    destroyed: e.detail.destroyed,
    children_killed: e.detail.children?.killed ?? null,
    children_injured: e.detail.children?.injured ?? null,
    sources: 1 + e.alsoIn.length,
    speaker: e.detail.speaker?.text ?? null,
    speaker_name: e.detail.speaker?.name ?? null,
    speaker_role: e.detail.speaker?.role ?? null,
    speaker_organisation: e.detail.speaker?.organisation ?? null,
    speaker_side: e.detail.speaker?.side ?? null,
    via: e.detail.speaker?.via ?? null,
  };
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));

function run(c: GoldCase): Analysis {
  return analyse({ origin: c.id, format: 'txt', text: c.text, title: null, outlet: null, url: null, published: c.published, publishedSource: c.published ? 'cli' : 'none' });
}

function check(c: GoldCase): void {
  const a = run(c);
  const why = `\n  case: ${c.id}\n  why: ${c.reason}\n  text: ${c.text}`;
  if (c.expect.events) {
    const got = a.events.map(flatEvent);
    assert.equal(got.length, c.expect.events.length, `event count${why}\n  got: ${JSON.stringify(got.map((e) => pick(e, ['sub_event_type', 'place'])))}`);
    c.expect.events.forEach((want, i) => {
      assert.deepEqual(pick(got[i]!, Object.keys(want)), want, `event ${i}${why}`);
    });
  }
  if (c.expect.reports) {
    assert.equal(a.reports.length, c.expect.reports.length, `aggregate report count${why}\n  got: ${JSON.stringify(a.reports)}`);
    c.expect.reports.forEach((want, i) => assert.deepEqual(pick(a.reports[i] as unknown as Record<string, unknown>, Object.keys(want)), want, `report ${i}${why}`));
  }
  if (c.expect.claims) {
    assert.equal(a.claims.length, c.expect.claims.length, `claim count${why}\n  got: ${JSON.stringify(a.claims)}`);
    c.expect.claims.forEach((want, i) => assert.deepEqual(pick(a.claims[i] as unknown as Record<string, unknown>, Object.keys(want)), want, `claim ${i}${why}`));
  }
  for (const want of c.expect.places ?? []) {
    const m = a.places.find((p) => p.text === want.text);
    assert.ok(m, `no place mention "${want.text}"${why}`);
    assert.equal(m.role, want.role, `role of "${want.text}"${why}`);
    if (want.admin1) assert.equal(m.place?.admin1, want.admin1, `oblast of "${want.text}"${why}`);
  }
}

for (const { file, c } of loadCases('events')) {
  test(`gold ${file}: ${c.id}`, () => check(c));
}

for (const { file, c } of loadCases('negative')) {
  test(`negative ${file}: ${c.id}`, () => {
    const a = run(c);
    assert.deepEqual(a.events.map(flatEvent).map((e) => pick(e, ['sub_event_type', 'place'])), [], `no events expected\n  case: ${c.id}\n  why: ${c.reason}`);
    check(c);
  });
}

test('gold set has cases of every kind it promises', () => {
  const events = loadCases('events');
  const negative = loadCases('negative');
  assert.ok(events.length >= 136, `only ${events.length} event cases`);
  assert.ok(negative.length >= 40, `only ${negative.length} negative cases`);
  for (const c of [...events, ...negative]) assert.ok(c.c.reason && c.c.reason.length > 10, `${c.file} ${c.c.id} has no reason`);
});
