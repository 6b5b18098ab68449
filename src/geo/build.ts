/**
 * Builds the full gazetteer from real registers: every unit of KATOTTG (the
 * official codifier) with coordinates joined from the coordinates table and
 * GeoNames, and every spelling writers use. The result is a list of
 * {@link GazetteerSource} records that {@link buildGazetteer} indexes and the
 * store keeps.
 */
import type { Place } from '../core/types.js';
import { km } from './distance.js';
import { oblastSources, type GazetteerSource, type NameKind } from './gazetteer.js';
import type { GeoNamesRow } from './geonames.js';
import { normaliseName } from './normalise.js';
import { formerNames } from './renamed.js';
import type { CoordinatePlace } from './sources/ua-places.js';
import type { Katottg, KatottgUnit } from './sources/katottg.js';
import { looseKey, nameVariants as spellingsOf, romaniseUk } from './variants.js';

export interface BuildInputs {
  katottg: Katottg | null;
  coordinates: CoordinatePlace[] | null;
  geonames: GeoNamesRow[] | null;
}

export interface BuildStats {
  settlements: number;
  withCoordinates: number;
  /** Settlements placed at their hromada's centroid because no source had them. */
  approximate: number;
  coordinatesFrom: Record<string, number>;
  raions: number;
  districts: number;
  names: number;
  byOblast: Record<string, { settlements: number; withCoordinates: number }>;
}

/** A place with what the register says of it beyond the output contract. */
export interface RegisterPlace extends Place {
  /** KATOTTG category (M city, X selyshche, C village, K special city, P raion, B district), or null. */
  category: string | null;
  /** Ukrainian name as registered. */
  nameUk: string | null;
  /** Hromada (English) for settlements; the city for districts. */
  parent: string | null;
  /** Where the coordinates came from: 'coordinates' table, 'geonames', 'raion centroid', or null. */
  coordSource: string | null;
}

export interface RegisterSource extends GazetteerSource {
  place: RegisterPlace;
}


/** A Cyrillic name as a join key: lower case, ё→е, no apostrophes, hyphens as spaces. */
export function cyrillicKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`"«»]/g, '')
    .replace(/[-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ukrainian-only letters: a Cyrillic name without them and with Russian-only letters is Russian. */
const UKRAINIAN_LETTERS = /[іїєґ]/i;
const RUSSIAN_LETTERS = /[ыэёъ]/i;

const SETTLEMENT_CATEGORIES = new Set(['M', 'X', 'C', 'K']);
const MAX_JOIN_KM = 60;

interface Anchor { lat: number; lon: number }

function centroid(points: Anchor[]): Anchor | null {
  if (points.length === 0) return null;
  return { lat: points.reduce((s, p) => s + p.lat, 0) / points.length, lon: points.reduce((s, p) => s + p.lon, 0) / points.length };
}

/** Romanised English form of a raion or hromada adjective ("Пологівський" → "Polohivskyi"). */
const english = (uk: string): string => romaniseUk(uk);

/**
 * Joins KATOTTG settlements to coordinate records of the same name. A name held
 * by one settlement and one record in the oblast joins directly. Then, in
 * passes that each add anchors for the next, namesakes join one to one by
 * distance to their hromada's (else raion's) already-joined settlements: within
 * 60 km in the same oblast, or within 25 km across an oblast border (the
 * coordinates table files some border villages under the neighbouring oblast).
 */
function joinCoordinates(settlements: KatottgUnit[], coordinates: CoordinatePlace[]): Map<string, CoordinatePlace> {
  const byName = new Map<string, CoordinatePlace[]>();
  const anywhere = new Map<string, CoordinatePlace[]>();
  const push = (m: Map<string, CoordinatePlace[]>, k: string, c: CoordinatePlace) => {
    const list = m.get(k);
    if (list) {
      if (!list.includes(c)) list.push(c);
    } else m.set(k, [c]);
  };
  for (const c of coordinates) {
    for (const n of [c.name, ...c.alternates]) {
      const key = cyrillicKey(n);
      if (c.admin1) push(byName, `${c.admin1}|${key}`, c);
      push(anywhere, key, c);
    }
  }
  const groups = new Map<string, KatottgUnit[]>();
  for (const s of settlements) {
    if (!s.admin1) continue;
    const k = `${s.admin1}|${cyrillicKey(s.name)}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const joined = new Map<string, CoordinatePlace>();
  const used = new Set<CoordinatePlace>();
  // Direct: one settlement, one record whose own name (not an alternate) it is.
  for (const [k, group] of groups) {
    const candidates = (byName.get(k) ?? []).filter((c) => !used.has(c));
    const primary = candidates.filter((c) => `${c.admin1}|${cyrillicKey(c.name)}` === k);
    const only = primary.length === 1 ? primary[0]! : candidates.length === 1 ? candidates[0]! : null;
    if (group.length === 1 && only) {
      joined.set(group[0]!.code, only);
      used.add(only);
    }
  }
  for (let pass = 0; pass < 3; pass++) {
    const hromadas = anchorsBy(settlements, joined, 'hromada');
    const raions = anchorsBy(settlements, joined, 'raion');
    const pairs: { s: KatottgUnit; c: CoordinatePlace; d: number }[] = [];
    for (const s of settlements) {
      if (joined.has(s.code) || !s.admin1) continue;
      const anchor = (s.hromada && hromadas.get(s.hromada)) || (s.raion && raions.get(s.raion)) || null;
      if (!anchor) continue;
      const key = cyrillicKey(s.name);
      for (const c of anywhere.get(key) ?? []) {
        if (used.has(c)) continue;
        const d = km(anchor, c);
        if (d <= (c.admin1 === s.admin1 ? MAX_JOIN_KM : MAX_CROSS_BORDER_KM)) pairs.push({ s, c, d });
      }
    }
    if (pairs.length === 0) break;
    pairs.sort((a, b) => a.d - b.d);
    for (const { s, c } of pairs) {
      if (joined.has(s.code) || used.has(c)) continue;
      joined.set(s.code, c);
      used.add(c);
    }
  }
  return joined;
}

const MAX_CROSS_BORDER_KM = 25;

/** Centroids of the joined settlements of each hromada (or raion). */
function anchorsBy(settlements: KatottgUnit[], joined: Map<string, Anchor>, field: 'hromada' | 'raion'): Map<string, Anchor> {
  const m = new Map<string, Anchor[]>();
  for (const s of settlements) {
    const c = joined.get(s.code);
    const key = s[field];
    if (c && key) m.set(key, [...(m.get(key) ?? []), c]);
  }
  return new Map([...m].map(([key, ps]) => [key, centroid(ps)!]));
}

/** GeoNames rows by oblast and Cyrillic/Latin key, to find a settlement's English exonyms and fill gaps. */
function indexGeoNames(rows: GeoNamesRow[]): Map<string, GeoNamesRow[]> {
  const m = new Map<string, GeoNamesRow[]>();
  for (const r of rows) {
    if (!r.admin1) continue;
    const keys = new Set<string>([normaliseName(r.name), normaliseName(r.asciiName)]);
    for (const a of r.alternateNames) if (/[а-яіїєґ]/i.test(a)) keys.add(cyrillicKey(a));
    for (const k of keys) m.set(`${r.admin1}|${k}`, [...(m.get(`${r.admin1}|${k}`) ?? []), r]);
  }
  return m;
}

/**
 * Builds the register gazetteer. Without KATOTTG it returns only the oblasts
 * (callers then add the built-in GeoNames places).
 */
export function buildFromRegisters(inputs: BuildInputs): { sources: RegisterSource[]; stats: BuildStats } {
  const sources: RegisterSource[] = oblastSources().map((s) => ({
    place: { ...s.place, category: 'O', nameUk: null, parent: null, coordSource: 'oblast table' },
    names: s.names,
  }));
  const stats: BuildStats = { settlements: 0, withCoordinates: 0, approximate: 0, coordinatesFrom: {}, raions: 0, districts: 0, names: 0, byOblast: {} };
  const k = inputs.katottg;
  if (!k) return { sources, stats };

  const settlements = k.units.filter((u) => SETTLEMENT_CATEGORIES.has(u.category));
  const joined = inputs.coordinates ? joinCoordinates(settlements, inputs.coordinates) : new Map<string, CoordinatePlace>();
  const geo = inputs.geonames ? indexGeoNames(inputs.geonames) : new Map<string, GeoNamesRow[]>();
  const nameOf = (code: string | null) => (code ? k.byCode.get(code)?.name ?? null : null);

  const built: RegisterSource[] = [];
  for (const s of settlements) {
    const admin1 = s.admin1;
    const c = joined.get(s.code) ?? null;
    const official = romaniseUk(s.name);
    // GeoNames: the row of this name in this oblast nearest the joined point (or the only one).
    const rows = admin1 ? [...(geo.get(`${admin1}|${cyrillicKey(s.name)}`) ?? []), ...(geo.get(`${admin1}|${normaliseName(official)}`) ?? [])] : [];
    const g = pickNearest(rows, c);
    const ru = (c?.alternates ?? []).filter((a) => !UKRAINIAN_LETTERS.test(a) && (RUSSIAN_LETTERS.test(a) || cyrillicKey(a) !== cyrillicKey(s.name)));
    const historicalUk = (c?.alternates ?? []).filter((a) => UKRAINIAN_LETTERS.test(a) && cyrillicKey(a) !== cyrillicKey(s.name));
    const former = admin1 && s.category !== 'K' ? formerNames(s.name, admin1, s.category as 'M' | 'X' | 'C') : [];
    const own = spellingsOf({ uk: s.name, ru, historical: [...former, ...historicalUk, ...historicalUk.map(romaniseUk)] });
    // GeoNames lists under a city the names of villages merged into it ("Petrovka" under Kurakhove): keep only alternates spelled like one of the place's own names.
    const ownKeys = own.filter((v) => v.kind !== 'cyrillic').map((v) => looseKey(normaliseName(v.name)));
    const others = (g ? [g.name, g.asciiName, ...g.alternateNames.filter((a) => /^[\p{Script=Latin}\s'’-]+$/u.test(a))] : [])
      .filter((o) => ownKeys.some((k) => similar(k, looseKey(normaliseName(o)))));
    const names: { name: string; kind: NameKind }[] = [
      ...own.map((v) => ({ name: v.name, kind: v.kind as NameKind })),
      ...others.map((o) => ({ name: o, kind: 'other' as NameKind })),
    ];
    const lat = c?.lat ?? g?.lat ?? null;
    const lon = c?.lon ?? g?.lon ?? null;
    const coordSource = c ? 'coordinates' : g ? 'geonames' : null;
    const raionUk = nameOf(s.raion);
    const place: RegisterPlace = {
      id: `katottg:${s.code}`,
      name: official,
      kind: 'settlement',
      admin1,
      admin2: s.category === 'K' ? null : raionUk ? english(raionUk) : null,
      lat,
      lon,
      population: c?.population ?? g?.population ?? null,
      category: s.category,
      nameUk: s.name,
      parent: nameOf(s.hromada) ? english(nameOf(s.hromada)!) : null,
      coordSource,
    };
    built.push({ place, names: dedupeNames(names) });
    stats.settlements++;
    const o = (stats.byOblast[admin1 ?? '?'] ??= { settlements: 0, withCoordinates: 0 });
    o.settlements++;
    if (lat !== null) {
      stats.withCoordinates++;
      o.withCoordinates++;
      stats.coordinatesFrom[coordSource!] = (stats.coordinatesFrom[coordSource!] ?? 0) + 1;
    }
  }

  // A settlement no source places stands at its hromada's centroid: approximate (hromadas span ~10-20 km).
  const exact = new Map<string, Anchor[]>();
  for (const b of built) {
    const unit = k.byCode.get(b.place.id.slice('katottg:'.length));
    if (unit?.hromada && b.place.lat !== null && b.place.lon !== null) exact.set(unit.hromada, [...(exact.get(unit.hromada) ?? []), { lat: b.place.lat, lon: b.place.lon }]);
  }
  for (const b of built) {
    if (b.place.lat !== null) continue;
    const unit = k.byCode.get(b.place.id.slice('katottg:'.length));
    const at = unit?.hromada ? centroid(exact.get(unit.hromada) ?? []) : null;
    if (!at) continue;
    b.place.lat = Math.round(at.lat * 1e5) / 1e5;
    b.place.lon = Math.round(at.lon * 1e5) / 1e5;
    b.place.coordSource = 'hromada centroid';
    b.place.approximate = true;
    stats.approximate++;
  }

  // Raions: "Polohy raion", "Polohivskyi district"; at the centroid of their settlements.
  const byRaion = new Map<string, Anchor[]>();
  const byCity = new Map<string, RegisterSource>();
  for (const b of built) {
    const unit = k.byCode.get(b.place.id.slice('katottg:'.length));
    if (unit?.raion && b.place.lat !== null && b.place.lon !== null) byRaion.set(unit.raion, [...(byRaion.get(unit.raion) ?? []), { lat: b.place.lat, lon: b.place.lon }]);
    if (unit) byCity.set(unit.code, b);
  }
  for (const r of k.units.filter((u) => u.category === 'P')) {
    const at = centroid(byRaion.get(r.code) ?? []);
    const adjective = english(r.name);
    const stem = raionCentre(r, k);
    built.push({
      place: {
        id: `katottg:${r.code}`, name: `${adjective} raion`, kind: 'raion', admin1: r.admin1, admin2: adjective,
        lat: at?.lat ?? null, lon: at?.lon ?? null, population: null, category: 'P', nameUk: r.name, parent: null, coordSource: at ? 'raion centroid' : null,
      },
      names: dedupeNames([
        ...['raion', 'district', 'Raion', 'District'].flatMap((w) => [`${adjective} ${w}`, ...(stem ? [`${romaniseUk(stem)} ${w}`] : [])]),
        { name: `${r.name} район`, kind: 'cyrillic' as NameKind },
      ].map((n) => (typeof n === 'string' ? { name: n, kind: 'official' as NameKind } : n))),
    });
    stats.raions++;
  }
  // City districts: "Shevchenkivskyi district" of Kharkiv; at the joined coordinates of the district when known, else the city.
  for (const d of k.units.filter((u) => u.category === 'B')) {
    const city = d.city ? byCity.get(d.city) : undefined;
    const adjective = english(d.name);
    const coords = inputs.coordinates?.find((c) => c.admin1 === d.admin1 && cyrillicKey(c.name) === cyrillicKey(d.name) && city?.place.lat != null && km(c, city.place) < 25);
    built.push({
      place: {
        id: `katottg:${d.code}`, name: `${adjective} district`, kind: 'district', admin1: d.admin1, admin2: city?.place.admin2 ?? null,
        lat: coords?.lat ?? city?.place.lat ?? null, lon: coords?.lon ?? city?.place.lon ?? null, population: coords?.population ?? null,
        category: 'B', nameUk: d.name, parent: city?.place.name ?? null, coordSource: coords ? 'coordinates' : city ? 'its city' : null,
      },
      names: dedupeNames([`${adjective} district`, `${adjective} District`, `${adjective} raion`].map((name) => ({ name, kind: 'official' as NameKind }))),
    });
    stats.districts++;
  }
  for (const b of built) stats.names += b.names.length;
  return { sources: [...sources, ...built], stats };
}

/**
 * The raion's centre, whose name the raion's adjective is made from
 * ("Пологівський" → Пологи, "Покровський" → Покровськ): the city of the raion
 * whose name shares the longest beginning with the adjective (at least 4 letters).
 */
function raionCentre(raion: KatottgUnit, k: Katottg): string | null {
  const adjective = cyrillicKey(raion.name);
  let best: string | null = null;
  let bestLength = 3;
  for (const u of k.units) {
    if (u.raion !== raion.code || (u.category !== 'M' && u.category !== 'X')) continue;
    const name = cyrillicKey(u.name);
    let n = 0;
    while (n < name.length && name[n] === adjective[n]) n++;
    if (n > bestLength || (n === bestLength && u.category === 'M' && best !== null)) {
      best = u.name;
      bestLength = n;
    }
  }
  return best;
}

function pickNearest(rows: GeoNamesRow[], at: Anchor | null): GeoNamesRow | null {
  const unique = [...new Set(rows)];
  if (unique.length === 0) return null;
  if (!at) return unique.length === 1 ? unique[0]! : null;
  let best: GeoNamesRow | null = null;
  let bestKm = 15;
  for (const r of unique) {
    const d = km(at, r);
    if (d < bestKm) {
      best = r;
      bestKm = d;
    }
  }
  return best;
}

/**
 * Two spellings of one name: letter pairs in common (Dice coefficient) of at
 * least one half, or the same beginning and nearly the same length (Russian
 * and Ukrainian vowels differ: Orekhov, Orikhiv).
 */
export function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.slice(0, 2) === b.slice(0, 2) && Math.abs(a.length - b.length) <= 2) return true;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let common = 0;
  for (const [k, n] of pa) common += Math.min(n, pb.get(k) ?? 0);
  return (2 * common) / Math.max(a.length - 1 + b.length - 1, 1) >= 0.5;
}

function dedupeNames(names: { name: string; kind: NameKind }[]): { name: string; kind: NameKind }[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const t = n.name.trim();
    if (t === '' || seen.has(t)) return false;
    seen.add(t);
    return true;
  });
}
