/**
 * The team's gazetteer fixture (test/fixtures/gazetteer/), built in-process the
 * way `sitrep gazetteer build` builds the real registers, and a few helpers the
 * geoparsing tests share. Not a test file itself: it only exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Analysis, PlaceMention } from '../../src/core/types.js';
import { buildFromRegisters, type BuildStats, type RegisterSource } from '../../src/geo/build.js';
import { buildGazetteer, type Gazetteer, type GazetteerEntry } from '../../src/geo/gazetteer.js';
import { normaliseName } from '../../src/geo/normalise.js';
import { parseKatottg } from '../../src/geo/sources/katottg.js';
import { parseCoordinatePlaces } from '../../src/geo/sources/ua-places.js';
import { analyse } from '../../src/pipeline.js';
import { repoRoot } from '../helpers.js';

export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'gazetteer');
export const katottgFile = join(fixtureDir, 'katottg-mini.csv');
export const placesFile = join(fixtureDir, 'places-mini.json');

export const katottgText = (): string => readFileSync(katottgFile, 'utf8');
export const placesText = (): string => readFileSync(placesFile, 'utf8');

/**
 * Extra rows for the rules the 38 settlements cannot exercise, added in memory
 * only (the fixture files stay as the team wrote them):
 * - a second Новоолександрівка in Donetsk oblast (Pokrovskyi raion, Мар'їнська
 *   hromada): two namesakes in one oblast, joined to their coordinates by
 *   hromada, and "all namesakes in one oblast" → the oblast;
 * - a small Новомихайлівка in Zaporizhzhia oblast (150 people against the
 *   Donetsk one's 1,000): "a dominant size";
 * - Мала Токмачка in the Orikhiv hromada with no coordinate record: placed at
 *   its hromada's centre (approximate, geo_precision 2).
 */
export const EXTRA_KATOTTG_LINES = [
  'UA01000000000001001;UA01020000000001011;UA01020020000001014;UA01020021000001201;;C;Новоолександрівка',
  'UA02000000000001034;UA02010000000001035;UA02010020000001040;UA02010021000001202;;C;Новомихайлівка',
  'UA02000000000001034;UA02010000000001035;UA02010010000001036;UA02010011000001203;;C;Мала Токмачка',
];
export const EXTRA_PLACES = [
  { n: 'Новоолександрівка', alt: [], ll: [47.9, 37.4], pop: 250, adm: 0, obl: 'Донецька область' },
  { n: 'Новомихайлівка', alt: [], ll: [47.45, 36.3], pop: 150, adm: 0, obl: 'Запорізька область' },
];

export interface FixtureBuild {
  sources: RegisterSource[];
  stats: BuildStats;
  gazetteer: Gazetteer;
}

function build(katottg: string, places: string): FixtureBuild {
  const { sources, stats } = buildFromRegisters({ katottg: parseKatottg(katottg), coordinates: parseCoordinatePlaces(places), geonames: null });
  return { sources, stats, gazetteer: buildGazetteer(sources) };
}

let plain: FixtureBuild | null = null;
let extended: FixtureBuild | null = null;

/** The fixture exactly as the team wrote it. */
export function fixture(): FixtureBuild {
  plain ??= build(katottgText(), placesText());
  return plain;
}

/** The fixture with {@link EXTRA_KATOTTG_LINES} and {@link EXTRA_PLACES}. */
export function extendedFixture(): FixtureBuild {
  if (!extended) {
    const katottg = `${katottgText().replace(/\s+$/, '')}\n${EXTRA_KATOTTG_LINES.join('\n')}\n`;
    const table = JSON.parse(placesText()) as { count: number; places: unknown[] };
    const places = JSON.stringify({ count: table.count + EXTRA_PLACES.length, places: [...table.places, ...EXTRA_PLACES] });
    extended = build(katottg, places);
  }
  return extended;
}

/** What the recogniser does with a span: the exact key first, then the loose key. */
export function find(gazetteer: Gazetteer, spelling: string): readonly GazetteerEntry[] {
  const key = normaliseName(spelling);
  const exact = gazetteer.lookup(key);
  return exact.length > 0 ? exact : gazetteer.lookupLoose?.(key) ?? [];
}

/** Runs the whole pipeline on a text with the given gazetteer (the fixture's by default). */
export function run(text: string, published: string | null = '2023-09-10T09:00:00+03:00', gazetteer: Gazetteer = fixture().gazetteer): Analysis {
  return analyse({ origin: 'test', format: 'txt', text, title: null, outlet: null, url: null, published, publishedSource: published ? 'cli' : 'none' }, { gazetteer });
}

/** The mention whose text is `text` (first one), or a failed assertion message. */
export function mentionOf(a: Analysis, text: string): PlaceMention | undefined {
  return a.places.find((m) => m.text === text);
}

/** A compact view of the mentions, for assertion messages. */
export function dump(a: Analysis): string {
  return JSON.stringify(a.places.map((m) => ({ text: m.text, role: m.role, q: m.qualifier, place: m.place ? `${m.place.name}/${m.place.admin1}` : null, n: m.candidates.length, why: m.provenance.reason })));
}
