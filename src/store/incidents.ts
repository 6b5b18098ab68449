/**
 * Incidents in the store: incremental fusion of one report's mentions inside
 * the transaction that stores the report. Only the incidents in the report's
 * blocks (its oblasts and days) are read, so the work does not grow with the
 * size of the store.
 */
import type { RawReport } from '../core/types.js';
import { Fusion, fusable, incidentBlocks, incidentOf, mentionBlocks, type Incident } from '../fusion/cluster.js';
import { placeKind } from '../fusion/match.js';
import { isDefaultDate, type Mention, type MentionSpeaker } from '../fusion/mention.js';
import { independentSources } from '../fusion/sources.js';

type Tx = { query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> };

/**
 * The key under which later versions of a report replace earlier ones: its
 * URL, else the file it was read from (not stdin, not a line of a JSONL feed,
 * whose lines are different reports).
 */
export function revisionKey(r: Pick<RawReport, 'url' | 'origin' | 'format'>): string | null {
  if (r.url) return `url:${r.url}`;
  if (r.origin === '-' || r.format === 'jsonl') return null;
  return `file:${r.origin}`;
}

function group(rows: { incident_id: string; mention: Mention }[]): Incident[] {
  const by = new Map<string, Mention[]>();
  for (const r of rows) {
    let ms = by.get(r.incident_id);
    if (!ms) by.set(r.incident_id, (ms = []));
    ms.push(r.mention);
  }
  return [...by.entries()].map(([id, ms]) => incidentOf(id, ms));
}

/** Incidents (with their mentions) by id; ids of no incident are left out. */
export async function loadIncidents(tx: Tx, ids: string[]): Promise<Incident[]> {
  if (ids.length === 0) return [];
  return group((await tx.query<{ incident_id: string; mention: Mention }>(
    'SELECT incident_id, mention FROM incident_mentions WHERE incident_id = ANY($1::text[]) ORDER BY incident_id, event_id',
    [ids],
  )).rows);
}

/**
 * The incidents (with their mentions) in the blocks of these mentions: their
 * oblast, or any when unplaced, on the days they can be about; without those
 * at another settlement, which can never match. One query.
 */
async function candidates(tx: Tx, mentions: Mention[]): Promise<Incident[]> {
  const q = new Map<string, [string, number, string | null, number]>();
  for (const m of mentions) {
    for (const [b, d] of mentionBlocks(m)) q.set(`${b}|${d}|${m.place?.id ?? ''}|${placeKind(m.place)}`, [b, d, m.place?.id ?? null, placeKind(m.place)]);
  }
  if (q.size === 0) return [];
  const keys = [...q.values()];
  return group((await tx.query<{ incident_id: string; mention: Mention }>(
    `SELECT m.incident_id, m.mention FROM incident_mentions m
     WHERE m.incident_id IN (
       SELECT b.incident_id FROM unnest($1::text[], $2::int[], $3::text[], $4::int[]) AS q(block, day, place_id, kind)
       JOIN incident_blocks b ON b.block = q.block AND b.day = q.day
       JOIN incidents i ON i.id = b.incident_id
       WHERE q.kind <> 3 OR i.place_level <> 3 OR i.place_id = q.place_id)
     ORDER BY m.incident_id, m.event_id`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), keys.map((k) => k[3])],
  )).rows);
}

const sameShape = (a: Incident, b: Incident): boolean =>
  a.admin1 === b.admin1 && a.span?.[0] === b.span?.[0] && a.span?.[1] === b.span?.[1] && a.place?.id === b.place?.id && placeKind(a.place) === placeKind(b.place);

/**
 * Fuses one report's mentions into the stored incidents, after taking out the
 * mentions of the report version it supersedes (`removed`): the incidents
 * those were in are taken apart and their other mentions fused again.
 * Returns how many incidents the report's mentions joined and how many it created.
 */
export interface FusedChanges {
  joined: number;
  created: number;
  /** Incidents created, or whose mentions changed. */
  changed: string[];
  /** Incidents that no longer exist (taken apart when a revision removed their mentions). */
  gone: string[];
}

export async function fuseIntoStore(tx: Tx, added: Mention[], removed: string[]): Promise<FusedChanges> {
  const removedSet = new Set(removed);
  const affectedIds = removed.length
    ? (await tx.query<{ incident_id: string }>('SELECT DISTINCT incident_id FROM incident_mentions WHERE event_id = ANY($1::text[])', [removed])).rows.map((r) => r.incident_id)
    : [];
  const affected = await loadIncidents(tx, affectedIds);
  const orphans = affected.flatMap((i) => i.mentions.filter((m) => !removedSet.has(m.id)));
  const incoming = [...orphans, ...added.filter(fusable)];
  const loaded = (await candidates(tx, incoming)).filter((i) => !affectedIds.includes(i.id));
  const before = new Map([...affected, ...loaded].map((i) => [i.id, i]));
  const fusion = new Fusion(loaded);
  let joined = 0;
  let created = 0;
  const reasons = new Map<string, string>();
  const byPublished = (a: Mention, b: Mention): number => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id);
  for (const m of orphans.sort(byPublished)) reasons.set(m.id, fusion.add(m).reason);
  for (const m of added.filter(fusable)) {
    const r = fusion.add(m);
    reasons.set(m.id, r.reason);
    if (r.created) created++;
    else joined++;
  }
  const changed = fusion.takeChanged();
  const gone = affectedIds.filter((id) => !fusion.get(id));
  if (gone.length) await tx.query('DELETE FROM incidents WHERE id = ANY($1::text[])', [gone]);
  // Only incidents that are new, or whose oblast or days changed, get new blocks (joining one usually changes neither).
  const reshaped = changed.map((id) => fusion.get(id)!).filter((i) => !before.has(i.id) || !sameShape(before.get(i.id)!, i));
  const drop: [string, number, string][] = [];
  const add: [string, number, string][] = [];
  for (const i of reshaped) {
    const old = before.get(i.id);
    const was = new Set(old ? incidentBlocks(old.admin1, old.span).map(([b, d]) => `${b}|${d}`) : []);
    const now = incidentBlocks(i.admin1, i.span);
    const nowKeys = new Set(now.map(([b, d]) => `${b}|${d}`));
    for (const [b, d] of old ? incidentBlocks(old.admin1, old.span) : []) if (!nowKeys.has(`${b}|${d}`)) drop.push([b, d, i.id]);
    for (const [b, d] of now) if (!was.has(`${b}|${d}`)) add.push([b, d, i.id]);
  }
  if (drop.length) {
    await tx.query(
      `DELETE FROM incident_blocks b USING unnest($1::text[], $2::int[], $3::text[]) AS q(block, day, id)
       WHERE b.block = q.block AND b.day = q.day AND b.incident_id = q.id`,
      [drop.map((x) => x[0]), drop.map((x) => x[1]), drop.map((x) => x[2])],
    );
  }
  const moved = changed.flatMap((id) => fusion.get(id)!.mentions.filter((m) => reasons.has(m.id)).map((m) => ({ id, m })));
  // Every changed incident is written (its corroboration may have changed; its shape is the same unless reshaped),
  // with its new blocks and the mentions that joined it, in one statement (one round trip).
  const written = changed.map((id) => fusion.get(id)!);
  if (written.length || moved.length) {
    await tx.query(
      `WITH i AS (
         INSERT INTO incidents (id, admin1, day_start, day_end, place_id, place_level, corroboration)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::int[], $14::int[])
         ON CONFLICT (id) DO UPDATE SET admin1 = EXCLUDED.admin1, day_start = EXCLUDED.day_start, day_end = EXCLUDED.day_end,
           place_id = EXCLUDED.place_id, place_level = EXCLUDED.place_level, corroboration = EXCLUDED.corroboration, updated_at = now()),
       b AS (
         INSERT INTO incident_blocks (block, day, incident_id) SELECT * FROM unnest($7::text[], $8::int[], $9::text[]) ON CONFLICT DO NOTHING)
       INSERT INTO incident_mentions (event_id, incident_id, reason, mention)
       SELECT * FROM unnest($10::text[], $11::text[], $12::text[], $13::jsonb[])
       ON CONFLICT (event_id) DO UPDATE SET incident_id = EXCLUDED.incident_id, reason = EXCLUDED.reason`,
      [written.map((i) => i.id), written.map((i) => i.admin1), written.map((i) => i.span?.[0] ?? null), written.map((i) => i.span?.[1] ?? null),
        written.map((i) => i.place?.id ?? null), written.map((i) => placeKind(i.place)),
        add.map((x) => x[0]), add.map((x) => x[1]), add.map((x) => x[2]),
        moved.map((x) => x.m.id), moved.map((x) => x.id), moved.map((x) => reasons.get(x.m.id)!), moved.map((x) => JSON.stringify(x.m)),
        written.map((i) => independentSources(i.mentions).length)],
    );
  }
  if (removed.length) await tx.query('DELETE FROM incident_mentions WHERE event_id = ANY($1::text[])', [removed]);
  return { joined, created, changed, gone };
}

/** Stores each incident's corroboration: how many independent sources its mentions come from. */
async function writeCorroboration(tx: Tx, incidents: readonly Incident[]): Promise<void> {
  if (incidents.length === 0) return;
  await tx.query(
    'UPDATE incidents i SET corroboration = q.n FROM unnest($1::text[], $2::int[]) AS q(id, n) WHERE i.id = q.id AND i.corroboration IS DISTINCT FROM q.n',
    [incidents.map((i) => i.id), incidents.map((i) => independentSources(i.mentions).length)],
  );
}

/**
 * Fills the corroboration of incidents that have none (stored before schema
 * version 5), a thousand at a time. Returns how many it filled.
 */
export async function fillCorroboration(tx: Tx): Promise<number> {
  let filled = 0;
  for (;;) {
    const ids = (await tx.query<{ id: string }>('SELECT id FROM incidents WHERE corroboration IS NULL ORDER BY id LIMIT 1000')).rows.map((r) => r.id);
    if (ids.length === 0) return filled;
    const incidents = await loadIncidents(tx, ids);
    await writeCorroboration(tx, incidents);
    // An incident without mentions (none should exist) would otherwise be read again forever.
    const empty = ids.filter((id) => !incidents.some((i) => i.id === id));
    if (empty.length) await tx.query('UPDATE incidents SET corroboration = 0 WHERE id = ANY($1::text[])', [empty]);
    filled += ids.length;
  }
}

/** Every incident with its mentions. */
export async function allIncidents(tx: Tx): Promise<Incident[]> {
  return group((await tx.query<{ incident_id: string; mention: Mention }>(
    'SELECT incident_id, mention FROM incident_mentions ORDER BY incident_id, event_id',
  )).rows);
}

/**
 * Fuses the stored events that are in no incident yet: events stored before
 * incidents existed (migration 3). In publication order, in one transaction.
 * Returns how many mentions it fused.
 */
export async function fuseUnfused(tx: Tx): Promise<number> {
  const rows = (await tx.query<{
    id: string; document: string; outlet: string | null; url: string | null; published: Date | string | null;
    event_type: Mention['event_type']; sub_event_type: Mention['sub_event_type']; date_s: string | null; date_end_s: string | null;
    time_precision: Mention['time_precision']; actor1: string | null; actor2: string | null; place_name: string | null; place_id: string | null;
    admin1: string | null; admin2: string | null; lat: number | null; lon: number | null; geo_precision: 1 | 2 | 3 | null;
    attacks: number | null; killed: number | null; injured: number | null; historical: boolean; detail: { speaker?: MentionSpeaker | null };
    quote: string; provenance: { stage: string; reason: string }[]; text: string;
  }>(
    `SELECT DISTINCT ON (d.published, e.id) e.*, to_char(e.date, 'YYYY-MM-DD') AS date_s, to_char(e.date_end, 'YYYY-MM-DD') AS date_end_s,
       d.id AS document, d.outlet, d.url, d.published, s.quote, s.provenance,
       (SELECT string_agg(x.quote, ' ' ORDER BY x.provenance = '[]'::jsonb, x.start_offset) FROM event_sources x WHERE x.event_id = e.id) AS text
     FROM events e
     JOIN event_sources s ON s.event_id = e.id
     JOIN documents d ON d.id = s.document_id AND d.superseded_by IS NULL
     WHERE NOT EXISTS (SELECT 1 FROM incident_mentions m WHERE m.event_id = e.id)
     ORDER BY d.published NULLS FIRST, e.id, s.provenance = '[]'::jsonb, s.start_offset`,
  )).rows;
  const mentions: Mention[] = rows.map((r) => ({
    id: r.id, document: r.document, outlet: r.outlet, url: r.url,
    published: r.published === null ? null : new Date(r.published).toISOString(),
    event_type: r.event_type, sub_event_type: r.sub_event_type, date: r.date_s, date_end: r.date_end_s, time_precision: r.time_precision,
    default_date: isDefaultDate(r.provenance ?? []), actor1: r.actor1, actor2: r.actor2,
    place: r.place_name === null ? null : { name: r.place_name, id: r.place_id, admin1: r.admin1, admin2: r.admin2, lat: r.lat, lon: r.lon, geo_precision: r.geo_precision },
    attacks: r.attacks, killed: r.killed, injured: r.injured, historical: r.historical,
    speaker: r.detail?.speaker ? { text: r.detail.speaker.text, name: r.detail.speaker.name, role: r.detail.speaker.role, side: r.detail.speaker.side } : null,
    quote: r.quote, text: r.text,
  }));
  // Historical mentions are never fused; the rest one document at a time, as they arrived.
  const byDoc = new Map<string, Mention[]>();
  for (const m of mentions) if (fusable(m)) byDoc.set(m.document, [...(byDoc.get(m.document) ?? []), m]);
  for (const ms of byDoc.values()) await fuseIntoStore(tx, ms, []);
  return [...byDoc.values()].reduce((n, ms) => n + ms.length, 0);
}
