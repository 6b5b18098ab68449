import type { Command } from 'commander';
import { analyse } from '../pipeline.js';
import { normalisePublished } from '../read/published.js';
import { gazetteerForDataDir } from './context.js';
import { show, table } from './format.js';

interface PlacesOptions {
  json?: boolean;
  db?: string;
  published?: string;
}

/** `sitrep places "<text>"`: the places a text names, what each resolved to, and why. */
export function register(program: Command): void {
  program
    .command('places')
    .description('print the places a text names, resolved, with the reason for each choice')
    .argument('<text...>', 'the text (quote it), or - to read standard input')
    .option('--json', 'print JSON')
    .option('--published <iso>', 'publication date of the text (the front line at that date helps choose among namesakes)')
    .option('--db <dir>', 'data directory whose built gazetteer to use (default $SITREP_DB or ./sitrep-data, when it exists)')
    .action(async (words: string[], opts: PlacesOptions) => {
      const text = words.length === 1 && words[0] === '-' ? await readStdin() : words.join(' ');
      const { gazetteer } = await gazetteerForDataDir(opts.db);
      const published = opts.published ? normalisePublished(opts.published) : null;
      if (opts.published && !published) {
        process.stderr.write(`sitrep places: --published "${opts.published}" is not a date or time\n`);
        process.exitCode = 2;
        return;
      }
      const a = analyse({ origin: 'argument', format: 'txt', text, title: null, outlet: null, url: null, published, publishedSource: published ? 'cli' : 'none' }, { gazetteer });
      const rows = a.places.map((m) => ({
        text: m.text,
        start: m.start,
        end: m.end,
        role: m.role,
        qualifier: m.qualifier,
        place: m.place && { name: m.place.name, id: m.place.id, kind: m.place.kind, admin1: m.place.admin1, admin2: m.place.admin2, lat: m.place.lat, lon: m.place.lon },
        candidates: m.candidates.length,
        reason: m.provenance.reason,
      }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${table(['text', 'role', 'place', 'oblast', 'raion', 'lat, lon', 'of', 'reason'], rows.map((r) => [
        r.text, r.role, show(r.place?.name), show(r.place?.admin1), show(r.place?.admin2),
        r.place?.lat == null ? '-' : `${r.place.lat.toFixed(4)}, ${r.place.lon?.toFixed(4)}`, String(r.candidates), r.reason,
      ]), [30, 8, 28, 16, 20, 18, 4, 120])}\n`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
