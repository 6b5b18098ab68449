import type { PlaceMention, Sentence, Token } from '../core/types.js';
import {
  capitals, clubWords, institutionWords, notPlaceStart, possessiveGovernment, regionWords, speakerAfter, speakerBefore,
} from '../locales/en/places.js';
import type { Gazetteer } from './gazetteer.js';
import { normaliseName } from './normalise.js';
import { findOblast } from './oblasts.js';

/** Longest name, in words, that the recogniser tries. */
const MAX_WORDS = 4;

const isCapitalised = (t: Token): boolean => t.kind === 'word' && /^[A-ZА-ЯІЇЄҐ]/.test(t.text);
const joinsWords = (t: Token): boolean => t.text === '-' || t.text === "'" || t.text === '–';

/**
 * Spans of up to MAX_WORDS capitalised words starting at token `i`, longest
 * first, joined by spaces or by hyphens/apostrophes written without spaces
 * ("Novo-Oleksandrivka", "Mar'inka", "Velyka Novosilka").
 */
function spansFrom(tokens: Token[], i: number): { end: number; words: number }[] {
  const spans: { end: number; words: number }[] = [];
  let j = i;
  let words = 0;
  while (j < tokens.length && words < MAX_WORDS) {
    const t = tokens[j]!;
    if (!(t.kind === 'word' || t.kind === 'number')) break;
    if (words > 0 && !isCapitalised(t) && !/^\d/.test(t.text)) {
      // lower-case continuation only after a hyphen ("Novo-oleksandrivka")
      const prev = tokens[j - 1]!;
      if (!joinsWords(prev)) break;
    }
    words++;
    spans.push({ end: j, words });
    const next = tokens[j + 1];
    const after = tokens[j + 2];
    if (next && after && joinsWords(next) && next.start === t.end && after.start === next.end && after.kind === 'word') {
      j += 2;
    } else if (next && next.kind === 'word' && isCapitalised(next)) {
      j += 1;
    } else break;
  }
  return spans.reverse();
}

/**
 * The recognise stage for places: finds place names in one sentence by
 * gazetteer match over capitalised token sequences, and decides from the words
 * around each whether it is a place, a region or a speaker.
 * Candidates are filled; choosing among them is the resolve stage's work.
 */
export function recognisePlaces(sentence: Sentence, text: string, gazetteer: Gazetteer, documentId: string | null): PlaceMention[] {
  const tokens = sentence.tokens;
  const out: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!isCapitalised(tok) || notPlaceStart.has(tok.text.toLowerCase())) {
      i++;
      continue;
    }
    let matched = false;
    for (const span of spansFrom(tokens, i)) {
      const last = tokens[span.end]!;
      const surface = text.slice(tok.start, last.end);
      const after = tokens[span.end + 1];
      const after2 = tokens[span.end + 2];
      const before = tokens[i - 1];
      const followedByRegionWord = after !== undefined && regionWords.test(after.text);
      const entries = gazetteer.lookup(normaliseName(surface));
      const oblast = followedByRegionWord || entries.length === 0 || entries.every((e) => e.place.kind === 'oblast')
        ? findOblast(surface + (followedByRegionWord ? ` ${after!.text}` : ''))
        : null;
      if (entries.length === 0 && !oblast) continue;
      if (before && clubWords.test(before.text)) break; // "Shakhtar Donetsk"
      const end = followedByRegionWord ? after!.end : last.end;
      const nextAfter = followedByRegionWord ? after2 : after;
      let role: PlaceMention['role'] = oblast && (followedByRegionWord || entries.every((e) => e.place.kind === 'oblast')) ? 'region' : 'place';
      let reason = role === 'region' ? 'oblast name with a region word' : 'gazetteer name';
      // "Kharkiv Oblast Military Administration", "Kyiv City Council", "Kyiv Independent": an institution speaking.
      if (nextAfter && isCapitalised(nextAfter) && institutionWords.test(nextAfter.text)) {
        role = 'speaker';
        reason = `part of an institution's name ("${nextAfter.text}")`;
      }
      if (capitals.test(normaliseName(surface))) {
        const prefix = text.slice(sentence.start, tok.start);
        const possessive = after && (after.text === "'s" || after.text === "'") && after2 && possessiveGovernment.test(after2.text);
        const nextIsEnd = !after || after.kind === 'punct';
        if ((after && speakerAfter.test(after.text)) || possessive || (speakerBefore.test(prefix) && (nextIsEnd || /according to\s+$/i.test(prefix)))) {
          role = 'speaker';
          reason = 'a capital standing for its government';
        }
      }
      const candidates = oblast && role === 'region'
        ? [gazetteer.oblast(oblast.admin1)].filter((p) => p !== null)
        : [...new Map(entries.map((e) => [e.place.id, e.place])).values()];
      out.push({
        text: text.slice(tok.start, end),
        start: tok.start,
        end,
        sentence: sentence.index,
        role,
        place: null,
        candidates,
        provenance: { document: documentId, start: tok.start, end, stage: 'recognise', reason },
      });
      i = followedByRegionWord ? span.end + 2 : span.end + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return out;
}
