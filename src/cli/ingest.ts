import type { Command } from 'commander';
import { ingestReport, outcomeLine, type IngestOutcome } from '../ingest.js';
import { gazetteerFor } from './context.js';
import { DEFAULT_MAX_BYTES, readInputs, type ReadOptions } from '../read/index.js';
import { ingestThroughServer } from '../server/client.js';
import { runningServer } from '../server/index.js';
import { normalisePublished } from '../read/published.js';
import { dataDir, Store } from '../store/index.js';

export interface IngestOptions {
  published?: string;
  outlet?: string;
  url?: string;
  db?: string;
  maxBytes?: string;
}

/**
 * `sitrep ingest`: reads every input, analyses each report and stores it with
 * its events in one transaction. One line per document; exit code 1 when any
 * input was rejected, after every good one has been stored.
 */
export async function ingest(paths: string[], opts: IngestOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  let published: string | null = null;
  if (opts.published !== undefined) {
    published = normalisePublished(opts.published);
    if (published === null) {
      process.stderr.write(`sitrep ingest: --published "${opts.published}" is not a date or time (use ISO 8601, e.g. 2024-03-03T09:45:00+02:00)\n`);
      return 2;
    }
  }
  const maxBytes = opts.maxBytes === undefined ? undefined : Number(opts.maxBytes);
  if (maxBytes !== undefined && !(maxBytes > 0)) {
    process.stderr.write(`sitrep ingest: --max-bytes "${opts.maxBytes}" is not a positive number\n`);
    return 2;
  }
  const readOptions: ReadOptions = { published, outlet: opts.outlet ?? null, url: opts.url ?? null, ...(maxBytes ? { maxBytes } : {}) };
  const dir = dataDir(opts.db);
  const counts = { stored: 0, known: 0, rejected: 0 };
  const tally = (o: IngestOutcome): void => {
    counts[o.status]++;
    out.write(outcomeLine(o));
  };
  const inputs = paths.length ? paths : ['-'];
  // A running `sitrep serve` holds the database: send the reports to it rather than opening it twice.
  const server = runningServer(dir);
  if (server) {
    process.stderr.write(`sitrep ingest: the data directory is held by sitrep serve (process ${server.pid}); sending the reports to ${server.url}\n`);
    for await (const o of ingestThroughServer(server, inputs, { published, outlet: opts.outlet ?? null, url: opts.url ?? null, maxBytes: maxBytes ?? DEFAULT_MAX_BYTES })) tally(o);
  } else {
    const store = await Store.open(dir);
    const context = { gazetteer: (await gazetteerFor(store)).gazetteer };
    try {
      for await (const item of readInputs(inputs, readOptions, process.stdin)) {
        tally(item.ok ? await ingestReport(store, context, item.report) : { status: 'rejected', origin: item.error.origin, message: item.error.message });
      }
    } finally {
      await store.close();
    }
  }
  process.stderr.write(`${counts.stored} stored, ${counts.known} already known, ${counts.rejected} rejected\n`);
  return counts.rejected > 0 ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read reports (files, directories, - for stdin; .txt .md .html .jsonl) and store their events')
    .argument('[paths...]', 'files or directories to read, or - for standard input')
    .option('--published <iso>', 'publication time of the reports (ISO 8601); otherwise from JSONL fields, HTML metadata or a dateline')
    .option('--outlet <name>', 'the outlet that published the reports')
    .option('--url <url>', 'the address of the report')
    .option('--max-bytes <n>', 'largest input accepted, in bytes (default 20 MiB)')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (paths: string[], opts: IngestOptions) => {
      process.exitCode = await ingest(paths, opts);
    });
}
