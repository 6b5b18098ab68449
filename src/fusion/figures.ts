/**
 * Conflicting figures: every figure is kept with its source; the incident's
 * figure is chosen by ACLED's rule.
 */
import type { Mention } from './mention.js';

export type FigureField = 'attacks' | 'killed' | 'injured';

export interface FigureValue {
  value: number;
  /** Who gave it: the speaker when the report names one, else the independent source (outlet). */
  source: string;
  document: string;
  outlet: string | null;
  published: string | null;
  quote: string;
  /** The report of the same source that replaced this figure with a later one, or null when it stands. */
  replaced_by: string | null;
}

export interface Figure {
  /** The incident's figure, or null when no report states one. */
  value: number | null;
  values: FigureValue[];
  /** Reports that stand (are not replaced) disagree. */
  disagreement: boolean;
}

/** The rule, as output with every incident. */
export const FIGURE_RULE =
  'a later figure from the same source replaces its earlier one; of the figures that stand, the lowest (ACLED: the most conservative credible figure)';

/**
 * Who gave a figure: the speaker (its role, else its name), else the outlet's
 * independent source. `sourceOf` maps a report to its independent source.
 */
function sourceKey(m: Mention, sourceOf: (document: string) => string): string {
  const s = m.speaker;
  // One incident lies in one oblast, so "the regional governor" and "Governor Serhii Lysak" are one person.
  if (s?.role) return `speaker:${s.role}${s.side ? `/${s.side}` : ''}`;
  if (s?.name) return `speaker:${s.name.toLowerCase()}`;
  return `source:${sourceOf(m.document)}`;
}

const label = (m: Mention): string => m.speaker?.name ?? m.speaker?.text ?? m.outlet ?? m.document.slice(0, 12);

/**
 * Every figure an incident's reports give for `field`, and the one chosen.
 *
 * @example figure(mentions, 'killed', (d) => d).value
 */
export function figure(mentions: readonly Mention[], field: FigureField, sourceOf: (document: string) => string): Figure {
  const stated = mentions
    .filter((m) => m[field] !== null)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.document.localeCompare(b.document));
  const latest = new Map<string, Mention>();
  for (const m of stated) latest.set(sourceKey(m, sourceOf), m);
  const values: FigureValue[] = stated.map((m) => {
    const last = latest.get(sourceKey(m, sourceOf))!;
    return {
      value: m[field]!,
      source: label(m),
      document: m.document,
      outlet: m.outlet,
      published: m.published,
      quote: m.quote,
      replaced_by: last === m || last.document === m.document ? null : last.document,
    };
  });
  const standing = values.filter((v) => v.replaced_by === null).map((v) => v.value);
  return {
    value: standing.length ? Math.min(...standing) : null,
    values,
    disagreement: new Set(standing).size > 1,
  };
}
