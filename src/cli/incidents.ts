import type { Command } from 'commander';
import { describe, type IncidentView } from '../fusion/incident.js';
import { statistics, type StatsBy } from '../fusion/stats.js';
import { findOblast } from '../geo/oblasts.js';
import { dataDir, Store } from '../store/index.js';
import { show, table } from './format.js';

interface Options {
  json?: boolean;
  db?: string;
  by?: string;
  oblast?: string;
}

const print = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

async function read<T>(opts: Options, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(dataDir(opts.db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Incidents in date / oblast / place order. */
async function incidentViews(s: Store): Promise<IncidentView[]> {
  return (await s.incidents()).map(describe).sort((a, b) =>
    (a.date ?? '9').localeCompare(b.date ?? '9') || (a.place?.admin1 ?? '~').localeCompare(b.place?.admin1 ?? '~') ||
    (a.place?.name ?? '~').localeCompare(b.place?.name ?? '~') || a.id.localeCompare(b.id));
}

const figureCell = (v: IncidentView, field: 'attacks' | 'killed' | 'injured'): string => {
  const d = v.disagreements.find((x) => x.field === field);
  return d ? `${show(v[field])} (${d.values.map((x) => x.value).join('/')})` : show(v[field]);
};

/** `sitrep incidents` and `sitrep stats`: incidents fused from every report, and statistics over them. */
export function register(program: Command): void {
  program
    .command('incidents')
    .description('list incidents: events of several reports that describe one thing, with corroboration and figures')
    .option('--json', 'print a JSON array: incidents with their mentions, sources, corroboration, figures and disagreements')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: Options) => {
      const views = await read(opts, incidentViews);
      if (opts.json) { print(JSON.stringify(views, null, 2)); return; }
      print(table(
        ['date', 'type', 'place', 'oblast', 'reports', 'sources', 'kinds', 'attacks', 'killed', 'injured'],
        views.map((v) => [
          v.date_end && v.date_end !== v.date ? `${show(v.date)}..${v.date_end}` : show(v.date), v.sub_event_type, show(v.place?.name), show(v.place?.admin1),
          String(v.sources.length), String(v.corroboration), show(v.source_kinds), figureCell(v, 'attacks'), figureCell(v, 'killed'), figureCell(v, 'injured'),
        ]),
        [23, 34, 20, 14, 7, 7, 40, 12, 12, 12],
      ));
      const disputed = views.filter((v) => v.disagreements.length > 0).length;
      print(`${views.length} incident${views.length === 1 ? '' : 's'} from ${views.reduce((n, v) => n + v.sources.length, 0)} mentions; ${disputed} with disagreeing figures (chosen: ${views[0]?.figure_rule ?? 'the lowest standing figure'})`);
    });
  program
    .command('stats')
    .description('statistics over incidents: settlements attacked, events by type, killed and injured per day or week and oblast; records; 7- and 28-day trends; official aggregates beside sitrep\'s count')
    .option('--by <period>', 'day or week', 'day')
    .option('--oblast <name>', 'one oblast (e.g. Donetsk, Zaporizhzhia, Kharkiv Oblast)')
    .option('--json', 'print the statistics as JSON')
    .option('--db <dir>', 'data directory (default $SITREP_DB or ./sitrep-data)')
    .action(async (opts: Options) => {
      if (opts.by !== 'day' && opts.by !== 'week') {
        process.stderr.write(`sitrep stats: --by "${opts.by}" is not day or week\n`);
        process.exitCode = 2;
        return;
      }
      let oblast: string | null = null;
      if (opts.oblast !== undefined) {
        oblast = findOblast(opts.oblast)?.admin1 ?? findOblast(`${opts.oblast} oblast`)?.admin1 ?? null;
        if (oblast === null) {
          process.stderr.write(`sitrep stats: --oblast "${opts.oblast}" is not an oblast of Ukraine\n`);
          process.exitCode = 2;
          return;
        }
      }
      const { views, reports } = await read(opts, async (s) => {
        const superseded = new Set((await s.revisions()).map((r) => r.document));
        return { views: await incidentViews(s), reports: (await s.reports()).filter((r) => !superseded.has(r.document)) };
      });
      const st = statistics(views, reports, { by: opts.by as StatsBy, oblast });
      if (opts.json) { print(JSON.stringify(st, null, 2)); return; }
      const rows = st.periods.filter((r) => (oblast ? r.admin1 === oblast : true));
      print(`${opts.by === 'week' ? 'Weeks' : 'Days'}${oblast ? ` in ${oblast} oblast:` : ' (all oblasts, then each oblast):'}`);
      print(table(
        ['period', 'oblast', 'settlements', 'incidents', 'killed', 'injured', 'by type'],
        rows.map((r) => [r.period, r.admin1 ?? 'all', String(r.settlements_attacked), String(r.incidents), String(r.killed), String(r.injured),
          Object.entries(r.by_type).map(([k, n]) => `${k} ${n}`).join(', ') || '-']),
        [10, 16, 11, 9, 6, 7, 100],
      ));
      if (st.records.length) {
        print('\nRecords:');
        for (const r of st.records) print(`  ${r.period}  ${r.text}`);
      }
      const moving = st.trends.filter((t) => t.trend7 !== 'steady' || t.trend28 !== 'steady');
      if (st.as_of) {
        print(`\nChange to ${st.as_of}, incidents in the last 7 / 28 days against the 7 / 28 before:`);
        print(moving.length ? table(['level', 'name', 'oblast', '7 days', 'before', 'trend', '28 days', 'before', 'trend'],
          moving.slice(0, 40).map((t) => [t.level, t.name, t.admin1, String(t.last7), String(t.prev7), t.trend7, String(t.last28), String(t.prev28), t.trend28])) : '  nothing intensifying or easing');
      }
      if (st.aggregates.length) {
        print('\nOfficial aggregate figures beside sitrep\'s own count for the same period:');
        print(table(['period', 'kind', 'reported', 'regions', 'sitrep settlements', 'sitrep incidents', 'speaker'],
          st.aggregates.map((g) => [g.period_start === g.period_end ? show(g.period_start) : `${show(g.period_start)}..${show(g.period_end)}`, g.kind, String(g.value), show(g.regions), String(g.sitrep_settlements), String(g.sitrep_incidents), show(g.speaker)]),
          [23, 20, 8, 7, 18, 16, 40]));
      }
      print(`\n${st.excluded.undated + st.excluded.imprecise} incident(s) not counted per ${opts.by}: ${st.excluded.undated} undated, ${st.excluded.imprecise} with a date too vague`);
    });
}
