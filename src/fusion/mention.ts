/**
 * A mention: one event as one report tells it. Fusion joins mentions that
 * describe the same thing into incidents; everything an incident says (its
 * place, dates, sources, figures) is derived from its mentions.
 */
import type { EventCore, ExtractedEvent } from '../core/types.js';

export interface MentionSpeaker {
  text: string;
  name: string | null;
  role: string | null;
  side: 'Ukraine' | 'Russia' | 'other' | null;
}

export interface Mention extends EventCore {
  /** The stored event's id (unique per report and event). */
  id: string;
  /** The report (document id). */
  document: string;
  outlet: string | null;
  url: string | null;
  /** ISO time of publication, or null. */
  published: string | null;
  /** The date is only the publication day: the sentence had no time words. */
  default_date: boolean;
  historical: boolean;
  speaker: MentionSpeaker | null;
  /** The sentence that says most about the event. */
  quote: string;
  /** Every sentence of the report about the event, joined (for copy detection). */
  text: string;
}

/** The resolver's note for an event dated by its publication day alone. */
export const isDefaultDate = (provenance: { stage: string; reason: string }[]): boolean =>
  provenance.some((p) => p.stage === 'resolve' && p.reason.startsWith('date: no time words'));

/**
 * A mention from an extracted event and its report.
 *
 * @example toMention('e1', {id: 'd1', outlet: 'AFP', url: null, published: '2024-03-06T09:00:00Z'}, event)
 */
export function toMention(
  id: string,
  report: { id: string; outlet: string | null; url: string | null; published: string | null },
  e: ExtractedEvent,
): Mention {
  const s = e.detail.speaker;
  return {
    id,
    document: report.id,
    outlet: report.outlet,
    url: report.url,
    published: report.published && !Number.isNaN(Date.parse(report.published)) ? new Date(report.published).toISOString() : report.published,
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    date: e.date,
    date_end: e.date_end,
    time_precision: e.time_precision,
    default_date: isDefaultDate(e.provenance),
    actor1: e.actor1,
    actor2: e.actor2,
    place: e.place,
    attacks: e.attacks,
    killed: e.killed,
    injured: e.injured,
    historical: e.historical,
    speaker: s ? { text: s.text, name: s.name, role: s.role, side: s.side } : null,
    quote: e.quote.text,
    text: [e.quote.text, ...e.alsoIn.map((q) => q.text)].join(' '),
  };
}

const DAY = 86_400_000;

/** "2024-03-06" → days since 1970-01-01. */
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
/** Days since 1970-01-01 → "2024-03-06". */
export const isoOfDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

/** The longest time a mention may cover for matching (a month). */
export const MAX_SPAN_DAYS = 31;

/** Publication day in Kyiv (UTC+2/+3 is close enough to take the date part of a +02:00 time). */
function publishedDay(published: string | null): number | null {
  if (!published) return null;
  const m = published.match(/^(\d{4}-\d{2}-\d{2})/);
  if (m && /[+-]0[23]:00$/.test(published)) return dayNumber(m[1]!);
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : Math.floor((t + 2 * 3_600_000) / DAY);
}

/**
 * The days a mention can be about, as [first, last] day numbers, or null when
 * it has no date at all. A date stated in the text covers its own days (a day,
 * a week, a month, or the range given); a date that is only the publication day
 * covers that day and the day before (reports of yesterday's strike often say
 * no day); an undated mention of a dated report the same two days.
 */
export function span(m: Mention): [number, number] | null {
  if (m.date === null || m.default_date) {
    const p = m.date !== null ? dayNumber(m.date) : publishedDay(m.published);
    return p === null ? null : [p - 1, p];
  }
  const start = dayNumber(m.date);
  let end: number;
  if (m.date_end) end = dayNumber(m.date_end);
  else if (m.time_precision === 2) end = start + 6;
  else if (m.time_precision === 3) {
    const d = new Date(start * DAY);
    end = Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY);
  } else end = start;
  return [start, Math.min(Math.max(end, start), start + MAX_SPAN_DAYS - 1)];
}

/** Precise: one day, stated in the text. */
export const isPrecise = (m: Mention): boolean => m.date !== null && !m.default_date && m.time_precision === 1 && (m.date_end === null || m.date_end === m.date);
