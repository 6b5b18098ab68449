/**
 * Incidents in the store: incremental fusion of one report's mentions inside
 * the transaction that stores the report. Only the incidents in the report's
 * blocks (its oblasts and days) are read, so the work does not grow with the
 * size of the store.
 */
import type { RawReport } from '../core/types.js';
import { Fusion, fusable, incidentOf, type Incident } from '../fusion/cluster.js';
import { MAX_SPAN_DAYS, span, type Mention } from '../fusion/mention.js';

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

/** Incidents (with their mentions) by id. */
async function loadIncidents(tx: Tx, ids: string[]): Promise<Incident[]> {
  if (ids.length === 0) return [];
  const rows = (await tx.query<{ incident_id: string; mention: Mention }>(
    'SELECT incident_id, mention FROM incident_mentions WHERE incident_id = ANY($1::text[]) ORDER BY incident_id, event_id',
    [ids],
  )).rows;
  const by = new Map<string, Mention[]>();
  for (const r of rows) by.set(r.incident_id, [...(by.get(r.incident_id) ?? []), r.mention]);
  return [...by.entries()].map(([id, ms]) => incidentOf(id, ms));
}

/** Ids of the incidents in the blocks of these mentions: their oblast (or any, when unplaced) on the days they can be about. */
async function candidateIds(tx: Tx, mentions: Mention[]): Promise<string[]> {
  const q = mentions.map((m) => ({ a: m.place?.admin1 ?? null, s: span(m) }));
  if (q.length === 0) return [];
  const admin1 = q.map((x) => x.a);
  const start = q.map((x) => x.s?.[0] ?? null);
  const end = q.map((x) => x.s?.[1] ?? null);
  const rows = (await tx.query<{ id: string }>(
    `WITH q AS (SELECT * FROM unnest($1::text[], $2::int[], $3::int[]) AS q(a, s, e))
     SELECT i.id FROM q JOIN incidents i ON i.admin1 = q.a AND i.day_start BETWEEN q.s - ${MAX_SPAN_DAYS} AND q.e AND i.day_end >= q.s
     UNION SELECT i.id FROM q JOIN incidents i ON i.admin1 IS NULL AND i.day_start BETWEEN q.s - ${MAX_SPAN_DAYS} AND q.e AND i.day_end >= q.s
     UNION SELECT i.id FROM q JOIN incidents i ON q.a IS NULL AND i.day_start BETWEEN q.s - ${MAX_SPAN_DAYS} AND q.e AND i.day_end >= q.s
     UNION SELECT i.id FROM q JOIN incidents i ON q.s IS NULL AND i.day_start IS NULL AND (i.admin1 = q.a OR i.admin1 IS NULL OR q.a IS NULL)`,
    [admin1, start, end],
  )).rows;
  return rows.map((r) => r.id);
}

/**
 * Fuses one report's mentions into the stored incidents, after taking out the
 * mentions of the report version it supersedes (`removed`): the incidents
 * those were in are taken apart and their other mentions fused again.
 * Returns how many incidents the report's mentions joined and how many it created.
 */
export async function fuseIntoStore(tx: Tx, added: Mention[], removed: string[]): Promise<{ joined: number; created: number }> {
  const removedSet = new Set(removed);
  const affectedIds = removed.length
    ? (await tx.query<{ incident_id: string }>('SELECT DISTINCT incident_id FROM incident_mentions WHERE event_id = ANY($1::text[])', [removed])).rows.map((r) => r.incident_id)
    : [];
  const affected = await loadIncidents(tx, affectedIds);
  const orphans = affected.flatMap((i) => i.mentions.filter((m) => !removedSet.has(m.id)));
  const incoming = [...orphans, ...added.filter(fusable)];
  const candidates = (await candidateIds(tx, incoming)).filter((id) => !affectedIds.includes(id));
  const fusion = new Fusion(await loadIncidents(tx, candidates));
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
  for (const id of changed) {
    const inc = fusion.get(id)!;
    await tx.query(
      `INSERT INTO incidents (id, admin1, day_start, day_end) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET admin1 = EXCLUDED.admin1, day_start = EXCLUDED.day_start, day_end = EXCLUDED.day_end, updated_at = now()`,
      [id, inc.admin1, inc.span?.[0] ?? null, inc.span?.[1] ?? null],
    );
  }
  const moved = changed.flatMap((id) => fusion.get(id)!.mentions.filter((m) => reasons.has(m.id)).map((m) => ({ id, m })));
  if (moved.length) {
    await tx.query(
      `INSERT INTO incident_mentions (event_id, incident_id, reason, mention)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
       ON CONFLICT (event_id) DO UPDATE SET incident_id = EXCLUDED.incident_id, reason = EXCLUDED.reason`,
      [moved.map((x) => x.m.id), moved.map((x) => x.id), moved.map((x) => reasons.get(x.m.id)!), moved.map((x) => JSON.stringify(x.m))],
    );
  }
  if (removed.length) await tx.query('DELETE FROM incident_mentions WHERE event_id = ANY($1::text[])', [removed]);
  return { joined, created };
}

/** Every incident with its mentions. */
export async function allIncidents(tx: Tx): Promise<Incident[]> {
  const rows = (await tx.query<{ incident_id: string; mention: Mention }>(
    'SELECT incident_id, mention FROM incident_mentions ORDER BY incident_id, event_id',
  )).rows;
  const by = new Map<string, Mention[]>();
  for (const r of rows) by.set(r.incident_id, [...(by.get(r.incident_id) ?? []), r.mention]);
  return [...by.entries()].map(([id, ms]) => incidentOf(id, ms));
}
