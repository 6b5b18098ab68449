import type { Place, PlaceMention, Sentence, Token } from '../core/types.js';
import {
  actorAfter, attackedBefore, capitalPairAfter, capitalPairBefore, capitals, clubWords, givenTo, riverAfter, riverBefore, riverNames, directionAfter, institutionWords, locativeAfter, locativeBefore, nearBefore, notPlaceStart,
  personAfter, personBefore, possessiveGovernment, regionAliases, regionWords, sourceAtEnd, sourceBefore, speakerAfter, speakerBefore,
} from '../locales/en/places.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { normaliseName } from './normalise.js';
import { findOblast } from './oblasts.js';
import { memoiseBounded, ownString } from '../text/memo.js';

/** Longest name, in words, that the recogniser tries. */
const MAX_WORDS = 4;

/** A village this small, named by one word with nothing around it saying "place", is more likely a word or a surname. */
const NEEDS_CONTEXT_BELOW = 10_000;

/** Words after a name that make the phrase a raion, a city district or a hromada. */
const UNIT_WORDS = /^(?:raion|district|hromada|community)$/i;

/** A word starting with a capital, Latin or Ukrainian Cyrillic (what /^[A-ZА-ЯІЇЄҐ]/ tests, without a regular expression per token). */
const isCapitalised = (t: Token): boolean => {
  if (t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f) || c === 0x406 || c === 0x407 || c === 0x404 || c === 0x490;
};

/**
 * Capitalised spans that name nothing in a gazetteer (nor an oblast) when no
 * unit or region word follows: "Russian", "General Staff", "ISW". Most spans
 * are such, and the same ones recur in every report. Bounded: starts afresh
 * after 50,000 names.
 */
const MISSES = new WeakMap<Gazetteer, { names: Set<string>; has(name: string): boolean; add(name: string): void }>();
function missesOf(gazetteer: Gazetteer) {
  let m = MISSES.get(gazetteer);
  if (!m) {
    const names = new Set<string>();
    m = {
      names,
      has: (name) => names.has(name),
      add: (name) => {
        if (names.size >= 50_000) names.clear();
        names.add(ownString(name));
      },
    };
    MISSES.set(gazetteer, m);
  }
  return m;
}

/** Lookup keys of the capitalised spans tried: the same names recur in every report. */
const keyOf = memoiseBounded(normaliseName);
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
 * Distinct places of a lookup, in gazetteer order, keeping those the name is
 * most properly theirs: "Novoselivka" means the villages called so today, not
 * one that was called so before it was renamed; and in a register-built
 * gazetteer a place known by the name only through GeoNames' open list of
 * alternates counts only when no place is called so officially.
 */
function placesOf(entries: readonly GazetteerEntry[]): Place[] {
  if (entries.length === 0) return [];
  // A gazetteer hands out the same entry list for a name every time: work it out once (a copy for each caller).
  let places = PLACES_OF.get(entries);
  if (!places) {
    places = distinctPlaces(entries);
    PLACES_OF.set(entries, places);
  }
  return [...places];
}
const PLACES_OF = new WeakMap<readonly GazetteerEntry[], readonly Place[]>();

function distinctPlaces(entries: readonly GazetteerEntry[]): Place[] {
  const has = (kinds: string[]) => entries.some((e) => kinds.includes(e.nameKind));
  const dropHistorical = has(['official', 'primary', 'ascii', 'cyrillic', 'romanised', 'russian', 'polish', 'german', 'alternate', 'other', 'oblast']);
  const dropOther = has(['official', 'cyrillic', 'romanised', 'russian']);
  const kept = entries.filter((e) => !(dropHistorical && e.nameKind === 'historical') && !(dropOther && e.nameKind === 'other'));
  return [...new Map(kept.map((e) => [e.place.id, e.place])).values()];
}

/** True when the name could be an ordinary word or a surname: one word, only small villages carry it. */
function needsContext(words: number, places: Place[]): boolean {
  if (words > 1 || places.length === 0) return false;
  return places.every((p) => p.kind === 'settlement' && (p.population ?? 0) < NEEDS_CONTEXT_BELOW);
}

/**
 * The recognise stage for places: finds place names in one sentence by
 * gazetteer match over capitalised token sequences (exact spelling first, then
 * the loose key that folds transliteration differences), and decides from the
 * words around each whether it is a place, a region (oblast, raion) or a
 * speaker ("Kyiv said"), and whether the text puts the event near it rather
 * than in it. Candidates are filled; choosing among them is the resolve stage's work.
 */
export function recognisePlaces(sentence: Sentence, text: string, gazetteer: Gazetteer, documentId: string | null): PlaceMention[] {
  const misses = missesOf(gazetteer);
  const tokens = sentence.tokens;
  const out: PlaceMention[] = [];
  const pending: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const lower = isCapitalised(tok) ? tok.text.toLowerCase() : null;
    if (lower === null || notPlaceStart.has(lower)) {
      i++;
      continue;
    }
    const before = text.slice(sentence.start, tok.start);
    // "DPR", "LPR", "Donetsk People's Republic": the occupation "republics", read as the oblast they claim.
    const republic = /^(?:Donetsk|Luhansk|Lugansk)$/.test(tok.text) ? text.slice(tok.end, sentence.end).match(/^\s+(?:People'?s\s+)?Republic\b/i) : null;
    const alias = /^[A-Z]{3}$/.test(tok.text) && regionAliases[lower] ? regionAliases[lower] : republic ? regionAliases[`${lower} republic`] : undefined;
    const aliasOblast = alias ? gazetteer.oblast(alias) : null;
    if (aliasOblast) {
      const end = republic ? tok.end + republic[0].length : tok.end;
      out.push({
        text: text.slice(tok.start, end), start: tok.start, end, sentence: sentence.index, role: 'region', qualifier: null, place: null,
        candidates: [aliasOblast], provenance: { document: documentId, start: tok.start, end, stage: 'recognise', reason: `"${text.slice(tok.start, end)}": the occupation authorities' name for ${alias} oblast` },
      });
      while (i < tokens.length && tokens[i]!.start < end) i++;
      continue;
    }
    let matched = false;
    for (const span of spansFrom(tokens, i)) {
      const last = tokens[span.end]!;
      const surface = text.slice(tok.start, last.end);
      const after = tokens[span.end + 1];
      const after2 = tokens[span.end + 2];
      const prev = tokens[i - 1];
      // "Zaporizhzhia and Kherson regions": the first of two oblasts sharing one region word.
      const sharedRegionWord = /^(?:\s*(?:,|,?\s*and)\s+[A-Z][\w'-]+)+\s+(?:regions|oblasts|provinces)\b/.test(text.slice(last.end, sentence.end)) && findOblast(surface) !== null;
      const followedByRegionWord = (after !== undefined && regionWords.test(after.text)) || sharedRegionWord;
      const followedByUnitWord = after !== undefined && UNIT_WORDS.test(after.text);
      // With no unit or region word after it, what a name finds depends on the name alone: one found nowhere before is skipped.
      const plain = !followedByUnitWord && !followedByRegionWord;
      if (plain && misses.has(surface)) continue;
      const key = keyOf(surface);

      // "Polohivskyi raion", "Shevchenkivskyi district": a raion or a city district.
      let entries: readonly GazetteerEntry[] = followedByUnitWord ? gazetteer.lookup(`${key} ${after!.text.toLowerCase()}`) : [];
      const unit = entries.length > 0;
      let how = unit ? `${after!.text.toLowerCase()} name` : 'gazetteer name';
      if (!unit) entries = gazetteer.lookup(key);
      if (entries.length === 0 && !followedByRegionWord && key.length >= 5 && gazetteer.lookupLoose) {
        entries = gazetteer.lookupLoose(key);
        if (entries.length > 0) how = `spelling variant of ${entries[0]!.name}`;
      }
      const places = placesOf(entries);
      const oblast = !unit && (followedByRegionWord || places.length === 0 || places.every((p) => p.kind === 'oblast'))
        ? findOblast(surface + (followedByRegionWord && !sharedRegionWord ? ` ${after!.text}` : sharedRegionWord ? ' oblast' : ''))
        : null;
      if (places.length === 0 && !oblast) {
        if (plain) misses.add(surface);
        continue;
      }
      if (prev && clubWords.test(prev.text)) break; // "Shakhtar Donetsk"
      // "the Dnipro", "Dnipro River": the river, not the city.
      const beyond = text.slice(last.end, sentence.end);
      if (riverNames.test(key) && ((riverBefore.test(before) && !/^\s+(?:region|oblast|raion|district|city|hromada|direction|axis)\b/i.test(beyond)) || riverAfter.test(beyond))) break;
      // "Taras Shevchenko", "Governor Fedorov": a person.
      if (!oblast && !unit && personBefore.test(before)) break;
      const wordAfter = (followedByRegionWord && !sharedRegionWord) || unit;
      const end = wordAfter ? after!.end : last.end;
      const nextAfter = wordAfter ? after2 : after;
      // "Zaporizhzhia Nuclear Power Plant", "Kharkiv TPP-5": a facility named after the city, not the city.
      if (/^\s*(?:nuclear|thermal|hydroelectric|NPP|TPP|HPP|CHP|power plant|power station)\b/i.test(text.slice(end, sentence.end))) break;
      const textAfter = text.slice(end, sentence.end);
      let role: PlaceMention['role'] = oblast && (followedByRegionWord || places.every((p) => p.kind === 'oblast')) ? 'region'
        : places.every((p) => p.kind === 'raion') ? 'region' : 'place';
      let reason = role === 'region' ? (oblast ? 'oblast name with a region word' : 'raion name') : how;
      const candidates = oblast && role === 'region' ? [gazetteer.oblast(oblast.admin1)].filter((p) => p !== null) : places;
      // A text that is nothing but the name (a headline that is only a village name) says it is a place.
      const alone = /^[\s.!?:;,-]*$/.test(before) && /^[\s.!?:;,-]*$/.test(textAfter);
      if (role === 'place' && !unit && !alone && needsContext(span.words, places)) {
        const listed = out.length > 0 && /(?:,|\band|\bor)\s*$/.test(text.slice(out[out.length - 1]!.end, tok.start)) && text.slice(out[out.length - 1]!.end, tok.start).length < 8;
        const cue = locativeBefore.test(before) || locativeAfter.test(textAfter) || listed;
        if (!cue || personAfter.test(textAfter)) {
          // Perhaps the first of a list whose next member has a cue ("X, Y and Z were shelled"): decided after the sentence.
          if (!personAfter.test(textAfter)) pending.push({ text: surface, start: tok.start, end: last.end, sentence: sentence.index, role: 'place', qualifier: null, place: null, candidates: places, provenance: { document: documentId, start: tok.start, end: last.end, stage: 'recognise', reason: `${how} (in a list of places)` } });
          continue;
        }
        reason += listed ? ' (in a list of places)' : ' (a small village: a place word around it)';
      }
      // "Kharkiv Oblast Military Administration", "Kyiv City Council", "Kyiv Independent": an institution speaking.
      if (nextAfter && isCapitalised(nextAfter) && institutionWords.test(nextAfter.text)) {
        role = 'speaker';
        reason = `part of an institution's name ("${nextAfter.text}")`;
      }
      if (capitals.test(key)) {
        const possessive = after && (after.text === "'s" || after.text === "'") && after2 && possessiveGovernment.test(after2.text);
        const nextIsEnd = !after || after.kind === 'punct';
        const actor = (after && actorAfter.test(after.text)) || (after && (after.text === "'s" || after.text === "'") && after2 && (actorAfter.test(after2.text) || possessiveGovernment.test(after2.text)));
        const source = sourceBefore.test(before) && sourceAtEnd.test(textAfter);
        const paired = ((capitalPairAfter.test(textAfter) || capitalPairBefore.test(before)) && !attackedBefore.test(before.replace(/\b(?:Moscow|Kyiv|Kiev|Washington|Minsk)\s+(?:and|or)\s+$/, ''))) || givenTo.test(before);
        if ((after && speakerAfter.test(after.text)) || possessive || actor || source || paired || (speakerBefore.test(before) && (nextIsEnd || /according to\s+$/i.test(before)))) {
          role = 'speaker';
          reason = actor ? 'a capital standing for its government\'s forces' : source ? 'a capital closing a headline as its source' : paired ? 'a capital beside another capital or given to: a government' : 'a capital standing for its government';
        }
      }
      const qualifier: PlaceMention['qualifier'] = role !== 'place' ? null : directionAfter.test(textAfter) ? 'direction' : nearBefore.test(before) ? 'near' : null;
      out.push({
        text: text.slice(tok.start, end),
        start: tok.start,
        end,
        sentence: sentence.index,
        role,
        qualifier,
        place: null,
        candidates,
        provenance: { document: documentId, start: tok.start, end, stage: 'recognise', reason },
      });
      i = wordAfter ? span.end + 2 : span.end + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  // Small villages listed right before a recognised place ("Andriivka, Klishchiivka and Bakhmut") are places too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of [...pending]) {
      const next = out.filter((m) => m.start > p.end && m.role === 'place').sort((a, b) => a.start - b.start)[0];
      if (next && /^\s*(?:,|,?\s*and|,?\s*or)\s*$/.test(text.slice(p.end, next.start))) {
        out.push(p);
        pending.splice(pending.indexOf(p), 1);
        changed = true;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
