/**
 * The HTTP API over a real server on 127.0.0.1: every endpoint, filter and export, validation errors, the
 * token rule, the OpenAPI document, and `sitrep ingest` going through a running server.
 *
 * The store is filled with the example reports (POST /api/examples) and the reports in
 * test/fixtures/serve/reports.jsonl (written for these tests), read with the team's gazetteer fixture so that
 * events carry raions.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ACLED_COLUMNS } from '../src/server/export.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { Store } from '../src/store/index.js';
import { fixture } from './geo/fixture.js';
import { repoRoot, tempDir } from './helpers.js';

const TOKEN = 'test-token-for-writing';
const reportsFile = join(repoRoot, 'test', 'fixtures', 'serve', 'reports.jsonl');

interface Ev {
  id: string; event_type: string; sub_event_type: string; date: string | null; actor1: string | null; actor2: string | null;
  place: { name: string; id: string | null; admin1: string | null; admin2: string | null; lat: number | null; lon: number | null } | null;
  killed: number | null; injured: number | null; weapons: string[]; targets: string[]; corroboration: number; historical: boolean;
  sources: { document: string; outlet: string | null; quote: string; speaker: string | null }[];
}
interface Page<T> { items: T[]; next_cursor: string | null }
interface Inc {
  id: string; date: string | null; place: Ev['place']; killed: number | null; injured: number | null; events: string[]; corroboration: number;
  source_kinds: string[]; independent_sources: { outlets: string[] }[]; figure_rule: string;
  figures: { outlet: string | null; killed: number | null; injured: number | null }[]; disagreements: string[];
  conflicts: { field: string; values: { value: number; sources: string[] }[]; chosen: number }[];
  sources: { outlet: string | null; speaker: string | null; quote: string; title?: string | null; highlights?: unknown[] }[];
}

/** A data directory with the gazetteer fixture built into it, as `sitrep gazetteer build` would leave it. */
async function dataDirWithFixtureGazetteer(): Promise<string> {
  const dir = tempDir('sitrep-serve-');
  const store = await Store.open(dir);
  const f = fixture();
  await store.saveGazetteer(f.sources, { fixture: true }, f.stats);
  await store.close();
  return dir;
}

/** Runs the CLI without blocking this process, which serves the requests the CLI sends. */
function sitrep(args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, SITREP_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Minimal CSV reader (quoted cells, doubled quotes, line breaks in quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('sitrep serve: the HTTP API', () => {
  let server: RunningServer;
  let dir: string;
  let all: Ev[];
  const url = (path: string): string => `${server.url}${path}`;
  const get = async <T>(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> => {
    const r = await fetch(url(path), { headers });
    return { status: r.status, body: (await r.json()) as T };
  };
  const events = async (query: string): Promise<Ev[]> => {
    const r = await get<Page<Ev>>(`/api/events?limit=500&${query}`);
    assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
    return r.body.items;
  };
  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) => fetch(url(path), { method: 'POST', body, headers });
  const auth = { Authorization: `Bearer ${TOKEN}` };

  before(async () => {
    dir = await dataDirWithFixtureGazetteer();
    server = await startServer({ dir, port: 0, host: '127.0.0.1', token: TOKEN });
  });
  after(async () => {
    await server?.close();
  });

  test('writing needs the token; the examples are offered without it only while the database is empty', async () => {
    const health = await get<{ documents: number; examples_available: boolean }>('/api/health');
    assert.equal(health.body.documents, 0);
    assert.equal(health.body.examples_available, true);

    const noToken = await post('/api/reports', readFileSync(reportsFile), { 'Content-Type': 'application/x-ndjson' });
    assert.equal(noToken.status, 401);
    assert.match(((await noToken.json()) as { error: string }).error, /needs the operator's token/);
    assert.match(noToken.headers.get('www-authenticate') ?? '', /Bearer/);
    const wrong = await post('/api/reports?format=jsonl', readFileSync(reportsFile), { Authorization: 'Bearer not-the-token' });
    assert.equal(wrong.status, 401);
    assert.equal((await get<{ documents: number }>('/api/health')).body.documents, 0, 'nothing stored without the token');

    const examples = await post('/api/examples', '');
    assert.equal(examples.status, 201);
    const ex = (await examples.json()) as { results: { status: string }[] };
    assert.equal(ex.results.filter((r) => r.status === 'stored').length, 7);
    const again = await post('/api/examples', '');
    assert.equal(again.status, 401, 'not empty any more: the token is needed');
    const withToken = await post('/api/examples', '', auth);
    assert.equal(withToken.status, 200);
    assert.ok(((await withToken.json()) as { results: { status: string }[] }).results.every((r) => r.status === 'known'));

    const stored = await post('/api/reports?format=jsonl&origin=reports.jsonl', readFileSync(reportsFile), auth);
    assert.equal(stored.status, 201);
    const results = ((await stored.json()) as { results: { status: string; origin: string; events: number }[] }).results;
    assert.equal(results.length, 7);
    assert.ok(results.every((r) => r.status === 'stored'), JSON.stringify(results));
    assert.equal(results[0]!.origin, 'reports.jsonl:1');
    const known = await post('/api/reports?format=jsonl', readFileSync(reportsFile), auth);
    assert.equal(known.status, 200);
    all = await events('');
    assert.ok(all.length >= 12, `events: ${all.length}`);
  });

  test('POST /api/reports: JSON bodies, sniffed formats and bad input', async () => {
    const json = await post('/api/reports', JSON.stringify({ text: 'Russian troops shelled Orikhiv on Monday, wounding two people, the regional governor said.', published: '2024-05-14T09:00:00+03:00', outlet: 'Test Post' }), { ...auth, 'Content-Type': 'application/json' });
    assert.equal(json.status, 201);
    const r = ((await json.json()) as { results: { status: string; events: number; published: string }[] }).results[0]!;
    assert.equal(r.events, 1);
    const orikhiv = (await events('settlement=Orikhiv'))[0]!;
    assert.equal(orikhiv.date, '2024-05-13');
    assert.equal(orikhiv.sources[0]!.outlet, 'Test Post');

    const html = await post('/api/reports?published=2024-05-15T08:00:00%2B03:00', '<html><body><p>Russian forces shelled Polohy with artillery on Tuesday, police said.</p></body></html>', auth);
    assert.equal(html.status, 201, 'HTML is sniffed');
    assert.equal((await events('settlement=Polohy')).length, 1);

    const cases: [string, BodyInit, Record<string, string>, number, RegExp][] = [
      ['/api/reports', new Uint8Array([0xff, 0xfe, 0x00, 0x41]), {}, 422, /not valid UTF-8|binary/],
      ['/api/reports', '', {}, 400, /body: empty/],
      ['/api/reports?format=pdf', 'text', {}, 400, /format/],
      ['/api/reports?published=yesterday-ish', 'Russian troops shelled Izium.', {}, 400, /published: "yesterday-ish" is not a date/],
      ['/api/reports', '{"text": ', { 'Content-Type': 'application/json' }, 400, /body: not valid JSON/],
      ['/api/reports', '{"txt": "a"}', { 'Content-Type': 'application/json' }, 400, /body: .*text/],
      ['/api/reports?format=jsonl', '{"text": "Russian drones hit Izium on Friday."}\nnot json\n', {}, 201, /.*/],
    ];
    for (const [path, body, headers, status, message] of cases) {
      const res = await post(path, body, { ...auth, ...headers });
      const b = (await res.json()) as { error?: string; results?: { status: string; message?: string }[] };
      assert.equal(res.status, status, `${path}: ${JSON.stringify(b)}`);
      const text = b.error ?? b.results?.map((x) => x.message ?? '').join(' ') ?? '';
      assert.match(text, message, path);
    }
    const mixed = await post('/api/reports?format=jsonl&origin=mixed.jsonl', '{"text": "Russian drones hit Izium on Friday."}\nnot json\n', auth);
    const m = (await mixed.json()) as { results: { status: string; origin: string; message?: string }[] };
    assert.deepEqual(m.results.map((x) => x.status), ['known', 'rejected']);
    assert.equal(m.results[1]!.origin, 'mixed.jsonl:2');
    all = await events('');
  });

  test('every filter narrows the events to what it names', async () => {
    const total = all.length;
    const check = async (query: string, pred: (e: Ev) => boolean, mustInclude?: string): Promise<Ev[]> => {
      const got = await events(query);
      assert.ok(got.length > 0, `${query}: nothing`);
      assert.ok(got.length < total, `${query}: everything (${got.length})`);
      for (const e of got) assert.ok(pred(e), `${query}: ${JSON.stringify(e).slice(0, 300)}`);
      assert.equal(got.length, all.filter(pred).length, `${query}: every matching event`);
      if (mustInclude) assert.ok(got.some((e) => e.place?.name === mustInclude), `${query}: ${mustInclude} missing`);
      return got;
    };
    await check('oblast=Kharkiv', (e) => e.place?.admin1 === 'Kharkiv', 'Kupiansk');
    await check('oblast=kharkiv,Kherson', (e) => e.place?.admin1 === 'Kharkiv' || e.place?.admin1 === 'Kherson', 'Kherson');
    await check('raion=kupianskyi', (e) => e.place?.admin2 === 'Kupianskyi', 'Kupiansk');
    await check('settlement=nikopol', (e) => e.place?.name === 'Nikopol', 'Nikopol');
    const nikopolId = all.find((e) => e.place?.name === 'Nikopol')!.place!.id!;
    await check(`settlement=${encodeURIComponent(nikopolId)}`, (e) => e.place?.id === nikopolId, 'Nikopol');
    await check('type=Air%2Fdrone%20strike', (e) => e.sub_event_type === 'Air/drone strike', 'Pokrovsk');
    await check('type=battles', (e) => e.event_type === 'Battles');
    await check('actor=ukraine', (e) => /ukraine/i.test(`${e.actor1} ${e.actor2}`));
    await check('weapon=Shahed%20drone', (e) => e.weapons.includes('Shahed drone'), 'Nikopol');
    await check('target=energy', (e) => e.targets.includes('energy'), 'Nikopol');
    await check('from=2024-05-10&to=2024-05-12', (e) => e.date !== null && e.date >= '2024-05-10' && e.date <= '2024-05-12', 'Pokrovsk');
    await check('bbox=32.4,46.5,32.8,46.8', (e) => e.place !== null && e.place.lon! >= 32.4 && e.place.lon! <= 32.8 && e.place.lat! >= 46.5 && e.place.lat! <= 46.8, 'Kherson');
    await check('q=guided%20bomb', (e) => e.sources.some((s) => /guided aerial bomb/i.test(s.quote)), 'Pokrovsk');
    await check('q=Kupiansk', (e) => e.place?.name === 'Kupiansk' || e.sources.some((s) => /Kupiansk/.test(s.quote)), 'Kupiansk');
    await check('oblast=Donetsk&type=Air%2Fdrone%20strike&from=2024-05-01', (e) => e.place?.admin1 === 'Donetsk' && e.sub_event_type === 'Air/drone strike' && e.date! >= '2024-05-01', 'Pokrovsk');
    assert.equal((await events('min_corroboration=1')).length, total);
    assert.deepEqual(await events('min_corroboration=2'), [], 'one report per event until fusion: no event has two independent sources');
    assert.ok(all.every((e) => e.corroboration === 1));
  });

  test('sorting and cursor pages: every event once, in order', async () => {
    for (const sort of ['-date', 'date', '-killed', 'injured']) {
      const seen: Ev[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: { status: number; body: Page<Ev> } = await get<Page<Ev>>(`/api/events?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.status, 200);
        assert.ok(r.body.items.length <= 3);
        seen.push(...r.body.items);
        cursor = r.body.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      assert.equal(seen.length, all.length, sort);
      assert.equal(new Set(seen.map((e) => e.id)).size, all.length, `${sort}: no event twice`);
      const key = sort.replace('-', '') as 'date' | 'killed' | 'injured';
      const value = (e: Ev): string | number => (key === 'date' ? e.date ?? '' : e[key] ?? -1);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [value(seen[i - 1]!), value(seen[i]!)];
        assert.ok(sort.startsWith('-') ? a >= b : a <= b, `${sort}: ${a} then ${b}`);
      }
    }
    const first = await get<Page<Ev>>('/api/events?limit=2');
    const wrongSort = await get<{ error: string }>(`/api/events?sort=killed&cursor=${first.body.next_cursor}`);
    assert.equal(wrongSort.status, 400);
    assert.match(wrongSort.body.error, /^cursor: /);
  });

  test('validation errors are 400 with a message naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['/api/events?from=2024-13-01', /^from: is not a calendar date/],
      ['/api/events?to=yesterday', /^to: must be a date YYYY-MM-DD/],
      ['/api/events?limit=0', /^limit: must be at least 1/],
      ['/api/events?limit=many', /^limit: must be a whole number/],
      ['/api/events?limit=501', /^limit: must be at most 500/],
      ['/api/events?oblast=Narnia', /^oblast: "Narnia" is not an oblast/],
      ['/api/events?type=Picnic', /^type: "Picnic" is not an event type/],
      ['/api/events?bbox=30,50,31', /^bbox: must be minLon,minLat,maxLon,maxLat/],
      ['/api/events?bbox=31,50,30,51', /^bbox: /],
      ['/api/events?sort=place', /^sort: /],
      ['/api/events?min_corroboration=-1', /^min_corroboration: /],
      ['/api/events?cursor=garbage', /^cursor: /],
      ['/api/events?oblasts=Donetsk', /unknown parameter oblasts/],
      ['/api/events?oblast=Donetsk&oblast=Kharkiv', /^oblast: given 2 times/],
      ['/api/incidents?from=2024-02-30', /^from: is not a calendar date/],
      ['/api/events/points?weapon=', /^weapon: /],
      ['/api/stats/daily?raion=', /^raion: /],
      ['/api/stats/summary?date=soon', /^date: /],
      ['/api/places?q=', /^q: must not be empty/],
      ['/api/places', /^q: /],
      ['/api/aggregate-reports?kind=rumours', /^kind: /],
      ['/api/claims?status=true', /^status: /],
      ['/api/claims?cursor=zzz', /^cursor: /],
      ['/api/export/events.csv?from=never', /^from: /],
    ];
    for (const [path, message] of cases) {
      const r = await get<{ error: string }>(path);
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, message, path);
    }
    const missing = await get<{ error: string }>('/api/events/no-such-event');
    assert.equal(missing.status, 404);
    assert.match(missing.body.error, /no event with id no-such-event/);
    assert.equal((await get('/api/incidents/no-such-incident')).status, 404);
    assert.equal((await get('/api/reports/nothing')).status, 404);
    assert.equal((await get('/api/nothing-here')).status, 404);
    assert.equal((await get('/api/export/events.xlsx')).status, 404);
  });

  test('one event: every source with its title, outlet, speaker and the words the rules read', async () => {
    const kupiansk = all.find((e) => e.place?.name === 'Kupiansk' && e.sources.some((s) => s.outlet === 'Test Wire'))!;
    const r = await get<{ sources: { quote: string; title: string | null; outlet: string | null; speaker: string | null; published: string; highlights: { start: number; end: number; stage: string }[] }[]; killed: number; injured: number }>(`/api/events/${kupiansk.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.killed, 2);
    assert.equal(r.body.injured, 5);
    const s = r.body.sources[0]!;
    assert.equal(s.title, 'Shelling in Kupiansk');
    assert.equal(s.outlet, 'Test Wire');
    assert.equal(s.speaker, 'the regional governor');
    assert.equal(s.published, '2024-05-10T05:00:00.000Z');
    const marked = s.highlights.map((h) => s.quote.slice(h.start, h.end));
    assert.ok(marked.includes('Kupiansk'), JSON.stringify(marked));
    assert.ok(marked.some((m) => /two civilians/.test(m)), JSON.stringify(marked));
    assert.ok(marked.some((m) => /five/.test(m)), JSON.stringify(marked));

    const report = await get<{ text: string; title: string }>(`/api/reports/${kupiansk.sources[0]!.document}`);
    assert.equal(report.status, 200);
    assert.ok(report.body.text.includes(s.quote));
  });

  test('incidents: fusion\'s, with the same filters and pages as the events', async () => {
    const list = await get<Page<Inc>>('/api/incidents?oblast=Donetsk&limit=500');
    assert.equal(list.status, 200);
    const donetsk = all.filter((e) => e.place?.admin1 === 'Donetsk' && !e.historical);
    assert.deepEqual(list.body.items.flatMap((i) => i.events).sort(), donetsk.map((e) => e.id).sort(), 'every present-day Donetsk event in one incident');
    const pokrovsk = list.body.items.find((i) => i.place?.name === 'Pokrovsk')!;
    assert.equal(pokrovsk.killed, 3);
    assert.deepEqual(pokrovsk.disagreements, []);
    assert.equal(pokrovsk.corroboration, 1);
    // The dashboard opens an event's incident by the event's id.
    const byEvent = await get<Inc>(`/api/incidents/${pokrovsk.events[0]}`);
    assert.equal(byEvent.status, 200);
    assert.equal(byEvent.body.id, pokrovsk.id);
    assert.ok(byEvent.body.sources[0]!.highlights!.length > 0, 'in detail: the words the rules read');
    assert.equal(byEvent.body.sources[0]!.title, 'Bomb on Pokrovsk');
  });

  test('incidents: two outlets\' reports of one strike are one incident, corroboration 2, their killed figures side by side', async () => {
    const wire = (p: Page<Inc>): Inc[] => p.items.filter((i) => i.sources.some((s) => s.outlet === 'Test Wire'));
    const before = (await get<Page<Inc>>('/api/incidents?settlement=Kupiansk')).body;
    assert.equal(wire(before).length, 1);
    assert.equal(wire(before)[0]!.corroboration, 1);
    // A second outlet (a report written for this test) tells the same shelling with another death toll.
    const r = await post('/api/reports', JSON.stringify({
      text: 'Russian artillery shelled Kupiansk on Thursday, killing three civilians and wounding five, police said.',
      published: '2024-05-10T14:00:00+03:00', outlet: 'Test Gazette', origin: 'gazette-kupiansk',
    }), { ...auth, 'Content-Type': 'application/json' });
    assert.equal(r.status, 201);
    all = await events('');
    const after = (await get<Page<Inc>>('/api/incidents?settlement=Kupiansk')).body;
    assert.equal(after.items.length, before.items.length, 'no new incident: the two reports fused');
    const inc = wire(after)[0]!;
    assert.equal(inc.id, wire(before)[0]!.id);
    assert.equal(inc.events.length, 2);
    assert.equal(inc.corroboration, 2);
    assert.deepEqual(inc.independent_sources.map((s) => s.outlets).sort(), [['Test Gazette'], ['Test Wire']]);
    assert.deepEqual(inc.disagreements, ['killed']);
    assert.equal(inc.killed, 2, 'the lowest standing figure');
    assert.equal(inc.injured, 5);
    assert.deepEqual(inc.conflicts, [{ field: 'killed', values: [{ value: 2, sources: ['the regional governor'] }, { value: 3, sources: ['police'] }], chosen: 2 }]);
    assert.deepEqual(inc.figures.map((f) => [f.outlet, f.killed, f.injured]), [['Test Wire', 2, 5], ['Test Gazette', 3, 5]]);
    assert.match(inc.figure_rule, /lowest/);
    assert.ok(inc.source_kinds.includes('media'), JSON.stringify(inc.source_kinds));
    const quotes = inc.sources.map((s) => [s.outlet, s.quote]);
    assert.deepEqual(quotes, [
      ['Test Wire', 'Russian forces shelled Kupiansk with artillery on Thursday, killing two civilians and wounding five, the regional governor said.'],
      ['Test Gazette', 'Russian artillery shelled Kupiansk on Thursday, killing three civilians and wounding five, police said.'],
    ]);
    assert.deepEqual(inc.sources.map((s) => s.speaker), ['the regional governor', 'police']);

    const detail = await get<Inc>(`/api/incidents/${inc.id}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.sources.map((s) => s.title), ['Shelling in Kupiansk', null]);
    // The filters read the incident: two independent sources, in Kharkiv, with its figures and text.
    const corroborated = await get<Page<Inc>>('/api/incidents?min_corroboration=2&limit=500');
    assert.deepEqual(corroborated.body.items.map((i) => i.id), [inc.id]);
    // Each of its events says how many independent sources stand behind it: the incident's, not its own report's one.
    assert.deepEqual(all.filter((e) => inc.events.includes(e.id)).map((e) => e.corroboration), [2, 2]);
    assert.ok(all.filter((e) => !inc.events.includes(e.id)).every((e) => e.corroboration === 1));
    assert.deepEqual((await events('min_corroboration=2')).map((e) => e.id).sort(), [...inc.events].sort());
    const points = (await get<{ points: [string, number, number, string | null, number, number, number | null][] }>('/api/events/points')).body.points;
    assert.deepEqual(points.filter((x) => x[5] === 2).map((x) => x[0]).sort(), [...inc.events].sort(), 'map points are sized by it');
    assert.equal((await get<Ev>(`/api/events/${inc.events[0]}`)).body.corroboration, 2);
    assert.deepEqual((await get<Page<Inc>>('/api/incidents?q=police&oblast=Kharkiv')).body.items.map((i) => i.id), [inc.id]);
    assert.deepEqual((await get<Page<Inc>>('/api/incidents?oblast=Kherson')).body.items.map((i) => i.place?.name), ['Kherson']);
    const shahed = (await get<Page<Inc>>('/api/incidents?weapon=Shahed%20drone')).body.items.map((i) => i.place?.name).sort();
    assert.ok(shahed.includes('Nikopol'));
    assert.deepEqual(shahed, all.filter((e) => e.weapons.includes('Shahed drone')).map((e) => e.place?.name).sort());
    assert.deepEqual((await get<Page<Inc>>('/api/incidents?from=2024-05-10&to=2024-05-12&type=Air%2Fdrone%20strike&oblast=Donetsk')).body.items.map((i) => i.place?.name), ['Pokrovsk']);

    // Sorted cursor pages: every incident once, in order.
    const every = (await get<Page<Inc>>('/api/incidents?limit=500')).body.items;
    for (const sort of ['-date', 'killed']) {
      const seen: Inc[] = [];
      let cursor: string | null = null;
      do {
        const p: { status: number; body: Page<Inc> } = await get<Page<Inc>>(`/api/incidents?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(p.status, 200);
        seen.push(...p.body.items);
        cursor = p.body.next_cursor;
      } while (cursor && seen.length <= every.length);
      assert.deepEqual(seen.map((i) => i.id).sort(), every.map((i) => i.id).sort(), sort);
      const value = (i: Inc): string | number => (sort === '-date' ? i.date ?? '' : i.killed ?? -1);
      for (let k = 1; k < seen.length; k++) assert.ok(sort.startsWith('-') ? value(seen[k - 1]!) >= value(seen[k]!) : value(seen[k - 1]!) <= value(seen[k]!), sort);
    }
  });

  test('places search: by the start of a name, by a variant, by Cyrillic', async () => {
    const prefix = await get<{ items: { name: string; admin1: string; kind: string }[] }>('/api/places?q=kupi');
    assert.equal(prefix.body.items[0]?.name, 'Kupiansk');
    const cyr = await get<{ items: { name: string; matched: string }[] }>(`/api/places?q=${encodeURIComponent("Куп'янськ")}`);
    assert.equal(cyr.body.items[0]?.name, 'Kupiansk');
    const many = await get<{ items: { name: string; admin1: string }[] }>('/api/places?q=andriivka&limit=3');
    assert.equal(many.body.items.length, 3);
    assert.ok(many.body.items.every((p) => p.name === 'Andriivka'));
    assert.deepEqual((await get<{ items: unknown[] }>('/api/places?q=zzzzqqq')).body.items, []);
    const zap = await get<{ items: { kind: string; name: string }[] }>('/api/places?q=Zaporizhzhia');
    assert.deepEqual(zap.body.items.map((p) => `${p.kind} ${p.name}`), ['settlement Zaporizhzhia', 'oblast Zaporizhzhia Oblast'], 'the name itself first, then the names it starts');
  });

  test('daily statistics and the summary strip', async () => {
    const days = (await get<{ days: { date: string; events: number; settlements: number; oblasts: number; killed: number | null; injured: number | null; by_type: Record<string, number>; by_oblast: Record<string, number> }[] }>('/api/stats/daily')).body.days;
    const dated = all.filter((e) => e.date !== null);
    assert.equal(days.reduce((n, d) => n + d.events, 0), dated.length);
    for (const d of days) {
      const of = dated.filter((e) => e.date === d.date);
      assert.equal(d.events, of.length, d.date);
      assert.equal(Object.values(d.by_type).reduce((a, b) => a + b, 0), of.length, d.date);
      assert.equal(d.oblasts, new Set(of.map((e) => e.place?.admin1).filter(Boolean)).size, d.date);
      const killed = of.map((e) => e.killed).filter((k): k is number => k !== null);
      assert.equal(d.killed, killed.length ? killed.reduce((a, b) => a + b, 0) : null, `${d.date}: killed`);
    }
    const may11 = days.find((d) => d.date === '2024-05-11')!;
    assert.equal(may11.killed, 3);
    assert.equal(may11.by_oblast.Donetsk, 1);
    const kharkiv = (await get<{ days: { events: number }[] }>('/api/stats/daily?oblast=Kharkiv')).body.days;
    assert.equal(kharkiv.reduce((n, d) => n + d.events, 0), dated.filter((e) => e.place?.admin1 === 'Kharkiv').length);

    const summary = (await get<{ date: string; settlements: number; record_since: string; previous_high: { date: string } | null }>('/api/stats/summary')).body;
    assert.equal(summary.date, days[days.length - 1]!.date, 'the latest day with events');
    const onDay = (await get<{ date: string; settlements: number; record_since: string; previous_high: { date: string; settlements: number } | null; first_date: string }>('/api/stats/summary?date=2024-05-11')).body;
    assert.equal(onDay.settlements, days.find((d) => d.date === '2024-05-11')!.settlements);
    const earlier = days.filter((d) => d.date < '2024-05-11');
    const higher = earlier.filter((d) => d.settlements >= onDay.settlements).pop();
    assert.equal(onDay.previous_high?.date ?? null, higher?.date ?? null);
    if (!higher) assert.equal(onDay.record_since, days[0]!.date);
  });

  test('aggregate reports, claims and the health of each source', async () => {
    const reports = await get<Page<{ kind: string; value: number; regions: number; outlet: string; quote: string }>>('/api/aggregate-reports');
    assert.ok(reports.body.items.some((r) => r.kind === 'settlements_attacked' && r.value === 41 && r.regions === 6 && r.outlet === 'Test Herald'));
    assert.ok(reports.body.items.some((r) => r.value === 92), 'the examples\' figure');
    const kind = await get<Page<{ kind: string }>>('/api/aggregate-reports?kind=attacks');
    assert.ok(kind.body.items.length > 0 && kind.body.items.every((r) => r.kind === 'attacks'));
    const paged = await get<Page<{ id: string }>>('/api/aggregate-reports?limit=1');
    assert.equal(paged.body.items.length, 1);
    const next = await get<Page<{ id: string }>>(`/api/aggregate-reports?limit=1&cursor=${paged.body.next_cursor}`);
    assert.notEqual(next.body.items[0]!.id, paged.body.items[0]!.id);

    const claims = await get<Page<{ side: string; status: string; speaker: string; outlet: string | null }>>('/api/claims');
    assert.equal(claims.body.items.length, 2);
    assert.ok(claims.body.items.every((c) => c.side === 'Russia' && c.status === 'unverified'));
    assert.deepEqual((await get<Page<unknown>>('/api/claims?side=Ukraine')).body.items, []);
    assert.equal((await get<Page<{ outlet: string }>>('/api/claims?q=front%20collapsing')).body.items[0]?.outlet, 'Test Daily');

    const sources = (await get<{ items: { outlet: string | null; documents: number; events: number; documents_without_events: number }[] }>('/api/sources')).body.items;
    const herald = sources.find((s) => s.outlet === 'Test Herald')!;
    assert.equal(herald.documents, 3);
    assert.equal(herald.events, 2);
    assert.equal(herald.documents_without_events, 1, 'the daily-figures report gave no event');
    assert.equal(sources.reduce((n, s) => n + s.documents, 0), (await get<{ documents: number }>('/api/health')).body.documents);
  });

  test('exports: CSV with ACLED\'s columns, GeoJSON, JSONL, filtered like the lists', async () => {
    const csv = await fetch(url('/api/export/events.csv'));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const rows = parseCsv(await csv.text());
    const header = rows[0]!;
    assert.deepEqual(header.slice(0, ACLED_COLUMNS.length), [...ACLED_COLUMNS]);
    assert.equal(rows.length - 1, all.length);
    const col = (name: string): number => header.indexOf(name);
    const kup = rows.find((r) => r[col('location')] === 'Kupiansk' && r[col('source')] === 'Test Wire')!;
    assert.equal(kup[col('fatalities')], '2');
    assert.equal(kup[col('admin1')], 'Kharkiv');
    assert.equal(kup[col('admin2')], 'Kupianskyi');
    assert.equal(kup[col('event_date')], '2024-05-09');
    assert.equal(kup[col('country')], 'Ukraine');
    assert.match(kup[col('notes')]!, /^Russian forces shelled Kupiansk with artillery on Thursday, killing two civilians/, 'a quote with commas survives quoting');
    const unknownDeaths = rows.find((r) => r[col('location')] === 'Kherson')!;
    assert.equal(unknownDeaths[col('fatalities')], '', 'unknown stays empty, not 0');

    const filtered = parseCsv(await (await fetch(url('/api/export/events.csv?oblast=Kharkiv'))).text()).slice(1);
    assert.equal(filtered.length, all.filter((e) => e.place?.admin1 === 'Kharkiv').length);
    assert.ok(filtered.every((r) => r[col('admin1')] === 'Kharkiv'));

    const geo = (await (await fetch(url('/api/export/events.geojson'))).json()) as { type: string; features: { type: string; id: string; geometry: { type: string; coordinates: [number, number] } | null; properties: Ev }[] };
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, all.length);
    const nik = geo.features.find((f) => f.properties.place?.name === 'Nikopol')!;
    assert.deepEqual(nik.geometry!.coordinates, [nik.properties.place!.lon, nik.properties.place!.lat], 'GeoJSON is [lon, lat]');
    const empty = (await (await fetch(url('/api/export/events.geojson?oblast=Volyn'))).json()) as { features: unknown[] };
    assert.deepEqual(empty.features, []);

    const jsonl = (await (await fetch(url('/api/export/events.jsonl?type=Air%2Fdrone%20strike'))).text()).trim().split('\n').map((l) => JSON.parse(l) as Ev);
    assert.equal(jsonl.length, all.filter((e) => e.sub_event_type === 'Air/drone strike').length);
    assert.ok(jsonl.every((e) => e.sub_event_type === 'Air/drone strike'));
  });

  test('map points are compact and filtered', async () => {
    const p = (await get<{ types: string[]; points: [string, number, number, string | null, number, number, number | null][]; truncated: boolean }>('/api/events/points?oblast=Donetsk')).body;
    const located = all.filter((e) => e.place?.admin1 === 'Donetsk' && e.place.lat !== null);
    assert.equal(p.points.length, located.length);
    assert.equal(p.truncated, false);
    const pok = p.points.find((x) => x[0] === located.find((e) => e.place!.name === 'Pokrovsk')!.id)!;
    assert.equal(p.types[pok[4]], 'Air/drone strike');
    assert.equal(pok[6], 3);
  });

  test('the OpenAPI document is valid and every path in it answers', async () => {
    const doc = await get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    assert.equal(doc.status, 200);
    const result = await new Validator().validate(doc.body as unknown as Parameters<Validator['validate']>[0]);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    const id = all[0]!.id;
    for (const [path, ops] of Object.entries(doc.body.paths)) {
      if (!('get' in ops)) continue;
      const concrete = path.replace('{id}', path.startsWith('/api/reports') ? all[0]!.sources[0]!.document : id) + (path === '/api/places' ? '?q=kyiv' : '');
      const r = await fetch(url(concrete));
      assert.equal(r.status, 200, `${concrete} answers ${r.status}`);
      await r.arrayBuffer();
    }
    // The schema describes what is served: the incident's fields, and the required ones present.
    const schema = (doc.body as unknown as { components: { schemas: { Incident: { required: string[]; properties: Record<string, unknown> } } } }).components.schemas.Incident;
    const incident = (await get<Page<Record<string, unknown>>>('/api/incidents?min_corroboration=2')).body.items[0]!;
    assert.deepEqual(Object.keys(incident).sort(), Object.keys(schema.properties).sort());
    for (const k of schema.required) assert.ok(k in incident, k);
    const listed = Object.keys(doc.body.paths);
    for (const p of ['/api/events', '/api/incidents', '/api/places', '/api/stats/daily', '/api/aggregate-reports', '/api/claims', '/api/sources', '/api/reports', '/api/export/events.csv']) assert.ok(listed.includes(p), p);
  });

  test('sitrep ingest against the served directory goes through the server; other commands are refused clearly', async () => {
    const bin = join(repoRoot, 'bin', 'sitrep.js');
    const r = await sitrep([bin, 'ingest', '-', '--db', dir, '--outlet', 'Test CLI', '--published', '2024-05-16T09:00:00+03:00'],
      'Russian troops shelled Sloviansk on Wednesday, wounding three people, police said.');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /held by sitrep serve .* sending the reports to http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /^stored {4}- {2}[0-9a-f]{12} {2}1 event, 0 aggregate reports, 0 claims/);
    const bad = await sitrep([bin, 'ingest', join(repoRoot, 'no-such-file.txt'), '--db', dir]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /rejected {2}.*no-such-file\.txt: no such file or directory/);
    const list = await sitrep([bin, 'events', '--db', dir]);
    assert.equal(list.status, 1);
    assert.match(list.stderr, new RegExp(`in use by sitrep serve \\(process \\d+\\) at ${server.url.replace(/[.]/g, '\\.')}: read it through the server's API`));
  });

  test('static files: no way out of the dashboard\'s directory', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/../../../package.json', '/no-such.js']) {
      const r = await fetch(url(path));
      assert.ok(r.status === 404 || r.status === 503, `${path}: ${r.status}`);
      const body = await r.text();
      assert.doesNotMatch(body, /"name": "sitrep"/, path);
    }
  });
});

describe('sitrep serve --private', () => {
  test('reading needs the token too (the OpenAPI document stays open)', async () => {
    const dir = tempDir('sitrep-serve-private-');
    const server = await startServer({ dir, port: 0, token: TOKEN, private: true });
    try {
      const open = await fetch(`${server.url}/api/events`);
      assert.equal(open.status, 401);
      assert.match(((await open.json()) as { error: string }).error, /reading this server needs the operator's token/);
      const authed = await fetch(`${server.url}/api/events`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(authed.status, 200);
      assert.deepEqual(((await authed.json()) as Page<unknown>).items, []);
      assert.equal((await fetch(`${server.url}/api/openapi.json`)).status, 200);
      const info = JSON.parse(readFileSync(join(dir, 'server.json'), 'utf8')) as { url: string; token: string; pid: number };
      assert.equal(info.url, server.url);
      assert.equal(info.token, TOKEN);
      assert.equal(info.pid, process.pid);
    } finally {
      await server.close();
    }
    assert.throws(() => readFileSync(join(dir, 'server.json')), /ENOENT/, 'server.json goes when the server stops');
  });
});
