import type { NumberMention } from '../../core/types.js';
import { findNumbers } from './numbers.js';
import { casualtyNouns, injuredWords, killedWords, militaryNouns, noCasualties, unknownCasualties } from './events.js';

export interface CasualtyFigure {
  kind: 'killed' | 'injured';
  value: number;
  civilian: boolean | null;
  /** "the death toll rose to 7": an update that replaces earlier figures. */
  update: boolean;
  /** How many of them are children ("two children", "a 14-year-old girl", "including three children"); null when not said. */
  children: number | null;
  start: number;
  end: number;
  reason: string;
}

const ADJ = "(?:(?:[A-Z]{2,4}|more|other|further|local|elderly|young|old|ukrainian|russian|civilian|peaceful|innocent|more|additional|fellow|\\d+-year-old|[a-z]+-year-old|of (?:them|whom)|[a-z]+-[a-z]+|[A-Z][a-z]+)\\s+){0,3}";
const AUX = '(?:\\s+(?:were|was|have been|has been|had been|are|is|got|reportedly|also|later|were reportedly|have reportedly been|was reportedly|being))*';
const AFTER_NUMBER_KILLED = new RegExp(`^(?:\\s+${ADJ}(${casualtyNouns}))?${AUX}\\s+${killedWords}\\b`, 'i');
const AFTER_NUMBER_INJURED = new RegExp(`^(?:\\s+${ADJ}(${casualtyNouns}))?${AUX}\\s+${injuredWords}\\b`, 'i');
// "a man stepped on a mine and was seriously injured": the verb later in the clause, after "and".
const ADVERB = '(?:\\s+(?:seriously|severely|critically|badly|slightly|lightly|fatally|mortally))?';
const LATER_KILLED = new RegExp(`^(?:\\s+${ADJ}(${casualtyNouns}))[^.;:]{0,80}?,? and (?:was|were)${ADVERB}\\s+${killedWords}\\b`, 'i');
const LATER_INJURED = new RegExp(`^(?:\\s+${ADJ}(${casualtyNouns}))[^.;:]{0,80}?,? and (?:was|were)${ADVERB}\\s+${injuredWords}\\b`, 'i');
const BEFORE_NUMBER_KILLED = /\b(?:killing|killed|kills|kill|claimed the lives of|took the lives of|left|leaving|shot dead|executed|murdered)\s+$/i;
const BEFORE_NUMBER_INJURED = /\b(?:wounding|wounded|wound|injuring|injured|injures|injure|wounds|hurting|hurt)\s+$/i;
const NOUN_AFTER = new RegExp(`^\\s+${ADJ}(${casualtyNouns})`, 'i');
// "its driver", "the man": one person too (every noun here is singular).
const SINGLE = new RegExp(`\\b(an?|one|its|the|his|her) ${ADJ}(man|woman|child|boy|girl|teenager|pensioner|civilian|resident|soldier|serviceman|person|driver|worker|volunteer|police officer|rescuer|elderly (?:man|woman))\\b`, 'gi');
const TOLL = /\bdeath toll(?: [^,.;]{0,80}?)? (?:has |had )?(?:rose|risen|climbed|increased|grew|grown|reached|rises|climbs|increases|stands|stood) (?:to |at )?(?:at least )?(\d+|[a-z-]+)/i;
const INJURED_TOLL = /\b(?:number of (?:the )?(?:injured|wounded)|injured toll) (?:has |had )?(?:rose|risen|climbed|increased|grew|grown|reached|rises|stands|stood) (?:to |at )?(\d+|[a-z-]+)/i;

/** One person named without a number: "DPR militiaman killed", "shelling kills civilian". */
const ONE_VICTIM = "(?:militiaman|militia (?:member|fighter)|serviceman|servicewoman|soldier|civilian|man|woman|child|boy|girl|teenager|pensioner|resident|rescuer|volunteer|journalist|photographer|cameraman|policeman|police officer|medic|paramedic|driver|fighter|rebel|separatist|militant|sniper|commander|officer|marine|paratrooper|border guard|worker|farmer|priest|person)";
const ONE_SUBJECT = new RegExp(`\\b${ONE_VICTIM}(?:'s)?\\s+(?:was\\s+|is\\s+|has been\\s+|reportedly\\s+)?(?:(${killedWords})|${injuredWords})\\b`, 'gi');
const ONE_OBJECT = new RegExp(`\\b(?:(kills|killed|killing|kill)|wounds|wounded|wounding|injures|injured|injuring)\\s+(?:(?:[A-Z]{2,4}|[A-Z][a-z]+|elderly|young|local|another)\\s+){0,2}(${ONE_VICTIM})\\b`, 'g');

/** The same number found twice ("One" as a word and as a single person). */
function dedupe(numbers: NumberMention[]): NumberMention[] {
  return numbers.filter((n, i) => numbers.findIndex((o) => o.start === n.start) === i);
}

const COORDINATED = new RegExp(`^\\s+${ADJ}(?:${casualtyNouns})\\s*(?:,|,? and)\\s+$`, 'i');

/**
 * "two men and a woman", "a man, a woman and a child": numbers joined by
 * "and" or commas after their nouns count as one figure, their sum.
 */
function groupCoordinated(text: string, numbers: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const n of numbers) {
    const last = out[out.length - 1];
    if (last && COORDINATED.test(text.slice(last.end, n.start))) {
      out[out.length - 1] = { ...last, value: last.value + n.value, end: n.end, text: text.slice(last.start, n.end) };
      continue;
    }
    out.push(n);
  }
  return out;
}

/** A word without which a sentence states no casualty figure. */
const CASUALTY_WORD = /\b(?:kill|dead|die|dying|death|fatal|perish|lives|slain|wound|injur|hurt|hospitali|casualt|victim|harm|toll|unharmed)/i;

const CHILD_NOUN = /^(?:children|child|kids?|boys?|girls?|teen(?:ager)?s?|infants?|babies|baby|schoolchildren|schoolboys?|schoolgirls?|minors?)$/i;
/** "a 14-year-old", "a two-year-old": under 18 is a child. */
const AGE = /\b(\d+|[a-z]+)-year-old\b/i;
const INCLUDING_CHILDREN = /^,?\s*(?:including|among them|among whom|of whom|of them)\s+(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+-[a-z]+)\s+(?:(?:were\s+)?(?:children|child|kids?|boys?|girls?|teenagers?|minors?|infants?|babies|baby))\b/i;

/** How many of a figure are children, from its noun or the age written before it. */
function childrenOf(value: number, noun: string | undefined, phrase: string): number | null {
  if (noun && CHILD_NOUN.test(noun.trim())) return value;
  const age = phrase.match(AGE);
  if (age && noun && !/soldier|servicem|fighter|troop|marine/i.test(noun)) {
    const years = /^\d+$/.test(age[1]!) ? Number(age[1]) : findNumbers(age[1]!)[0]?.value;
    if (years !== undefined && years < 18) return value;
  }
  return null;
}

function civilianOf(noun: string | undefined): boolean | null {
  if (!noun) return null;
  return militaryNouns.test(noun) ? false : true;
}

/**
 * Killed and injured figures stated in one sentence. "no casualties" gives 0;
 * "casualties unknown" gives nothing (null). Offsets relative to `text` plus `base`.
 */
export function findCasualties(text: string, base = 0, found?: readonly NumberMention[]): { figures: CasualtyFigure[]; unknown: boolean } {
  const figures: CasualtyFigure[] = [];
  // Most sentences say nothing of casualties: one cheap test before the costly patterns.
  if (!CASUALTY_WORD.test(text)) return { figures, unknown: false };
  const unknown = unknownCasualties.test(text);
  // Numbers already found in the sentence (offsets relative to the text plus base), or found now.
  const numbers: NumberMention[] = found ? found.map((n) => ({ ...n, start: n.start - base, end: n.end - base })) : findNumbers(text, 0);
  // "a man", "a woman": one person.
  for (const m of text.matchAll(SINGLE)) {
    numbers.push({ value: 1, max: null, qualifier: 'exact', text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + (m[1]?.length ?? 1) });
  }
  // A headline that opens with one person ("Man killed in …", "Soldier wounded …").
  const one = text.match(new RegExp(`^(Man|Woman|Child|Boy|Girl|Teenager|Soldier|Serviceman|Servicewoman|Civilian|Journalist|Photographer|Militiaman|Policeman|Volunteer|Medic|Resident)${AUX}\\s+(?:(${killedWords})|${injuredWords})\\b`));
  if (one) {
    figures.push({ kind: one[2] ? 'killed' : 'injured', value: 1, civilian: civilianOf(one[1]!.toLowerCase()), update: false, children: childrenOf(1, one[1], one[0]), start: base, end: base + one[0].length, reason: `"${one[0]}"` });
  }
  numbers.sort((a, b) => a.start - b.start);
  for (const n of groupCoordinated(text, dedupe(numbers).filter((n) => !/\b(?:no|not a single|not one)\s+$/i.test(text.slice(Math.max(0, n.start - 12), n.start))))) {
    const after = text.slice(n.end);
    const before = text.slice(Math.max(0, n.start - 40), n.start);
    const k = after.match(AFTER_NUMBER_KILLED);
    const j = k ? null : after.match(AFTER_NUMBER_INJURED);
    if (k || j) {
      const m = (k ?? j)!;
      figures.push({ kind: k ? 'killed' : 'injured', value: n.value, civilian: civilianOf(m[1]), update: false, children: childrenOf(n.value, m[1], m[0]), start: base + n.start, end: base + n.end + m[0].length, reason: `"${text.slice(n.start, n.end + m[0].length).trim()}"` });
      continue;
    }
    const lk = after.match(LATER_KILLED);
    const lj = lk ? null : after.match(LATER_INJURED);
    if (lk || lj) {
      const m = (lk ?? lj)!;
      figures.push({ kind: lk ? 'killed' : 'injured', value: n.value, civilian: civilianOf(m[1]), update: false, children: childrenOf(n.value, m[1], m[0]), start: base + n.start, end: base + n.end + m[0].length, reason: `"${text.slice(n.start, n.end + m[0].length).trim()}"` });
      continue;
    }
    const bk = BEFORE_NUMBER_KILLED.test(before);
    const bi = !bk && BEFORE_NUMBER_INJURED.test(before);
    if (bk || bi) {
      const noun = after.match(NOUN_AFTER);
      // "left 3 ..." only counts with a casualty noun and death/injury words after it
      if (/\b(?:left|leaving)\s+$/i.test(before)) {
        const rest = after.slice(noun?.[0].length ?? 0);
        const dead = /^\s+(?:dead|killed)\b/i.test(rest);
        const hurt = /^\s+(?:wounded|injured)\b/i.test(rest);
        if (!dead && !hurt) continue;
        figures.push({ kind: dead ? 'killed' : 'injured', value: n.value, civilian: civilianOf(noun?.[1]), update: false, children: childrenOf(n.value, noun?.[1], noun?.[0] ?? ''), start: base + n.start, end: base + n.end, reason: 'left N dead/wounded' });
        continue;
      }
      if (!noun && !/^\s*(?:[,.;]|and\b|$)/i.test(after)) continue;
      figures.push({ kind: bk ? 'killed' : 'injured', value: n.value, civilian: civilianOf(noun?.[1]), update: false, children: childrenOf(n.value, noun?.[1], noun?.[0] ?? ''), start: base + n.start, end: base + n.end + (noun?.[0].length ?? 0), reason: `"${text.slice(Math.max(0, n.start - 12), n.end + (noun?.[0].length ?? 0)).trim()}"` });
    }
  }
  // "DPR militiaman killed", "shelling kills civilian": one person, where no figure already covers the words.
  const covered = (at: number) => figures.some((f) => base + at >= f.start && base + at < f.end);
  for (const m of text.matchAll(ONE_SUBJECT)) {
    const at = m.index ?? 0;
    if (covered(at)) continue;
    const noun = m[0].match(new RegExp(`^${ONE_VICTIM}`, 'i'))?.[0];
    figures.push({ kind: m[1] ? 'killed' : 'injured', value: 1, civilian: civilianOf(noun), update: false, children: childrenOf(1, noun, m[0]), start: base + at, end: base + at + m[0].length, reason: `one person: "${m[0]}"` });
  }
  for (const m of text.matchAll(ONE_OBJECT)) {
    const at = m.index ?? 0;
    if (covered(at + m[0].length - 1)) continue;
    figures.push({ kind: m[1] ? 'killed' : 'injured', value: 1, civilian: civilianOf(m[2]), update: false, children: childrenOf(1, m[2], m[0]), start: base + at, end: base + at + m[0].length, reason: `one person: "${m[0]}"` });
  }
  // "injured 11 people, including three children": the children are part of the figure before.
  for (const f of figures) {
    const m = text.slice(f.end - base).match(INCLUDING_CHILDREN);
    if (!m) continue;
    const value = /^an?$/i.test(m[1]!) ? 1 : findNumbers(m[1]!)[0]?.value;
    if (value !== undefined && value <= f.value) f.children = value;
  }
  for (const [re, kind] of [[TOLL, 'killed'], [INJURED_TOLL, 'injured']] as const) {
    const m = text.match(re);
    if (!m) continue;
    const value = findNumbers(m[1] ?? '')[0]?.value;
    if (value === undefined) continue;
    figures.push({ kind, value, civilian: null, update: true, children: null, start: base + (m.index ?? 0), end: base + (m.index ?? 0) + m[0].length, reason: 'an updated toll' });
  }
  for (const rule of noCasualties) {
    const m = text.match(rule.pattern);
    if (!m) continue;
    const at = base + (m.index ?? 0);
    const end = at + m[0].length;
    if (rule.killed && !figures.some((f) => f.kind === 'killed')) figures.push({ kind: 'killed', value: 0, civilian: null, update: false, children: 0, start: at, end, reason: `stated as none: "${m[0]}"` });
    if (rule.injured && !figures.some((f) => f.kind === 'injured')) figures.push({ kind: 'injured', value: 0, civilian: null, update: false, children: 0, start: at, end, reason: `stated as none: "${m[0]}"` });
  }
  return { figures, unknown };
}
