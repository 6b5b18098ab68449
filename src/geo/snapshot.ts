import type { Place } from '../core/types.js';
import { gazetteerFromKeyed, type Gazetteer, type KeyedName, type NameKind } from './gazetteer.js';

/**
 * A gazetteer as one compact JSON document, so that the resolver loads it from
 * the database in one read: places as arrays, names as [key, place index,
 * name index, kind index] with names and kinds listed once.
 */
export interface Snapshot {
  version: 2;
  places: [string, Place['kind'], string, string | null, string | null, number | null, number | null, number | null, string | null, 0 | 1][];
  names: string[];
  kinds: NameKind[];
  entries: number[];
  /** For each key (by its index in `names`), the index of its loose key in `names`, or -1. */
  loose: number[];
}

export function toSnapshot(places: readonly Place[], names: readonly KeyedName[]): Snapshot {
  const placeIndex = new Map(places.map((p, i) => [p.id, i]));
  const nameIndex = new Map<string, number>();
  const kindIndex = new Map<NameKind, number>();
  const entries: number[] = [];
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const idx = <T>(m: Map<T, number>, v: T): number => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i;
  };
  const looseByKey = new Map<string, string>();
  for (const n of names) {
    entries.push(idx(keyIndex, n.key), placeIndex.get(n.place.id)!, idx(nameIndex, n.name), idx(kindIndex, n.kind));
    if (n.loose !== undefined) looseByKey.set(n.key, n.loose);
  }
  for (const [k] of keyIndex) keys.push(k);
  // Loose keys go into the display-name table (after the keys), so indexes shift like names.
  const loose = keys.map((k) => {
    const l = looseByKey.get(k);
    return l === undefined ? -1 : idx(nameIndex, l) + keys.length;
  });
  return {
    version: 2,
    places: places.map((p) => [p.id, p.kind, p.name, p.admin1, p.admin2, p.lat, p.lon, p.population, p.parent ?? null, p.approximate ? 1 : 0]),
    // keys and display names share one string table: keys first.
    names: [...keys, ...nameIndex.keys()],
    kinds: [...kindIndex.keys()],
    entries: entries.map((v, i) => (i % 4 === 2 ? v + keys.length : v)),
    loose,
  };
}

/** The gazetteer a snapshot holds. */
export function fromSnapshot(s: Snapshot): Gazetteer {
  if (s.version !== 2) throw new Error(`gazetteer snapshot version ${String(s.version)} is not supported; rebuild with sitrep gazetteer build`);
  const places: Place[] = s.places.map(([id, kind, name, admin1, admin2, lat, lon, population, parent, approximate]) => ({ id, kind, name, admin1, admin2, lat, lon, population, parent, ...(approximate ? { approximate: true } : {}) }));
  const names: KeyedName[] = [];
  for (let i = 0; i < s.entries.length; i += 4) {
    const k = s.entries[i]!;
    const l = s.loose[k] ?? -1;
    names.push({ key: s.names[k]!, place: places[s.entries[i + 1]!]!, name: s.names[s.entries[i + 2]!]!, kind: s.kinds[s.entries[i + 3]!]!, ...(l >= 0 ? { loose: s.names[l]! } : {}) });
  }
  return gazetteerFromKeyed(places, names);
}
