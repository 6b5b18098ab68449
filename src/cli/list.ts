import type { Command } from 'commander';
import { dataDir, Store } from '../store/index.js';
import { show, table } from './format.js';

interface ListOptions {
  json?: boolean;
  db?: string;
}

async function withStore<T>(opts: ListOptions, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(dataDir(opts.db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const print = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

/** `sitrep events`, `sitrep reports`, `sitrep claims`: what the store holds, as JSON or a table. */
export function register(program: Command): void {
  program
    .command('events')
    .description('list stored events')
    .option('--json', 'print a JSON array (the output contract)')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: ListOptions) => {
      const events = await withStore(opts, (s) => s.events());
      if (opts.json) { print(JSON.stringify(events, null, 2)); return; }
      print(table(
        ['date', 'type', 'place', 'oblast', 'actor1', 'attacks', 'killed', 'injured', 'weapons', 'targets', 'speaker'],
        events.map((e) => [
          e.date_end ? `${show(e.date)}..${e.date_end}` : show(e.date), e.sub_event_type, show(e.place?.name), show(e.place?.admin1),
          show(e.actor1?.replace(/^Military Forces of (\w+).*/, '$1')), show(e.attacks), show(e.killed), show(e.injured),
          show(e.weapons), show(e.targets), show(e.sources.find((s) => s.speaker)?.speaker),
        ]),
        [23, 34, 20, 14, 8, 7, 6, 7, 24, 24, 30],
      ));
      print(`${events.length} event${events.length === 1 ? '' : 's'}`);
    });
  program
    .command('reports')
    .description('list aggregate reports ("92 settlements in 8 regions")')
    .option('--json', 'print a JSON array')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: ListOptions) => {
      const rows = await withStore(opts, (s) => s.reports());
      const json = rows.map(({ kind, value, regions, region_names, period_start, period_end, speaker, quote }) => ({ kind, value, regions, region_names, period_start, period_end, speaker, quote }));
      if (opts.json) { print(JSON.stringify(json, null, 2)); return; }
      print(table(['period', 'kind', 'value', 'regions', 'speaker', 'quote'], json.map((r) => [
        r.period_start === r.period_end ? show(r.period_start) : `${show(r.period_start)}..${show(r.period_end)}`, r.kind, show(r.value), show(r.regions), show(r.speaker), r.quote,
      ]), [23, 22, 6, 7, 30, 80]));
      print(`${rows.length} aggregate report${rows.length === 1 ? '' : 's'}`);
    });
  program
    .command('claims')
    .description('list claims: statements by parties to the war that are not events')
    .option('--json', 'print a JSON array')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: ListOptions) => {
      const rows = await withStore(opts, (s) => s.claims());
      const json = rows.map(({ speaker, role, side, statement, status, reason, quote }) => ({ speaker, role, side, statement, status, reason, quote }));
      if (opts.json) { print(JSON.stringify(json, null, 2)); return; }
      print(table(['status', 'side', 'speaker', 'statement'], json.map((c) => [c.status, show(c.side), show(c.speaker), c.statement]), [12, 8, 30, 100]));
      print(`${rows.length} claim${rows.length === 1 ? '' : 's'}`);
    });
}
