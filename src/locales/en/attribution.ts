import type { Speaker } from '../../core/types.js';
import { roles, sideCues } from './vocabulary.js';

const VERBS = 'counted|recorded|registered|documented|said|says|reported|reports|wrote|writes|stated|states|posted|posts|announced|announces|claimed|claims|added|adds|noted|notes|told|tells|confirmed|confirms|informed|informs|warned|warns|insisted|insists|alleged|alleges|declared|declares|asserted|asserts|denied|denies|accused|accuses';

/** Attribution patterns, most specific first. Group 1 is the speaker phrase. */
const PATTERNS: RegExp[] = [
  new RegExp(`\\baccording to (?:a |an )?((?:the )?[^,;"]{2,140}?)(?=,|;|\\.$|\\.\\s|$| who\\b)`, 'i'),
  new RegExp(`(?:^|[,;"]\\s*|"\\s*)((?:the |a |an )?[A-Za-z][^,;"]{1,140}?)(?:,[^,;"]{2,120},)?\\s+(?:${VERBS})\\b`, 'i'),
  new RegExp(`\\b(?:${VERBS})\\s+((?:the |a |an )?[A-Z][^;"]{1,160}?)\\.?\\s*$`),
];

/** Words that cannot be the whole of a speaker phrase. */
const NOT_SPEAKER = /^(?:it|this|that|he|she|they|we|i|you|there|which|who|officials?|sources?|reports?|media|the (?:report|statement|message|post|video|footage|ministry|source))$/i;
const PERSON = /\b([A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:[A-Z]\. )?[A-Z][a-z']+(?:-[A-Z][a-z']+)?)\b/;
const PERSON_STOP = /^(?:The|General|Air|Armed|State|Regional|Oblast|Military|Defence|Defense|Interior|Foreign|Ministry|Office|City|Council|National|Emergency|Russian|Ukrainian|Southern|Eastern|Northern|Operational|Telegram|Facebook|Prosecutor|Police|Kyiv|Kharkiv|Zaporizhzhia|Kherson|Donetsk|Luhansk|Odesa|Mykolaiv|Sumy|Dnipropetrovsk|Chernihiv)\b/;
const ORG = /\b((?:[A-Z][\w'-]*\s)*(?:Military Administration|State Administration|Administration|General Staff|Air Force|Ministry(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|Defen[cs]e Ministry|Interior Ministry|Council|Police|Prosecutor's Office|Emergency Service|Operational Command|Defen[cs]e Forces(?: of the South)?|Command|Armed Forces(?: of Ukraine)?|Navy|National Guard|Kremlin))\b/;

/**
 * Finds who a sentence attributes its content to ("the regional governor
 * said", "according to the General Staff", "said Oleh Syniehubov, head of the
 * Kharkiv Oblast Military Administration"), with role, organisation and side.
 * Offsets are relative to `sentence` plus `base`.
 */
export function findSpeaker(sentence: string, base = 0): Speaker | null {
  for (const pattern of PATTERNS) {
    const m = sentence.match(pattern);
    if (!m || m[1] === undefined) continue;
    let phrase = m[1].trim().replace(/\s+on (?:telegram|facebook|twitter|x|its website|their website|his website|her website)$/i, '').replace(/[.\s]+$/, '');
    // Drop a leading clause that is not the speaker ("Russian troops shelled Kherson, the governor").
    if (/\b(?:shelled|struck|attacked|hit|killed|wounded|injured|launched|destroyed)\b/i.test(phrase) && !/\baccording to\b/i.test(m[0])) continue;
    if (phrase.split(/\s+/).length > 22 || NOT_SPEAKER.test(phrase)) continue;
    const start = base + (m.index ?? 0) + m[0].indexOf(m[1].trim());
    return describeSpeaker(phrase, start);
  }
  return null;
}

/** Role, organisation, person and side of a speaker phrase. */
export function describeSpeaker(phrase: string, start: number): Speaker {
  let role: string | null = null;
  let roleSide: Speaker['side'] = null;
  for (const r of roles) {
    if (new RegExp(`\\b(?:${r.pattern})\\b`, 'i').test(phrase)) {
      role = r.role;
      roleSide = r.side;
      break;
    }
  }
  const person = phrase.match(PERSON);
  const name = person && !PERSON_STOP.test(person[1]!) ? person[1]! : null;
  const org = phrase.match(ORG);
  let side: Speaker['side'] = null;
  for (const cue of sideCues) {
    if (new RegExp(`\\b(?:${cue.pattern})\\b`, 'i').test(phrase)) {
      side = cue.side;
      break;
    }
  }
  return {
    text: phrase,
    name,
    role,
    organisation: org ? org[1]!.trim() : null,
    side: side ?? roleSide,
    start,
    end: start + phrase.length,
  };
}
