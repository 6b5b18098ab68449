/**
 * What an incident says, derived from its mentions: the output contract of
 * `sitrep incidents --json`. Nothing here is stored; counts of sources are
 * derived, never typed in.
 */
import type { EventCore, SubEventType } from '../core/types.js';
import type { Incident } from './cluster.js';
import { figure, FIGURE_RULE, type Figure, type FigureField } from './figures.js';
import { isPrecise, span, type Mention } from './mention.js';
import { independentSources, kindsOf, type IndependentSource, type SourceKind } from './sources.js';

export interface IncidentSource {
  document: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  speaker: string | null;
  kinds: SourceKind[];
  quote: string;
  /** The event (mention) this report gave. */
  mention: string;
  /** Index into `independent_sources`. */
  independent_source: number;
}

export interface IncidentView extends EventCore {
  id: string;
  /** Independent sources (outlets that did not copy each other). */
  corroboration: number;
  source_kinds: SourceKind[];
  independent_sources: IndependentSource[];
  sources: IncidentSource[];
  figures: Record<FigureField, Figure>;
  figure_rule: string;
  /** The fields whose standing figures disagree, with each value and who gives it. */
  disagreements: { field: FigureField; values: { value: number; sources: string[] }[]; chosen: number }[];
  /** Sub-event types the reports gave, when they differ. */
  types_reported: SubEventType[];
}

/** The most common value (ties: the first seen). */
function mode<T>(xs: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (best === undefined || n > counts.get(best)!) best = x;
  }
  return best;
}

/** The mention whose date says most: a stated single day, then the shortest stated span, then any. */
function bestDated(ms: readonly Mention[]): Mention {
  const rank = (m: Mention): number => {
    if (isPrecise(m)) return 0;
    const s = span(m);
    if (m.date === null || s === null) return 1000;
    return m.default_date ? 500 : 1 + (s[1] - s[0]);
  };
  return [...ms].sort((a, b) => rank(a) - rank(b))[0]!;
}

/**
 * Everything an incident says: its type and date by its reports, its place,
 * figures by the stated rule with every disagreement, and its independent sources.
 *
 * @example describe(incident).corroboration
 */
export function describe(inc: Incident): IncidentView {
  const ms = [...inc.mentions].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const independent = independentSources(ms);
  const groupOf = new Map<string, number>();
  independent.forEach((g, i) => g.documents.forEach((d) => groupOf.set(d, i)));
  const sourceOf = (d: string): string => String(groupOf.get(d) ?? d);
  const sub = mode(ms.map((m) => m.sub_event_type))!;
  const typed = ms.filter((m) => m.sub_event_type === sub);
  const dated = bestDated(ms);
  const figures = {
    attacks: figure(ms, 'attacks', sourceOf),
    killed: figure(ms, 'killed', sourceOf),
    injured: figure(ms, 'injured', sourceOf),
  };
  const disagreements = (Object.entries(figures) as [FigureField, Figure][])
    .filter(([, f]) => f.disagreement)
    .map(([field, f]) => {
      const by = new Map<number, string[]>();
      for (const v of f.values) if (v.replaced_by === null) by.set(v.value, [...(by.get(v.value) ?? []), v.source]);
      return { field, values: [...by.entries()].sort((a, b) => a[0] - b[0]).map(([value, sources]) => ({ value, sources })), chosen: f.value! };
    });
  return {
    id: inc.id,
    event_type: typed[0]!.event_type,
    sub_event_type: sub,
    date: dated.date,
    date_end: dated.date_end,
    time_precision: dated.time_precision,
    actor1: mode(typed.map((m) => m.actor1).filter((a) => a !== null)) ?? null,
    actor2: mode(typed.map((m) => m.actor2).filter((a) => a !== null)) ?? null,
    place: inc.place,
    attacks: figures.attacks.value,
    killed: figures.killed.value,
    injured: figures.injured.value,
    corroboration: independent.length,
    source_kinds: [...new Set(independent.flatMap((g) => g.kinds))].sort() as SourceKind[],
    independent_sources: independent,
    sources: ms.map((m) => ({
      document: m.document,
      outlet: m.outlet,
      url: m.url,
      published: m.published,
      speaker: m.speaker?.text ?? null,
      kinds: kindsOf(m),
      quote: m.quote,
      mention: m.id,
      independent_source: groupOf.get(m.document) ?? -1,
    })),
    figures,
    figure_rule: FIGURE_RULE,
    disagreements,
    types_reported: [...new Set(ms.map((m) => m.sub_event_type))].length > 1 ? [...new Set(ms.map((m) => m.sub_event_type))] : [],
  };
}
