/**
 * `sitrep gazetteer update`: fetches GeoNames' per-country dump (UA.zip),
 * verifies it thoroughly and parses its populated places for the gazetteer
 * importer. `importGeoNamesZip` does the same for a zip already on disk.
 */

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { parseGeoNames, type GeoNamesRow } from '../geonames.js';
import { download, type DownloadOptions } from './download.js';
import { listZip, readZipEntry, ZipError } from './zip.js';

export type GeoNamesCountry = 'UA';

export const GEONAMES_DUMP_BASE = 'https://download.geonames.org/export/dump/';

/** Populated places a real UA dump must at least have (it has about 35,000). */
export const DEFAULT_MIN_ROWS = 20_000;

/** Refuse a dump whose text entry claims to be bigger than this (a real UA.txt is a few tens of MB). */
const MAX_TEXT_BYTES = 400 * 1024 * 1024;

const COLUMNS = 19;

/** Thrown when a GeoNames dump fails verification; the message says which file and what is wrong. */
export class GeoNamesDumpError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GeoNamesDumpError';
  }
}

export interface VerifyOptions {
  country?: GeoNamesCountry;
  /** Minimum number of populated places (feature class P). Default {@link DEFAULT_MIN_ROWS}. */
  minRows?: number;
}

export interface UpdateGeoNamesOptions extends VerifyOptions {
  /** Default `https://download.geonames.org/export/dump/UA.zip`. */
  url?: string;
  /** Where `UA.zip` is kept; created when missing. */
  cacheDir: string;
  fetch?: typeof fetch;
  onProgress?: DownloadOptions['onProgress'];
  /** Passed to {@link download}. */
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface GeoNamesImport {
  /** Absolute path of the verified zip. */
  file: string;
  /** Populated places (feature class P) of the country, parsed by `parseGeoNames`. */
  rows: GeoNamesRow[];
  /** SHA-256 of the zip, lower-case hex. */
  sha256: string;
  /** Names of all entries in the zip, in archive order. */
  entries: string[];
}

/** Number of the line (1-based) in which byte `offset` falls. */
function lineNumberAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let p = buf.indexOf(0x0a); p !== -1 && p < offset; p = buf.indexOf(0x0a, p + 1)) line++;
  return line;
}

/** First line that is not valid UTF-8 (called only once the whole buffer failed). */
function firstBadUtf8Line(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end === -1) end = buf.length;
    try {
      decoder.decode(buf.subarray(start, end));
    } catch {
      return line;
    }
    if (end === buf.length) break;
    start = end + 1;
    line++;
  }
  return lineNumberAt(buf, buf.length);
}

/**
 * Verifies a GeoNames dump zip held in memory and parses it. `label` names the
 * file in error messages. Checks: it is a zip; it holds `<CC>.txt`; that
 * entry's CRC-32 and size match; the text is valid UTF-8; every non-empty line
 * has 19 tab-separated columns; and there are at least `minRows` populated
 * places. Throws {@link GeoNamesDumpError}.
 */
export function verifyGeoNamesZip(
  zip: Buffer,
  label: string,
  opts: VerifyOptions = {},
): { rows: GeoNamesRow[]; entries: string[] } {
  const country = opts.country ?? 'UA';
  const minRows = opts.minRows ?? DEFAULT_MIN_ROWS;
  const entryName = `${country}.txt`;

  let entries: string[];
  try {
    entries = listZip(zip).map((e) => e.name);
  } catch (err) {
    throw new GeoNamesDumpError(`${label} is not a valid zip file: ${(err as Error).message}`, { cause: err });
  }
  if (!entries.includes(entryName)) {
    const shown = entries.length > 10 ? [...entries.slice(0, 10), '…'] : entries;
    throw new GeoNamesDumpError(`${label} does not contain ${entryName} (entries: ${shown.join(', ') || 'none'})`);
  }

  let data: Buffer;
  try {
    data = readZipEntry(zip, entryName, { maxSize: MAX_TEXT_BYTES });
  } catch (err) {
    const detail = err instanceof ZipError ? err.message : String(err);
    throw new GeoNamesDumpError(`${label}: cannot read ${entryName}: ${detail}`, { cause: err });
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (err) {
    throw new GeoNamesDumpError(`${label}: ${entryName} line ${firstBadUtf8Line(data)} is not valid UTF-8`, { cause: err });
  }

  let lines = 0;
  let start = 0;
  for (let lineNo = 1; start <= text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    if (lineEnd > start) {
      let columns = 1;
      for (let p = text.indexOf('\t', start); p !== -1 && p < lineEnd; p = text.indexOf('\t', p + 1)) columns++;
      if (columns !== COLUMNS) {
        throw new GeoNamesDumpError(
          `${label}: ${entryName} line ${lineNo} has ${columns} tab-separated columns, expected ${COLUMNS}`,
        );
      }
      lines++;
    }
    if (end === text.length) break;
    start = end + 1;
  }

  const rows = parseGeoNames(text, country, ['P']);
  if (rows.length < minRows) {
    throw new GeoNamesDumpError(
      `${label}: ${entryName} has only ${rows.length.toLocaleString('en-US')} populated places ` +
        `(in ${lines.toLocaleString('en-US')} lines), expected at least ${minRows.toLocaleString('en-US')}; ` +
        'the dump looks incomplete',
    );
  }
  return { rows, entries };
}

/**
 * Verifies and parses a GeoNames dump zip the user already has (no download).
 * Throws {@link GeoNamesDumpError} on a bad file, or the fs error when it cannot be read.
 */
export async function importGeoNamesZip(path: string, opts: VerifyOptions = {}): Promise<GeoNamesImport> {
  const file = resolve(path);
  const zip = await readFile(file);
  const { rows, entries } = verifyGeoNamesZip(zip, file, opts);
  return { file, rows, sha256: createHash('sha256').update(zip).digest('hex'), entries };
}

/**
 * Downloads the GeoNames dump for `country` (default UA) to `cacheDir/UA.zip`,
 * verifies it and parses its populated places.
 *
 * The download lands in `cacheDir/UA.zip.new` first and replaces
 * `cacheDir/UA.zip` only once it has passed verification, so a failed or bad
 * download leaves any previous UA.zip untouched (and deletes the `.new` file).
 * Rejects with a `DownloadError` (network/HTTP) or a {@link GeoNamesDumpError}.
 */
export async function updateGeoNames(opts: UpdateGeoNamesOptions): Promise<GeoNamesImport> {
  const country = opts.country ?? 'UA';
  const url = opts.url ?? `${GEONAMES_DUMP_BASE}${country}.zip`;
  const cacheDir = resolve(opts.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  const file = join(cacheDir, `${country}.zip`);
  const incoming = `${file}.new`;

  const downloadOpts: DownloadOptions = {};
  if (opts.fetch !== undefined) downloadOpts.fetch = opts.fetch;
  if (opts.onProgress !== undefined) downloadOpts.onProgress = opts.onProgress;
  if (opts.timeoutMs !== undefined) downloadOpts.timeoutMs = opts.timeoutMs;
  if (opts.maxBytes !== undefined) downloadOpts.maxBytes = opts.maxBytes;
  if (opts.signal !== undefined) downloadOpts.signal = opts.signal;

  const { sha256 } = await download(url, incoming, downloadOpts);
  try {
    const zip = await readFile(incoming);
    const verifyOpts: VerifyOptions = { country };
    if (opts.minRows !== undefined) verifyOpts.minRows = opts.minRows;
    const { rows, entries } = verifyGeoNamesZip(zip, `${country}.zip downloaded from ${url}`, verifyOpts);
    await rename(incoming, file);
    return { file, rows, sha256, entries };
  } catch (err) {
    await unlink(incoming).catch(() => undefined);
    throw err;
  }
}
