/**
 * Statistics over incidents: settlements attacked, incidents by type, killed
 * and injured, per day (or week) and oblast; records ("most settlements
 * attacked in a day since …"); change over the last 7 and 28 days per oblast
 * and settlement; and the aggregate figures officials give, beside sitrep's
 * own count for the same period.
 */
import type { AggregateReport } from '../core/types.js';
import type { IncidentView } from './incident.js';
import { findOblast } from '../geo/oblasts.js';
import { dayNumber, isoOfDay } from './mention.js';

export type StatsBy = 'day' | 'week';

export interface PeriodRow {
  /** First day of the period (a Monday for weeks). */
  period: string;
  /** Oblast, or null for all of them. */
  admin1: string | null;
  settlements_attacked: number;
  incidents: number;
  by_type: Record<string, number>;
  /** Sum of the incidents' figures; incidents with no figure add nothing. */
  killed: number;
  injured: number;
}

export interface RecordRow {
  period: string;
  admin1: string | null;
  settlements_attacked: number;
  /** The last earlier period with as many, or null when none since the data begin. */
  since: string | null;
  text: string;
}

export interface TrendRow {
  level: 'oblast' | 'settlement';
  name: string;
  admin1: string;
  last7: number;
  prev7: number;
  last28: number;
  prev28: number;
  trend7: Trend;
  trend28: Trend;
}

export type Trend = 'intensifying' | 'easing' | 'steady';

export interface AggregateRow {
  period_start: string | null;
  period_end: string | null;
  kind: AggregateReport['kind'];
  value: number;
  regions: number | null;
  speaker: string | null;
  /** Sitrep's own count for the same period (and regions, when listed): settlements attacked, incidents. */
  sitrep_settlements: number;
  sitrep_incidents: number;
}

export interface Stats {
  by: StatsBy;
  oblast: string | null;
  /** The last day with a dated incident: trends are measured up to it. */
  as_of: string | null;
  periods: PeriodRow[];
  records: RecordRow[];
  trends: TrendRow[];
  aggregates: AggregateRow[];
  /** Incidents left out of the per-period counts: no date, or a date too vague for a day (or week). */
  excluded: { undated: number; imprecise: number };
  rules: Record<string, string>;
}

const RULES = {
  settlements_attacked: 'distinct settlements (places precise to the settlement or near it) with an incident of shelling, air or drone strike, explosive, armed clash, territory change or attack on civilians; interceptions do not count',
  period: 'an incident counts on its date when it is known to the day (or to one night); with --by week, when its dates fall in one week',
  record: 'a period whose settlements attacked is the highest for at least 7 periods: "since" is the last earlier period with as many',
  trend: 'incidents in the last 7 (28) days to as_of against the 7 (28) before: intensifying at 1.5 times as many and at least 3 more; easing the other way',
};

/** Kinds of incident that attack a settlement (an interception over it does not). */
const ATTACK = (v: IncidentView): boolean => v.sub_event_type !== 'Disrupted weapons use';

/** The day (number) an incident counts on, or null when its date is too vague for `by`. */
function periodOf(v: IncidentView, by: StatsBy): number | 'undated' | 'imprecise' {
  if (v.date === null) return 'undated';
  const d = dayNumber(v.date);
  const e = v.date_end ? dayNumber(v.date_end) : d;
  if (by === 'day') return e - d <= 1 ? d : 'imprecise';
  const monday = (x: number): number => x - ((x + 3) % 7); // 1970-01-01 was a Thursday
  return monday(d) === monday(e) || e - d <= 1 ? monday(d) : 'imprecise';
}

const settled = (v: IncidentView): boolean => v.place !== null && v.place.geo_precision !== 3 && v.place.geo_precision !== null;

function trend(last: number, prev: number): Trend {
  if (last >= 1.5 * prev && last - prev >= 3) return 'intensifying';
  if (prev >= 1.5 * last && prev - last >= 3) return 'easing';
  return 'steady';
}

/**
 * Statistics of incidents (already described), with the aggregate reports to
 * show beside them. `oblast` keeps one oblast (its admin1 name).
 *
 * @example statistics(incidents.map(describe), reports, { by: 'day' }).records
 */
export function statistics(views: readonly IncidentView[], aggregates: readonly AggregateReport[], opts: { by?: StatsBy; oblast?: string | null } = {}): Stats {
  const by = opts.by ?? 'day';
  const oblast = opts.oblast ?? null;
  const chosen = oblast ? views.filter((v) => v.place?.admin1 === oblast) : [...views];
  const excluded = { undated: 0, imprecise: 0 };
  const placed: { v: IncidentView; p: number }[] = [];
  for (const v of chosen) {
    const p = periodOf(v, by);
    if (p === 'undated' || p === 'imprecise') excluded[p]++;
    else placed.push({ v, p });
  }
  const step = by === 'day' ? 1 : 7;
  const rows = new Map<string, PeriodRow & { places: Set<string> }>();
  const row = (p: number, admin1: string | null) => {
    const k = `${p}|${admin1 ?? ''}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { period: isoOfDay(p), admin1, settlements_attacked: 0, incidents: 0, by_type: {}, killed: 0, injured: 0, places: new Set() }));
    return r;
  };
  for (const { v, p } of placed) {
    for (const r of [row(p, null), ...(v.place?.admin1 ? [row(p, v.place.admin1)] : [])]) {
      r.incidents++;
      r.by_type[v.sub_event_type] = (r.by_type[v.sub_event_type] ?? 0) + 1;
      r.killed += v.killed ?? 0;
      r.injured += v.injured ?? 0;
      if (ATTACK(v) && settled(v)) r.places.add(v.place!.id ?? v.place!.name);
    }
  }
  const first = placed.length ? Math.min(...placed.map((x) => x.p)) : null;
  const last = placed.length ? Math.max(...placed.map((x) => x.p)) : null;
  // Every period between the first and the last, for every oblast seen: a day with nothing is a 0.
  const oblasts = [null, ...new Set(placed.map((x) => x.v.place?.admin1).filter((a): a is string => !!a))];
  const periods: PeriodRow[] = [];
  const records: RecordRow[] = [];
  if (first !== null && last !== null) {
    for (const admin1 of oblast ? [oblast] : oblasts) {
      const series: PeriodRow[] = [];
      for (let p = first; p <= last; p += step) {
        const r = row(p, admin1);
        r.settlements_attacked = r.places.size;
        const { places: _places, ...out } = r;
        series.push(out);
      }
      periods.push(...series.filter((r) => r.incidents > 0 || admin1 === (oblast ?? null)));
      series.forEach((r, i) => {
        if (r.settlements_attacked === 0 || i < 7) return;
        let j = i - 1;
        while (j >= 0 && series[j]!.settlements_attacked < r.settlements_attacked) j--;
        if (i - j <= 7) return;
        const since = j >= 0 ? series[j]!.period : null;
        const where = admin1 ? ` in ${admin1} oblast` : '';
        records.push({
          period: r.period, admin1, settlements_attacked: r.settlements_attacked, since,
          text: `most settlements attacked${where} in a ${by} (${r.settlements_attacked}) ${since ? `since ${since}` : `since the data begin (${series[0]!.period})`}`,
        });
      });
    }
  }
  periods.sort((a, b) => a.period.localeCompare(b.period) || (a.admin1 ?? '').localeCompare(b.admin1 ?? ''));

  // Trends per oblast and settlement, on days, up to the last dated day.
  const days = chosen.map((v) => ({ v, d: periodOf(v, 'day') })).filter((x): x is { v: IncidentView; d: number } => typeof x.d === 'number');
  const asOf = days.length ? Math.max(...days.map((x) => x.d)) : null;
  const trends: TrendRow[] = [];
  if (asOf !== null) {
    const counts = new Map<string, TrendRow>();
    const bump = (level: TrendRow['level'], name: string, admin1: string, d: number) => {
      const k = `${level}|${admin1}|${name}`;
      let t = counts.get(k);
      if (!t) counts.set(k, (t = { level, name, admin1, last7: 0, prev7: 0, last28: 0, prev28: 0, trend7: 'steady', trend28: 'steady' }));
      const age = asOf - d;
      if (age < 7) t.last7++;
      else if (age < 14) t.prev7++;
      if (age < 28) t.last28++;
      else if (age < 56) t.prev28++;
    };
    for (const { v, d } of days) {
      if (!v.place?.admin1 || asOf - d >= 56) continue;
      bump('oblast', v.place.admin1, v.place.admin1, d);
      if (settled(v)) bump('settlement', v.place.name, v.place.admin1, d);
    }
    for (const t of counts.values()) {
      t.trend7 = trend(t.last7, t.prev7);
      t.trend28 = trend(t.last28, t.prev28);
      trends.push(t);
    }
    trends.sort((a, b) => (a.level === b.level ? 0 : a.level === 'oblast' ? -1 : 1) || (b.last7 - b.prev7) - (a.last7 - a.prev7) || a.name.localeCompare(b.name));
  }

  const aggregateRows: AggregateRow[] = aggregates
    .filter((g) => g.period_start !== null)
    .map((g) => {
      const s = dayNumber(g.period_start!);
      const e = dayNumber(g.period_end ?? g.period_start!);
      const regions = new Set(g.region_names.map((r) => findOblast(r)?.admin1 ?? r));
      const inPeriod = chosen.filter((v) => {
        const d = periodOf(v, 'day');
        return typeof d === 'number' && d >= s && d <= e && (regions.size === 0 || regions.has(v.place?.admin1 ?? ''));
      });
      return {
        period_start: g.period_start, period_end: g.period_end, kind: g.kind, value: g.value, regions: g.regions, speaker: g.speaker,
        sitrep_settlements: new Set(inPeriod.filter((v) => ATTACK(v) && settled(v)).map((v) => v.place!.id ?? v.place!.name)).size,
        sitrep_incidents: inPeriod.length,
      };
    });

  return { by, oblast, as_of: asOf === null ? null : isoOfDay(asOf), periods, records, trends, aggregates: aggregateRows, excluded, rules: RULES };
}
