/**
 * When a mention can belong to an incident: same or contained place in the
 * same oblast, overlapping dates, compatible type and actors. Each rule is a
 * small function returning a score, or null for "cannot be the same thing".
 */
import type { EventPlace, EventType, SubEventType } from '../core/types.js';
import { km } from '../geo/distance.js';
import { type Mention } from './mention.js';

/** What an incident is, as far as matching needs: derived from its mentions. */
export interface IncidentShape {
  /** The oblast of its placed mentions, or null when none is placed. */
  admin1: string | null;
  /** The days every mention can be about (the intersection of their spans), or null when none is dated. */
  span: [number, number] | null;
  /** Its most specific place. */
  place: EventPlace | null;
  mentions: Mention[];
}

/** A place that stands for a region (an oblast or raion, precision 3), not a settlement. */
export const isRegion = (p: EventPlace): boolean => p.geo_precision === 3;

/** How placed a mention is: 0 none, 1 an oblast, 2 a raion, 3 a settlement. */
export function placeLevel(p: EventPlace | null): number {
  if (!p || !p.admin1) return 0;
  if (!isRegion(p)) return 3;
  return p.id?.startsWith('oblast:') || p.admin2 === null ? 1 : 2;
}

/**
 * The kind of place for a first cut in the store: 0 none, 1 oblast, 2 raion,
 * 3 settlement, 4 city district. Two different settlements (kind 3) never
 * match; every other pair may (see {@link placeScore}).
 */
export function placeKind(p: EventPlace | null): number {
  const level = placeLevel(p);
  return level === 3 && / district$/.test(p!.name) ? 4 : level;
}

/**
 * Whether two places can be where one thing happened: the same place, a place
 * and the region that contains it, or a city district and a point within
 * 15 km of it. Never across oblasts. Returns a score (3 same place, 1
 * contained) or null.
 */
export function placeScore(a: EventPlace, b: EventPlace): number | null {
  if (!a.admin1 || !b.admin1 || a.admin1 !== b.admin1) return null;
  if (a.id !== null && a.id === b.id) return 3;
  const la = placeLevel(a);
  const lb = placeLevel(b);
  if (la === 1 || lb === 1) return 1;
  if (la === 2 || lb === 2) return a.admin2 !== null && a.admin2 === b.admin2 ? 1 : null;
  // Two settlements: only a city district and its city (or a neighbouring district).
  if ((/ district$/.test(a.name) || / district$/.test(b.name)) && km(a, b) <= 15) return 2;
  return null;
}

/** Kinds of event that reports of one thing mix up: a strike that kills civilians, an assault called shelling. */
const FAMILY: Record<SubEventType, string[]> = {
  'Shelling/artillery/missile attack': ['remote', 'fight', 'intercept'],
  'Air/drone strike': ['remote', 'fight', 'intercept'],
  'Remote explosive/landmine/IED': ['remote'],
  Attack: ['remote', 'civilians'],
  'Abduction/forced disappearance': ['civilians'],
  'Armed clash': ['fight', 'territory'],
  'Government regains territory': ['territory'],
  'Non-state actor overtakes territory': ['territory'],
  'Disrupted weapons use': ['intercept'],
};

/**
 * Type compatibility: 2 the same sub-event type, 1 the same event type or a
 * family reports confuse (shelling and an assault at one place on one day;
 * interceptions and the strike they were part of), null otherwise.
 */
export function typeScore(a: { event_type: EventType; sub_event_type: SubEventType }, b: { event_type: EventType; sub_event_type: SubEventType }): number | null {
  if (a.sub_event_type === b.sub_event_type) return 2;
  if (a.event_type === b.event_type && a.event_type !== 'Violence against civilians') return 1;
  const fa = FAMILY[a.sub_event_type];
  return FAMILY[b.sub_event_type].some((f) => fa.includes(f)) ? 0.5 : null;
}

/** "Military Forces of Russia (2000-)" → "Russia"; civilians and others as written. */
function side(actor: string | null): string | null {
  if (!actor) return null;
  const m = actor.match(/\b(Russia|Ukraine)\b/);
  if (/^Civilians/.test(actor)) return `civilians:${m?.[1] ?? ''}`;
  return m ? m[1]! : actor;
}

/**
 * Actors are compatible unless both name an attacker and the attackers differ.
 * In a fight (battles, or a battle and a strike) either side may be named
 * first, so the two pairs need only share a side.
 */
export function actorsCompatible(a: Mention, b: Mention): boolean {
  const fight = a.event_type === 'Battles' || b.event_type === 'Battles';
  if (!fight) {
    const x = side(a.actor1);
    const y = side(b.actor1);
    return x === null || y === null || x === y;
  }
  const sa = [side(a.actor1), side(a.actor2)].filter((s): s is string => s !== null && !s.startsWith('civilians'));
  const sb = [side(b.actor1), side(b.actor2)].filter((s): s is string => s !== null && !s.startsWith('civilians'));
  return sa.length === 0 || sb.length === 0 || sa.some((s) => sb.includes(s));
}

const STOP = new Set('a an the of in on at to for from by with and or as is are was were be been has have had after over near into its their his her it this that says said say reports reported report update wrapup wrap news new more than least about up'.split(' '));
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', twenty: '20', thirty: '30', forty: '40', fifty: '50' };

/** Content words of a text, lowercased, plural -s dropped, number words as digits. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP.has(raw) || raw.length < 2 && !/\d/.test(raw)) continue;
    const w = NUMBER_WORDS[raw] ?? (raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
    out.add(w.replace(/(?:ian|ians|ean)$/, ''));
  }
  return out;
}

/** Jaccard similarity of two word sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Word overlap that on its own shows two reports without a common place tell one thing. */
export const UNPLACED_SIMILARITY = 0.4;
/** Word overlap enough when the reports also give the same toll (2 or more killed, or injured). */
export const UNPLACED_SIMILARITY_SAME_TOLL = 0.1;

/**
 * Evidence, beyond the place, that a mention tells the same thing as one of an
 * incident's mentions: much the same words, or some words in common and the
 * same toll. Returns the best word overlap that counts, or null.
 */
function sameStory(inc: IncidentShape, m: Mention, words: (m: Mention) => Set<string>): number | null {
  const w = words(m);
  let best: number | null = null;
  for (const o of inc.mentions) {
    const j = jaccard(w, words(o));
    const toll = (m.killed !== null && m.killed >= 2 && m.killed === o.killed) || (m.injured !== null && m.injured >= 2 && m.injured === o.injured);
    if (j >= UNPLACED_SIMILARITY || (toll && j >= UNPLACED_SIMILARITY_SAME_TOLL)) best = Math.max(best ?? 0, j);
  }
  return best;
}

const overlap = (a: [number, number], b: [number, number]): boolean => a[0] <= b[1] && b[0] <= a[1];
const intersect = (a: [number, number], b: [number, number]): [number, number] => [Math.max(a[0], b[0]), Math.min(a[1], b[1])];

/** Why a mention matches an incident, for choosing among several. */
export interface Match {
  score: number;
  span: [number, number] | null;
  place: EventPlace | null;
  admin1: string | null;
}

/**
 * Whether `m` (with its date span `ms`) can join incident `inc`, and how well.
 * Rules, in order: the dates must overlap (an undated side matches nothing
 * dated); placed with placed must share or contain a place in one oblast;
 * without a place on either side, or with only the oblast on both, the
 * mention must tell the same story as one of the incident's mentions
 * (much the same words, or the same toll and some words in common);
 * every mention's type must be compatible and its actors too.
 */
export function match(inc: IncidentShape, m: Mention, ms: [number, number] | null, words: (m: Mention) => Set<string>): Match | null {
  if (m.historical) return null;
  if ((ms === null) !== (inc.span === null)) return null;
  if (ms && inc.span && !overlap(ms, inc.span)) return null;
  let score = 0;
  let place = inc.place;
  const placed = m.place !== null && m.place.admin1 !== null;
  if (placed && inc.admin1 !== null) {
    const p = placeScore(inc.place!, m.place!);
    if (p === null) return null;
    // Every placed mention must also fit (two settlements under one oblast-level report are not one place).
    for (const o of inc.mentions) if (o.place?.admin1 && placeScore(o.place, m.place!) === null) return null;
    // Two reports that name only the oblast share no place worth the name: they need the same story too.
    if (placeLevel(m.place) === 1 && placeLevel(inc.place) === 1) {
      const story = sameStory(inc, m, words);
      if (story === null) return null;
      score += story;
    }
    score += p;
    if (placeLevel(m.place) > placeLevel(inc.place)) place = m.place;
  } else {
    const story = sameStory(inc, m, words);
    if (story === null) return null;
    score += story;
    if (placed) place = m.place;
  }
  let typeBest = 0;
  for (const o of inc.mentions) {
    const t = typeScore(o, m);
    if (t === null || !actorsCompatible(o, m)) return null;
    typeBest = Math.max(typeBest, t);
  }
  score += typeBest;
  if (m.killed !== null && inc.mentions.some((o) => o.killed === m.killed)) score += 0.5;
  if (ms && inc.span && ms[0] === inc.span[0] && ms[1] === inc.span[1]) score += 0.5;
  return { score, span: ms && inc.span ? intersect(ms, inc.span) : null, place, admin1: place?.admin1 ?? null };
}
