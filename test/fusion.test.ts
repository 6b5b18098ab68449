import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventPlace, RawReport } from '../src/core/types.js';
import { analyse } from '../src/pipeline.js';
import { Store } from '../src/store/index.js';
import { describe, fuse, Fusion, type IncidentView, type Mention } from '../src/fusion/index.js';
import { span } from '../src/fusion/mention.js';
import { independentSources, textOverlap } from '../src/fusion/sources.js';
import { figure } from '../src/fusion/figures.js';
import { repoRoot } from './helpers.js';

// ---------------------------------------------------------------------------
// Gold cases: reports written for the test, ingested one by one into a store.

interface FusionCase {
  id: string;
  reason: string;
  reports: { outlet: string; url: string; published: string; text: string }[];
  expect: {
    documents?: number;
    revisions?: number;
    events?: number;
    incidents: Record<string, unknown>[];
  };
}

const cases: { file: string; c: FusionCase }[] = readdirSync(join(repoRoot, 'test', 'gold', 'fusion'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => (JSON.parse(readFileSync(join(repoRoot, 'test', 'gold', 'fusion', f), 'utf8')) as FusionCase[]).map((c) => ({ file: f, c })));

const raw = (r: FusionCase['reports'][number], i: number): RawReport => ({
  origin: `report-${i}.txt`, format: 'txt', text: r.text, title: null, outlet: r.outlet, url: r.url, published: r.published, publishedSource: 'cli',
});

/** An incident as the gold cases describe it: flat, only the fields a case names. */
function flat(v: IncidentView): Record<string, unknown> {
  return {
    place: v.place?.name ?? null,
    admin1: v.place?.admin1 ?? null,
    date: v.date,
    mentions: v.sources.length,
    corroboration: v.corroboration,
    killed: v.killed,
    injured: v.injured,
    attacks: v.attacks,
    disagreements: v.disagreements.map((d) => d.field),
    source_kinds: v.source_kinds,
    attack_values: v.figures.attacks.values.map((x) => x.value).sort((a, b) => a - b),
    killed_values: v.figures.killed.values.map((x) => x.value).sort((a, b) => a - b),
    killed_replaced: v.figures.killed.values.filter((x) => x.replaced_by !== null).length,
  };
}

for (const { file, c } of cases) {
  test(`gold fusion/${file}: ${c.id}`, async () => {
    const store = await Store.open({ memory: true });
    try {
      for (const [i, r] of c.reports.entries()) {
        const a = analyse(raw(r, i));
        assert.ok(a.events.length >= 1, `report ${i} gives an event: ${r.text}`);
        assert.equal((await store.save(a)).status, 'stored');
      }
      const views = (await store.incidents()).map(describe)
        .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.place?.name ?? '').localeCompare(b.place?.name ?? ''));
      const got = views.map(flat).map((v, i) => Object.fromEntries(Object.keys(c.expect.incidents[i] ?? {}).map((k) => [k, v[k]])));
      assert.deepEqual(got, c.expect.incidents, `${c.reason}\n${JSON.stringify(views.map(flat), null, 1)}`);
      if (c.expect.documents !== undefined) assert.equal((await store.counts()).documents, c.expect.documents);
      if (c.expect.revisions !== undefined) assert.equal((await store.revisions()).length, c.expect.revisions);
      if (c.expect.events !== undefined) assert.equal((await store.events()).length, c.expect.events);
    } finally {
      await store.close();
    }
  });
}

test('a revised article: the old version stays as history, its event leaves the incident, the incident keeps the other report', async () => {
  const c = cases.find((x) => x.c.id === 'fusion-revised-article')!.c;
  const store = await Store.open({ memory: true });
  try {
    const ids: string[] = [];
    for (const [i, r] of c.reports.entries()) ids.push((await store.save(analyse(raw(r, i)))).document);
    const [v1, other, v2] = ids;
    assert.deepEqual((await store.revisions()).map((r) => [r.document, r.superseded_by]), [[v1, v2]]);
    const docs = new Set((await store.events()).flatMap((e) => e.sources.map((s) => s.document)));
    assert.deepEqual(docs, new Set([other, v2]));
    const [inc] = (await store.incidents()).map(describe);
    assert.deepEqual(new Set(inc!.sources.map((s) => s.document)), new Set([other, v2]));
    // Ingesting the new version again changes nothing.
    assert.equal((await store.save(analyse(raw(c.reports[2]!, 2)))).status, 'known');
    assert.equal((await store.incidents()).length, 1);
  } finally {
    await store.close();
  }
});

test('a revision whose first version was an incident of its own removes that incident', async () => {
  const store = await Store.open({ memory: true });
  try {
    const url = 'https://example.org/revised';
    const base = { outlet: 'Desk', url, published: '2024-03-06T09:00:00+02:00' };
    await store.save(analyse(raw({ ...base, text: 'Russian drones hit Odesa overnight, injuring three people, the regional governor said.' }, 0)));
    const before = await store.incidents();
    const r = await store.save(analyse(raw({ ...base, published: '2024-03-07T09:00:00+02:00', text: 'Russian troops shelled Kherson on Thursday, wounding a man, the regional military administration said.' }, 0)));
    assert.ok(r.revises);
    const after = await store.incidents();
    assert.equal(before.length, 1);
    assert.equal(after.length, 1);
    assert.equal(after[0]!.place?.name, 'Kherson');
    assert.notEqual(after[0]!.id, before[0]!.id);
  } finally {
    await store.close();
  }
});

// ---------------------------------------------------------------------------
// Pure functions on mentions written by hand.

const PLACES: Record<string, EventPlace> = {
  Nikopol: { name: 'Nikopol', id: 'p:nikopol', admin1: 'Dnipropetrovsk', admin2: 'Nikopolskyi', lat: 47.57, lon: 34.39, geo_precision: 1 },
  Marhanets: { name: 'Marhanets', id: 'p:marhanets', admin1: 'Dnipropetrovsk', admin2: 'Nikopolskyi', lat: 47.64, lon: 34.63, geo_precision: 1 },
  Dnipropetrovsk: { name: 'Dnipropetrovsk', id: 'oblast:12', admin1: 'Dnipropetrovsk', admin2: null, lat: 48.4, lon: 35.0, geo_precision: 3 },
  Nikopolskyi: { name: 'Nikopolskyi raion', id: 'katottg:r12', admin1: 'Dnipropetrovsk', admin2: 'Nikopolskyi', lat: 47.6, lon: 34.4, geo_precision: 3 },
  Kherson: { name: 'Kherson', id: 'p:kherson', admin1: 'Kherson', admin2: 'Khersonskyi', lat: 46.63, lon: 32.61, geo_precision: 1 },
};

let n = 0;
function mention(over: Partial<Mention> & { at?: keyof typeof PLACES | null }): Mention {
  const { at = 'Nikopol', ...rest } = over;
  n++;
  return {
    id: `m${n}`, document: `d${n}`, outlet: `Outlet ${n}`, url: null, published: '2024-03-06T08:00:00.000Z',
    event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack',
    date: '2024-03-05', date_end: null, time_precision: 1, default_date: false,
    actor1: 'Military Forces of Russia (2000-)', actor2: null, place: at === null ? null : PLACES[at]!,
    attacks: null, killed: null, injured: null, historical: false, speaker: null,
    quote: `report ${n}`, text: `report ${n} about shelling`,
    ...rest,
  };
}

test('span: a stated day is that day; a date that is only the publication day also covers the day before; a week seven days', () => {
  const day = (s: string) => Math.floor(Date.parse(`${s}T00:00:00Z`) / 86_400_000);
  assert.deepEqual(span(mention({ date: '2024-03-05' })), [day('2024-03-05'), day('2024-03-05')]);
  assert.deepEqual(span(mention({ date: '2024-03-06', default_date: true })), [day('2024-03-05'), day('2024-03-06')]);
  assert.deepEqual(span(mention({ date: '2024-03-04', time_precision: 2 })), [day('2024-03-04'), day('2024-03-10')]);
  assert.deepEqual(span(mention({ date: '2024-02-01', time_precision: 3 })), [day('2024-02-01'), day('2024-02-29')]);
  assert.equal(span(mention({ date: null, published: null })), null);
});

test('never across oblasts, never two precise days at one town, never two towns', () => {
  assert.equal(fuse([mention({}), mention({ at: 'Kherson' })]).length, 2, 'two oblasts');
  assert.equal(fuse([mention({ date: '2024-03-04' }), mention({ date: '2024-03-05' })]).length, 2, 'two stated days');
  assert.equal(fuse([mention({}), mention({ at: 'Marhanets' })]).length, 2, 'two towns');
  assert.equal(fuse([mention({}), mention({})]).length, 1, 'same town, same day');
});

test('an oblast or raion report joins the town within it; a bridging report cannot chain two incidents', () => {
  assert.equal(fuse([mention({}), mention({ at: 'Dnipropetrovsk' })]).length, 1);
  assert.equal(fuse([mention({ at: 'Nikopolskyi' }), mention({})]).length, 1);
  // Monday and Tuesday at Nikopol stay apart even when a report with no day (Monday or Tuesday) comes in between.
  const incs = fuse([
    mention({ date: '2024-03-04', published: '2024-03-05T10:00:00.000Z' }),
    mention({ date: '2024-03-05', default_date: true, published: '2024-03-05T11:00:00.000Z' }),
    mention({ date: '2024-03-05', published: '2024-03-05T12:00:00.000Z' }),
  ]);
  assert.deepEqual(incs.map((i) => i.mentions.length).sort(), [1, 2]);
});

test('an oblast-level report that fits two towns equally well joins neither', () => {
  const incs = fuse([
    mention({ published: '2024-03-06T01:00:00.000Z' }),
    mention({ at: 'Marhanets', published: '2024-03-06T02:00:00.000Z' }),
    mention({ at: 'Dnipropetrovsk', published: '2024-03-06T03:00:00.000Z' }),
  ]);
  assert.equal(incs.length, 3);
});

test('types: shelling and a drone strike may be one incident, an abduction and a shelling may not; attackers must agree', () => {
  assert.equal(fuse([mention({}), mention({ sub_event_type: 'Air/drone strike' })]).length, 1);
  assert.equal(fuse([mention({}), mention({ event_type: 'Violence against civilians', sub_event_type: 'Abduction/forced disappearance' })]).length, 2);
  assert.equal(fuse([mention({}), mention({ actor1: 'Military Forces of Ukraine (2019-)' })]).length, 2);
  // In a fight either side may be named first.
  assert.equal(fuse([
    mention({ event_type: 'Battles', sub_event_type: 'Armed clash', actor2: 'Military Forces of Ukraine (2019-)' }),
    mention({ event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Ukraine (2019-)', actor2: 'Military Forces of Russia (2000-)' }),
  ]).length, 1);
});

test('a report without a place joins an incident only when it tells it in much the same words', () => {
  const placed = mention({ text: 'Six soldiers killed in rebel ambush near Nikopol', killed: 6 });
  assert.equal(fuse([placed, mention({ at: null, text: 'Six soldiers killed in ambush, ministry says', killed: 6 })]).length, 1);
  assert.equal(fuse([placed, mention({ at: null, text: 'Shelling damages school in the east', killed: null })]).length, 2);
  // Historical mentions are not fused at all.
  assert.equal(fuse([placed, mention({ historical: true })]).length, 1);
});

test('Fusion.add compares a mention only with incidents of its blocks', () => {
  const f = new Fusion();
  for (let d = 1; d <= 28; d++) f.add(mention({ date: `2024-02-${String(d).padStart(2, '0')}` }));
  f.add(mention({ at: 'Kherson' }));
  assert.equal(f.candidates(mention({ date: '2024-02-10' })).length, 1);
  assert.equal(f.candidates(mention({ date: '2024-02-10', at: 'Kherson' })).length, 0);
});

test('corroboration: one outlet twice is one source; a near copy is one source; citing another outlet is one source', () => {
  const a = mention({ outlet: 'Kyiv Daily', text: 'Russian shelling killed two people in Nikopol overnight, the governor said.' });
  const a2 = mention({ outlet: 'Kyiv Daily', text: 'The toll from the Nikopol shelling rose to three.' });
  const b = mention({ outlet: 'Reuters', text: 'Russian shelling killed two people in the Ukrainian town of Nikopol overnight, the regional governor said on Wednesday.' });
  const copy = mention({ outlet: 'Copy Desk', text: 'Russian shelling killed two people in the southern Ukrainian town of Nikopol overnight, the regional governor said on Wednesday.' });
  const cites = mention({ outlet: 'Relay', text: 'Two dead in Nikopol shelling.', speaker: { text: 'Kyiv Daily', name: null, role: null, side: null } });
  const own = mention({ outlet: 'Dnipro Herald', text: 'Artillery pounded Nikopol at night, killing two.' });
  assert.ok(textOverlap(b.text, copy.text) >= 0.6);
  assert.ok(textOverlap(a.text, b.text) < 0.6);
  const groups = independentSources([a, a2, b, copy, cites, own]);
  assert.equal(groups.length, 3);
  // Kyiv Daily twice and Relay citing it; Reuters and its copy; Dnipro Herald on its own.
  assert.deepEqual(groups.map((g) => g.documents.length).sort(), [1, 2, 3]);
  assert.deepEqual(groups.map((g) => g.outlets.join('+')).sort(), ['Dnipro Herald', 'Kyiv Daily+Relay', 'Reuters+Copy Desk']);
});

test('figures: a later figure of the same speaker replaces the earlier; of standing figures the lowest; null when none is stated', () => {
  const gov = { text: 'the regional governor', name: null, role: 'governor', side: 'Ukraine' as const };
  const ms = [
    mention({ killed: 2, speaker: gov, published: '2024-03-06T06:00:00.000Z' }),
    mention({ killed: 4, published: '2024-03-06T07:00:00.000Z' }),
    mention({ killed: 5, speaker: { ...gov, text: 'Governor Serhii Lysak', name: 'Serhii Lysak' }, published: '2024-03-06T09:00:00.000Z' }),
  ];
  const f = figure(ms, 'killed', (d) => d);
  assert.equal(f.value, 4);
  assert.equal(f.disagreement, true);
  assert.deepEqual(f.values.map((v) => [v.value, v.replaced_by !== null]), [[2, true], [4, false], [5, false]]);
  assert.equal(figure(ms, 'injured', (d) => d).value, null);
  assert.equal(figure([mention({ injured: 0 })], 'injured', (d) => d).value, 0, 'stated none stays 0');
});

test('describe: the date of the mention that states it, the most specific place, every source with its quote', () => {
  const v = describe(fuse([
    mention({ at: 'Dnipropetrovsk', date: '2024-03-06', default_date: true, published: '2024-03-06T05:00:00.000Z' }),
    mention({ date: '2024-03-05', published: '2024-03-06T06:00:00.000Z', killed: 1 }),
  ])[0]!);
  assert.equal(v.place?.name, 'Nikopol');
  assert.equal(v.date, '2024-03-05');
  assert.equal(v.sources.length, 2);
  assert.equal(v.killed, 1);
  assert.equal(v.corroboration, 2);
});

test('statistics: settlements attacked per day, a record, a trend, and an official aggregate beside sitrep\'s count', async () => {
  const { statistics } = await import('../src/fusion/stats.js');
  const town = (k: number): EventPlace => ({ name: `Town ${k}`, id: `p:town${k}`, admin1: 'Donetsk', admin2: 'Pokrovskyi', lat: 48 + k / 100, lon: 37, geo_precision: 1 });
  const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}`;
  const ms: Mention[] = [];
  // 1–3 March: one town a day; 4–10 March: two a day; 14 March: five towns, one of them killed 2 (a record).
  for (let d = 1; d <= 10; d++) for (let k = 0; k < (d <= 3 ? 1 : 2); k++) ms.push({ ...mention({ date: day(d) }), place: town(k) });
  for (let k = 0; k < 5; k++) ms.push({ ...mention({ date: day(14), killed: k === 0 ? 2 : null }), place: town(k) });
  ms.push({ ...mention({ date: day(14), sub_event_type: 'Disrupted weapons use', event_type: 'Strategic developments' }), place: town(9) });
  const views = fuse(ms).map(describe);
  const agg = { kind: 'settlements_attacked' as const, value: 92, regions: 1, region_names: ['Donetsk'], period_start: day(14), period_end: day(14), speaker: 'the General Staff', quote: 'q', start: 0, end: 1 };
  const st = statistics(views, [agg], { by: 'day' });
  const all = (d: number) => st.periods.find((p) => p.admin1 === null && p.period === day(d))!;
  assert.equal(all(2).settlements_attacked, 1);
  assert.equal(all(12).incidents, 0, 'a day with nothing is a zero');
  assert.equal(all(14).settlements_attacked, 5, 'the interception is not an attack on a settlement');
  assert.equal(all(14).killed, 2);
  assert.equal(all(14).by_type['Disrupted weapons use'], 1);
  assert.deepEqual(st.records.filter((r) => r.admin1 === null).map((r) => [r.period, r.since]), [[day(14), null]]);
  assert.match(st.records[0]!.text, /most settlements attacked in a day \(5\) since the data begin/);
  const donetsk = st.trends.find((t) => t.level === 'oblast' && t.name === 'Donetsk')!;
  // As of 14 March: 8–14 March has 2+2+2 (8–10) + 6 = 12 incidents; 1–7 March has 1+1+1+2+2+2+2 = 11.
  assert.deepEqual([donetsk.last7, donetsk.prev7, donetsk.trend7], [12, 11, 'steady']);
  const t4 = st.trends.find((t) => t.level === 'settlement' && t.name === 'Town 4')!;
  assert.deepEqual([t4.last7, t4.prev7], [1, 0]);
  assert.deepEqual(st.aggregates.map((a) => [a.value, a.sitrep_settlements, a.sitrep_incidents]), [[92, 5, 6]]);
  // Weeks start on Monday: 1–3 March (Fri–Sun) close the week of 26 February.
  const week = statistics(views, [], { by: 'week', oblast: 'Donetsk' });
  assert.deepEqual(week.periods.map((p) => [p.period, p.incidents]), [['2024-02-26', 3], ['2024-03-04', 14], ['2024-03-11', 6]]);
});
