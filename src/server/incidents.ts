/**
 * Incidents as the API serves them, behind a small interface.
 *
 * Fusion (issue 5: mentions of one incident from many reports, corroboration by independent sources,
 * conflicting figures) stores incidents of its own. Until it is wired in, {@link EventIncidents} serves every
 * event as a one-event incident, so the endpoints, their filters and the dashboard work now and keep their
 * shape; wiring fusion means writing one more {@link IncidentSource} over its store methods.
 */
import type { EventPlace, SitrepEvent } from '../core/types.js';
import type { EventFilter, ListQuery } from './filters.js';
import type { DetailedSource, Ledger, Page } from './ledger.js';

/** One figure as one source gave it: the incident's figures are chosen from these. */
export interface Figure {
  document: string;
  outlet: string | null;
  published: string | null;
  event: string;
  attacks: number | null;
  killed: number | null;
  injured: number | null;
}

/** An incident: one thing that happened, with every report of it. */
export interface Incident {
  id: string;
  event_type: SitrepEvent['event_type'];
  sub_event_type: SitrepEvent['sub_event_type'];
  date: string | null;
  date_end: string | null;
  place: EventPlace | null;
  actor1: string | null;
  actor2: string | null;
  /** The incident's figures, chosen from `figures` by the stated rule. */
  attacks: number | null;
  killed: number | null;
  injured: number | null;
  figure_rule: string;
  targets: string[];
  weapons: string[];
  /** Independent sources (distinct outlets). */
  corroboration: number;
  /** The events (mentions) that make the incident. */
  events: string[];
  /** Every figure each source gave, side by side; `disagreements` names the fields on which they differ. */
  figures: Figure[];
  disagreements: ('attacks' | 'killed' | 'injured')[];
  sources: DetailedSource[] | SitrepEvent['sources'];
}

/** Where incidents come from: today the events, after the merge the fusion store. */
export interface IncidentSource {
  list(q: ListQuery): Promise<Page<Incident>>;
  get(id: string): Promise<Incident | null>;
  all(f: EventFilter): AsyncGenerator<Incident[]>;
}

/** Fields on which the figures differ (ignoring sources that gave none). */
export function disagreements(figures: readonly Figure[]): Incident['disagreements'] {
  return (['attacks', 'killed', 'injured'] as const).filter((k) => new Set(figures.map((f) => f[k]).filter((v) => v !== null)).size > 1);
}

/** Every event as a one-event incident: the figures are the event's own, corroboration its outlets. */
export class EventIncidents implements IncidentSource {
  constructor(private readonly ledger: Ledger) {}

  private static from(e: SitrepEvent & { corroboration: number; sources: (DetailedSource | SitrepEvent['sources'][number])[] }): Incident {
    const first = e.sources[0];
    const figures: Figure[] = [{
      document: first?.document ?? '', outlet: first?.outlet ?? null, published: first?.published ?? null, event: e.id,
      attacks: e.attacks, killed: e.killed, injured: e.injured,
    }];
    return {
      id: e.id,
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      date: e.date,
      date_end: e.date_end,
      place: e.place,
      actor1: e.actor1,
      actor2: e.actor2,
      attacks: e.attacks,
      killed: e.killed,
      injured: e.injured,
      figure_rule: 'one event: its own figures',
      targets: e.targets,
      weapons: e.weapons,
      corroboration: e.corroboration,
      events: [e.id],
      figures,
      disagreements: disagreements(figures),
      sources: e.sources as Incident['sources'],
    };
  }

  async list(q: ListQuery): Promise<Page<Incident>> {
    const page = await this.ledger.events(q);
    return { items: page.items.map((e) => EventIncidents.from(e)), next_cursor: page.next_cursor };
  }

  async get(id: string): Promise<Incident | null> {
    const e = await this.ledger.event(id);
    return e ? EventIncidents.from(e) : null;
  }

  async *all(f: EventFilter): AsyncGenerator<Incident[]> {
    for await (const page of this.ledger.allEvents(f)) yield page.map((e) => EventIncidents.from(e));
  }
}
