import { createHash } from 'node:crypto';
import type { AggregateReport, Analysis, ExtractedEvent, Place, PlaceMention, ResolvedDate } from '../core/types.js';
import type { Extracted } from '../extract/index.js';
import { eventTypeOf } from '../extract/index.js';
import { resolvePlace, toEventPlace } from '../geo/resolve.js';
import { findOblast } from '../geo/oblasts.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { resolveDate } from '../time/resolve.js';
import { postSignature } from '../locales/en/time.js';
import { conflictOblasts } from '../geo/conflict-zone.js';
import { mergeWithinReport } from './merge.js';

/** Only days and dates named in the text carry over to the next sentence, not periods like "over the past day". */
const INHERITED = /^(?:a day named|the night of a named day|date range)/;

/**
 * A bare oblast name closing a place line ("Mykhailivka, Luhansk."): the name
 * of an oblast's centre read as the oblast when nothing but punctuation follows.
 */
function isBareOblast(m: PlaceMention, text: string): boolean {
  if (m.role !== 'place' || !findOblast(m.text)) return false;
  const after = text.slice(m.end, m.end + 40);
  // Not inside a list of cities ("Zaporizhzhia, Kharkiv, Dnipro and Nikopol").
  return /^\s*(?:$|[,.;:)\n])/.test(after) && !/^\s*,\s*(?:and|or\b|[A-Z])/.test(after);
}

function oblastPlace(name: string, gazetteer: Gazetteer): Place | null {
  const o = findOblast(name);
  return o ? gazetteer.oblast(o.admin1) : null;
}

/**
 * Quoted social-media posts keep their own date: the paragraph right above a
 * signature line ("— Name (@handle) March 3, 2024") is dated by it.
 * Returns paragraph index → ISO date (noon, Kyiv).
 */
function quotedPostDates(doc: Extracted): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of doc.sentences) {
    const m = s.text.match(postSignature);
    if (!m || s.paragraph === 0) continue;
    const t = Date.parse(`${m[1]!.replace('.', '')} 12:00 UTC`);
    if (!Number.isNaN(t)) out.set(s.paragraph - 1, new Date(t).toISOString());
  }
  return out;
}

/** Oblasts named in the report, most mentioned first. */
function documentRegions(places: PlaceMention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of places) {
    if (m.role !== 'region') continue;
    const admin1 = m.candidates[0]?.admin1;
    if (admin1) counts.set(admin1, (counts.get(admin1) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/** Mentions grouped by sentence, each group in the order of `mentions`. */
function bySentence(mentions: readonly PlaceMention[]): Map<number, PlaceMention[]> {
  const out = new Map<number, PlaceMention[]>();
  for (const m of mentions) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
}

/**
 * Resolves every place mention of a report: first those the text settles (one
 * candidate, or an oblast or raion written right after), then the rest, using
 * the first as anchors for the nearest namesake.
 */
export function resolvePlaces(mentions: PlaceMention[], text: string, gazetteer: Gazetteer, published: string | null = null): PlaceMention[] {
  const docRegions = documentRegions(mentions);
  const front = conflictOblasts(published ? published.slice(0, 10) : null);
  const oblastOf = (admin1: string) => gazetteer.oblast(admin1);
  // The mentions of each sentence, in order: a long report has hundreds of mentions, and each looks at its sentence's.
  const inSentence = bySentence(mentions);
  const contexts = mentions.map((m) => {
    const same = inSentence.get(m.sentence)!;
    // Oblasts named in the sentence, also inside a speaker's name ("the Kharkiv Oblast Military Administration").
    const sentenceRegions = same
      .filter((o) => o.role === 'region' || (o.role === 'speaker' && o.candidates.length > 0 && o.candidates.every((c) => c.kind === 'oblast')))
      .map((o) => o.candidates[0]?.admin1)
      .filter((a): a is string => !!a);
    // "Dovhe, Luhansk Oblast", "Mykhailivka, Luhansk", "Dovhe, Slovianoserbskyi, Luhansk Oblast": the oblast or raion written right after the name.
    const next = same.find((o) => o.start > m.end);
    const between = next ? text.slice(m.end, next.start) : '';
    let qualifier = next && /^\s*,\s*(?:[A-Z][\w'-]*(?: [\w'-]+)?\s*,\s*)?$/.test(between) && (next.role === 'region' || isBareOblast(next, text))
      ? (next.role === 'region' ? next.candidates[0] ?? null : oblastPlace(next.text, gazetteer))
      : null;
    // A bare city-oblast name is weak evidence: it qualifies only a name that has a namesake there ("Kherson, Kharkiv" is two cities).
    if (qualifier && next?.role !== 'region' && !m.candidates.some((c) => c.admin1 === qualifier!.admin1)) qualifier = null;
    return { sentenceRegions, documentRegions: docRegions, qualifier, conflictOblasts: front };
  });
  // "the Saltivskyi district of Kharkiv", "Kharkiv's Saltivskyi district": a city district of the city named with it.
  mentions = mentions.map((m) => {
    if (!m.candidates.some((c) => c.kind === 'district')) return m;
    const cities = new Set(mentions.filter((o) => o !== m && o.sentence === m.sentence && o.role === 'place').flatMap((o) => o.candidates.map((c) => c.name)));
    const inCity = m.candidates.filter((c) => c.kind === 'district' && c.parent && cities.has(c.parent));
    return inCity.length > 0 ? { ...m, candidates: inCity, provenance: { ...m.provenance, reason: `${m.provenance.reason}; the district of ${inCity[0]!.parent}, named with it` } } : m;
  });
  // A raion and a city district can share a name ("Dniprovskyi raion"): without the city named, the raion.
  mentions = mentions.map((m) => {
    const raions = m.candidates.filter((c) => c.kind === 'raion');
    return raions.length > 0 && raions.length < m.candidates.length && m.candidates.every((c) => c.kind === 'raion' || c.kind === 'district')
      ? { ...m, role: 'region' as const, candidates: raions }
      : m;
  });
  // "Mykhailivka, Luhansk": the bare oblast name qualifying the village is the oblast, not a second place.
  const qualifying = new Set(contexts.map((c, i) => (c.qualifier && mentions[i]!.role === 'place' ? mentions.find((o) => o.sentence === mentions[i]!.sentence && o.start > mentions[i]!.end) : undefined)).filter((o) => o && o.role === 'place'));
  mentions = mentions.map((m) => {
    if (!qualifying.has(m)) return m;
    const o = oblastPlace(m.text, gazetteer);
    return o ? { ...m, role: 'region' as const, candidates: [o], provenance: { ...m.provenance, reason: `${m.provenance.reason}; the oblast, written after a village` } } : m;
  });
  const settled = mentions.map((m, i) => (m.role === 'place' && (m.candidates.length === 1 || contexts[i]!.qualifier) ? resolvePlace(m, contexts[i]!, oblastOf) : null));
  const anchors = settled.map((r) => r?.place).filter((p): p is Place => !!p && p.kind === 'settlement');
  return mentions.map((m, i) => {
    if (m.role === 'speaker') return m;
    const r = settled[i] ?? resolvePlace(m, { ...contexts[i]!, anchors }, oblastOf);
    return { ...m, place: r.place, provenance: { ...m.provenance, stage: 'resolve', reason: `${m.provenance.reason}; ${r.reason}` } };
  });
}

/**
 * The resolve stage: each place mention to one gazetteer place (or none, with
 * the reason), each event's time against the publication time, and the final
 * event records.
 */
export function resolve(doc: Extracted, gazetteer: Gazetteer): Analysis {
  const places = resolvePlaces(doc.places, doc.text, gazetteer, doc.published);

  // A sentence without time words takes the time of the sentence before it in the same paragraph.
  // Dates are read only for sentences that need them (chrono is the slowest part of the pipeline).
  const memo = new Map<number, ResolvedDate>();
  const postDates = quotedPostDates(doc);
  const own = (i: number): ResolvedDate => {
    let d = memo.get(i);
    if (!d) {
      const s = doc.sentences[i]!;
      const post = postDates.get(s.paragraph);
      d = resolveDate(s.text, post ?? doc.published);
      if (post) d = { ...d, reason: `${d.reason} (in a quoted post dated ${post.slice(0, 10)})` };
      memo.set(i, d);
    }
    return d;
  };
  const dateOf = (i: number): ResolvedDate => {
    const d = own(i);
    if (d.text !== null || i === 0 || doc.sentences[i - 1]?.paragraph !== doc.sentences[i]?.paragraph) return d;
    const prev = own(i - 1);
    return prev.text !== null && INHERITED.test(prev.reason) ? { ...prev, reason: `${prev.reason} (from the sentence before)` } : d;
  };
  const dates = { at: dateOf };

  const events: ExtractedEvent[] = mergeWithinReport(doc.drafts.map((d) => {
    const mention = d.mention === null ? null : places[d.mention]!;
    const date = dates.at(d.sentence);
    const place = mention?.place ? toEventPlace(mention.place, mention.role === 'region' || mention.place.kind === 'oblast' || mention.place.kind === 'raion' ? 3 : mention.qualifier ? 2 : undefined) : null;
    const provenance = [...d.provenance];
    if (mention) provenance.push({ ...mention.provenance });
    provenance.push({ document: doc.id, start: d.quote.start, end: d.quote.end, stage: 'resolve', reason: `date: ${date.reason}${date.text ? ` ("${date.text}")` : ''}` });
    return {
      event_type: eventTypeOf(d.sub_event_type),
      sub_event_type: d.sub_event_type,
      date: date.date,
      date_end: date.date_end,
      time_precision: date.time_precision,
      actor1: d.actor1,
      actor2: d.actor2,
      place,
      attacks: d.attacks,
      killed: d.killed,
      injured: d.injured,
      targets: d.targets,
      weapons: d.weapons,
      historical: date.historical,
      detail: { civilian: d.civilian, outcome: d.outcome, launched: d.launched, destroyed: d.destroyed, speaker: d.speaker, children: d.children },
      quote: d.quote,
      alsoIn: d.alsoIn,
      provenance,
    };
  }));

  const reports: AggregateReport[] = doc.aggregates.map(({ sentence, ...a }) => {
    const date = dates.at(sentence);
    return { ...a, period_start: date.date, period_end: date.date_end ?? date.date };
  });
  const { drafts: _d, aggregates: _a, places: _p, speakers: _s, numbers: _n, claims, ...report } = doc;
  return { report: { ...report }, places, events, reports, claims };
}

/** A stable id for an event: the same report and sentence give the same id. */
export function eventId(documentId: string, e: ExtractedEvent): string {
  return createHash('sha256')
    .update(`${documentId}:${e.quote.start}:${e.place?.id ?? e.place?.name ?? '-'}:${e.sub_event_type}`)
    .digest('hex')
    .slice(0, 16);
}
