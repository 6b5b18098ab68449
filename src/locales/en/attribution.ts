import type { Speaker } from '../../core/types.js';
import { roles, sideCues } from './vocabulary.js';

const VERBS = 'counted|recorded|registered|documented|said|says|reported|reports|wrote|writes|stated|states|posted|posts|announced|announces|claimed|claims|added|adds|noted|notes|told|tells|confirmed|confirms|informed|informs|warned|warns|insisted|insists|alleged|alleges|declared|declares|asserted|asserts|denied|denies|accused|accuses';

/** Attribution patterns, most specific first. Group 1 is the speaker phrase. */
const PATTERNS: RegExp[] = [
  new RegExp(`\\baccording to (?:a |an )?((?:the )?[^,;"]{2,140}?)(?=,|;|\\.$|\\.\\s|$| who\\b)`, 'gi'),
  new RegExp(`(?:^|[,;"]\\s*|"\\s*)((?:the |a |an )?[A-Za-z][^,;"]{1,140}?)(?:,[^,;"]{2,120},)?\\s+(?:${VERBS})\\b`, 'gi'),
  new RegExp(`\\b(?:${VERBS})\\s+((?:the |a |an )?[A-Z][^;"]{1,160}?)\\.?\\s*$`, 'g'),
];

/**
 * True when a sentence may attribute itself to someone: every pattern above
 * needs "according to" or one of the verbs. A cheap test that spares most
 * sentences the patterns (keep it in step with them).
 */
export function mayAttribute(sentence: string): boolean {
  return ATTRIBUTION_WORD.test(sentence);
}
const ATTRIBUTION_WORD = new RegExp(`according to|${VERBS}`, 'i');

/** A phrase ending in an auxiliary is a passive clause ("no casualties were reported"), not a speaker. */
const PASSIVE = /\b(?:were|was|is|are|been|be|being|has|have|had|not)$/i;

/** Words that cannot be the whole of a speaker phrase. */
const NOT_SPEAKER = /^(?:it|this|that|he|she|they|we|i|you|there|which|who|officials?|sources?|reports?|media|the (?:report|statement|message|post|video|footage|ministry|source))$/i;
/** Words that start with a capital in a speaker phrase but are not part of a person's name. */
const NOT_NAME = /^(?:the|a|an|governor|mayor|head|chief|president|minister|prime|deputy|secretary|spokes(?:person|man|woman)|commander|general|colonel|lieutenant|major|captain|sergeant|ambassador|ombudsman|prosecutor|adviser|advisor|advisor|officer|official|director|chairman|speaker|acting|former|regional|oblast|city|military|state|administration|ministry|office|council|staff|forces|force|police|service|emergency|national|guard|defen[cs]e|interior|foreign|armed|air|navy|command|operational|southern|eastern|northern|western|russian|ukrainian|russia|ukraine|kremlin|telegram|facebook|on|of|and|for|in)$/i;
const ORG = /\b((?:[A-Z][\w'-]*\s)*(?:Military Administration|State Administration|Administration|General Staff(?: of the Armed Forces(?: of Ukraine)?)?|Air Force|Ministry(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|Defen[cs]e Ministry|Interior Ministry|Council|Police|Prosecutor's Office|Emergency Service|Operational Command|Defen[cs]e Forces(?: of the South)?|Command|Armed Forces(?: of Ukraine)?|Navy|National Guard|Kremlin))\b/;

/**
 * Finds who a sentence attributes its content to ("the regional governor
 * said", "according to the General Staff", "said Oleh Syniehubov, head of the
 * Kharkiv Oblast Military Administration"), with role, organisation and side.
 * Offsets are relative to `sentence` plus `base`.
 */
export function findSpeaker(sentence: string, base = 0): Speaker | null {
  // "X said, according to Ukrinform": X speaks, the outlet carried the words.
  const chain = sentence.match(CHAIN);
  if (chain && chain.index !== undefined) {
    const inner = findSpeakerIn(sentence.slice(0, chain.index), base, PATTERNS.slice(1));
    if (inner) return { ...inner, via: chain[1]!.trim() };
  }
  const found = findSpeakerIn(sentence, base, PATTERNS);
  if (!found) return null;
  return { ...found, via: channelOf(sentence.slice(found.end - base)) ?? channelOf(sentence) };
}

/** ", according to Ukrinform." closing a sentence that already has a speaker. */
const CHAIN = /,\s*according to ((?:the )?[A-Z][^,;"]{1,80}?)\.?\s*$/;
const TOLD = /\btold ((?:the )?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|the))*)/;
const PLATFORM = /\b(?:on|via|in an? (?:post|video|statement|message) on|in an? )\s*(Telegram|Facebook|Twitter|X|Instagram|Viber|YouTube|TikTok)\b/;

/** The channel the words came through: "told Reuters", "wrote on Telegram". */
function channelOf(text: string): string | null {
  const told = text.match(TOLD);
  if (told) return told[1]!.replace(/[.\s]+$/, '').replace(/\s+(?:of|the)$/, '').trim();
  const platform = text.match(PLATFORM);
  return platform ? platform[1]! : null;
}

function findSpeakerIn(sentence: string, base: number, patterns: RegExp[]): Speaker | null {
  for (const pattern of patterns) {
    for (const m of sentence.matchAll(pattern)) {
      if (m[1] === undefined) continue;
      const phrase = m[1].trim().replace(/\s+on (?:telegram|facebook|twitter|x|its website|their website|his website|her website)$/i, '').replace(/[.\s]+$/, '');
      // A leading clause that is not the speaker ("Russian troops shelled Kherson, the governor").
      if (/\b(?:shelled|struck|attacked|hit|killed|wounded|injured|launched|destroyed)\b/i.test(phrase) && !/\baccording to\b/i.test(m[0])) continue;
      if (phrase.split(/\s+/).length > 22 || NOT_SPEAKER.test(phrase) || PASSIVE.test(phrase)) continue;
      const start = base + (m.index ?? 0) + m[0].indexOf(m[1].trim());
      return describeSpeaker(phrase, start);
    }
  }
  return null;
}

/**
 * A person's name in a speaker phrase: the first run of two or three
 * capitalised words that are neither titles, offices nor place names
 * ("Kharkiv Mayor Ihor Terekhov" → "Ihor Terekhov").
 */
function personName(phrase: string): string | null {
  const words = phrase.split(/[\s,]+/);
  let run: string[] = [];
  for (const w of [...words, '']) {
    const isNamePart = /^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$/.test(w) && !NOT_NAME.test(w) && !PLACE_WORD.test(w);
    if (isNamePart && run.length < 3) {
      run.push(w);
      continue;
    }
    if (run.length >= 2) return run.join(' ');
    run = isNamePart ? [w] : [];
  }
  return null;
}

/** Oblast and city names that stand before titles ("Kharkiv Mayor", "Kherson Governor"). */
const PLACE_WORD = /^(?:Kyiv|Kiev|Kharkiv|Zaporizhzhia|Zaporizhia|Kherson|Donetsk|Luhansk|Odesa|Odessa|Mykolaiv|Sumy|Dnipro|Dnipropetrovsk|Chernihiv|Poltava|Lviv|Vinnytsia|Zhytomyr|Cherkasy|Chernivtsi|Rivne|Ternopil|Volyn|Zakarpattia|Kirovohrad|Khmelnytskyi|Crimea|Sevastopol|Belgorod|Kursk|Bryansk|Moscow)$/;

const ROLE_RES = roles.map((r) => ({ ...r, re: new RegExp(`\\b(?:${r.pattern})\\b`, 'i') }));
const SIDE_RES = sideCues.map((c) => ({ ...c, re: new RegExp(`\\b(?:${c.pattern})\\b`, 'i') }));

/** Role, organisation, person and side of a speaker phrase. */
export function describeSpeaker(phrase: string, start: number): Speaker {
  let role: string | null = null;
  let roleSide: Speaker['side'] = null;
  for (const r of ROLE_RES) {
    if (r.re.test(phrase)) {
      role = r.role;
      roleSide = r.side;
      break;
    }
  }
  const name = personName(phrase);
  const org = phrase.match(ORG);
  let side: Speaker['side'] = null;
  for (const cue of SIDE_RES) {
    if (cue.re.test(phrase)) {
      side = cue.side;
      break;
    }
  }
  return {
    text: phrase,
    name,
    role,
    organisation: org ? org[1]!.trim().replace(/^The\s+/, '') : null,
    side: side ?? roleSide,
    via: null,
    start,
    end: start + phrase.length,
  };
}
