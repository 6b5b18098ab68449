import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { evaluate, type EvalFormat } from '../eval/index.js';
import { gazetteerForDataDir } from './context.js';
import { table } from './format.js';

interface EvalOptions {
  json?: boolean;
  limit?: string;
  failures?: boolean | string;
  textOnly?: boolean;
  db?: string;
}

/** `sitrep eval <format> <file>`: scores sitrep against a coded dataset. */
export function register(program: Command): void {
  program
    .command('eval')
    .description('score sitrep against coded data: acled (an ACLED export), ucdp (UCDP GED), cir (CIR/Bellingcat events)')
    .argument('<format>', 'acled | ucdp | cir')
    .argument('<file>', 'the CSV file')
    .option('--json', 'print {n, metrics, docs_per_s, ...} as JSON')
    .option('--limit <n>', 'score only the first n rows')
    .option('--failures [n]', 'also list the first n failures of each metric (default 25)')
    .option('--text-only', 'cir: score the description alone, without the row\'s place line')
    .option('--db <dir>', 'data directory whose built gazetteer to use (default $SITREP_DB or ./sitrep-data, when it exists; else the built-in one)')
    .action(async (format: string, file: string, opts: EvalOptions) => {
      if (!['acled', 'ucdp', 'cir'].includes(format)) {
        process.stderr.write(`sitrep eval: unknown format "${format}" (expected acled, ucdp or cir)\n`);
        process.exitCode = 2;
        return;
      }
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
        process.stderr.write(`sitrep eval: --limit "${opts.limit}" is not a positive whole number\n`);
        process.exitCode = 2;
        return;
      }
      const maxFailures = typeof opts.failures === 'string' ? Number(opts.failures) : 25;
      if (!(Number.isInteger(maxFailures) && maxFailures >= 0)) {
        process.stderr.write(`sitrep eval: --failures "${String(opts.failures)}" is not a whole number\n`);
        process.exitCode = 2;
        return;
      }
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`sitrep eval: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const { gazetteer, source, dir } = await gazetteerForDataDir(opts.db);
      process.stderr.write(`gazetteer: ${source === 'database' ? `built, from ${dir}` : 'built-in city list'} (${gazetteer.size} places)\n`);
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'eval {bar} {value}/{total} rows', clearOnComplete: true }, Presets.shades_classic) : null;
      let started = false;
      const result = evaluate(format as EvalFormat, text, { gazetteer }, {
        ...(limit ? { limit } : {}),
        textOnly: opts.textOnly ?? false,
        maxFailures,
        onProgress: (done, total) => {
          if (!bar) return;
          if (!started) { bar.start(total, 0); started = true; }
          bar.update(done);
        },
      });
      bar?.stop();
      if (result.n === 0) {
        process.stderr.write(`sitrep eval: no rows to score in ${file} (is it a ${format} file?)\n`);
        process.exitCode = 1;
      }
      if (opts.json) {
        const { failures, ...rest } = result;
        process.stdout.write(`${JSON.stringify(opts.failures ? result : rest, null, 2)}\n`);
        void failures;
        return;
      }
      process.stdout.write(`${format}: ${result.n} rows, ${result.docs_per_s} reports/s\n`);
      process.stdout.write(`${table(['metric', 'score', 'rows'], Object.entries(result.metrics).map(([k, v]) => [k, v === null ? '-' : v.toFixed(3), String(result.support[k] ?? 0)]))}\n`);
      if (opts.failures) {
        for (const [metric, list] of Object.entries(result.failures)) {
          if (list.length === 0) continue;
          process.stdout.write(`\n${metric} failures:\n`);
          for (const f of list) process.stdout.write(`  row ${f.row}: ${f.text}\n    expected ${f.expected}; found ${f.found}\n`);
        }
      }
    });
}
