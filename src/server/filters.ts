/**
 * The API's query parameters: zod schemas (which validate and document them) and the SQL they become.
 *
 * Every list of events or incidents takes the same filters; lists add sorting and a cursor. A bad
 * parameter is a 400 whose message names the parameter and what was wrong; an unknown parameter is one too,
 * so that a misspelt filter never silently returns everything.
 */
import { z } from 'zod';
import { OBLASTS, oblastByAdmin1 } from '../geo/oblasts.js';

export const EVENT_TYPES = ['Explosions/Remote violence', 'Battles', 'Strategic developments', 'Violence against civilians'] as const;
export const SUB_EVENT_TYPES = [
  'Shelling/artillery/missile attack', 'Air/drone strike', 'Remote explosive/landmine/IED', 'Armed clash',
  'Government regains territory', 'Non-state actor overtakes territory', 'Disrupted weapons use', 'Attack',
  'Abduction/forced disappearance',
] as const;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a calendar date');

/** "Donetsk,Kharkiv" → canonical admin1 names; unknown names are an error. */
const oblastList = z.string().min(1).transform((s, ctx) => {
  const out: string[] = [];
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const o = oblastByAdmin1(part);
    if (!o) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not an oblast (use the admin1 names: ${OBLASTS.map((x) => x.admin1).join(', ')})` });
      return z.NEVER;
    }
    out.push(o.admin1);
  }
  return out;
});

const typeName = z.string().transform((s, ctx) => {
  const all = [...EVENT_TYPES, ...SUB_EVENT_TYPES] as readonly string[];
  const found = all.find((t) => t.toLowerCase() === s.trim().toLowerCase());
  if (!found) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not an event type or sub-event type (one of: ${all.join('; ')})` });
    return z.NEVER;
  }
  return found;
});

const bbox = z.string().transform((s, ctx) => {
  const n = s.split(',').map((x) => Number(x.trim()));
  const [w, south, e, north] = n;
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || w === undefined || south === undefined || e === undefined || north === undefined
    || w > e || south > north || Math.abs(south) > 90 || Math.abs(north) > 90 || Math.abs(w) > 180 || Math.abs(e) > 180) {
    ctx.addIssue({ code: 'custom', message: 'must be minLon,minLat,maxLon,maxLat in degrees (west ≤ east, south ≤ north)' });
    return z.NEVER;
  }
  return { west: w, south, east: e, north };
});

const intString = (min: number, max: number) => z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)
  .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** The filters every event or incident list takes. */
export const filterShape = {
  from: isoDay.optional().describe('events on or after this day (the event\'s first day), YYYY-MM-DD'),
  to: isoDay.optional().describe('events on or before this day, YYYY-MM-DD'),
  oblast: oblastList.optional().describe('oblast (admin1 name, e.g. Donetsk, Kyiv City); several separated by commas'),
  raion: z.string().min(1).optional().describe('raion (admin2), case-insensitive'),
  settlement: z.string().min(1).optional().describe('settlement name (case-insensitive) or gazetteer id (geonames:…, katottg:…)'),
  type: typeName.optional().describe('ACLED event type or sub-event type'),
  actor: z.string().min(1).optional().describe('words in actor1 or actor2, case-insensitive (e.g. Russia)'),
  weapon: z.string().min(1).optional().describe('a weapon system or category as sitrep names it (e.g. Shahed drone, artillery)'),
  target: z.string().min(1).optional().describe('a target category (e.g. energy, residential)'),
  min_corroboration: intString(1, 1000).optional().describe('at least this many independent sources'),
  bbox: bbox.optional().describe('minLon,minLat,maxLon,maxLat'),
  q: z.string().min(1).max(200).optional().describe('full-text search in the quoted sentences and place names'),
};

export const SORTS = ['date', '-date', 'killed', '-killed', 'injured', '-injured'] as const;

const pageShape = {
  sort: z.enum(SORTS).optional().describe('sort key; a leading - sorts descending (default -date)'),
  limit: intString(1, 500).optional().describe('page size (default 50, at most 500)'),
  cursor: z.string().min(1).max(500).optional().describe('next_cursor of the previous page'),
};

export const filterQuery = z.strictObject(filterShape);
export const listQuery = z.strictObject({ ...filterShape, ...pageShape });

export type EventFilter = z.infer<typeof filterQuery>;
export type ListQuery = z.infer<typeof listQuery>;

/** A bad request: the HTTP layer answers 400 with this message. */
export class BadRequest extends Error {
  override name = 'BadRequest';
}

/**
 * Validates a query string against a schema; throws {@link BadRequest} naming the parameter.
 * Repeated parameters are refused rather than silently reduced to one.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string[]>): z.infer<S> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v.length > 1) throw new BadRequest(`${k}: given ${v.length} times; give it once (several oblasts are separated by commas)`);
    flat[k] = v[0]!;
  }
  const r = schema.safeParse(flat);
  if (!r.success) throw new BadRequest(describeIssues(r.error));
  return r.data;
}

/** "from: must be a date YYYY-MM-DD; limit: must be at most 500" */
export function describeIssues(e: z.ZodError): string {
  return e.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
    const where = i.path.length ? `${i.path.join('.')}: ` : '';
    return `${where}${i.message}`;
  }).join('; ');
}

/**
 * The number of independent sources behind an event: its incident's corroboration (fusion groups copies, "according
 * to" chains and one outlet's reports into one source); for an event in no incident, its distinct outlets (a report
 * without an outlet counting alone).
 */
export const CORROBORATION_SQL = `coalesce(
  (SELECT i.corroboration FROM incident_mentions m JOIN incidents i ON i.id = m.incident_id WHERE m.event_id = e.id),
  (SELECT count(DISTINCT coalesce(d.outlet, d.id))::int FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = e.id))`;

/** Every event with two or more independent sources, and their number (`id`, `n`), by the rule of {@link CORROBORATION_SQL}. */
export const CORROBORATED_SQL = `SELECT m.event_id AS id, i.corroboration AS n FROM incident_mentions m JOIN incidents i ON i.id = m.incident_id
  WHERE i.corroboration > 1
  UNION ALL
  SELECT s.event_id AS id, count(DISTINCT coalesce(d.outlet, d.id))::int AS n FROM event_sources s JOIN documents d ON d.id = s.document_id
  WHERE NOT EXISTS (SELECT 1 FROM incident_mentions m WHERE m.event_id = s.event_id)
  GROUP BY s.event_id HAVING count(DISTINCT coalesce(d.outlet, d.id)) > 1`;

/**
 * What a filter needs looked up before it becomes SQL, when the server has it at hand: the actor names that
 * contain the words (so that the condition is an equality an index answers), and the events that have at least
 * two independent sources with their number (so that `min_corroboration` is not a subquery for every event).
 */
export interface Resolved {
  actorNames?: readonly string[];
  corroborated?: ReadonlyMap<string, number>;
}

/**
 * The SQL conditions for a filter over `events e`, appending their parameters to `params`.
 *
 * @example
 * const params: unknown[] = [];
 * const where = eventConditions({ oblast: ['Donetsk'] }, params); // ['e.admin1 = ANY($1)'], params [['Donetsk']]
 */
export function eventConditions(f: EventFilter, params: unknown[], resolved: Resolved = {}): string[] {
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.from) where.push(`coalesce(e.date, '-infinity'::date) >= ${p(f.from)}::date`);
  if (f.to) where.push(`coalesce(e.date, '-infinity'::date) <= ${p(f.to)}::date`);
  if (f.oblast) where.push(`e.admin1 = ANY(${p(f.oblast)}::text[])`);
  if (f.raion) where.push(`lower(e.admin2) = lower(${p(f.raion)})`);
  if (f.settlement) {
    where.push(/^[a-z]+:/.test(f.settlement) ? `e.place_id = ${p(f.settlement)}` : `lower(e.place_name) = lower(${p(f.settlement)})`);
  }
  if (f.type) {
    where.push((EVENT_TYPES as readonly string[]).includes(f.type) ? `e.event_type = ${p(f.type)}` : `e.sub_event_type = ${p(f.type)}`);
  }
  if (f.actor && resolved.actorNames) {
    const words = f.actor.toLowerCase();
    const names = p(resolved.actorNames.filter((n) => n.toLowerCase().includes(words)));
    where.push(`(e.actor1 = ANY(${names}::text[]) OR e.actor2 = ANY(${names}::text[]))`);
  } else if (f.actor) {
    const like = p(`%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(e.actor1 ILIKE ${like} OR e.actor2 ILIKE ${like})`);
  }
  if (f.weapon) where.push(`e.weapons @> ARRAY[${p(f.weapon)}]::text[]`);
  if (f.target) where.push(`e.targets @> ARRAY[${p(f.target)}]::text[]`);
  if (f.min_corroboration !== undefined && f.min_corroboration > 1) {
    if (resolved.corroborated) {
      const n = f.min_corroboration;
      where.push(`e.id = ANY(${p([...resolved.corroborated].filter(([, c]) => c >= n).map(([id]) => id))}::text[])`);
    } else {
      where.push(`${CORROBORATION_SQL} >= ${p(f.min_corroboration)}`);
    }
  }
  if (f.bbox) {
    where.push(`e.lat BETWEEN ${p(f.bbox.south)} AND ${p(f.bbox.north)} AND e.lon BETWEEN ${p(f.bbox.west)} AND ${p(f.bbox.east)}`);
  }
  if (f.q) {
    const q = p(f.q);
    where.push(`(e.id IN (SELECT s.event_id FROM event_sources s WHERE to_tsvector('english', s.quote) @@ websearch_to_tsquery('english', ${q}))
      OR lower(e.place_name) = lower(${q}))`);
  }
  return where;
}

/** The SQL expression a sort key orders by (unknown sorts first when ascending, last when descending). */
export function sortExpression(sort: (typeof SORTS)[number]): { expr: string; cast: string; desc: boolean } {
  const key = sort.replace(/^-/, '');
  const desc = sort.startsWith('-');
  switch (key) {
    case 'date':
      return { expr: `coalesce(e.date, '-infinity'::date)`, cast: 'date', desc };
    case 'killed':
      return { expr: 'coalesce(e.killed, -1)', cast: 'int', desc };
    default:
      return { expr: 'coalesce(e.injured, -1)', cast: 'int', desc };
  }
}

/** A cursor is the sort key and id of the last row of a page, opaque to clients. */
export function encodeCursor(sort: string, key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): { key: string | number; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && v[0] === sort && (typeof v[1] === 'string' || typeof v[1] === 'number') && typeof v[2] === 'string') {
      return { key: v[1], id: v[2] };
    }
  } catch {
    // fall through
  }
  throw new BadRequest(`cursor: not a cursor of this list sorted by ${sort} (pass next_cursor from the previous page with the same sort)`);
}
