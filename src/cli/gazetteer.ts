import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Command } from 'commander';
import { buildFromRegisters } from '../geo/build.js';
import { geoNamesSources, oblastSources, type GazetteerSource } from '../geo/gazetteer.js';
import { builtinGeoNamesPath, parseGeoNames, type GeoNamesRow } from '../geo/geonames.js';
import { parseKatottg } from '../geo/sources/katottg.js';
import { parseCoordinatePlaces } from '../geo/sources/ua-places.js';
import { GEONAMES_DUMP_BASE, importGeoNamesZip, updateGeoNames } from '../geo/sources/geonames-update.js';
import { dataDir, Store } from '../store/index.js';
import { table } from './format.js';

interface BuildOptions {
  katottg?: string;
  geonames?: string;
  places?: string;
  db?: string;
  /** GeoNames rows already read (by `gazetteer update`), instead of --geonames. */
  rows?: GeoNamesRow[];
  rowsMeta?: unknown;
}

/** A file given on the command line, read whole, with what identifies it. */
function input(path: string, what: string): { text: string; meta: { path: string; bytes: number; sha256: string } } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read the ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { text: bytes.toString('utf8'), meta: { path: resolve(path), bytes: statSync(path).size, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/**
 * `sitrep gazetteer build`: joins the registers into the gazetteer and stores
 * it in the data directory, replacing the previous build in one transaction.
 */
export async function buildCommand(opts: BuildOptions): Promise<number> {
  const t0 = performance.now();
  const inputs: Record<string, unknown> = {};
  let katottg = null;
  let coordinates = null;
  let geonames: GeoNamesRow[] | null = null;
  try {
    if (opts.katottg) {
      const f = input(opts.katottg, 'KATOTTG');
      katottg = parseKatottg(f.text);
      inputs.katottg = f.meta;
    }
    if (opts.places) {
      const f = input(opts.places, 'coordinates');
      coordinates = parseCoordinatePlaces(f.text);
      inputs.places = f.meta;
    }
    if (opts.rows) {
      geonames = opts.rows;
      inputs.geonames = opts.rowsMeta;
    } else if (opts.geonames?.toLowerCase().endsWith('.zip')) {
      const z = await importGeoNamesZip(opts.geonames);
      geonames = z.rows;
      inputs.geonames = { path: opts.geonames, sha256: z.sha256, rows: z.rows.length };
    } else {
      const geoPath = opts.geonames ?? builtinGeoNamesPath();
      const g = input(geoPath, 'GeoNames');
      geonames = parseGeoNames(g.text, 'UA');
      inputs.geonames = { ...g.meta, builtIn: opts.geonames === undefined };
    }
  } catch (e) {
    process.stderr.write(`sitrep gazetteer build: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  let sources: GazetteerSource[];
  let stats: unknown;
  if (katottg) {
    const built = buildFromRegisters({ katottg, coordinates, geonames });
    sources = built.sources;
    stats = built.stats;
    process.stderr.write(`joined: ${built.stats.settlements} settlements, ${built.stats.withCoordinates} with their own coordinates and ${built.stats.approximate} at their hromada's centre, ${built.stats.raions} raions, ${built.stats.districts} city districts, ${built.stats.names} names\n`);
  } else {
    process.stderr.write('no --katottg given: building from GeoNames only (cities and larger villages)\n');
    sources = [...oblastSources(), ...geoNamesSources(geonames)];
    stats = { settlements: sources.length - 27 };
  }
  const store = await Store.open(dataDir(opts.db));
  try {
    const r = await store.saveGazetteer(sources, inputs, stats);
    process.stdout.write(`gazetteer built: ${r.places} places, ${r.names} indexed names, in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    await store.close();
  }
  return 0;
}

/**
 * `sitrep gazetteer update`: downloads GeoNames' Ukraine dump, verifies it
 * (a zip holding UA.txt, CRC, 19 columns a line, enough places), keeps it in
 * the data directory, and rebuilds the gazetteer with it and the registers of
 * the previous build (or those given).
 */
async function updateCommand(opts: BuildOptions & { url?: string; minRows?: string }): Promise<number> {
  const dir = dataDir(opts.db);
  let previous: Record<string, { path?: string }> = {};
  {
    const store = await Store.open(dir);
    try {
      previous = ((await store.gazetteerStats()).inputs ?? {}) as typeof previous;
    } finally {
      await store.close();
    }
  }
  const url = opts.url ?? `${GEONAMES_DUMP_BASE}UA.zip`;
  process.stderr.write(`downloading ${url} …\n`);
  let update;
  try {
    update = await updateGeoNames({ url, cacheDir: join(dir, 'downloads'), ...(opts.minRows ? { minRows: Number(opts.minRows) } : {}) });
  } catch (e) {
    process.stderr.write(`sitrep gazetteer update: ${(e as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`verified ${update.file}: ${update.rows.length} populated places (sha256 ${update.sha256.slice(0, 12)}…)\n`);
  return buildCommand({
    db: opts.db,
    katottg: opts.katottg ?? previous.katottg?.path,
    places: opts.places ?? previous.places?.path,
    rows: update.rows,
    rowsMeta: { url, path: update.file, sha256: update.sha256, rows: update.rows.length },
  });
}

export function register(program: Command): void {
  const g = program.command('gazetteer').description('build, update and inspect the gazetteer of places');
  g.command('build')
    .description('build the gazetteer from registers: KATOTTG (official codifier), a coordinates table, a GeoNames dump')
    .option('--katottg <file>', 'KATOTTG CSV as published by the ministry (;-separated)')
    .option('--places <file>', 'coordinates table: JSON {places: [{n, alt, ll, pop, adm, obl}]}')
    .option('--geonames <file>', 'GeoNames dump: UA.zip, UA.txt or cities500.txt (default: the cities500 file shipped with sitrep)')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: BuildOptions) => {
      process.exitCode = await buildCommand(opts);
    });
  g.command('update')
    .description("download GeoNames' Ukraine dump (UA.zip), verify it and rebuild the gazetteer with it")
    .option('--url <url>', 'where to download from', `${GEONAMES_DUMP_BASE}UA.zip`)
    .option('--katottg <file>', 'KATOTTG CSV (default: the one the previous build used)')
    .option('--places <file>', 'coordinates table (default: the one the previous build used)')
    .option('--min-rows <n>', 'fewest populated places the dump must hold to be accepted (default 20000; lower it for a partial mirror)')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: BuildOptions & { url?: string; minRows?: string }) => {
      process.exitCode = await updateCommand(opts);
    });
  g.command('stats')
    .description('settlements and how many have coordinates, by oblast')
    .option('--json', 'print JSON')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: { json?: boolean; db?: string }) => {
      const store = await Store.open(dataDir(opts.db));
      try {
        const s = await store.gazetteerStats();
        const settlements = s.byOblast.reduce((n, o) => n + o.settlements, 0);
        const withCoordinates = s.byOblast.reduce((n, o) => n + o.with_coordinates, 0);
        const approximate = s.byOblast.reduce((n, o) => n + o.approximate, 0);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...s, settlements, with_coordinates: withCoordinates, approximate }, null, 2)}\n`);
          return;
        }
        if (!s.built_at) {
          process.stdout.write('no gazetteer built in this data directory: sitrep uses its built-in city list (run sitrep gazetteer build)\n');
          return;
        }
        process.stdout.write(`built ${s.built_at}: ${Object.entries(s.places).map(([k, v]) => `${v} ${k}s`).join(', ')}\n`);
        const pct = (a: number, b: number) => ((100 * a) / Math.max(b, 1)).toFixed(1);
        process.stdout.write(`${table(['oblast', 'settlements', 'with coordinates', '%', 'of them approximate'], s.byOblast.map((o) => [o.admin1, String(o.settlements), String(o.with_coordinates), pct(o.with_coordinates, o.settlements), String(o.approximate)]))}\n`);
        process.stdout.write(`total: ${settlements} settlements, ${withCoordinates} with coordinates (${pct(withCoordinates, settlements)}%), of which ${approximate} approximate (the hromada's centre); ${withCoordinates - approximate} exact (${pct(withCoordinates - approximate, settlements)}%)\n`);
      } finally {
        await store.close();
      }
    });
}

