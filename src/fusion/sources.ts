/**
 * Corroboration: how many independent sources stand behind an incident, and of
 * what kind. Reports are one source when they come from one outlet, when their
 * text is near-identical (one copied the other, or both a third), or when one
 * says it has its account from the other ("according to Reuters").
 */
import type { Mention } from './mention.js';

export type SourceKind = 'official (Ukraine)' | 'official (Russia)' | 'official' | 'local authority' | 'wire agency' | 'media' | 'social';

/** Wire agencies: their reports are copied by many outlets. */
const WIRE = /\b(?:reuters|associated press|ap|agence france[- ]presse|afp|interfax(?:-ukraine)?|(?:itar-)?tass|ria novosti|ria|ukrinform|unian|xinhua|dpa|bloomberg|efe|ansa|anadolu)\b/i;
/** Social networks and messengers, by name or address. */
const SOCIAL = /\b(?:telegram|t\.me|facebook|fb\.com|twitter|x\.com|vk\.com|vkontakte|instagram|youtube|tiktok)\b/i;
const VIA_SOCIAL = /\b(?:on|via|in a|in his|in her|in its) (?:telegram|facebook|twitter|x|instagram|youtube)\b/i;
/** Roles of local government (the speaker attribution's vocabulary). */
const LOCAL = new Set(['governor', 'head of administration', 'mayor', 'local head', 'administration']);

/** "The Kyiv Independent" → "kyiv independent". */
export const outletKey = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const hostOf = (url: string | null): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
};

/** The kinds of source one report is: who speaks in it and who published it. */
export function kindsOf(m: Mention): SourceKind[] {
  const kinds: SourceKind[] = [];
  const s = m.speaker;
  if (s?.role === 'occupation official' || s?.role === 'Kremlin') kinds.push('official (Russia)');
  else if (s?.role && LOCAL.has(s.role)) kinds.push('local authority');
  else if (s?.role) kinds.push(s.side === 'Ukraine' ? 'official (Ukraine)' : s.side === 'Russia' ? 'official (Russia)' : 'official');
  const outlet = `${m.outlet ?? ''} ${hostOf(m.url) ?? ''}`;
  // Posted on a network: the outlet is one, or the report says the speaker wrote there ("said on Telegram").
  if (SOCIAL.test(outlet) || (s && SOCIAL.test(s.text)) || VIA_SOCIAL.test(m.quote)) kinds.push('social');
  if (WIRE.test(m.outlet ?? '') || WIRE.test(hostOf(m.url) ?? '')) kinds.push('wire agency');
  else if (m.outlet && !SOCIAL.test(outlet)) kinds.push('media');
  return kinds;
}

/** Word 3-grams of a text, for near-identical text. */
function shingles(text: string): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (w.length < 3) out.add(w.join(' '));
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Share of word 3-grams two texts have in common (Jaccard). */
export function textOverlap(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / Math.max(1, x.size + y.size - shared);
}

/** Texts sharing at least this share of their word 3-grams are one copied text. */
export const COPY_OVERLAP = 0.6;

export interface IndependentSource {
  /** The outlets (or, without one, report ids) that make up this source. */
  outlets: string[];
  documents: string[];
  kinds: SourceKind[];
  /** Why the reports are one source. */
  reasons: string[];
}

/**
 * Groups an incident's reports into independent sources (union-find over
 * reports: same outlet, near-identical text, an "according to" chain).
 *
 * @example independentSources(incident.mentions).length // the corroboration
 */
export function independentSources(mentions: readonly Mention[]): IndependentSource[] {
  const docs = [...new Map(mentions.map((m) => [m.document, m])).values()];
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reasons = new Map<number, string[]>();
  const union = (i: number, j: number, why: string): void => {
    const a = find(i);
    const b = find(j);
    if (a === b) return;
    parent[b] = a;
    reasons.set(a, [...(reasons.get(a) ?? []), ...(reasons.get(b) ?? []), why]);
  };
  const name = (m: Mention): string => m.outlet ?? hostOf(m.url) ?? `report ${m.document.slice(0, 12)}`;
  const keys = docs.map((m) => (m.outlet ? outletKey(m.outlet) : hostOf(m.url) ?? `doc:${m.document}`));
  const texts = docs.map((d) => mentions.filter((m) => m.document === d.document).map((m) => m.text).join(' '));
  // Whom each report cites, when it names an outlet: another report's, or a wire agency.
  const cited = docs.map((d) => {
    const speakers = mentions.filter((m) => m.document === d.document && m.speaker).map((m) => outletKey(m.speaker!.text));
    return speakers;
  });
  const citedKey = new Map<string, number>();
  for (let i = 0; i < docs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (keys[i] === keys[j]) union(j, i, `same outlet (${name(docs[i]!)})`);
      else if (textOverlap(texts[i]!, texts[j]!) >= COPY_OVERLAP) union(j, i, `near-identical text (${name(docs[j]!)}, ${name(docs[i]!)})`);
      else {
        const ij = cited[i]!.some((s) => keys[j]!.length >= 2 && new RegExp(`\\b${escape(keys[j]!)}\\b`).test(s));
        const ji = cited[j]!.some((s) => keys[i]!.length >= 2 && new RegExp(`\\b${escape(keys[i]!)}\\b`).test(s));
        if (ij || ji) union(j, i, `${ij ? name(docs[i]!) : name(docs[j]!)} cites ${ij ? name(docs[j]!) : name(docs[i]!)}`);
      }
    }
    // Two reports citing the same wire agency relay one source.
    for (const s of cited[i]!) {
      const w = s.match(WIRE)?.[0];
      if (!w) continue;
      const k = `wire:${w.toLowerCase()}`;
      const j = citedKey.get(k);
      if (j === undefined) citedKey.set(k, i);
      else union(j, i, `both cite ${w}`);
    }
  }
  const groups = new Map<number, number[]>();
  docs.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.entries()].map(([root, members]) => {
    const ms = members.flatMap((i) => mentions.filter((m) => m.document === docs[i]!.document));
    return {
      outlets: [...new Set(members.map((i) => name(docs[i]!)))],
      documents: members.map((i) => docs[i]!.document),
      kinds: [...new Set(ms.flatMap(kindsOf))].sort() as SourceKind[],
      reasons: reasons.get(root) ?? [],
    };
  });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
