/**
 * The dashboard in Debian's Chromium, driven by playwright-core: points on the map, the timeline's brush,
 * the oblast filter, an event's quoted sentence, shareable URLs, and a report whose text holds HTML and a
 * script showing them as text and running nothing. Saves test-results/dashboard.png (CI collects it).
 *
 * Skipped, with the reason, when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/server/index.js';
import { Store } from '../src/store/index.js';
import { fixture } from './geo/fixture.js';
import { repoRoot, tempDir } from './helpers.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const TOKEN = 'dashboard-test-token';
const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} not found (apt-get install -y chromium)` : !existsSync(join(repoRoot, 'dist', 'web', 'index.html')) ? 'the dashboard is not built (npm run build)' : false;

/** Launches Chromium the way CI can: headless, no sandbox, no network of its own, a new profile. */
export async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('sitrep-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

describe('the dashboard in Chromium', { skip }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  const external: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    return page;
  };
  const shown = async (page: Page): Promise<number> => Number(await page.getAttribute('#map', 'data-shown'));
  const listDates = async (page: Page): Promise<string[]> => page.$$eval('#list .event .date', (n) => n.map((x) => x.textContent ?? ''));

  before(async () => {
    const dir = tempDir('sitrep-dashboard-');
    const store = await Store.open(dir);
    const f = fixture();
    await store.saveGazetteer(f.sources, { fixture: true }, f.stats);
    await store.close();
    server = await startServer({ dir, port: 0, token: TOKEN });
    const post = await fetch(`${server.url}/api/reports?format=jsonl&origin=reports.jsonl`, {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: readFileSync(join(repoRoot, 'test', 'fixtures', 'serve', 'reports.jsonl')),
    });
    assert.equal(post.status, 201);
    const examples = await fetch(`${server.url}/api/examples`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(examples.status, 201);
    context = await launch();
  });
  after(async () => {
    await context?.close();
    await server?.close();
  });

  test('points on the map, the brush, the oblast filter, an event\'s quoted sentence', async () => {
    const page = await open('/');
    const total = await shown(page);
    assert.ok(total >= 12, `points: ${total}`);
    const drawn = await page.locator('#map path.event-point, #map path.event-cluster').count();
    assert.ok(drawn > 0, 'circles drawn on the map');
    assert.equal(await page.locator('#map path.oblast').count(), 27, 'the 27 first-level divisions are outlined');
    assert.match(await page.textContent('#strip') ?? '', /^\d{4}-\d\d-\d\d: \d+ settlements? attacked in \d+ oblasts?/);

    // Brush: drag across the left part of the timeline.
    const over = page.locator('#timeline .u-over');
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((n) => Number(document.querySelector('#map')?.getAttribute('data-shown')) < n, total);
    const url = new URL(page.url());
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    assert.ok(from && to && from <= to, page.url());
    const brushed = await shown(page);
    assert.ok(brushed > 0 && brushed < total, `brushed ${brushed} of ${total}`);
    await page.waitForFunction(([f, t]) => [...document.querySelectorAll('#list .event .date')].every((n) => (n.textContent ?? '') >= f! && (n.textContent ?? '') <= t!), [from, to]);
    assert.equal(await page.inputValue('input[name=from]'), from);
    await page.dblclick('#timeline .u-over');
    await page.waitForFunction((n) => Number(document.querySelector('#map')?.getAttribute('data-shown')) === n, total);
    assert.equal(new URL(page.url()).searchParams.get('from'), null);

    // Filter by oblast.
    await page.selectOption('select[name=oblast]', 'Kharkiv');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('oblast') === 'Kharkiv');
    await page.waitForFunction((n) => Number(document.querySelector('#map')?.getAttribute('data-shown')) < n, total);
    // The list follows the map: wait until it has been redrawn for the filter.
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('#list .event .muted')].map((x) => x.textContent);
      return items.length > 0 && items.every((o) => o === ' (Kharkiv)');
    }).catch(() => undefined);
    const oblasts = await page.$$eval('#list .event .muted', (n) => n.map((x) => x.textContent ?? ''));
    assert.ok(oblasts.length > 0 && oblasts.every((o) => o === ' (Kharkiv)'), JSON.stringify(oblasts));
    assert.equal(await page.getAttribute('#map path.oblast[data-admin1="Kharkiv"]', 'fill'), '#fff3bf', 'the chosen oblast is marked');

    // Open an event from the map and see its sentence, with the words the rules read highlighted.
    // Points that overlap at this zoom are a cluster: a click on it zooms in until single points show.
    for (let i = 0; i < 6 && (await page.locator('#map path.event-point').count()) === 0; i++) {
      await page.click('#map path.event-cluster >> nth=0', { force: true });
      await page.waitForTimeout(700);
    }
    await page.click('#map path.event-point >> nth=0', { force: true });
    await page.waitForSelector('#panel:not([hidden]) blockquote q');
    const quotes = await page.$$eval('#panel blockquote q', (n) => n.map((x) => x.textContent ?? ''));
    assert.ok(quotes.some((q) => /shelled Kupiansk|Kupiansk and Vovchansk/.test(q)), JSON.stringify(quotes));
    const marks = await page.$$eval('#panel mark', (n) => n.map((x) => x.textContent));
    assert.ok(marks.some((m) => m === 'Kupiansk' || m === 'Vovchansk'), JSON.stringify(marks));
    assert.ok(new URL(page.url()).searchParams.get('event'), 'the open event is in the URL');
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'dashboard.png') });

    // The URL is shareable: a new page with it shows the same filter and event.
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    assert.equal(await shared.inputValue('select[name=oblast]'), 'Kharkiv');
    await shared.waitForSelector('#panel:not([hidden]) blockquote q');
    assert.deepEqual(await shared.$$eval('#panel blockquote q', (n) => n.map((x) => x.textContent ?? '')), quotes);
    await shared.close();
    await page.close();
  });

  test('a report holding <img onerror> and <script> shows them as text and runs nothing', async () => {
    const page = await open('/?settlement=Izmail');
    await page.waitForSelector('#list .event');
    const snippet = await page.textContent('#list .event .snippet');
    assert.match(snippet ?? '', /<img src=x onerror=alert\(1\)> and <script>alert\(2\)<\/script>/);
    await page.click('#list .event');
    await page.waitForSelector('#panel:not([hidden]) blockquote q');
    const text = await page.textContent('#panel');
    assert.match(text ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.match(text ?? '', /<script>alert\(2\)<\/script>/);
    assert.match(text ?? '', /<b>Test<\/b> Channel/, 'the outlet\'s name is text too');
    assert.equal(await page.locator('#panel img, #list img, #panel script, #list script, #panel b, #list b').count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no script ran');
    await page.screenshot({ path: join(repoRoot, 'test-results', 'dashboard-xss.png') });
    await page.close();
  });

  test('claims and sources views; nothing was fetched from outside; no page errors', async () => {
    const page = await open('/?tab=claims');
    await page.waitForSelector('#claims .claim');
    assert.match(await page.textContent('#claims') ?? '', /unverified.*Russia/s);
    await page.click('#tabs button[data-tab=sources]');
    await page.waitForSelector('#sources td');
    assert.match(await page.textContent('#sources') ?? '', /Test Herald/);
    await page.close();
    assert.deepEqual(external, [], 'no CDN, no tiles');
    assert.deepEqual(errors, []);
  });
});
