/**
 * Analyses one report and stores what it says: the step `sitrep ingest` and `POST /api/reports` share, so a
 * report gives the same events whichever way it arrives.
 */
import type { RawReport } from './core/types.js';
import type { Gazetteer } from './geo/gazetteer.js';
import { analyse } from './pipeline.js';
import type { Store } from './store/index.js';

/** What became of one report: stored, already known, or rejected with the reason. */
export type IngestOutcome =
  | {
    status: 'stored' | 'known'; origin: string; document: string; events: number; reports: number; claims: number;
    /** How the report's events fused: joined existing incidents or made new ones (null when it had none). */
    incidents: { joined: number; created: number } | null;
    /** The earlier version of the same article (same URL or file) this one replaces, if any. */
    revises: string | null;
    published: string | null; published_source: string;
  }
  | { status: 'rejected'; origin: string; message: string };

/** Analyses `report` and stores it with its events in one transaction; never throws for a bad report. */
export async function ingestReport(store: Store, context: { gazetteer: Gazetteer }, report: RawReport): Promise<IngestOutcome> {
  const origin = report.origin;
  let analysis;
  try {
    analysis = analyse(report, context);
  } catch (e) {
    return { status: 'rejected', origin, message: `could not be analysed: ${(e as Error).message.split('\n')[0]}` };
  }
  if (analysis.report.text.trim() === '') return { status: 'rejected', origin, message: 'no text left after removing boilerplate' };
  const r = await store.save(analysis);
  return {
    status: r.status, origin, document: r.document, events: r.events, reports: r.reports, claims: r.claims,
    incidents: r.incidents ?? null, revises: r.revises ?? null,
    published: analysis.report.published, published_source: analysis.report.publishedSource,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The line `sitrep ingest` prints for an outcome. */
export function outcomeLine(o: IngestOutcome): string {
  if (o.status === 'rejected') return `rejected  ${o.origin}: ${o.message}\n`;
  const id = o.document.slice(0, 12);
  if (o.status === 'known') return `known     ${o.origin}  ${id}  already stored, nothing added\n`;
  return `stored    ${o.origin}  ${id}  ${plural(o.events, 'event')}, ${plural(o.reports, 'aggregate report')}, ${plural(o.claims, 'claim')}${o.incidents ? `, ${o.incidents.joined} joined an incident, ${o.incidents.created} new` : ''}${o.revises ? `, replaces ${o.revises.slice(0, 12)}` : ''}  (published ${o.published ?? 'unknown'} from ${o.published_source})\n`;
}
