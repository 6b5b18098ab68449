import type { EventPlace, Place, PlaceMention } from '../core/types.js';

export interface ResolveContext {
  /** Oblasts (admin1) named in the same sentence. */
  sentenceRegions: string[];
  /** Oblasts (admin1) named anywhere in the report, most mentioned first. */
  documentRegions: string[];
  /** The oblast written right after the name ("Dovhe, Luhansk Oblast"), with its place. */
  qualifier?: Place | null;
}

/** Cities with their own status that writers place in the oblast around them ("Kyiv, Kyiv Oblast"). */
const ENCLOSED: Record<string, string> = { 'Kyiv City': 'Kyiv', Sevastopol: 'Crimea' };

export interface Resolution {
  place: Place | null;
  candidates: Place[];
  reason: string;
}

/**
 * Chooses the place a mention means among its namesakes: an oblast named in
 * the sentence, then one the report is about, then the largest settlement.
 * Says why, and keeps the candidates.
 *
 * @example resolvePlace(mentionOf('Andriivka'), {sentenceRegions: ['Donetsk'], documentRegions: []}).reason
 *          // 'in Donetsk, named in the same sentence (1 of 5 namesakes)'
 */
export function resolvePlace(mention: Pick<PlaceMention, 'candidates' | 'role'>, context: ResolveContext): Resolution {
  const candidates = mention.candidates;
  const q = context.qualifier;
  if (q && mention.role === 'place' && q.admin1) {
    // The text says which oblast: a namesake elsewhere is not what it means.
    const inQ = candidates.filter((c) => c.admin1 === q.admin1 || ENCLOSED[c.admin1 ?? ''] === q.admin1);
    if (inQ.length > 0) return { place: largest(inQ), candidates, reason: `in ${q.admin1}, written after the name (${candidates.length} in the gazetteer)` };
    return { place: q, candidates, reason: `no place of that name in ${q.admin1} in the gazetteer: coded to the oblast` };
  }
  if (candidates.length === 0) return { place: null, candidates, reason: 'no place of that name in the gazetteer' };
  if (candidates.length === 1) return { place: candidates[0]!, candidates, reason: 'the only place of that name' };
  const of = `(of ${candidates.length} namesakes)`;
  for (const [regions, why] of [
    [context.sentenceRegions, 'named in the same sentence'],
    [context.documentRegions, 'an oblast the report is about'],
  ] as const) {
    for (const admin1 of regions) {
      const inRegion = candidates.filter((c) => c.admin1 === admin1);
      if (inRegion.length > 0) return { place: largest(inRegion), candidates, reason: `in ${admin1}, ${why} ${of}` };
    }
  }
  const best = largest(candidates);
  return { place: best, candidates, reason: `the largest ${of}; no oblast named to choose by` };
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

/** The place as written on an event. A region stands at its centre (precision 3). */
export function toEventPlace(place: Place, precision?: 1 | 2 | 3): EventPlace {
  return {
    name: place.name,
    id: place.id,
    admin1: place.admin1,
    admin2: place.admin2,
    lat: place.lat,
    lon: place.lon,
    geo_precision: precision ?? (place.kind === 'settlement' || place.kind === 'district' ? 1 : 3),
  };
}
