/**
 * Places search for the API: by the start of a place's name, or by any name it is known by (a variant,
 * a former name, Cyrillic), over the gazetteer the server reads reports with.
 */
import type { Place } from '../core/types.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { normaliseName } from '../geo/normalise.js';

export interface PlaceHit {
  id: string;
  name: string;
  kind: Place['kind'];
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** The name that matched (a variant when it is not the place's own name). */
  matched: string;
}

const KIND_ORDER: Record<Place['kind'], number> = { oblast: 0, settlement: 1, district: 2, raion: 3, hromada: 4 };

/** A sorted index of primary names, built once per gazetteer. */
export class PlaceIndex {
  private readonly keys: { key: string; place: Place }[];

  constructor(private readonly gazetteer: Gazetteer) {
    this.keys = [...gazetteer.places()].map((place) => ({ key: normaliseName(place.name), place }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /**
   * Places whose name is `q` (by any of their names) first, then those whose name starts with `q`; oblasts
   * before settlements, larger places first.
   *
   * @example index.search('kupi', 5) // [{ name: 'Kupiansk', admin1: 'Kharkiv', … }, …]
   */
  search(q: string, limit = 20): PlaceHit[] {
    const key = normaliseName(q);
    if (!key) return [];
    const out = new Map<string, PlaceHit>();
    const hit = (place: Place, matched: string): PlaceHit => ({
      id: place.id, name: place.name, kind: place.kind, admin1: place.admin1, admin2: place.admin2,
      lat: place.lat, lon: place.lon, population: place.population, matched,
    });
    const rank = (a: PlaceHit, b: PlaceHit): number => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (b.population ?? 0) - (a.population ?? 0) || a.name.localeCompare(b.name);
    const exact = this.gazetteer.lookup(key).map((e) => hit(e.place, e.name)).sort(rank);
    for (const h of exact) if (!out.has(h.id)) out.set(h.id, h);
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    const prefixed: PlaceHit[] = [];
    for (let i = lo; i < this.keys.length && this.keys[i]!.key.startsWith(key) && prefixed.length < 2000; i++) {
      prefixed.push(hit(this.keys[i]!.place, this.keys[i]!.place.name));
    }
    for (const h of prefixed.sort(rank)) if (!out.has(h.id)) out.set(h.id, h);
    return [...out.values()].slice(0, limit);
  }
}
