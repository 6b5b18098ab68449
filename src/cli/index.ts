import { Command, CommanderError } from 'commander';
import { register as registerEval } from './eval.js';
import { register as registerGazetteer } from './gazetteer.js';
import { register as registerIncidents } from './incidents.js';
import { register as registerIngest } from './ingest.js';
import { register as registerList } from './list.js';
import { register as registerPlaces } from './places.js';
import { register as registerServe } from './serve.js';

/** Builds the `sitrep` command line. Each command lives in its own file. */
export function program(): Command {
  const p = new Command('sitrep')
    .description('Turns war reporting into a sourced, geolocated, deduplicated event ledger.')
    .version('0.1.0')
    .showHelpAfterError('(run sitrep --help for usage)')
    .exitOverride();
  registerIngest(p);
  registerList(p);
  registerEval(p);
  registerGazetteer(p);
  registerPlaces(p);
  registerIncidents(p);
  registerServe(p);
  return p;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    process.stderr.write(`sitrep: ${(e as Error).message}\n`);
    return 1;
  }
}
