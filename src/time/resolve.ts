import * as chrono from 'chrono-node';
import type { ResolvedDate } from '../core/types.js';
import { historicalCues, nightOf, periodRules } from '../locales/en/time.js';

const DAY = 86_400_000;

/** Building an Intl formatter is slow: one for the whole process. */
const KYIV_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in Kyiv, as a UTC-midnight Date. */
export function kyivDate(iso: string): Date | null {
  // Every sentence of a report asks for the same publication time: remember the last answer.
  if (iso !== lastKyiv.iso) {
    const t = new Date(iso);
    lastKyiv = { iso, day: Number.isNaN(t.getTime()) ? null : Date.parse(`${KYIV_DAY.format(t)}T00:00:00Z`) };
  }
  return lastKyiv.day === null ? null : new Date(lastKyiv.day);
}
let lastKyiv: { iso: string | null; day: number | null } = { iso: null, day: null };

export const ymd = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);

/**
 * Our refiner on chrono's results: a weekday is the most recent such day not
 * after publication; a day and month without a year that would fall after
 * publication belong to the year before.
 */
const pastRefiner: chrono.Refiner = {
  refine(context, results) {
    const ref = context.reference.instant.getTime();
    for (const r of results) {
      const s = r.start;
      if (s.isCertain('weekday') && !s.isCertain('day')) {
        const at = Date.UTC(s.get('year') ?? 0, (s.get('month') ?? 1) - 1, s.get('day') ?? 1);
        if (at > ref) {
          const back = new Date(at - 7 * DAY);
          s.imply('year', back.getUTCFullYear());
          s.imply('month', back.getUTCMonth() + 1);
          s.imply('day', back.getUTCDate());
        }
      } else if (s.isCertain('month') && !s.isCertain('year')) {
        const at = Date.UTC(s.get('year') ?? 0, (s.get('month') ?? 1) - 1, s.get('day') ?? 1);
        if (at > ref) s.imply('year', (s.get('year') ?? 0) - 1);
      }
    }
    return results;
  },
};

/** Our parser for a bare year ("in 2022"), which chrono leaves alone. */
const yearParser: chrono.Parser = {
  pattern: () => /\b(?:in|since|during|by) ((?:19|20)\d\d)\b(?![-/.]\d)/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

const parser = (() => {
  const c = chrono.casual.clone();
  c.parsers.push(yearParser);
  c.refiners.push(pastRefiner);
  return c;
})();

function lastDayOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/**
 * Resolves the time of what a sentence reports against the publication time.
 * With no time words, the event is dated to the publication day.
 *
 * @example resolveDate('Overnight, drones hit Odesa.', '2024-03-06T07:00:00+02:00')
 *          // {date: '2024-03-05', date_end: '2024-03-06', time_precision: 1, ...}
 */
export function resolveDate(text: string, published: string | null): ResolvedDate {
  const pub = published ? kyivDate(published) : null;
  const isHistoricalCue = historicalCues.test(text);
  if (!pub) {
    // Without a publication time only absolute dates can be resolved.
    const abs = parseAbsolute(text, new Date(Date.UTC(2100, 0, 1)), true);
    return abs ? { ...abs, historical: abs.historical || isHistoricalCue } : { date: null, date_end: null, time_precision: null, historical: isHistoricalCue, text: null, reason: 'no publication time and no full date in the text' };
  }
  const named = parseAbsolute(text, pub, false);
  if (named && named.time_precision === 1) {
    const end = new Date(`${named.date_end ?? named.date}T00:00:00Z`);
    return { ...named, historical: isHistoricalCue || pub.getTime() - end.getTime() > 30 * DAY };
  }
  for (const rule of periodRules) {
    const m = text.match(rule.pattern);
    if (!m) continue;
    const range = rule.range(m);
    if (!range) continue;
    return {
      date: ymd(addDays(pub, range[0])),
      date_end: range[0] === range[1] ? null : ymd(addDays(pub, range[1])),
      time_precision: rule.precision,
      historical: isHistoricalCue,
      text: m[0],
      reason: rule.reason,
    };
  }
  // The same chrono reading as `named` above (chrono is the slowest part of the pipeline: read once).
  const absolute = named;
  if (absolute) {
    const end = new Date(`${absolute.date_end ?? absolute.date}T00:00:00Z`);
    const old = pub.getTime() - end.getTime() > 30 * DAY;
    const monthOrYear = absolute.time_precision === 3 && end.getTime() < pub.getTime() - DAY;
    return { ...absolute, historical: isHistoricalCue || old || monthOrYear };
  }
  return { date: ymd(pub), date_end: null, time_precision: 1, historical: isHistoricalCue, text: null, reason: 'no time words: the publication day' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Our rewrites before chrono reads a sentence: "06.03.2024" is day-first (as
 * Ukrainian sources write it), "between March 1 and 3" is the range
 * "March 1 - 3", and "the night of" is left for the night rule.
 */
export function prepareForChrono(text: string): string {
  return text
    .replace(nightOf, (s) => ' '.repeat(s.length))
    .replace(/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/g, (whole, d: string, m: string, y: string) => {
      const month = MONTHS[Number(m) - 1];
      return month && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d)} ${month} ${y}` : whole;
    })
    .replace(/\b[Bb]etween ([A-Z][a-z]+ \d{1,2}) and (\d{1,2})\b/g, '$1 - $2')
    .replace(/\b[Bb]etween (\d{1,2}) and (\d{1,2} [A-Z][a-z]+)\b/g, '$1 - $2');
}

/** Dates chrono can read (days, weekdays, months, years), refined by our rules. */
function parseAbsolute(text: string, pub: Date, requireYear: boolean): ResolvedDate | null {
  const prepared = prepareForChrono(text);
  const ref = new Date(pub.getTime() + 12 * 3600_000);
  const results = parser.parse(prepared, { instant: ref, timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    const s = r.start;
    const hasDay = s.isCertain('day') || s.isCertain('weekday') || r.tags().has('casualReference/yesterday') || r.tags().has('casualReference/today');
    const hasMonth = s.isCertain('month');
    const hasYear = s.isCertain('year');
    if (requireYear && !(hasYear && /\b(?:19|20)\d\d\b/.test(r.text))) continue;
    // "the past two weeks", "24 hours ago": periods, read by our period rules, not days.
    if (/\b(?:past|ago|next|within|coming|hours?|minutes?)\b/i.test(r.text) && !/(?:mon|tues|wednes|thurs|fri|satur|sun)day/i.test(r.text)) continue;
    // "last night", "this morning": our period rules read these.
    if (/^(?:last|this|to)\s*(?:night|morning|evening|afternoon)$/i.test(r.text.trim())) continue;
    // "118 towns in one day": chrono reads a day ahead; in a report it is a period, read by our period rules.
    if (/^in\s+(?:a|an|one|two|three|\d+)\s+(?:days?|weeks?)$/i.test(r.text.trim())) continue;
    const year = s.get('year');
    const month = s.get('month');
    const day = s.get('day');
    if (year === null || month === null || day === null) continue;
    const night = nightOf.test(text);
    nightOf.lastIndex = 0;
    if (hasDay) {
      const d = new Date(Date.UTC(year, month - 1, day));
      if (r.end && r.end.isCertain('day')) {
        const e = new Date(Date.UTC(r.end.get('year') ?? year, (r.end.get('month') ?? month) - 1, r.end.get('day') ?? day));
        return { date: ymd(d), date_end: ymd(e), time_precision: e.getTime() - d.getTime() > DAY ? 2 : 1, historical: false, text: r.text, reason: 'date range in the text' };
      }
      return { date: ymd(d), date_end: null, time_precision: 1, historical: false, text: r.text, reason: night ? 'the night of a named day' : 'a day named in the text' };
    }
    if (hasMonth) {
      return { date: ymd(new Date(Date.UTC(year, month - 1, 1))), date_end: ymd(lastDayOfMonth(year, month)), time_precision: 3, historical: false, text: r.text, reason: 'a month named in the text' };
    }
    if (hasYear || s.isCertain('year') || /\b(19|20)\d\d\b/.test(r.text)) {
      return { date: `${year}-01-01`, date_end: `${year}-12-31`, time_precision: 3, historical: false, text: r.text, reason: 'a year named in the text' };
    }
  }
  return null;
}
