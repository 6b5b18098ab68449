import type { Command } from 'commander';
import { analyse } from '../pipeline.js';
import { gazetteerFor } from './context.js';
import { readInputs, type ReadOptions } from '../read/index.js';
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
  const store = await Store.open(dataDir(opts.db));
  const context = { gazetteer: (await gazetteerFor(store)).gazetteer };
  let rejected = 0;
  let stored = 0;
  let known = 0;
  try {
    for await (const item of readInputs(paths.length ? paths : ['-'], readOptions, process.stdin)) {
      if (!item.ok) {
        rejected++;
        out.write(`rejected  ${item.error.origin}: ${item.error.message}\n`);
        continue;
      }
      const origin = item.report.origin;
      let analysis;
      try {
        analysis = analyse(item.report, context);
      } catch (e) {
        rejected++;
        out.write(`rejected  ${origin}: could not be analysed: ${(e as Error).message.split('\n')[0]}\n`);
        continue;
      }
      if (analysis.report.text.trim() === '') {
        rejected++;
        out.write(`rejected  ${origin}: no text left after removing boilerplate\n`);
        continue;
      }
      const r = await store.save(analysis);
      const id = r.document.slice(0, 12);
      if (r.status === 'known') {
        known++;
        out.write(`known     ${origin}  ${id}  already stored, nothing added\n`);
      } else {
        stored++;
        out.write(`stored    ${origin}  ${id}  ${r.events} event${r.events === 1 ? '' : 's'}, ${r.reports} aggregate report${r.reports === 1 ? '' : 's'}, ${r.claims} claim${r.claims === 1 ? '' : 's'}${r.incidents ? `, ${r.incidents.joined} joined an incident, ${r.incidents.created} new` : ''}${r.revises ? `, replaces ${r.revises.slice(0, 12)}` : ''}  (published ${analysis.report.published ?? 'unknown'} from ${analysis.report.publishedSource})\n`);
      }
    }
  } finally {
    await store.close();
  }
  process.stderr.write(`${stored} stored, ${known} already known, ${rejected} rejected\n`);
  return rejected > 0 ? 1 : 0;
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
