import type { Analysis, ExtractedEvent, Place, RawReport } from '../core/types.js';
import { findOblast } from '../geo/oblasts.js';
import { normaliseName } from '../geo/normalise.js';
import { km } from '../geo/distance.js';
import { analyse, type PipelineContext } from '../pipeline.js';
import { findWeapons } from '../extract/index.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { parseCsv } from './csv.js';
import { evaluateFusion, type FusionEval } from './fusion.js';

export type EvalFormat = 'acled' | 'ucdp' | 'cir';

/** Each metric is the fraction of the rows it applies to that sitrep got right. */
export interface EvalResult {
  format: EvalFormat;
  n: number;
  metrics: Record<string, number | null>;
  /** How many rows each metric was scored on. */
  support: Record<string, number>;
  docs_per_s: number;
  /** The first failures of each metric, for reading (row number and what was expected and found). */
  failures: Record<string, { row: number; text: string; expected: string; found: string }[]>;
  /** ucdp: how fusion did on the articles' headlines (src/eval/fusion.ts), and the recall any fusion of sitrep's mentions could reach. */
  fusion?: FusionEval['detail'];
}

interface Case {
  row: number;
  report: RawReport;
  /** Expected values; a metric whose value is undefined is not scored on this row. */
  truth: {
    location?: { name: string; lat: number | null; lon: number | null };
    admin1?: string | null;
    date?: string;
    sub_event_type?: string;
    fatalities?: number;
    deaths?: number;
    actor1?: string;
    /** ACLED's second actor; "" when the row names none (sitrep's null). */
    actor2?: string;
    /** Weapon labels the row names (CIR's arms/munition), any of which sitrep must find. */
    weapons?: string[];
    /** The dataset files Kyiv City under Kyiv oblast and Sevastopol under Crimea (CIR does). */
    enclosedCities?: boolean;
  };
}

const ENCLOSING: Record<string, string> = { 'Kyiv City': 'Kyiv', Sevastopol: 'Crimea' };

function sameAdmin1(found: string | null, expected: string | null, enclosedCities = false): boolean {
  if (found === expected) return true;
  return enclosedCities && found !== null && ENCLOSING[found] === expected;
}


const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' || Number.isNaN(Number(s)) ? null : Number(s));

/** "Donetsk oblast", "Kiev Special Republican city", "Donets'ka oblast" → the admin1 name sitrep uses. */
export function canonicalAdmin1(s: string): string | null {
  if (s.trim() === '') return null;
  return findOblast(s)?.admin1 ?? findOblast(s.replace(/\b(?:special republican|oblast|region|province)\b/gi, '').trim())?.admin1 ?? null;
}

/** "3 June 2022", "2022-06-03", "6/3/2022 12:00:00 AM" → "2022-06-03". */
export function isoDay(s: string): string | null {
  const t = s.trim();
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})/);
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const d = new Date(`${t} 12:00 UTC`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

const report = (origin: string, text: string, published: string | null, outlet: string | null = null): RawReport => ({
  origin, format: 'txt', text, title: null, outlet, url: null,
  published: published ? `${published}T12:00:00+02:00` : null, publishedSource: published ? 'cli' : 'none',
});

/** Rows of an ACLED export: `notes` is the report. */
function acledCases(rows: Record<string, string>[]): Case[] {
  return rows.map((r, i) => ({
    row: i + 2,
    report: report(`acled:${i + 2}`, r.notes ?? '', isoDay(r.event_date ?? '')),
    truth: {
      location: { name: r.location ?? '', lat: num(r.latitude), lon: num(r.longitude) },
      admin1: canonicalAdmin1(r.admin1 ?? ''),
      date: isoDay(r.event_date ?? '') ?? undefined,
      sub_event_type: r.sub_event_type,
      fatalities: num(r.fatalities) ?? undefined,
      actor1: r.actor1,
      actor2: r.actor2,
    },
  }));
}

/** UCDP GED rows built from one headline: the headline is the report, its outlet and date from `source_article`. */
function ucdpCases(rows: Record<string, string>[]): Case[] {
  const out: Case[] = [];
  rows.forEach((r, i) => {
    const headline = (r.source_headline ?? '').trim();
    if (headline === '' || headline.includes(';')) return;
    const article = (r.source_article ?? '').replace(/^"+|"+$/g, '');
    const m = article.match(/^(.*?),(\d{4}-\d{2}-\d{2}),/);
    const admin1 = canonicalAdmin1(r.adm_1 ?? '');
    out.push({
      row: i + 2,
      report: report(`ucdp:${r.id ?? i + 2}`, headline, m?.[2] ?? isoDay(r.date_start ?? ''), m?.[1] ?? null),
      truth: { ...(admin1 ? { admin1 } : {}), deaths: num(r.best) ?? undefined },
    });
  });
  return out;
}

/**
 * CIR rows located in Ukraine. The report is the row's place line as the
 * coders wrote it ("Uspenka, Donetsk Oblast", misspellings and all) followed by
 * its `brief description`, the way a short report opens with its dateline;
 * with `textOnly` it is the description alone (most name no place at all).
 */
function cirCases(rows: Record<string, string>[], textOnly: boolean): Case[] {
  const out: Case[] = [];
  rows.forEach((r, i) => {
    if ((r.country ?? '').trim() !== 'Ukraine') return;
    const description = (r['brief description'] ?? '').trim();
    if (description === '') return;
    const placeLine = [r['town/city'], r.district, r.province].map((x) => (x ?? '').trim()).filter((x) => x !== '').join(', ');
    const text = textOnly || placeLine === '' ? description : `${placeLine}\n${description}`;
    const admin1 = canonicalAdmin1(r.province ?? '');
    out.push({
      row: i + 2,
      report: report(`cir:${r.entry || i + 2}`, text, isoDay(r.date ?? '')),
      truth: {
        location: { name: r['town/city'] ?? '', lat: num(r.lat), lon: num(r.lon) },
        ...(admin1 ? { admin1 } : {}),
        ...((r['arms/munition'] ?? '').trim() && findWeapons(r['arms/munition'] ?? '').length > 0 ? { weapons: findWeapons(r['arms/munition'] ?? '') } : {}),
        enclosedCities: true,
      },
    });
  });
  return out;
}

/** The place sitrep gives a report: its best event's, or else the first place it resolved. */
type Predicted = { id: string | null; name: string; admin1: string | null; lat: number | null; lon: number | null };

function predictedPlace(a: Analysis, event: ExtractedEvent | undefined): Predicted | null {
  if (event?.place) return event.place;
  const m = a.places.find((p) => p.place && p.role === 'place') ?? a.places.find((p) => p.place && p.role === 'region');
  const p: Place | null = m?.place ?? null;
  return p ? { id: p.id, name: p.name, admin1: p.admin1, lat: p.lat, lon: p.lon } : null;
}

/**
 * Same settlement: the row's place name names the place sitrep chose (one of
 * its gazetteer namesakes within 25 km of the row's point), or sitrep's point
 * is within 5 km of the row's.
 */
function locationMatches(p: Predicted | null, t: NonNullable<Case['truth']['location']>, gazetteer: Gazetteer): boolean {
  if (!p) return false;
  const near = (lat: number | null, lon: number | null, limit: number) => km({ lat, lon }, t) <= limit;
  if (near(p.lat, p.lon, 5)) return true;
  if (!t.name) return false;
  const key = normaliseName(t.name);
  if (key === normaliseName(p.name) && (t.lat === null || near(p.lat, p.lon, 25))) return true;
  return gazetteer.lookup(key).some((e) => e.place.id === p.id && (t.lat === null || near(e.place.lat, e.place.lon, 25)));
}

/** Scores one event against a row: the number of fields it gets right. */
function scoreEvent(a: Analysis, e: ExtractedEvent, t: Case['truth'], g: Gazetteer): Record<string, boolean> {
  const p = predictedPlace(a, e);
  return {
    ...(t.location ? { location: locationMatches(p, t.location, g) } : {}),
    ...(t.admin1 !== undefined ? { admin1: sameAdmin1(p?.admin1 ?? null, t.admin1, t.enclosedCities) } : {}),
    ...(t.date !== undefined ? { date: e.date === t.date } : {}),
    ...(t.sub_event_type !== undefined ? { sub_event_type: e.sub_event_type === t.sub_event_type } : {}),
    ...(t.fatalities !== undefined ? { fatalities: (e.killed ?? 0) === t.fatalities } : {}),
    ...(t.actor1 !== undefined ? { actor1: e.actor1 === t.actor1 } : {}),
    ...(t.actor2 !== undefined ? { actor2: (e.actor2 ?? '') === t.actor2.trim() } : {}),
    ...(t.weapons !== undefined ? { weapon: a.events.some((x) => x.weapons.some((w) => t.weapons!.includes(w))) } : {}),
    ...(t.weapons !== undefined ? { weapon_in_text: weaponInText(a, t.weapons) } : {}),
  };
}

/** The weapon named anywhere in the report's text (a sighting, not only an attack), by the same vocabulary. */
function weaponInText(a: Analysis, wanted: string[]): boolean {
  return findWeapons(a.report.text).some((w) => wanted.includes(w));
}

/** Scores a report with no event: only what its places say can be right. */
function scoreDocument(a: Analysis, t: Case['truth'], g: Gazetteer): Record<string, boolean> {
  const p = predictedPlace(a, undefined);
  const killed = a.events.reduce<number | null>((acc, e) => (e.killed === null ? acc : Math.max(acc ?? 0, e.killed)), null);
  return {
    ...(t.location ? { location: locationMatches(p, t.location, g) } : {}),
    ...(t.admin1 !== undefined ? { admin1: sameAdmin1(p?.admin1 ?? null, t.admin1, t.enclosedCities) } : {}),
    ...(t.date !== undefined ? { date: false } : {}),
    ...(t.sub_event_type !== undefined ? { sub_event_type: false } : {}),
    ...(t.fatalities !== undefined ? { fatalities: t.fatalities === 0 && a.events.length === 0 ? false : false } : {}),
    ...(t.deaths !== undefined ? { deaths: killed === t.deaths } : {}),
    ...(t.weapons !== undefined ? { weapon: a.events.some((e) => e.weapons.some((w) => t.weapons!.includes(w))) } : {}),
    ...(t.weapons !== undefined ? { weapon_in_text: weaponInText(a, t.weapons) } : {}),
    ...(t.actor1 !== undefined ? { actor1: false } : {}),
    ...(t.actor2 !== undefined ? { actor2: false } : {}),
  };
}

const METRICS: Record<EvalFormat, string[]> = {
  acled: ['location', 'admin1', 'date', 'sub_event_type', 'fatalities', 'actor1', 'actor2'],
  ucdp: ['admin1', 'deaths'],
  cir: ['location', 'admin1', 'weapon', 'weapon_in_text'],
};

/**
 * Runs sitrep on every row of a coded dataset and scores what it found against
 * the coders' values. `onProgress` is called after each row.
 */
export function evaluate(format: EvalFormat, csvText: string, context: PipelineContext, opts: { limit?: number; textOnly?: boolean; maxFailures?: number; onProgress?: (done: number, total: number) => void } = {}): EvalResult {
  const rows = parseCsv(csvText);
  const all = format === 'acled' ? acledCases(rows) : format === 'ucdp' ? ucdpCases(rows) : cirCases(rows, opts.textOnly ?? false);
  const cases = opts.limit ? all.slice(0, opts.limit) : all;
  const names = METRICS[format];
  const right: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const support: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const failures: EvalResult['failures'] = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  cases.forEach((c, i) => {
    const a = analyse(c.report, context);
    let best: Record<string, boolean> = scoreDocument(a, c.truth, context.gazetteer);
    for (const e of a.events) {
      const s = { ...scoreEvent(a, e, c.truth, context.gazetteer), ...(c.truth.deaths !== undefined ? { deaths: best.deaths ?? false } : {}) };
      if (Object.values(s).filter(Boolean).length > Object.values(best).filter(Boolean).length) best = s;
    }
    for (const [metric, ok] of Object.entries(best)) {
      if (!(metric in support)) continue;
      support[metric]!++;
      if (ok) right[metric]!++;
      else if (failures[metric]!.length < (opts.maxFailures ?? 25)) {
        const p = predictedPlace(a, a.events[0]);
        failures[metric]!.push({
          row: c.row,
          text: c.report.text.slice(0, 200),
          expected: JSON.stringify((c.truth as Record<string, unknown>)[metric === 'weapon' || metric === 'weapon_in_text' ? 'weapons' : metric] ?? null),
          found: metric === 'deaths' || metric === 'fatalities'
            ? JSON.stringify(a.events.map((e) => e.killed))
            : metric === 'weapon' ? JSON.stringify(a.events.map((e) => e.weapons))
            : JSON.stringify(p ? { name: p.name, admin1: p.admin1 } : null) + (a.events[0] ? ` ${a.events[0].sub_event_type} ${a.events[0].date} ${a.events[0].actor1} / ${a.events[0].actor2}` : ' (no event)'),
        });
      }
    }
    opts.onProgress?.(i + 1, cases.length);
  });
  const seconds = (performance.now() - started) / 1000;
  const metrics = Object.fromEntries(names.map((n) => [n, support[n] ? Math.round((right[n]! / support[n]!) * 10000) / 10000 : null]));
  const result: EvalResult = { format, n: cases.length, metrics, support, docs_per_s: Math.round(cases.length / Math.max(seconds, 1e-9)), failures };
  if (format === 'ucdp') {
    const f = evaluateFusion(opts.limit ? rows.slice(0, opts.limit) : rows, context);
    Object.assign(result.metrics, f.metrics);
    Object.assign(result.support, f.support);
    result.fusion = f.detail;
  }
  return result;
}
