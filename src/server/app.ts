/**
 * The HTTP API and the dashboard's files, as one Hono application.
 *
 * Reading needs no token unless the operator closes it (`private`); writing (`POST /api/reports`) always needs
 * the bearer token. Every error is JSON `{error}` with a message that names the parameter or input at fault.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Gazetteer } from '../geo/gazetteer.js';
import { ingestReport, type IngestOutcome } from '../ingest.js';
import { normalisePublished } from '../read/published.js';
import { DEFAULT_MAX_BYTES, readBuffer, readInputs, sniffFormat, type ReadResult } from '../read/index.js';
import type { Store } from '../store/index.js';
import { exportStream, EXPORT_TYPES, type ExportFormat } from './export.js';
import { BadRequest, describeIssues, filterQuery, filterShape, listQuery, parseQuery } from './filters.js';
import { FusionIncidents, type IncidentSource } from './incidents.js';
import { Ledger } from './ledger.js';
import { openApiDocument } from './openapi.js';
import { PlaceIndex } from './places.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_ROOT = join(REPO_ROOT, 'dist', 'web');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples', 'reports');

export interface AppOptions {
  store: Store;
  gazetteer: Gazetteer;
  /** The bearer token for writing (and for reading when `private`). */
  token: string;
  /** Reading needs the token too. */
  private?: boolean;
  /** Where the built dashboard is (default dist/web). */
  webRoot?: string;
  /** Incidents (default: fusion's, from the store). */
  incidents?: IncidentSource;
  /** Largest report accepted by POST /api/reports, in bytes. */
  maxBytes?: number;
}

const json = (c: Context, status: 200 | 201 | 400 | 401 | 404 | 413 | 422 | 500 | 503, body: unknown) => c.json(body as object, status);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const reportsQuery = z.strictObject({
  from: filterShape.from, to: filterShape.to,
  kind: z.enum(['settlements_attacked', 'attacks', 'drones_launched', 'missiles_launched']).optional(),
  limit: listQuery.shape.limit, cursor: listQuery.shape.cursor,
});
const claimsQuery = z.strictObject({
  status: z.enum(['unverified', 'disputed', 'corroborated', 'reported']).optional(),
  side: z.enum(['Ukraine', 'Russia', 'other']).optional(),
  q: filterShape.q,
  limit: listQuery.shape.limit, cursor: listQuery.shape.cursor,
});
const placesQuery = z.strictObject({
  q: z.string().min(1, 'must not be empty').max(100),
  limit: listQuery.shape.limit,
});
const summaryQuery = z.strictObject({ ...filterShape, date: filterShape.from });
const postQuery = z.strictObject({
  format: z.enum(['txt', 'md', 'html', 'jsonl']).optional(),
  origin: z.string().min(1).max(1000).optional(),
  published: z.string().min(1).optional(),
  outlet: z.string().min(1).max(200).optional(),
  url: z.string().min(1).max(2000).optional(),
});
const postJson = z.strictObject({
  text: z.string().min(1, 'must not be empty'),
  format: postQuery.shape.format,
  origin: postQuery.shape.origin,
  published: postQuery.shape.published,
  outlet: postQuery.shape.outlet,
  url: postQuery.shape.url,
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Builds the application.
 *
 * @example
 * const app = createApp({ store, gazetteer, token: 'secret' });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(opts: AppOptions, ledger = new Ledger(opts.store)): Hono {
  const incidents = opts.incidents ?? new FusionIncidents(opts.store, ledger);
  const places = new PlaceIndex(opts.gazetteer);
  const webRoot = opts.webRoot ?? WEB_ROOT;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const context = { gazetteer: opts.gazetteer };
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof BadRequest) return json(c, 400, { error: err.message });
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return json(c, 500, { error: `internal error: ${err.message.split('\n')[0]}` });
  });
  app.notFound((c) => json(c, 404, { error: `no such endpoint or file: ${c.req.method} ${c.req.path}` }));

  const authorised = (c: Context): boolean => {
    const h = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(h);
    return m !== null && sameToken(m[1]!.trim(), opts.token);
  };
  const refuse = (c: Context, what: string) => {
    c.header('WWW-Authenticate', 'Bearer realm="sitrep"');
    return json(c, 401, { error: `${what} needs the operator's token: send "Authorization: Bearer <token>" (the server's --token, SITREP_TOKEN, or the token in its data directory's server.json)` });
  };

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    if (c.req.method === 'GET' && opts.private && !authorised(c) && c.req.path !== '/api/openapi.json') return refuse(c, 'reading this server');
    await next();
  });

  const q = (c: Context) => c.req.queries() as Record<string, string[]>;

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', async (c) => {
    const [counts] = await opts.store.read<Record<string, number>>(
      'SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM events) AS events');
    return c.json({ ok: true, ...counts, private: Boolean(opts.private), examples_available: counts?.documents === 0 });
  });

  app.get('/api/events', async (c) => c.json(await ledger.events(parseQuery(listQuery, q(c)))));
  app.get('/api/events/points', async (c) => c.json(await ledger.points(parseQuery(filterQuery, q(c)))));
  app.get('/api/events/:id', async (c) => {
    const e = await ledger.event(c.req.param('id'));
    return e ? c.json(e) : json(c, 404, { error: `no event with id ${c.req.param('id')}` });
  });
  app.get('/api/incidents', async (c) => c.json(await incidents.list(parseQuery(listQuery, q(c)))));
  app.get('/api/incidents/:id', async (c) => {
    const i = await incidents.get(c.req.param('id'));
    return i ? c.json(i) : json(c, 404, { error: `no incident with id ${c.req.param('id')}` });
  });
  app.get('/api/places', (c) => {
    const p = parseQuery(placesQuery, q(c));
    return c.json({ items: places.search(p.q, p.limit ?? 20) });
  });
  app.get('/api/stats/daily', async (c) => c.json({ days: await ledger.daily(parseQuery(filterQuery, q(c))) }));
  app.get('/api/stats/summary', async (c) => {
    const { date, ...f } = parseQuery(summaryQuery, q(c));
    return c.json(await ledger.summary(f, date));
  });
  app.get('/api/aggregate-reports', async (c) => c.json(await ledger.reports(parseQuery(reportsQuery, q(c)))));
  app.get('/api/claims', async (c) => c.json(await ledger.claims(parseQuery(claimsQuery, q(c)))));
  app.get('/api/sources', async (c) => c.json({ items: await ledger.sources() }));
  app.get('/api/reports/:id', async (c) => {
    const [d] = await opts.store.read<Record<string, unknown>>(
      `SELECT id, origin, format, title, outlet, url, published, published_source, text, ingested_at FROM documents WHERE id = $1`, [c.req.param('id')]);
    if (!d) return json(c, 404, { error: `no report with id ${c.req.param('id')}` });
    return c.json({ ...d, published: d.published ? new Date(d.published as string).toISOString() : null, ingested_at: new Date(d.ingested_at as string).toISOString() });
  });
  app.get('/api/export/:file', async (c) => {
    const m = /^events\.(csv|geojson|jsonl)$/.exec(c.req.param('file'));
    if (!m) return json(c, 404, { error: `no export ${c.req.param('file')}: use events.csv, events.geojson or events.jsonl` });
    const format = m[1] as ExportFormat;
    const f = parseQuery(filterQuery, q(c));
    c.header('Content-Type', EXPORT_TYPES[format]);
    c.header('Content-Disposition', `attachment; filename="sitrep-events.${format}"`);
    return c.body(exportStream(format, ledger.allEvents(f)));
  });

  const outcomes = async (results: Iterable<ReadResult> | AsyncIterable<ReadResult>): Promise<IngestOutcome[]> => {
    const out: IngestOutcome[] = [];
    for await (const r of results) {
      out.push(r.ok ? await ingestReport(opts.store, context, r.report) : { status: 'rejected', origin: r.error.origin, message: r.error.message });
    }
    const stored = out.filter((o) => o.status === 'stored').length;
    if (stored) {
      // The incidents follow the store by themselves (FusionIncidents); the ledger's lookups are dropped here.
      await ledger.written(stored);
    }
    return out;
  };
  const answer = (c: Context, results: IngestOutcome[]) => {
    const status = results.some((r) => r.status === 'stored') ? 201 : results.every((r) => r.status === 'rejected') ? 422 : 200;
    const error = status === 422 ? { error: `nothing stored: ${results.map((r) => (r.status === 'rejected' ? `${r.origin}: ${r.message}` : '')).filter(Boolean).join('; ')}` } : {};
    return json(c, status, { ...error, results });
  };

  app.post('/api/reports', bodyLimit({
    maxSize: maxBytes,
    onError: (c) => json(c, 413, { error: `the report is larger than ${maxBytes} bytes` }),
  }), async (c) => {
    if (!authorised(c)) return refuse(c, 'writing (POST /api/reports)');
    const params = parseQuery(postQuery, q(c));
    let body: z.infer<typeof postJson> | null = null;
    let bytes: Uint8Array;
    if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch (e) {
        throw new BadRequest(`body: not valid JSON (${(e as Error).message.split('\n')[0]})`);
      }
      const r = postJson.safeParse(raw);
      if (!r.success) throw new BadRequest(`body: ${describeIssues(r.error)}`);
      body = r.data;
      bytes = new TextEncoder().encode(body.text);
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    }
    if (bytes.length === 0) throw new BadRequest('body: empty; send the report as the request body, or JSON {"text": …}');
    const o = { ...params, ...(body ?? {}) };
    const published = o.published === undefined ? null : normalisePublished(o.published);
    if (o.published !== undefined && published === null) throw new BadRequest(`published: "${o.published}" is not a date or time (use ISO 8601, e.g. 2024-03-03T09:45:00+02:00)`);
    const origin = o.origin ?? 'api';
    const format = o.format ?? sniffFormat(new TextDecoder().decode(bytes.subarray(0, 65536)));
    return answer(c, await outcomes(readBuffer(origin, bytes, format, { published, outlet: o.outlet ?? null, url: o.url ?? null, maxBytes })));
  });

  /**
   * The illustrative example reports the project ships: offered on an empty database. On an empty database
   * no token is needed (the files are the project's own, nothing from the request is stored); afterwards it
   * is a write like any other.
   */
  app.post('/api/examples', async (c) => {
    if (!authorised(c) && (await ledger.documentCount()) > 0) return refuse(c, 'ingesting the examples into a database that is not empty');
    return answer(c, await outcomes(readInputs([EXAMPLES_DIR])));
  });

  app.get('*', async (c) => {
    const path = decodeURIComponent(c.req.path);
    if (path.startsWith('/api/')) return json(c, 404, { error: `no such endpoint: GET ${path}` });
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
    const file = join(webRoot, rel);
    if (!file.startsWith(webRoot.endsWith(sep) ? webRoot : webRoot + sep)) return json(c, 404, { error: `no such file: ${path}` });
    const found = await stat(file).then((s) => s.isFile(), () => false);
    const target = found ? file : extname(rel) === '' || rel === 'index.html' ? join(webRoot, 'index.html') : null;
    if (!target) return json(c, 404, { error: `no such file: ${path}` });
    let content: Buffer;
    try {
      content = await readFile(target);
    } catch {
      return json(c, 503, { error: `the dashboard is not built (${webRoot} is missing): run npm run build` });
    }
    c.header('Content-Type', CONTENT_TYPES[extname(target)] ?? 'application/octet-stream');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'");
    if (rel.startsWith('assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(content));
  });

  return app;
}
