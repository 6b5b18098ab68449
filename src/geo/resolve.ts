import type { EventPlace, Place, PlaceMention } from '../core/types.js';
import { km } from './distance.js';

export { km };

export interface ResolveContext {
  /** Oblasts (admin1) named in the same sentence. */
  sentenceRegions: string[];
  /** Oblasts (admin1) named anywhere in the report, most mentioned first. */
  documentRegions: string[];
  /** The oblast or raion written right after the name ("Dovhe, Luhansk Oblast", "Andriivka, Bakhmut raion"). */
  qualifier?: Place | null;
  /** Places the report names that resolve without doubt, to choose the nearest namesake. */
  anchors?: Place[];
  /** Oblasts where the war was fought when the report was published (see conflict-zone.ts): the last resort. */
  conflictOblasts?: string[];
}

export interface Resolution {
  place: Place | null;
  candidates: Place[];
  reason: string;
}

/** Cities with their own status that writers place in the oblast around them ("Kyiv, Kyiv Oblast"). */
const ENCLOSED: Record<string, string> = { 'Kyiv City': 'Kyiv', Sevastopol: 'Crimea' };

/** A namesake this much nearer than the next one to a place the report names is the one it means. */
const NEAREST_MAX_KM = 120;
/** A settlement this many times larger than every namesake is the one meant when nothing else says. */
const DOMINANT_RATIO = 5;


const inRegion = (c: Place, admin1: string): boolean => c.admin1 === admin1 || ENCLOSED[c.admin1 ?? ''] === admin1;

/**
 * Chooses the place a mention means among its namesakes, and says why: the
 * oblast or raion written after it; then the only one; an oblast named in the
 * sentence; the namesake nearest the places the report names without doubt; an
 * oblast the report is about; a settlement much larger than the others. When
 * nothing decides, it says so: the oblast when all namesakes share one
 * (precision 3), else no place. The candidates are always kept.
 *
 * @example resolvePlace(mentionOf('Andriivka'), {sentenceRegions: ['Donetsk'], documentRegions: []}).reason
 *          // 'in Donetsk, named in the same sentence (1 of 5 namesakes there; 77 in all)'
 */
export function resolvePlace(mention: Pick<PlaceMention, 'candidates' | 'role'>, context: ResolveContext, oblastOf: (admin1: string) => Place | null = () => null): Resolution {
  const candidates = mention.candidates;
  const all = `${candidates.length} in all`;
  const q = context.qualifier;
  if (q && mention.role === 'place') {
    const inQ = candidates.filter((c) => (q.kind === 'raion' ? c.admin2 === q.admin2 && c.admin1 === q.admin1 : q.admin1 !== null && inRegion(c, q.admin1)));
    if (inQ.length > 0) return { place: pick(inQ, context), candidates, reason: `in ${q.name}, written after the name (${inQ.length} there; ${all})` };
    return { place: q, candidates, reason: `no place of that name in ${q.name} in the gazetteer: coded to ${q.kind === 'raion' ? 'the raion' : 'the oblast'}` };
  }
  if (candidates.length === 0) return { place: null, candidates, reason: 'no place of that name in the gazetteer' };
  if (candidates.length === 1) return { place: candidates[0]!, candidates, reason: 'the only place of that name' };
  for (const admin1 of context.sentenceRegions) {
    const there = candidates.filter((c) => inRegion(c, admin1));
    if (there.length > 0) return { place: pick(there, context), candidates, reason: `in ${admin1}, named in the same sentence (${there.length} there; ${all})` };
  }
  const near = nearestToAnchors(candidates, context.anchors ?? []);
  if (near) return { place: near.place, candidates, reason: `the namesake nearest ${near.anchor.name} (${Math.round(near.km)} km), which the report also names (${all})` };
  for (const admin1 of context.documentRegions) {
    const there = candidates.filter((c) => inRegion(c, admin1));
    if (there.length > 0) return { place: pick(there, context), candidates, reason: `in ${admin1}, an oblast the report is about (${there.length} there; ${all})` };
  }
  const dominant = dominantOf(candidates);
  if (dominant) return { place: dominant, candidates, reason: `by far the largest of the namesakes (${all})` };
  const front = context.conflictOblasts ?? [];
  const atFront = candidates.filter((c) => c.admin1 !== null && front.includes(c.admin1));
  if (atFront.length > 0 && atFront.length < candidates.length) {
    const one = atFront.length === 1 ? atFront[0]! : dominantOf(atFront);
    if (one) return { place: one, candidates, reason: `the only ${atFront.length === 1 ? '' : 'large '}namesake in an oblast at the front when the report was published (${all})` };
  }
  const oblasts = new Set(candidates.map((c) => c.admin1));
  if (oblasts.size === 1) {
    const o = oblastOf([...oblasts][0] ?? '');
    if (o) return { place: o, candidates, reason: `${candidates.length} namesakes, all in ${o.admin1}; nothing in the text to choose between them: coded to the oblast` };
  }
  return { place: null, candidates, reason: `${candidates.length} namesakes in ${oblasts.size} oblasts; nothing in the text to choose between them` };
}

/** Among namesakes in one region: the one nearest an anchor, else the largest. */
function pick(places: Place[], context: ResolveContext): Place {
  if (places.length === 1) return places[0]!;
  return nearestToAnchors(places, context.anchors ?? [])?.place ?? largest(places);
}

function nearestToAnchors(candidates: Place[], anchors: Place[]): { place: Place; anchor: Place; km: number } | null {
  if (anchors.length === 0) return null;
  const scored = candidates
    .map((c) => {
      let best = { anchor: anchors[0]!, km: Infinity };
      for (const a of anchors) {
        if (a.id === c.id) continue;
        const d = km(c, a);
        if (d < best.km) best = { anchor: a, km: d };
      }
      return { place: c, ...best };
    })
    .sort((a, b) => a.km - b.km);
  const [first, second] = scored;
  if (!first || first.km > NEAREST_MAX_KM) return null;
  // The nearest must be clearly nearer than the next namesake.
  if (second && second.km < first.km * 1.5 + 10) return null;
  return first;
}

/** A settlement much larger than every other namesake, or null. */
function dominantOf(candidates: Place[]): Place | null {
  const sorted = [...candidates].filter((c) => c.kind === 'settlement').sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const [first, second] = sorted;
  if (!first || (first.population ?? 0) === 0) return null;
  if (!second || (first.population ?? 0) >= DOMINANT_RATIO * Math.max(second.population ?? 0, 1)) return first;
  return null;
}

/**
 * The most populous settlement (GeoNames lists the city of Mykolaiv under an
 * alternate spelling, so the primary-name order alone would pick a small
 * namesake), or the first place when there is no settlement.
 */
function largest(places: Place[]): Place {
  const settlements = places.filter((p) => p.kind === 'settlement');
  if (settlements.length === 0) return places[0]!;
  return settlements.reduce((a, b) => ((b.population ?? 0) > (a.population ?? 0) ? b : a));
}

/** The place as written on an event. A region stands at its centre (precision 3); "near X", or a village known only by its hromada's centre, is precision 2. */
export function toEventPlace(place: Place, precision?: 1 | 2 | 3): EventPlace {
  return {
    name: place.name,
    id: place.id,
    admin1: place.admin1,
    admin2: place.admin2,
    lat: place.lat,
    lon: place.lon,
    geo_precision: precision ?? (place.kind === 'settlement' || place.kind === 'district' ? (place.approximate ? 2 : 1) : 3),
  };
}
