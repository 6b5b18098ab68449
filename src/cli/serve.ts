import type { Command } from 'commander';
import { dataDir } from '../store/index.js';
import { EXAMPLES_DIR } from '../server/app.js';
import { startServer } from '../server/index.js';

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  token?: string;
  private?: boolean;
}

/** `sitrep serve`: the HTTP API and the dashboard; stops cleanly on Ctrl-C / SIGTERM. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard (one process holds the data directory; sitrep ingest goes through it)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .option('--token <token>', 'bearer token for writing (default $SITREP_TOKEN, else a random one kept in the data directory\'s server.json)')
    .option('--private', 'reading needs the token too')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`sitrep serve: --port "${opts.port}" is not a port number (0-65535)\n`);
        process.exitCode = 2;
        return;
      }
      const dir = dataDir(opts.db);
      const token = opts.token ?? (process.env.SITREP_TOKEN || null);
      const server = await startServer({ dir, port, host: opts.host, token, private: Boolean(opts.private) });
      const [counts] = await server.store.read<{ documents: number; events: number }>(
        'SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM events) AS events');
      const out = process.stdout;
      out.write(`sitrep serve: ${server.url}  (data ${dir}: ${counts?.documents ?? 0} reports, ${counts?.events ?? 0} events)\n`);
      out.write(`  dashboard ${server.url}/   API ${server.url}/api/openapi.json\n`);
      out.write(`  writing needs the token ${token ? 'given with --token / SITREP_TOKEN' : `in ${dir}/server.json`}; reading ${opts.private ? 'needs it too' : 'is open'}\n`);
      if ((counts?.documents ?? 0) === 0) {
        out.write(`  the database is empty: open the dashboard and press "Ingest the example reports", or run: npx sitrep ingest ${EXAMPLES_DIR} --db ${dir}\n`);
        out.write('  (the examples are written by the sitrep team for illustration: real place names, invented incidents)\n');
      }
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      out.write('sitrep serve: stopped\n');
    });
}
