/**
 * What the API reads from the store: events with their sources, map points, daily statistics, aggregate
 * reports, claims and the health of each outlet. Every query is parameterised; filters come from
 * {@link eventConditions}.
 */
import type { SitrepEvent } from '../core/types.js';
import { eventFromColumns, type EventColumns, type Store } from '../store/index.js';
import {
  BadRequest, CORROBORATED_SQL, decodeCursor, encodeCursor, eventConditions, SUB_EVENT_TYPES, sortExpression,
  type EventFilter, type ListQuery, type Resolved,
} from './filters.js';

/** A span of a quote that a rule read (a place, a number, a weapon), relative to the quote. */
export interface Highlight {
  start: number;
  end: number;
  stage: string;
  reason: string;
}

/** An event as the API gives it: the output contract plus its corroboration. */
export type ApiEvent = SitrepEvent & { corroboration: number };

/** One source of an event in detail: the contract's fields, the document's title and URL, and highlights. */
export interface DetailedSource {
  document: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
  speaker: string | null;
  quote: string;
  start: number;
  end: number;
  highlights: Highlight[];
}

export type EventDetail = Omit<ApiEvent, 'sources'> & { sources: DetailedSource[] };

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface DayStats {
  date: string;
  events: number;
  /** Distinct settlements with an event that day (events placed at a settlement or near it). */
  settlements: number;
  oblasts: number;
  /** Sum over the events that gave a figure; null when none did. */
  killed: number | null;
  injured: number | null;
  by_type: Record<string, number>;
  /** Settlements per oblast. */
  by_oblast: Record<string, number>;
}

export interface Summary {
  date: string | null;
  settlements: number;
  oblasts: number;
  events: number;
  killed: number | null;
  injured: number | null;
  /** No day from this one up to `date` had as many settlements attacked; null when no day has events. */
  record_since: string | null;
  /** The last earlier day with at least as many settlements, or null when `date` is the most on record. */
  previous_high: { date: string; settlements: number } | null;
  first_date: string | null;
}

const EVENT_COLUMNS = `e.id, e.event_type, e.sub_event_type, e.date::text AS date, e.date_end::text AS date_end,
  e.time_precision, e.actor1, e.actor2, e.place_name, e.place_id, e.admin1, e.admin2, e.lat, e.lon, e.geo_precision,
  e.attacks, e.killed, e.injured, e.targets, e.weapons, e.historical,
  (SELECT i.corroboration FROM incident_mentions m JOIN incidents i ON i.id = m.incident_id WHERE m.event_id = e.id) AS incident_corroboration`;

interface Row extends EventColumns {
  /** Independent sources of the event's incident (fusion), null when it is in none (a historical event). */
  incident_corroboration: number | null;
  corroboration: number;
  sources: RowSource[];
}

interface RowSource {
  document: string; outlet: string | null; published: string | null; title: string | null; url: string | null;
  speaker: string | null; quote: string; start: number; end: number;
  provenance?: { start: number; end: number; stage: string; reason: string }[];
}

const iso = (v: string | Date | null | undefined): string | null => (v === null || v === undefined ? null : new Date(v).toISOString());

/** Every page of a cursor-paged list, in order, for exports. */
export async function* everyPage<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    if (page.items.length) yield page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

function toApiEvent(r: Row): ApiEvent {
  return {
    ...eventFromColumns(r),
    sources: r.sources.map((s) => ({ document: s.document, outlet: s.outlet, published: iso(s.published), speaker: s.speaker, quote: s.quote, start: s.start, end: s.end })),
    corroboration: r.corroboration,
  };
}

const detailed = (s: RowSource): DetailedSource => ({
  document: s.document, outlet: s.outlet, published: iso(s.published), title: s.title, url: s.url,
  speaker: s.speaker, quote: s.quote, start: s.start, end: s.end, highlights: highlights(s),
});

/** The spans of a quote that rules read, relative to the quote; the whole sentence itself is not a highlight. */
export function highlights(s: RowSource): Highlight[] {
  const seen = new Set<string>();
  const out: Highlight[] = [];
  for (const p of s.provenance ?? []) {
    if (p.start < s.start || p.end > s.end || (p.start === s.start && p.end === s.end) || p.end <= p.start) continue;
    const key = `${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: p.start - s.start, end: p.end - s.start, stage: p.stage, reason: p.reason });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The API's reading side of the store. */
export class Ledger {
  /** Looked up once and kept until the next write: the server is the only writer of its data directory. */
  private cache: { actorNames?: Promise<string[]>; corroborated?: Promise<Map<string, number>> } = {};
  /** Whole-store aggregates (map points, daily statistics) by their filter, until the next write. */
  private memo = new Map<string, Promise<unknown>>();
  private writesSinceAnalyze = 0;
  private documentsAtAnalyze = 0;

  constructor(private readonly store: Store) {}

  /**
   * After reports were stored: forget what was looked up, and refresh the planner's statistics once the store
   * has grown by a tenth (PGlite runs no autovacuum; without statistics the planner joins by scanning).
   */
  async written(reports: number): Promise<void> {
    this.cache = {};
    this.memo.clear();
    this.writesSinceAnalyze += reports;
    if (this.writesSinceAnalyze >= Math.max(50, this.documentsAtAnalyze / 10)) await this.analyze();
  }

  /** Refreshes the planner's statistics (at start and as the store grows). */
  async analyze(): Promise<void> {
    await this.store.read('ANALYZE');
    this.documentsAtAnalyze = await this.documentCount();
    this.writesSinceAnalyze = 0;
  }

  private remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      if (this.memo.size >= 64) this.memo.delete(this.memo.keys().next().value!);
      p = compute();
      p.catch(() => this.memo.delete(key));
      this.memo.set(key, p);
    }
    return p;
  }

  private async resolve(f: EventFilter): Promise<Resolved> {
    const r: Resolved = {};
    if (f.actor) {
      this.cache.actorNames ??= this.store.read<{ a: string }>(
        'SELECT actor1 AS a FROM events WHERE actor1 IS NOT NULL GROUP BY actor1 UNION SELECT actor2 FROM events WHERE actor2 IS NOT NULL GROUP BY actor2',
      ).then((rows) => rows.map((x) => x.a));
      r.actorNames = await this.cache.actorNames;
    }
    if (f.min_corroboration !== undefined && f.min_corroboration > 1) {
      this.cache.corroborated ??= this.store.read<{ id: string; n: number }>(CORROBORATED_SQL).then((rows) => new Map(rows.map((x) => [x.id, x.n])));
      r.corroborated = await this.cache.corroborated;
    }
    return r;
  }

  /**
   * Attaches every source to each row with one flat query (a json_agg per row costs several times more on
   * PGlite). An event's corroboration is its incident's (independent sources, src/fusion/sources.ts); an event
   * in no incident (a historical one) counts distinct outlets, a report without an outlet counting alone.
   */
  private async withSources(rows: Omit<Row, 'sources' | 'corroboration'>[], withProvenance = false): Promise<Row[]> {
    if (rows.length === 0) return [];
    const sources = await this.store.read<RowSource & { event_id: string; published: Date | string | null }>(
      `SELECT s.event_id, s.document_id AS document, d.outlet, d.published, d.title, d.url, s.speaker, s.quote,
         s.start_offset AS start, s.end_offset AS "end"${withProvenance ? ', s.provenance' : ''}
       FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = ANY($1::text[])
       ORDER BY d.published NULLS LAST, s.document_id, s.start_offset`,
      [rows.map((r) => r.id)],
    );
    const by = new Map<string, RowSource[]>();
    for (const { event_id, ...src } of sources) {
      const list = by.get(event_id) ?? [];
      list.push({ ...src, published: src.published === null ? null : new Date(src.published).toISOString() });
      by.set(event_id, list);
    }
    return rows.map((r) => {
      const list = by.get(r.id) ?? [];
      return { ...r, sources: list, corroboration: r.incident_corroboration ?? new Set(list.map((x) => x.outlet ?? `document:${x.document}`)).size };
    });
  }

  /** Full rows (with sources) for the given ids, in the given order. */
  private async rows(ids: string[], withProvenance = false): Promise<Row[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.read<Omit<Row, 'sources' | 'corroboration'>>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.withSources(ids.map((id) => byId.get(id)).filter((r): r is Omit<Row, 'sources' | 'corroboration'> => r !== undefined), withProvenance);
  }

  /**
   * One page of events matching the filters, sorted, after the cursor.
   *
   * @example
   * await ledger.events({ oblast: ['Kharkiv'], sort: '-date', limit: 20 }) // { items: [...], next_cursor: '…' | null }
   */
  async events(q: ListQuery): Promise<Page<ApiEvent>> {
    const sort = q.sort ?? '-date';
    const limit = q.limit ?? 50;
    const params: unknown[] = [];
    const where = eventConditions(q, params, await this.resolve(q));
    const { expr, cast, desc } = sortExpression(sort);
    if (q.cursor) {
      const c = decodeCursor(q.cursor, sort);
      params.push(c.key, c.id);
      where.push(`(${expr}, e.id) ${desc ? '<' : '>'} ($${params.length - 1}::${cast}, $${params.length})`);
    }
    params.push(limit + 1);
    const dir = desc ? 'DESC' : 'ASC';
    const found = await this.store.read<Omit<Row, 'sources' | 'corroboration'> & { k: string }>(
      `SELECT ${EVENT_COLUMNS}, (${expr})::text AS k FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${expr} ${dir}, e.id ${dir} LIMIT $${params.length}`,
      params,
    );
    const more = found.length > limit;
    const page = found.slice(0, limit);
    const items = (await this.withSources(page.map(({ k: _k, ...r }) => r))).map(toApiEvent);
    const last = page[page.length - 1];
    return { items, next_cursor: more && last ? encodeCursor(sort, cast === 'int' ? Number(last.k) : last.k, last.id) : null };
  }

  /** Every event matching the filters, a page at a time (for exports). */
  allEvents(f: EventFilter, pageSize = 1000): AsyncGenerator<ApiEvent[]> {
    return everyPage((cursor) => this.events({ ...f, sort: 'date', limit: pageSize, ...(cursor ? { cursor } : {}) }));
  }

  /** One event with every source, the document's title and URL, and what each rule read in each quote. */
  async event(id: string): Promise<EventDetail | null> {
    const [row] = await this.rows([id], true);
    if (!row) return null;
    return { ...toApiEvent(row), sources: row.sources.map(detailed) };
  }

  /** Every source of each of these events in detail (for an incident's mentions), by event id. */
  async detailedSources(ids: string[]): Promise<Map<string, DetailedSource[]>> {
    return new Map((await this.rows(ids, true)).map((r) => [r.id, r.sources.map(detailed)]));
  }

  /**
   * Map points: one row per located event, compact (`[id, lat, lon, date, type index, corroboration, killed]`,
   * type index into {@link SUB_EVENT_TYPES}). At most `limit` points, newest first.
   */
  async points(f: EventFilter, limit = 50_000): Promise<{ types: readonly string[]; points: [string, number, number, string | null, number, number, number | null][]; truncated: boolean }> {
    return this.remember(`points ${JSON.stringify(f)} ${limit}`, async () => {
      const resolved = await this.resolve({ ...f, min_corroboration: 2 });
      const params: unknown[] = [];
      const where = ['e.lat IS NOT NULL', 'e.lon IS NOT NULL', ...eventConditions(f, params, resolved)];
      params.push(limit + 1);
      const rows = await this.store.read<{ id: string; lat: number; lon: number; date: string | null; t: string; killed: number | null }>(
        `SELECT e.id, e.lat, e.lon, e.date::text AS date, e.sub_event_type AS t, e.killed FROM events e
         WHERE ${where.join(' AND ')} ORDER BY coalesce(e.date, '-infinity'::date) DESC, e.id DESC LIMIT $${params.length}`,
        params,
      );
      const index = new Map<string, number>(SUB_EVENT_TYPES.map((t, i) => [t, i]));
      // Every stored event has a source; the cache holds those with two or more.
      const corroboration = (id: string): number => resolved.corroborated?.get(id) ?? 1;
      return {
        types: SUB_EVENT_TYPES,
        points: rows.slice(0, limit).map((r) => [r.id, r.lat, r.lon, r.date, index.get(r.t) ?? -1, corroboration(r.id), r.killed]),
        truncated: rows.length > limit,
      };
    });
  }

  /** Statistics per day over the events matching the filters (events without a date are left out). */
  async daily(f: EventFilter): Promise<DayStats[]> {
    return this.remember(`daily ${JSON.stringify(f)}`, () => this.computeDaily(f));
  }

  private async computeDaily(f: EventFilter): Promise<DayStats[]> {
    const params: unknown[] = [];
    const where = ['e.date IS NOT NULL', ...eventConditions(f, params, await this.resolve(f))];
    const w = where.join(' AND ');
    const settlement = `CASE WHEN e.geo_precision IN (1, 2) THEN coalesce(e.place_id, e.place_name) END`;
    const [days, types, oblasts] = await Promise.all([
      this.store.read<{ date: string; events: number; settlements: number; oblasts: number; killed: number | null; injured: number | null }>(
        `SELECT e.date::text AS date, count(*)::int AS events, count(DISTINCT ${settlement})::int AS settlements,
           count(DISTINCT e.admin1)::int AS oblasts, sum(e.killed)::int AS killed, sum(e.injured)::int AS injured
         FROM events e WHERE ${w} GROUP BY e.date ORDER BY e.date`, params),
      this.store.read<{ date: string; t: string; n: number }>(
        `SELECT e.date::text AS date, e.sub_event_type AS t, count(*)::int AS n FROM events e WHERE ${w} GROUP BY e.date, e.sub_event_type`, params),
      this.store.read<{ date: string; admin1: string; n: number }>(
        `SELECT e.date::text AS date, e.admin1, count(DISTINCT ${settlement})::int AS n FROM events e
         WHERE ${w} AND e.admin1 IS NOT NULL GROUP BY e.date, e.admin1`, params),
    ]);
    const out = new Map<string, DayStats>(days.map((d) => [d.date, { ...d, by_type: {}, by_oblast: {} }]));
    for (const t of types) out.get(t.date)!.by_type[t.t] = t.n;
    for (const o of oblasts) if (o.n > 0) out.get(o.date)!.by_oblast[o.admin1] = o.n;
    return [...out.values()];
  }

  /**
   * The statistics strip: settlements attacked on a day (by default the latest day with events) and since when
   * no day had as many.
   */
  async summary(f: EventFilter, date?: string): Promise<Summary> {
    const days = await this.daily({ ...f, ...(date ? { to: date } : {}) });
    const first = days[0]?.date ?? null;
    const day = date ? days.find((d) => d.date === date) : days[days.length - 1];
    const at = date ?? day?.date ?? null;
    if (!at) return { date: null, settlements: 0, oblasts: 0, events: 0, killed: null, injured: null, record_since: null, previous_high: null, first_date: null };
    const n = day?.settlements ?? 0;
    const earlier = days.filter((d) => d.date < at);
    const prev = [...earlier].reverse().find((d) => d.settlements >= n) ?? null;
    const next = prev ? new Date(Date.parse(`${prev.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : first;
    return {
      date: at,
      settlements: n,
      oblasts: day?.oblasts ?? 0,
      events: day?.events ?? 0,
      killed: day?.killed ?? null,
      injured: day?.injured ?? null,
      record_since: next,
      previous_high: prev ? { date: prev.date, settlements: prev.settlements } : null,
      first_date: first,
    };
  }

  /** Aggregate reports ("92 settlements in 8 regions"), newest period first, paged by id. */
  async reports(q: { from?: string | undefined; to?: string | undefined; kind?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const p = (v: unknown): string => { params.push(v); return `$${params.length}`; };
    const where: string[] = [];
    if (q.from) where.push(`coalesce(a.period_end, a.period_start) >= ${p(q.from)}::date`);
    if (q.to) where.push(`a.period_start <= ${p(q.to)}::date`);
    if (q.kind) where.push(`a.kind = ${p(q.kind)}`);
    if (q.cursor) where.push(`a.id < ${p(idCursor(q.cursor))}`);
    const limit = q.limit ?? 50;
    const rows = await this.store.read<Record<string, unknown> & { id: string }>(
      `SELECT a.id::text AS id, a.kind, a.value, a.regions, a.region_names, a.period_start::text AS period_start,
         a.period_end::text AS period_end, a.speaker, a.quote, a.start_offset AS start, a.end_offset AS "end",
         a.document_id AS document, d.outlet, d.published
       FROM aggregate_reports a JOIN documents d ON d.id = a.document_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    return idPage(rows, limit);
  }

  /** Claims by parties to the war, newest first, paged by id. */
  async claims(q: { status?: string | undefined; side?: string | undefined; q?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<Page<Record<string, unknown>>> {
    const params: unknown[] = [];
    const p = (v: unknown): string => { params.push(v); return `$${params.length}`; };
    const where: string[] = [];
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    if (q.side) where.push(`c.side = ${p(q.side)}`);
    if (q.q) where.push(`to_tsvector('english', c.quote) @@ websearch_to_tsquery('english', ${p(q.q)})`);
    if (q.cursor) where.push(`c.id < ${p(idCursor(q.cursor))}`);
    const limit = q.limit ?? 50;
    const rows = await this.store.read<Record<string, unknown> & { id: string }>(
      `SELECT c.id::text AS id, c.speaker, c.role, c.side, c.statement, c.status, c.reason, c.quote, c.start_offset AS start,
         c.end_offset AS "end", c.document_id AS document, d.outlet, d.published
       FROM claims c JOIN documents d ON d.id = c.document_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    return idPage(rows, limit);
  }

  /** Per outlet: documents, events read from them, dates, and the documents that gave nothing. */
  async sources(): Promise<Record<string, unknown>[]> {
    return this.store.read<Record<string, unknown>>(
      `SELECT d.outlet, count(*)::int AS documents,
         (SELECT count(DISTINCT s.event_id)::int FROM event_sources s JOIN documents d2 ON d2.id = s.document_id WHERE d2.outlet IS NOT DISTINCT FROM d.outlet) AS events,
         count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.document_id = d.id))::int AS documents_without_events,
         count(*) FILTER (WHERE d.published IS NULL)::int AS documents_without_date,
         min(d.published) AS first_published, max(d.published) AS last_published, max(d.ingested_at) AS last_ingested
       FROM documents d GROUP BY d.outlet ORDER BY count(*) DESC, d.outlet NULLS LAST`,
    ).then((rows) => rows.map((r) => ({
      ...r,
      first_published: iso(r.first_published as string | null),
      last_published: iso(r.last_published as string | null),
      last_ingested: iso(r.last_ingested as string | null),
    })));
  }

  /** The number of stored documents (0: the server offers the example reports). */
  async documentCount(): Promise<number> {
    const [r] = await this.store.read<{ n: number }>('SELECT count(*)::int AS n FROM documents');
    return r?.n ?? 0;
  }
}

function idCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,18}$/.test(id)) throw new BadRequest('cursor: not a cursor of this list (pass next_cursor from the previous page)');
  return id;
}

function idPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit).map((r) => ({ ...r, published: iso((r as { published?: string | null }).published ?? null) }));
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null };
}
