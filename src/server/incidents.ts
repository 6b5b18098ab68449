/**
 * Incidents as the API serves them: fusion's incidents (src/fusion: mentions of one thing from many reports,
 * corroboration by independent sources, conflicting figures), with the same filters, sorting and cursor pages
 * as the events.
 *
 * What an incident says (its type, date, figures, independent sources) is derived in TypeScript from its
 * mentions ({@link describe}); SQL holds only the mentions. So the described incidents are computed once and
 * kept until the next write, like the ledger's map points and daily statistics (the server is the only writer
 * of its data directory); each request then filters, sorts and pages them in memory.
 */
import type { EventPlace, SitrepEvent, SubEventType } from '../core/types.js';
import type { Incident as Fused } from '../fusion/cluster.js';
import type { FigureField } from '../fusion/figures.js';
import { describe, type IncidentSource as FusedSource, type IncidentView } from '../fusion/incident.js';
import type { IndependentSource, SourceKind } from '../fusion/sources.js';
import type { Store } from '../store/index.js';
import { decodeCursor, encodeCursor, EVENT_TYPES, type EventFilter, type ListQuery } from './filters.js';
import { everyPage, type DetailedSource, type EventDetail, type Highlight, type Ledger, type Page } from './ledger.js';

const FIELDS = ['attacks', 'killed', 'injured'] as const;

/** The figures one report (mention) gave, side by side with the others'. */
export interface Figure {
  document: string;
  outlet: string | null;
  published: string | null;
  /** The event (mention) of this report. */
  event: string;
  /** Who gave the figures: the speaker the report names, else the outlet. */
  source: string;
  attacks: number | null;
  killed: number | null;
  injured: number | null;
  /** Fields whose figure here a later report of the same source replaced (it does not count any more). */
  replaced: FigureField[];
}

/** One report of an incident: fusion's source (outlet, speaker, date, quote, kinds) and, in detail, the document's title and what rules read. */
export type Source = FusedSource & Partial<Pick<DetailedSource, 'title' | 'start' | 'end'>> & { highlights?: Highlight[] };

/** An incident: one thing that happened, with every report of it. */
export interface Incident {
  id: string;
  event_type: SitrepEvent['event_type'];
  sub_event_type: SitrepEvent['sub_event_type'];
  date: string | null;
  date_end: string | null;
  time_precision: SitrepEvent['time_precision'];
  place: EventPlace | null;
  actor1: string | null;
  actor2: string | null;
  /** The incident's figures, chosen by `figure_rule` from `figures`. */
  attacks: number | null;
  killed: number | null;
  injured: number | null;
  figure_rule: string;
  /** Every target and weapon any report named. */
  targets: string[];
  weapons: string[];
  historical: boolean;
  /** Independent sources: outlets that did not copy each other. */
  corroboration: number;
  source_kinds: SourceKind[];
  independent_sources: IndependentSource[];
  /** The events (mentions) that make the incident. */
  events: string[];
  /** Every report's figures, side by side. */
  figures: Figure[];
  /** The fields on which standing figures differ. */
  disagreements: FigureField[];
  /** For each of those: every standing value, who gives it, and the one chosen. */
  conflicts: IncidentView['disagreements'];
  /** Sub-event types the reports gave, when they differ. */
  types_reported: SubEventType[];
  sources: Source[];
}

/** Where the API's incidents come from. */
export interface IncidentSource {
  list(q: ListQuery): Promise<Page<Incident>>;
  /** By incident id, or by the id of one of its events (the dashboard opens an event's incident). */
  get(id: string): Promise<Incident | null>;
  all(f: EventFilter): AsyncGenerator<Incident[]>;
}

/** Fields on which the figures differ (ignoring reports that gave none). */
export function disagreements(figures: readonly Pick<Figure, FigureField>[]): FigureField[] {
  return FIELDS.filter((k) => new Set(figures.map((f) => f[k]).filter((v) => v !== null)).size > 1);
}

const union = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

/** The API's incident from fusion's incident and its description. */
export function toIncident(inc: Fused, v: IncidentView, extra: ReadonlyMap<string, { targets: string[]; weapons: string[] }>): Incident {
  const ms = [...inc.mentions].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const figures: Figure[] = ms.map((m) => ({
    document: m.document,
    outlet: m.outlet,
    published: m.published,
    event: m.id,
    source: m.speaker?.name ?? m.speaker?.text ?? m.outlet ?? m.document.slice(0, 12),
    attacks: m.attacks,
    killed: m.killed,
    injured: m.injured,
    replaced: FIELDS.filter((k) => v.figures[k].values.some((x) => x.document === m.document && x.value === m[k] && x.replaced_by !== null)),
  }));
  return {
    id: v.id,
    event_type: v.event_type,
    sub_event_type: v.sub_event_type,
    date: v.date,
    date_end: v.date_end,
    time_precision: v.time_precision,
    place: v.place,
    actor1: v.actor1,
    actor2: v.actor2,
    attacks: v.attacks,
    killed: v.killed,
    injured: v.injured,
    figure_rule: v.figure_rule,
    targets: union(ms.map((m) => extra.get(m.id)?.targets ?? [])),
    weapons: union(ms.map((m) => extra.get(m.id)?.weapons ?? [])),
    historical: false,
    corroboration: v.corroboration,
    source_kinds: v.source_kinds,
    independent_sources: v.independent_sources,
    events: ms.map((m) => m.id),
    figures,
    disagreements: v.disagreements.map((d) => d.field),
    conflicts: v.disagreements,
    types_reported: v.types_reported,
    sources: v.sources,
  };
}

/** An event fusion leaves out (a historical one) as a one-event incident, so that every event opens. */
export function eventIncident(e: EventDetail): Incident {
  const figures: Figure[] = e.sources.slice(0, 1).map((s) => ({
    document: s.document, outlet: s.outlet, published: s.published, event: e.id, source: s.speaker ?? s.outlet ?? s.document.slice(0, 12),
    attacks: e.attacks, killed: e.killed, injured: e.injured, replaced: [],
  }));
  const outlets = [...new Set(e.sources.map((s) => s.outlet ?? `document:${s.document}`))];
  return {
    id: e.id, event_type: e.event_type, sub_event_type: e.sub_event_type, date: e.date, date_end: e.date_end, time_precision: e.time_precision,
    place: e.place, actor1: e.actor1, actor2: e.actor2, attacks: e.attacks, killed: e.killed, injured: e.injured,
    figure_rule: e.historical ? 'one event, not fused (it tells of the past): its own figures' : 'one event, not fused: its own figures',
    targets: e.targets, weapons: e.weapons, historical: e.historical,
    corroboration: e.corroboration, source_kinds: [], independent_sources: [],
    events: [e.id], figures, disagreements: disagreements(figures), conflicts: [], types_reported: [],
    sources: e.sources.map((s) => ({
      document: s.document, outlet: s.outlet, url: s.url, published: s.published, speaker: s.speaker, kinds: [], quote: s.quote,
      mention: e.id, independent_source: outlets.indexOf(s.outlet ?? `document:${s.document}`),
      title: s.title, start: s.start, end: s.end, highlights: s.highlights,
    })),
  };
}

/** Whether an incident passes a filter (`matched`: the events the full-text search found, when it was asked). */
export function matches(i: Incident, f: EventFilter, matched: ReadonlySet<string> | null): boolean {
  const p = i.place;
  if (f.from && (i.date === null || i.date < f.from)) return false;
  if (f.to && i.date !== null && i.date > f.to) return false;
  if (f.oblast && !f.oblast.includes(p?.admin1 ?? '')) return false;
  if (f.raion && p?.admin2?.toLowerCase() !== f.raion.toLowerCase()) return false;
  if (f.settlement && (/^[a-z]+:/.test(f.settlement) ? p?.id !== f.settlement : p?.name.toLowerCase() !== f.settlement.toLowerCase())) return false;
  if (f.type && ((EVENT_TYPES as readonly string[]).includes(f.type) ? i.event_type !== f.type : i.sub_event_type !== f.type)) return false;
  if (f.actor) {
    const words = f.actor.toLowerCase();
    if (![i.actor1, i.actor2].some((a) => a?.toLowerCase().includes(words))) return false;
  }
  if (f.weapon && !i.weapons.includes(f.weapon)) return false;
  if (f.target && !i.targets.includes(f.target)) return false;
  if (f.min_corroboration !== undefined && i.corroboration < f.min_corroboration) return false;
  if (f.bbox && (p?.lat == null || p.lon == null || p.lat < f.bbox.south || p.lat > f.bbox.north || p.lon < f.bbox.west || p.lon > f.bbox.east)) return false;
  if (f.q && matched && !i.events.some((e) => matched.has(e)) && p?.name.toLowerCase() !== f.q.toLowerCase()) return false;
  return true;
}

/** The sort key as the events' SQL orders: unknown dates and figures first when ascending. */
function sortKey(i: Incident, key: string): string | number {
  if (key === 'date') return i.date ?? '';
  return (key === 'killed' ? i.killed : i.injured) ?? -1;
}

function compare(a: string | number, aId: string, b: string | number, bId: string): number {
  return (a < b ? -1 : a > b ? 1 : 0) || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

interface Described {
  list: Incident[];
  byId: Map<string, Incident>;
  /** Event id → incident id. */
  byEvent: Map<string, string>;
}

/**
 * Fusion's incidents from the store, described once and then kept up to date: after each save the store says
 * which incidents changed or went (src/store `onIncidentsChanged`), and only those are described again, when the
 * next request needs them (re-describing 100,000 incidents after every report would take seconds).
 */
export class FusionIncidents implements IncidentSource {
  private described: Promise<Described> | null = null;
  /** Incidents changed or gone since `described` was made, to describe again before it is read. */
  private pending = { changed: new Set<string>(), gone: new Set<string>() };

  constructor(private readonly store: Store, private readonly ledger: Ledger) {
    store.onIncidentsChanged((c) => {
      // Nothing described yet: the first description reads everything anyway.
      if (!this.described) return;
      for (const id of c.changed) this.pending.changed.add(id);
      for (const id of c.gone) this.pending.gone.add(id);
    });
  }

  /** Describes every incident now (the server calls this while it starts). */
  warm(): Promise<unknown> {
    return this.all$();
  }

  private all$(): Promise<Described> {
    if (!this.described) {
      this.pending = { changed: new Set(), gone: new Set() };
      this.described = this.guard(this.describeAll());
    } else if (this.pending.changed.size || this.pending.gone.size) {
      const { changed, gone } = this.pending;
      this.pending = { changed: new Set(), gone: new Set() };
      this.described = this.guard(this.described.then((d) => this.refresh(d, changed, gone)));
    }
    return this.described;
  }

  /** Forgets a description that failed, so that the next request starts afresh. */
  private guard(p: Promise<Described>): Promise<Described> {
    p.catch(() => { if (this.described === p) this.described = null; });
    return p;
  }

  private async extra(eventIds: string[] | null): Promise<Map<string, { id: string; targets: string[]; weapons: string[] }>> {
    const rows = await this.store.read<{ id: string; targets: string[]; weapons: string[] }>(
      `SELECT id, targets, weapons FROM events WHERE (cardinality(targets) > 0 OR cardinality(weapons) > 0)${eventIds ? ' AND id = ANY($1::text[])' : ''}`,
      eventIds ? [eventIds] : [],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async describeAll(): Promise<Described> {
    const fused = await this.store.incidents();
    const extra = await this.extra(null);
    const list = fused.map((inc) => toIncident(inc, describe(inc), extra));
    const byEvent = new Map<string, string>();
    for (const i of list) for (const e of i.events) byEvent.set(e, i.id);
    return { list, byId: new Map(list.map((i) => [i.id, i])), byEvent };
  }

  /** The description with these incidents described again (or left out when gone); the old one is not changed. */
  private async refresh(d: Described, changed: Set<string>, gone: Set<string>): Promise<Described> {
    const fused = await this.store.incidentsById([...changed].filter((id) => !gone.has(id)));
    const extra = await this.extra(fused.flatMap((i) => i.mentions.map((m) => m.id)));
    const byId = new Map(d.byId);
    const byEvent = new Map(d.byEvent);
    for (const id of [...gone, ...changed]) {
      for (const e of byId.get(id)?.events ?? []) if (byEvent.get(e) === id) byEvent.delete(e);
      byId.delete(id);
    }
    for (const inc of fused) {
      const i = toIncident(inc, describe(inc), extra);
      byId.set(i.id, i);
      for (const e of i.events) byEvent.set(e, i.id);
    }
    return { list: [...byId.values()], byId, byEvent };
  }

  /** The events whose quotes match the full-text search (the same search as the events'). */
  private async searched(q: string | undefined): Promise<Set<string> | null> {
    if (!q) return null;
    const rows = await this.store.read<{ id: string }>(
      `SELECT DISTINCT s.event_id AS id FROM event_sources s WHERE to_tsvector('english', s.quote) @@ websearch_to_tsquery('english', $1)`, [q]);
    return new Set(rows.map((r) => r.id));
  }

  async list(q: ListQuery): Promise<Page<Incident>> {
    const sort = q.sort ?? '-date';
    const limit = q.limit ?? 50;
    const key = sort.replace(/^-/, '');
    const dir = sort.startsWith('-') ? -1 : 1;
    const after = q.cursor ? decodeCursor(q.cursor, sort) : null;
    const [{ list }, matched] = await Promise.all([this.all$(), this.searched(q.q)]);
    const found = list
      .filter((i) => matches(i, q, matched))
      .map((i) => ({ i, k: sortKey(i, key) }))
      .filter((x) => !after || dir * compare(x.k, x.i.id, after.key, after.id) > 0)
      .sort((a, b) => dir * compare(a.k, a.i.id, b.k, b.i.id));
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((x) => x.i), next_cursor: found.length > limit && last ? encodeCursor(sort, last.k, last.i.id) : null };
  }

  async get(id: string): Promise<Incident | null> {
    const d = await this.all$();
    const inc = d.byId.get(id) ?? d.byId.get(d.byEvent.get(id) ?? '');
    if (!inc) {
      const e = await this.ledger.event(id);
      return e ? eventIncident(e) : null;
    }
    // In detail: each report's title and the words the rules read in its quote.
    const detail = await this.ledger.detailedSources(inc.events);
    return {
      ...inc,
      sources: inc.sources.map((s) => {
        const ds = (detail.get(s.mention) ?? []).filter((x) => x.document === s.document);
        const x = ds.find((y) => y.quote === s.quote) ?? ds[0];
        return x ? { ...s, title: x.title, start: x.start, end: x.end, highlights: x.highlights } : s;
      }),
    };
  }

  all(f: EventFilter, pageSize = 1000): AsyncGenerator<Incident[]> {
    return everyPage((cursor) => this.list({ ...f, sort: 'date', limit: pageSize, ...(cursor ? { cursor } : {}) }));
  }
}
