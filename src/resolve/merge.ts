import type { ExtractedEvent } from '../core/types.js';

const end = (e: ExtractedEvent): string | null => e.date_end ?? e.date;

/** The event's date is only the publication day, because its sentence had no time words. */
const defaultDate = (e: ExtractedEvent): boolean => e.provenance.some((p) => p.stage === 'resolve' && p.reason.startsWith('date: no time words'));

/** Two events' dates can be the same time: unknown dates, a date by default (a headline), or ranges that overlap. */
function datesOverlap(a: ExtractedEvent, b: ExtractedEvent): boolean {
  if (defaultDate(a) || defaultDate(b)) return true;
  if (a.date === null || b.date === null) return a.date === b.date;
  return a.date <= end(b)! && b.date <= end(a)!;
}

/** How much an event says: the sentence that says most becomes the event's quote. */
function detail(e: ExtractedEvent): number {
  return [e.attacks, e.killed, e.injured].filter((v) => v !== null).length + e.weapons.length + e.targets.length + (e.detail.speaker ? 1 : 0);
}

const maxOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));
const union = (a: string[], b: string[]): string[] => [...a, ...b.filter((x) => !a.includes(x))];

function combine(a: ExtractedEvent, b: ExtractedEvent): ExtractedEvent {
  const [main, other] = detail(b) > detail(a) ? [b, a] : [a, b];
  // The time comes from the sentence that states one, not from a headline's publication day.
  const timed = defaultDate(main) && !defaultDate(other) ? other : main;
  return {
    ...main,
    date: timed.date,
    date_end: timed.date_end,
    time_precision: timed.time_precision,
    attacks: maxOf(main.attacks, other.attacks),
    killed: maxOf(main.killed, other.killed),
    injured: maxOf(main.injured, other.injured),
    weapons: union(main.weapons, other.weapons),
    targets: union(main.targets, other.targets),
    historical: main.historical && other.historical,
    detail: {
      ...main.detail,
      speaker: main.detail.speaker ?? other.detail.speaker,
      civilian: main.detail.civilian ?? other.detail.civilian,
      outcome: main.detail.outcome ?? other.detail.outcome,
      launched: main.detail.launched ?? other.detail.launched,
      destroyed: main.detail.destroyed ?? other.detail.destroyed,
      children: { killed: maxOf(main.detail.children.killed, other.detail.children.killed), injured: maxOf(main.detail.children.injured, other.detail.children.injured) },
    },
    alsoIn: [...main.alsoIn, { ...other.quote, speaker: other.detail.speaker?.text ?? null }, ...other.alsoIn].sort((x, y) => x.start - y.start),
    provenance: [
      ...main.provenance,
      ...other.provenance,
      { document: main.provenance[0]?.document ?? null, start: other.quote.start, end: other.quote.end, stage: 'resolve', reason: 'the same event told again in this report (same place, type and time): merged; figures are the highest stated' },
    ],
  };
}

/**
 * One report often tells an event twice (headline and body, summary and
 * detail). Within one report, events of the same type at the same place at
 * overlapping times are one event; an event coded to a whole oblast is folded
 * into a settlement-level event of the same type in that oblast.
 */
export function mergeWithinReport(events: ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const e of events) {
    const same = out.findIndex((o) => o.sub_event_type === e.sub_event_type && o.place?.id && o.place.id === e.place?.id && datesOverlap(o, e));
    if (same >= 0) {
      out[same] = combine(out[same]!, e);
      continue;
    }
    out.push(e);
  }
  // Oblast-level events told in detail by a settlement-level one are folded into it.
  const folded = new Set<ExtractedEvent>();
  for (const e of out) {
    if (e.place?.geo_precision !== 3) continue;
    const i = out.findIndex((s) => s.place?.geo_precision === 1 && s.sub_event_type === e.sub_event_type && s.place.admin1 === e.place?.admin1 && datesOverlap(s, e));
    if (i < 0) continue;
    const host = out[i]!;
    out[i] = {
      ...host,
      alsoIn: [...host.alsoIn, { ...e.quote, speaker: e.detail.speaker?.text ?? null }],
      provenance: [...host.provenance, { document: e.provenance[0]?.document ?? null, start: e.quote.start, end: e.quote.end, stage: 'resolve', reason: 'an oblast-level mention of this event: folded in' }],
    };
    folded.add(e);
  }
  return out.filter((e) => !folded.has(e));
}
