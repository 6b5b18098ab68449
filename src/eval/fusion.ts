/**
 * Fusion scored on UCDP GED: every article a UCDP event cites (`source_article`:
 * "Outlet,YYYY-MM-DD,headline" per article) is one report, its headline the
 * text; the headlines of one UCDP event belong together.
 *
 * Pairs: a report is an article (outlet, date, headline), counted once however
 * many rows cite it. The true pairs are the pairs of different reports cited
 * by one UCDP event; the predicted pairs are the pairs of different reports
 * with mentions in one incident. Precision, recall and F1 are over those sets.
 */
import type { PipelineContext } from '../pipeline.js';
import { analyse } from '../pipeline.js';
import { fuse } from '../fusion/cluster.js';
import { toMention, type Mention } from '../fusion/mention.js';

export interface FusionEval {
  metrics: { fusion_pairwise_precision: number | null; fusion_pairwise_recall: number | null; fusion_f1: number | null };
  support: { fusion_pairwise_precision: number; fusion_pairwise_recall: number; fusion_f1: number };
  detail: {
    reports: number;
    reports_with_event: number;
    reports_with_placed_event: number;
    incidents: number;
    true_pairs: number;
    predicted_pairs: number;
    correct_pairs: number;
    /** Recall no fusion of sitrep's mentions could beat: true pairs whose two reports both gave an event. */
    ceiling: {
      pairs_both_with_event: number;
      pairs_both_placed: number;
      pairs_both_placed_same_oblast: number;
      pairs_published_within_2_days: number;
      recall_ceiling: number | null;
    };
  };
}

interface Article {
  key: string;
  outlet: string;
  date: string;
  headline: string;
}

/** The articles of a UCDP row's `source_article`. */
export function articles(field: string): Article[] {
  const out: Article[] = [];
  for (const part of field.trim().replace(/^"+|"+$/g, '').split('";"')) {
    const m = part.match(/^(.*?),(\d{4}-\d{2}-\d{2}),(.*)$/s);
    if (!m || m[3]!.trim() === '') continue;
    const [outlet, date, headline] = [m[1]!.trim(), m[2]!, m[3]!.trim()];
    out.push({ key: `${outlet}\u0001${date}\u0001${headline}`, outlet, date, headline });
  }
  return out;
}

const pair = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const round = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * Fuses every article headline of `rows` in memory (the same functions the
 * store runs) and scores the pairs.
 */
export function evaluateFusion(rows: Record<string, string>[], context: PipelineContext): FusionEval {
  const index = new Map<string, number>();
  const list: Article[] = [];
  const truth = new Set<string>();
  for (const r of rows) {
    const ids = [...new Set(articles(r.source_article ?? '').map((a) => {
      let i = index.get(a.key);
      if (i === undefined) {
        i = list.length;
        index.set(a.key, i);
        list.push(a);
      }
      return i;
    }))];
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) truth.add(pair(ids[x]!, ids[y]!));
  }
  const mentions: Mention[] = [];
  const byReport: Mention[][] = list.map((a, i) => {
    const an = analyse({
      origin: `ucdp-article:${i}`, format: 'txt', text: a.headline, title: null, outlet: a.outlet, url: null,
      published: `${a.date}T12:00:00+02:00`, publishedSource: 'cli',
    }, context);
    const ms = an.events.map((e, j) => toMention(`${i}:${j}`, { id: String(i), outlet: a.outlet, url: null, published: `${a.date}T12:00:00+02:00` }, e));
    mentions.push(...ms);
    return ms;
  });
  const incidents = fuse(mentions);
  const predicted = new Set<string>();
  for (const inc of incidents) {
    const reports = [...new Set(inc.mentions.map((m) => Number(m.document)))];
    for (let x = 0; x < reports.length; x++) for (let y = x + 1; y < reports.length; y++) predicted.add(pair(reports[x]!, reports[y]!));
  }
  let correct = 0;
  for (const p of predicted) if (truth.has(p)) correct++;
  const hasEvent = (i: number) => byReport[i]!.some((m) => !m.historical);
  const oblasts = (i: number) => new Set(byReport[i]!.map((m) => m.place?.admin1).filter((a): a is string => !!a));
  const ceiling = { pairs_both_with_event: 0, pairs_both_placed: 0, pairs_both_placed_same_oblast: 0, pairs_published_within_2_days: 0 };
  for (const p of truth) {
    const [a, b] = p.split('|').map(Number) as [number, number];
    if (Math.abs(Date.parse(list[a]!.date) - Date.parse(list[b]!.date)) <= 2 * 86_400_000) ceiling.pairs_published_within_2_days++;
    if (!hasEvent(a) || !hasEvent(b)) continue;
    ceiling.pairs_both_with_event++;
    const oa = oblasts(a);
    const ob = oblasts(b);
    if (oa.size && ob.size) {
      ceiling.pairs_both_placed++;
      if ([...oa].some((o) => ob.has(o))) ceiling.pairs_both_placed_same_oblast++;
    }
  }
  const precision = predicted.size ? correct / predicted.size : null;
  const recall = truth.size ? correct / truth.size : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null || recall === null ? null : 0;
  return {
    metrics: {
      fusion_pairwise_precision: precision === null ? null : round(precision),
      fusion_pairwise_recall: recall === null ? null : round(recall),
      fusion_f1: f1 === null ? null : round(f1),
    },
    support: { fusion_pairwise_precision: predicted.size, fusion_pairwise_recall: truth.size, fusion_f1: truth.size },
    detail: {
      reports: list.length,
      reports_with_event: list.filter((_, i) => hasEvent(i)).length,
      reports_with_placed_event: list.filter((_, i) => oblasts(i).size > 0).length,
      incidents: incidents.length,
      true_pairs: truth.size,
      predicted_pairs: predicted.size,
      correct_pairs: correct,
      ceiling: { ...ceiling, recall_ceiling: truth.size ? round(ceiling.pairs_both_with_event / truth.size) : null },
    },
  };
}
