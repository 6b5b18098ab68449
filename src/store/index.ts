import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { AggregateReport, Analysis, Claim, SitrepEvent } from '../core/types.js';
import { keyedNames, type Gazetteer, type GazetteerSource } from '../geo/gazetteer.js';
import { fromSnapshot, toSnapshot, type Snapshot } from '../geo/snapshot.js';
import { eventId } from '../resolve/index.js';
import { toMention, type Mention } from '../fusion/mention.js';
import { allIncidents, fillCorroboration, fuseIntoStore, fuseUnfused, loadIncidents, revisionKey } from './incidents.js';
import type { Incident } from '../fusion/cluster.js';

/** The SQL the store needs from a database: PGlite now, PostgreSQL later. */
export interface Sql {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: Pick<Sql, 'query' | 'exec'>) => Promise<T>): Promise<T>;
}

export interface StoreResult {
  status: 'stored' | 'known';
  document: string;
  events: number;
  reports: number;
  claims: number;
  /** The earlier version of the report this one replaced (same URL or file, other text), if any. */
  revises?: string | null;
  /** How many of its events joined an existing incident, and how many started one. */
  incidents?: { joined: number; created: number };
}

/** Incidents a save changed or removed, by id. */
export interface IncidentChanges {
  changed: string[];
  gone: string[];
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Default data directory: `--db`, then `SITREP_DB`, then `./sitrep-data`. */
export function dataDir(option?: string | null): string {
  return resolvePath(option ?? process.env.SITREP_DB ?? 'sitrep-data');
}

/** Numbered SQL migrations (`001_name.sql`), in order. */
export function migrations(dir = MIGRATIONS_DIR): { version: number; name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Applies the migrations a database has not had yet, each in its own transaction. */
export async function migrate(db: Sql): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations()) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  // Version 5 added a column that only fusion's TypeScript can compute: fill it for the incidents already stored.
  if (applied.includes(5)) await db.transaction((tx) => fillCorroboration(tx));
  return applied;
}

/** Thrown when the data directory is in use by another process or cannot be opened. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * Takes the data directory for this process: an embedded database must never
 * be opened by two processes at once. A lock left by a dead process is taken over.
 */
function lock(dir: string): () => void {
  const file = join(dir, 'sitrep.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid === process.pid) throw new StoreError(`the database ${dir} is already open in this process`);
      if (pid && isAlive(pid)) {
        const served = servedAt(dir, pid);
        if (served) throw new StoreError(`the database ${dir} is in use by sitrep serve (process ${pid}) at ${served}: read it through the server's API (${served}/api/openapi.json), or stop the server`);
        throw new StoreError(`the database ${dir} is in use by process ${pid} (another sitrep command or server); stop it or use another --db`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new StoreError(`could not lock the database ${dir}`);
}

/** The address of the `sitrep serve` holding `dir` (its server.json), or null. */
function servedAt(dir: string, pid: number): string | null {
  try {
    const info = JSON.parse(readFileSync(join(dir, 'server.json'), 'utf8')) as { url?: unknown; pid?: unknown };
    return info.pid === pid && typeof info.url === 'string' ? info.url : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The event ledger on a SQL database. */
export class Store {
  private constructor(
    private readonly db: Sql,
    private readonly onClose: () => Promise<void>,
  ) {}

  /**
   * Opens (creating if needed) the embedded database in `dir` and brings its
   * schema up to date. Pass `memory: true` for a throwaway in-memory store.
   */
  static async open(dir: string | { memory: true }): Promise<Store> {
    if (typeof dir !== 'string') {
      const pg = await PGlite.create();
      await migrate(pg as unknown as Sql);
      return new Store(pg as unknown as Sql, () => pg.close());
    }
    mkdirSync(dir, { recursive: true });
    const unlock = lock(dir);
    try {
      const pgdata = join(dir, 'pgdata');
      const pg = await PGlite.create(existsSync(pgdata) ? pgdata : pgdata);
      await migrate(pg as unknown as Sql);
      return new Store(pg as unknown as Sql, async () => {
        try {
          await pg.close();
        } finally {
          unlock();
        }
      });
    } catch (e) {
      unlock();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.onClose();
  }

  /**
   * Stores one analysed report with all its events, aggregate reports and
   * claims in one transaction. A report whose cleaned text is already stored
   * is left alone ("known"). A report with new text at the URL (or file) of a
   * stored one supersedes it: the earlier version stays as history, its events
   * leave their incidents. The report's events are fused into incidents in the
   * same transaction.
   */
  async save(a: Analysis): Promise<StoreResult> {
    const r = a.report;
    let touched = null as IncidentChanges | null;
    const result = await this.db.transaction(async (tx): Promise<StoreResult> => {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO documents (id, origin, format, title, outlet, url, published, published_source, text, dropped_lines, revision_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [r.id, r.origin, r.format, r.title, r.outlet, r.url, r.published, r.publishedSource, r.text, r.dropped.length, revisionKey(r)],
      );
      if (inserted.rows.length === 0) return { status: 'known', document: r.id, events: 0, reports: 0, claims: 0 };
      const previous = revisionKey(r) === null ? [] : (await tx.query<{ id: string }>(
        `UPDATE documents SET superseded_by = $1, superseded_at = now()
         WHERE revision_key = $2 AND superseded_by IS NULL AND id <> $1 RETURNING id`,
        [r.id, revisionKey(r)],
      )).rows.map((x) => x.id);
      const removed = previous.length === 0 ? [] : (await tx.query<{ event_id: string }>(
        'SELECT DISTINCT event_id FROM event_sources WHERE document_id = ANY($1::text[])', [previous],
      )).rows.map((x) => x.event_id);
      const mentions: Mention[] = [];
      const seen = new Set<string>();
      for (const e of a.events) {
        const id = eventId(r.id, e);
        if (seen.has(id)) continue;
        seen.add(id);
        mentions.push(toMention(id, r, e));
        await tx.query(
          `INSERT INTO events (id, event_type, sub_event_type, date, date_end, time_precision, actor1, actor2,
             place_name, place_id, admin1, admin2, lat, lon, geo_precision, attacks, killed, injured, targets, weapons, historical, detail)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
          [id, e.event_type, e.sub_event_type, e.date, e.date_end, e.time_precision, e.actor1, e.actor2,
            e.place?.name ?? null, e.place?.id ?? null, e.place?.admin1 ?? null, e.place?.admin2 ?? null,
            e.place?.lat ?? null, e.place?.lon ?? null, e.place?.geo_precision ?? null,
            e.attacks, e.killed, e.injured, e.targets, e.weapons, e.historical, JSON.stringify(e.detail)],
        );
        await tx.query(
          `INSERT INTO event_sources (event_id, document_id, speaker, quote, start_offset, end_offset, provenance)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, r.id, e.detail.speaker?.text ?? null, e.quote.text, e.quote.start, e.quote.end, JSON.stringify(e.provenance)],
        );
        for (const q of e.alsoIn) {
          await tx.query(
            `INSERT INTO event_sources (event_id, document_id, speaker, quote, start_offset, end_offset, provenance)
             VALUES ($1, $2, $3, $4, $5, $6, '[]') ON CONFLICT DO NOTHING`,
            [id, r.id, q.speaker, q.text, q.start, q.end],
          );
        }
      }
      for (const g of a.reports) {
        await tx.query(
          `INSERT INTO aggregate_reports (document_id, kind, value, regions, region_names, period_start, period_end, speaker, quote, start_offset, end_offset)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
          [r.id, g.kind, g.value, g.regions, g.region_names, g.period_start, g.period_end, g.speaker, g.quote, g.start, g.end],
        );
      }
      for (const c of a.claims) {
        await tx.query(
          `INSERT INTO claims (document_id, speaker, role, side, statement, status, reason, quote, start_offset, end_offset)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
          [r.id, c.speaker, c.role, c.side, c.statement, c.status, c.reason, c.quote, c.start, c.end],
        );
      }
      const { joined, created, changed, gone } = await fuseIntoStore(tx, mentions, removed);
      touched = { changed, gone };
      return { status: 'stored', document: r.id, events: seen.size, reports: a.reports.length, claims: a.claims.length, revises: previous[0] ?? null, incidents: { joined, created } };
    });
    // Committed: tell whoever keeps described incidents which ones to describe again.
    if (touched && (touched.changed.length || touched.gone.length)) for (const fn of this.incidentListeners) fn(touched);
    return result;
  }

  private readonly incidentListeners = new Set<(c: IncidentChanges) => void>();

  /**
   * Calls `fn` after every committed save that changed incidents, with their ids (a server keeping described
   * incidents in memory re-describes those alone). Returns the function that stops the calls.
   */
  onIncidentsChanged(fn: (c: IncidentChanges) => void): () => void {
    this.incidentListeners.add(fn);
    return () => this.incidentListeners.delete(fn);
  }

  /** These incidents with their mentions (ids of no incident are left out). */
  async incidentsById(ids: string[]): Promise<Incident[]> {
    return loadIncidents(this.db, ids);
  }

  /** Every event of the current version of each report, with its sources, in date order. */
  async events(): Promise<SitrepEvent[]> {
    const rows = (await this.db.query<EventRow>(
      `SELECT e.*, to_char(e.date, 'YYYY-MM-DD') AS date_s, to_char(e.date_end, 'YYYY-MM-DD') AS date_end_s,
         COALESCE(json_agg(json_build_object(
           'document', s.document_id, 'outlet', d.outlet, 'published', d.published, 'speaker', s.speaker,
           'quote', s.quote, 'start', s.start_offset, 'end', s.end_offset) ORDER BY d.published, s.document_id, s.start_offset)
           FILTER (WHERE s.document_id IS NOT NULL), '[]') AS sources
       FROM events e
       LEFT JOIN event_sources s ON s.event_id = e.id
       LEFT JOIN documents d ON d.id = s.document_id
       WHERE NOT EXISTS (SELECT 1 FROM event_sources x JOIN documents xd ON xd.id = x.document_id WHERE x.event_id = e.id AND xd.superseded_by IS NOT NULL)
       GROUP BY e.id
       ORDER BY e.date NULLS LAST, e.admin1 NULLS LAST, e.place_name NULLS LAST, e.id`,
    )).rows;
    return rows.map(toEvent);
  }

  /**
   * Every incident with its mentions (src/fusion describes them). Events stored
   * before incidents existed are fused first, in one transaction.
   */
  async incidents(): Promise<Incident[]> {
    await this.db.transaction((tx) => fuseUnfused(tx));
    return allIncidents(this.db);
  }

  /** Versions of reports replaced by a later one: which, by which, and when. */
  async revisions(): Promise<{ document: string; superseded_by: string; superseded_at: string; key: string }[]> {
    const rows = (await this.db.query<{ id: string; superseded_by: string; superseded_at: Date; revision_key: string }>(
      'SELECT id, superseded_by, superseded_at, revision_key FROM documents WHERE superseded_by IS NOT NULL ORDER BY superseded_at, id',
    )).rows;
    return rows.map((r) => ({ document: r.id, superseded_by: r.superseded_by, superseded_at: new Date(r.superseded_at).toISOString(), key: r.revision_key }));
  }

  async reports(): Promise<(AggregateReport & { document: string })[]> {
    const rows = (await this.db.query<Record<string, unknown>>(
      `SELECT a.*, to_char(period_start, 'YYYY-MM-DD') AS ps, to_char(period_end, 'YYYY-MM-DD') AS pe FROM aggregate_reports a ORDER BY period_start NULLS LAST, id`,
    )).rows;
    return rows.map((r) => ({
      document: r.document_id as string,
      kind: r.kind as AggregateReport['kind'],
      value: r.value as number,
      regions: (r.regions as number | null) ?? null,
      region_names: (r.region_names as string[]) ?? [],
      period_start: (r.ps as string | null) ?? null,
      period_end: (r.pe as string | null) ?? null,
      speaker: (r.speaker as string | null) ?? null,
      quote: r.quote as string,
      start: r.start_offset as number,
      end: r.end_offset as number,
    }));
  }

  async claims(): Promise<(Claim & { document: string })[]> {
    const rows = (await this.db.query<Record<string, unknown>>('SELECT * FROM claims ORDER BY id')).rows;
    return rows.map((r) => ({
      document: r.document_id as string,
      speaker: (r.speaker as string | null) ?? null,
      role: (r.role as string | null) ?? null,
      side: (r.side as Claim['side']) ?? null,
      statement: r.statement as string,
      status: r.status as Claim['status'],
      reason: r.reason as string,
      quote: r.quote as string,
      start: r.start_offset as number,
      end: r.end_offset as number,
    }));
  }

  /**
   * Replaces the gazetteer with a new build, in one transaction: places, every
   * name under its key, and a snapshot the resolver loads in one read.
   */
  async saveGazetteer(sources: readonly GazetteerSource[], inputs: unknown, stats: unknown): Promise<{ places: number; names: number }> {
    const { places, names } = keyedNames(sources);
    const extra = new Map(sources.map((s) => [s.place.id, s.place as GazetteerSource['place'] & { category?: string | null; nameUk?: string | null; parent?: string | null; coordSource?: string | null }]));
    const snapshot = JSON.stringify(toSnapshot(places, names));
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM gazetteer_places');
      const BATCH = 5000;
      for (let i = 0; i < places.length; i += BATCH) {
        const chunk = places.slice(i, i + BATCH).map((p) => ({ ...p, ...extra.get(p.id) }));
        await tx.query(
          `INSERT INTO gazetteer_places (id, kind, category, name, name_uk, admin1, admin2, parent, lat, lon, population, coord_source)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                $9::float8[], $10::float8[], $11::int[], $12::text[])`,
          [chunk.map((p) => p.id), chunk.map((p) => p.kind), chunk.map((p) => p.category ?? null), chunk.map((p) => p.name),
            chunk.map((p) => p.nameUk ?? null), chunk.map((p) => p.admin1), chunk.map((p) => p.admin2), chunk.map((p) => p.parent ?? null),
            chunk.map((p) => p.lat), chunk.map((p) => p.lon), chunk.map((p) => p.population), chunk.map((p) => p.coordSource ?? null)],
        );
      }
      const NAME_BATCH = 20000;
      for (let i = 0; i < names.length; i += NAME_BATCH) {
        const chunk = names.slice(i, i + NAME_BATCH);
        await tx.query(
          'INSERT INTO gazetteer_names (place_id, name, kind, key) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])',
          [chunk.map((n) => n.place.id), chunk.map((n) => n.name), chunk.map((n) => n.kind), chunk.map((n) => n.key)],
        );
      }
      await tx.query('INSERT INTO gazetteer_builds (inputs, stats, snapshot) VALUES ($1, $2, $3)', [JSON.stringify(inputs), JSON.stringify(stats), snapshot]);
      await tx.query('DELETE FROM gazetteer_builds WHERE id < (SELECT max(id) FROM gazetteer_builds)');
    });
    return { places: places.length, names: names.length };
  }

  /** The gazetteer of the newest build, or null when none was built. */
  async loadGazetteer(): Promise<Gazetteer | null> {
    const r = (await this.db.query<{ snapshot: string }>('SELECT snapshot FROM gazetteer_builds ORDER BY id DESC LIMIT 1')).rows[0];
    return r ? fromSnapshot(JSON.parse(r.snapshot) as Snapshot) : null;
  }

  /** Settlements, with coordinates, by oblast; and the newest build's inputs. */
  async gazetteerStats(): Promise<{ built_at: string | null; inputs: unknown; places: Record<string, number>; byOblast: { admin1: string; settlements: number; with_coordinates: number; approximate: number }[] }> {
    const build = (await this.db.query<{ built_at: Date; inputs: unknown }>('SELECT built_at, inputs FROM gazetteer_builds ORDER BY id DESC LIMIT 1')).rows[0];
    const kinds = (await this.db.query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM gazetteer_places GROUP BY kind ORDER BY kind')).rows;
    const byOblast = (await this.db.query<{ admin1: string; settlements: number; with_coordinates: number; approximate: number }>(
      `SELECT coalesce(admin1, '?') AS admin1, count(*)::int AS settlements, count(lat)::int AS with_coordinates,
              (count(*) FILTER (WHERE coord_source = 'hromada centroid'))::int AS approximate
       FROM gazetteer_places WHERE kind = 'settlement' GROUP BY admin1 ORDER BY admin1`,
    )).rows;
    return {
      built_at: build ? new Date(build.built_at).toISOString() : null,
      inputs: build?.inputs ?? null,
      places: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
      byOblast,
    };
  }

  /**
   * Runs one read-only query for the HTTP API's filtered lists and statistics (src/server), which need SQL the
   * ledger methods above do not offer. Writes go through {@link Store.save} and its transaction.
   */
  async read<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }

  /** Row counts of every table, for tests and `sitrep status`. */
  async counts(): Promise<Record<'documents' | 'events' | 'event_sources' | 'aggregate_reports' | 'claims', number>> {
    const r = (await this.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM events) AS events,
              (SELECT count(*)::int FROM event_sources) AS event_sources,
              (SELECT count(*)::int FROM aggregate_reports) AS aggregate_reports, (SELECT count(*)::int FROM claims) AS claims`,
    )).rows[0]!;
    return r as Record<'documents' | 'events' | 'event_sources' | 'aggregate_reports' | 'claims', number>;
  }
}

/** An `events` row's columns, with its dates as ISO day strings. */
export interface EventColumns {
  id: string; event_type: string; sub_event_type: string; date: string | null; date_end: string | null;
  time_precision: number | null; actor1: string | null; actor2: string | null; place_name: string | null; place_id: string | null;
  admin1: string | null; admin2: string | null; lat: number | null; lon: number | null; geo_precision: number | null;
  attacks: number | null; killed: number | null; injured: number | null; targets: string[]; weapons: string[];
  historical: boolean;
}

/** An event as the output contract gives it, from its row; the sources are the caller's. */
export function eventFromColumns(r: EventColumns): Omit<SitrepEvent, 'sources'> {
  return {
    id: r.id,
    event_type: r.event_type as SitrepEvent['event_type'],
    sub_event_type: r.sub_event_type as SitrepEvent['sub_event_type'],
    date: r.date,
    date_end: r.date_end,
    time_precision: r.time_precision as SitrepEvent['time_precision'],
    actor1: r.actor1,
    actor2: r.actor2,
    place: r.place_name === null ? null : {
      name: r.place_name, id: r.place_id, admin1: r.admin1, admin2: r.admin2, lat: r.lat, lon: r.lon,
      geo_precision: r.geo_precision as 1 | 2 | 3 | null,
    },
    attacks: r.attacks,
    killed: r.killed,
    injured: r.injured,
    targets: r.targets,
    weapons: r.weapons,
    historical: r.historical,
  };
}

interface EventRow extends Omit<EventColumns, 'date' | 'date_end'> {
  date_s: string | null; date_end_s: string | null;
  sources: { document: string; outlet: string | null; published: string | Date | null; speaker: string | null; quote: string; start: number; end: number }[];
}

function toEvent(r: EventRow): SitrepEvent {
  return {
    ...eventFromColumns({ ...r, date: r.date_s, date_end: r.date_end_s }),
    sources: r.sources.map((s) => ({
      ...s,
      published: s.published === null ? null : new Date(s.published).toISOString(),
    })),
  };
}
