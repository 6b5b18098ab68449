/**
 * Types shared by every stage of the pipeline.
 *
 * Conventions: "unknown" is `null`, "stated as none" is `0`. Every value that
 * comes from text carries a {@link Provenance}: which report, which characters,
 * which stage made it and why.
 */

/** Where a value came from: the report, the characters, the stage and the rule. */
export interface Provenance {
  /** Document id (hash of the cleaned text), or null before the document is identified. */
  document: string | null;
  start: number;
  end: number;
  stage: string;
  reason: string;
}

/** How the publication time was found. */
export type PublishedSource = 'cli' | 'jsonl' | 'html-meta' | 'dateline' | 'none';

/** A report as read from its input, before cleaning. */
export interface RawReport {
  /** The input it came from: a path, `path:line` for JSONL, or `-` for stdin. */
  origin: string;
  /** The format the reader recognised. */
  format: 'txt' | 'md' | 'html' | 'jsonl';
  /** Body text, with paragraphs separated by newlines (HTML already reduced to text). */
  text: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** ISO 8601 publication time, or null when the input did not give one. */
  published: string | null;
  publishedSource: PublishedSource;
}

/** A report after cleaning: the text every offset refers to. */
export interface CleanReport extends RawReport {
  /** sha256 of the cleaned text, hex. */
  id: string;
  /** Lines the cleaner dropped, with why (for `--explain` and tests). */
  dropped: { line: string; reason: string }[];
}

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct' | 'symbol' | 'other';
}

export interface Sentence {
  index: number;
  /** Paragraph index in the cleaned text (paragraphs are separated by newlines). */
  paragraph: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

export interface SegmentedReport extends CleanReport {
  sentences: Sentence[];
}

/** A place in the gazetteer. */
export interface Place {
  /** Stable id: `geonames:<id>`, `oblast:<code>`, later `katottg:<code>`. */
  id: string;
  name: string;
  kind: 'settlement' | 'oblast' | 'raion' | 'hromada' | 'district';
  /** Oblast in English without the word "Oblast" (Donetsk, Zaporizhia, Kyiv City, Crimea). */
  admin1: string | null;
  /** Raion (post-2020), when the source knows it. */
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** The enclosing city of a city district; the hromada of a settlement (English), when known. */
  parent?: string | null;
  /** The coordinates are approximate (the hromada's centre, not the settlement's own). */
  approximate?: boolean;
}

/** A place as output on an event. */
export interface EventPlace {
  name: string;
  id: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  /** 1 the settlement itself, 2 near it / part of a region coded to it, 3 the region's centre. */
  geo_precision: 1 | 2 | 3 | null;
}

/** A place name found in text, with what it resolved to. */
export interface PlaceMention {
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** What the words are used as: a place where something happened, a region, or a speaker (metonymy). */
  role: 'place' | 'region' | 'speaker';
  /** "near X", "the X direction": the event is around the place, not in it (geo_precision 2). */
  qualifier: 'near' | 'direction' | null;
  place: Place | null;
  candidates: Place[];
  provenance: Provenance;
}

/** A number found in text ("ten", "more than 40", "5-7", "dozens"). */
export interface NumberMention {
  value: number;
  /** Upper bound for ranges ("5-7" → value 5, max 7); null otherwise. */
  max: number | null;
  qualifier: 'exact' | 'at-least' | 'more-than' | 'up-to' | 'about' | 'vague' | 'range';
  text: string;
  start: number;
  end: number;
}

/** A date or range resolved against the publication time. */
export interface ResolvedDate {
  /** YYYY-MM-DD */
  date: string | null;
  date_end: string | null;
  /** 1 day, 2 week or range, 3 month. */
  time_precision: 1 | 2 | 3 | null;
  historical: boolean;
  text: string | null;
  reason: string;
}

export interface Speaker {
  text: string;
  name: string | null;
  role: string | null;
  organisation: string | null;
  side: 'Ukraine' | 'Russia' | 'other' | null;
  /** The channel the words came through: an outlet ("according to Ukrinform", "told Reuters") or a platform ("wrote on Telegram"). */
  via: string | null;
  start: number;
  end: number;
}

export type EventType =
  | 'Explosions/Remote violence'
  | 'Battles'
  | 'Strategic developments'
  | 'Violence against civilians';

export type SubEventType =
  | 'Shelling/artillery/missile attack'
  | 'Air/drone strike'
  | 'Remote explosive/landmine/IED'
  | 'Armed clash'
  | 'Government regains territory'
  | 'Non-state actor overtakes territory'
  | 'Disrupted weapons use'
  | 'Attack'
  | 'Abduction/forced disappearance';

export interface EventSource {
  document: string;
  outlet: string | null;
  published: string | null;
  speaker: string | null;
  quote: string;
  start: number;
  end: number;
}

/** What an event, a fusion mention and an incident all say: type, time, actors, place and figures. */
export type EventCore = Pick<SitrepEvent, 'event_type' | 'sub_event_type' | 'date' | 'date_end' | 'time_precision' | 'actor1' | 'actor2' | 'place' | 'attacks' | 'killed' | 'injured'>;

/** The output contract of `sitrep events --json`. */
export interface SitrepEvent {
  id: string;
  event_type: EventType;
  sub_event_type: SubEventType;
  date: string | null;
  date_end: string | null;
  time_precision: 1 | 2 | 3 | null;
  actor1: string | null;
  actor2: string | null;
  place: EventPlace | null;
  attacks: number | null;
  killed: number | null;
  injured: number | null;
  targets: string[];
  weapons: string[];
  historical: boolean;
  sources: EventSource[];
}

/** An event as extracted from one report, with how each part was found. */
export interface ExtractedEvent extends Omit<SitrepEvent, 'id' | 'sources'> {
  /** Extra facts the contract does not carry yet (civilian casualties, outcome). */
  detail: {
    civilian: boolean | null;
    outcome: 'repelled' | null;
    /** Interceptions: drones or missiles launched and destroyed, when counted ("shot down 40 of 45 drones"). */
    launched: number | null;
    destroyed: number | null;
    speaker: Speaker | null;
    /** Children among the killed and injured: 0 when casualties are stated and none is a child, null when unknown. */
    children: { killed: number | null; injured: number | null };
  };
  quote: { text: string; start: number; end: number };
  /** Other sentences of the same report that describe this event (a headline and its body). */
  alsoIn: { text: string; start: number; end: number; speaker: string | null }[];
  provenance: Provenance[];
}

/** An aggregate figure ("92 settlements in 8 regions over the past day"): not an event. */
export interface AggregateReport {
  kind: 'settlements_attacked' | 'attacks' | 'drones_launched' | 'missiles_launched';
  value: number;
  /** Number of regions, when stated. */
  regions: number | null;
  /** Names of regions, when listed. */
  region_names: string[];
  period_start: string | null;
  period_end: string | null;
  speaker: string | null;
  quote: string;
  start: number;
  end: number;
}

export type ClaimStatus = 'unverified' | 'disputed' | 'corroborated' | 'reported';

/** A statement by a party to the war that is not an event. */
export interface Claim {
  speaker: string | null;
  role: string | null;
  side: 'Ukraine' | 'Russia' | 'other' | null;
  statement: string;
  status: ClaimStatus;
  reason: string;
  quote: string;
  start: number;
  end: number;
}

/** Everything the pipeline read in one report. */
export interface Analysis {
  report: SegmentedReport;
  places: PlaceMention[];
  events: ExtractedEvent[];
  reports: AggregateReport[];
  claims: Claim[];
}

/** An input that could not be read, with the reason (one line). */
export class InputError extends Error {
  constructor(
    public readonly origin: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
