/**
 * Incremental clustering of mentions into incidents, blocked by oblast and
 * day: a new mention is compared only with incidents of its oblast (and, when
 * it has no place, of any oblast) on the days it can be about, so the work per
 * mention does not grow with the number of incidents.
 */
import { contentWords, match, placeLevel, type IncidentShape } from './match.js';
import { span, type Mention } from './mention.js';

export interface Incident extends IncidentShape {
  /** Stable while the incident exists: `inc-` and the id of its first mention. */
  id: string;
}

/** The day used for undated incidents and mentions (they block only with each other). */
export const UNDATED = -1_000_000;

/**
 * Blocks as (block, day) pairs, one per day something can be about. An
 * incident is filed under its oblast (or `?` when unplaced) and under `*`
 * (every incident).
 */
export function incidentBlocks(admin1: string | null, s: [number, number] | null): [string, number][] {
  return [...dayKeys(admin1 ?? '?', s), ...dayKeys('*', s)];
}

/** The blocks a mention searches: its oblast's and the unplaced incidents' when it is placed, every incident's when not. */
export function mentionBlocks(m: Mention): [string, number][] {
  const s = span(m);
  const admin1 = m.place?.admin1 ?? null;
  return admin1 === null ? dayKeys('*', s) : [...dayKeys(admin1, s), ...dayKeys('?', s)];
}

function dayKeys(block: string, s: [number, number] | null): [string, number][] {
  if (s === null) return [[block, UNDATED]];
  const out: [string, number][] = [];
  for (let d = s[0]; d <= s[1]; d++) out.push([block, d]);
  return out;
}

const keyOf = ([b, d]: [string, number]): string => `${b}|${d}`;

export interface AddResult {
  incident: Incident;
  /** True when the mention started a new incident. */
  created: boolean;
  /** Why it joined (or did not join) the incident. */
  reason: string;
}

/**
 * The incidents fused so far, with their blocking index. `add` is the whole
 * algorithm: find the incidents in the mention's blocks, keep those it is
 * compatible with, join the best, or start a new incident.
 *
 * @example
 * const f = new Fusion();
 * for (const m of mentions) f.add(m);
 * f.incidents().length
 */
export class Fusion {
  private readonly byId = new Map<string, Incident>();
  private readonly blocks = new Map<string, Set<string>>();
  /** The block keys each incident is filed under. */
  private readonly registered = new Map<string, string[]>();
  private readonly words = new Map<string, Set<string>>();
  /** Incidents changed or created since the last `takeChanged`. */
  private changed = new Set<string>();

  constructor(existing: Incident[] = []) {
    for (const inc of existing) this.register(inc);
  }

  private wordsOf = (m: Mention): Set<string> => {
    let w = this.words.get(m.id);
    if (!w) {
      w = contentWords(m.text);
      this.words.set(m.id, w);
    }
    return w;
  };

  private register(inc: Incident): void {
    this.unregister(inc.id);
    const ks = incidentBlocks(inc.admin1, inc.span).map(keyOf);
    for (const k of ks) {
      let set = this.blocks.get(k);
      if (!set) this.blocks.set(k, (set = new Set()));
      set.add(inc.id);
    }
    this.registered.set(inc.id, ks);
    this.byId.set(inc.id, inc);
  }

  private unregister(id: string): void {
    for (const k of this.registered.get(id) ?? []) {
      const set = this.blocks.get(k);
      set?.delete(id);
      if (set?.size === 0) this.blocks.delete(k);
    }
    this.registered.delete(id);
  }

  /** The incidents a mention is compared with. */
  candidates(m: Mention): Incident[] {
    const ids = new Set<string>();
    for (const k of mentionBlocks(m)) for (const id of this.blocks.get(keyOf(k)) ?? []) ids.add(id);
    return [...ids].map((id) => this.byId.get(id)!);
  }

  /** Adds one mention: joins the best compatible incident, or starts one. */
  add(m: Mention): AddResult {
    const s = span(m);
    let best: { inc: Incident; score: number; span: [number, number] | null; place: Incident['place']; admin1: string | null } | null = null;
    let second = -Infinity;
    if (!m.historical) {
      for (const inc of this.candidates(m)) {
        const r = match(inc, m, s, this.wordsOf);
        if (!r) continue;
        if (!best || r.score > best.score || (r.score === best.score && inc.id < best.inc.id)) {
          if (best) second = Math.max(second, best.score);
          best = { inc, ...r };
        } else second = Math.max(second, r.score);
      }
    }
    // A mention placed only at the oblast, fitting several incidents there equally well, cannot say which it is.
    const ambiguous = best !== null && second >= best.score && m.place !== null && m.place.geo_precision === 3;
    if (best && !ambiguous) {
      const inc: Incident = { ...best.inc, mentions: [...best.inc.mentions, m], span: best.span, place: best.place, admin1: best.admin1 };
      this.register(inc);
      this.changed.add(inc.id);
      return { incident: inc, created: false, reason: `joined: score ${best.score.toFixed(2)}` };
    }
    const inc: Incident = { id: `inc-${m.id}`, admin1: m.place?.admin1 ?? null, span: s, place: m.place?.admin1 ? m.place : null, mentions: [m] };
    this.register(inc);
    this.changed.add(inc.id);
    return {
      incident: inc,
      created: true,
      reason: m.historical ? 'historical: not fused' : ambiguous ? 'several incidents fit equally well: kept apart' : 'no compatible incident',
    };
  }

  /** Removes an incident (its mentions are then re-added by the caller, or dropped). */
  remove(id: string): Incident | undefined {
    const inc = this.byId.get(id);
    this.unregister(id);
    this.byId.delete(id);
    this.changed.delete(id);
    return inc;
  }

  get(id: string): Incident | undefined {
    return this.byId.get(id);
  }

  incidents(): Incident[] {
    return [...this.byId.values()];
  }

  /** Ids of the incidents created or changed since the last call. */
  takeChanged(): string[] {
    const out = [...this.changed];
    this.changed = new Set();
    return out;
  }
}

/**
 * Fuses a batch of mentions in order of publication (as they would arrive).
 *
 * @example fuse(mentions).map((i) => i.mentions.length)
 */
export function fuse(mentions: readonly Mention[]): Incident[] {
  const f = new Fusion();
  const sorted = [...mentions].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  for (const m of sorted) if (fusable(m)) f.add(m);
  return f.incidents();
}

/**
 * An incident rebuilt from its mentions (as stored): its oblast and most
 * specific place from its placed mentions, its span the days all can be about.
 */
export function incidentOf(id: string, mentions: Mention[]): Incident {
  let place: Incident['place'] = null;
  let s: [number, number] | null = null;
  let first = true;
  for (const m of mentions) {
    if (m.place?.admin1 && placeLevel(m.place) > placeLevel(place)) place = m.place;
    const ms = span(m);
    if (first) s = ms;
    else if (s && ms) s = [Math.max(s[0], ms[0]), Math.min(s[1], ms[1])];
    first = false;
  }
  if (s && s[0] > s[1]) s = span(mentions[0]!);
  return { id, mentions, admin1: place?.admin1 ?? null, place, span: s };
}

/** Mentions fusion takes: events of the present, not background ("in 2022 the town was occupied"). */
export const fusable = (m: Mention): boolean => !m.historical;
