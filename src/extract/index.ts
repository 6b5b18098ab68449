import type {
  AggregateReport, Claim, NumberMention, PlaceMention, Provenance, Sentence, Speaker, SubEventType,
} from '../core/types.js';
import type { Recognised } from '../recognise/index.js';
import { findCasualties } from '../locales/en/casualties.js';
import {
  attackCountNouns, beforeThisWar, fightingWords, warContext, claimCues, modalMay, corroboratedCues, disputedCues, launchedNouns, notHappened, regionCount,
  settlementNouns, triggerRules, unverifiedCues,
} from '../locales/en/events.js';
import { parseNumberWords } from '../locales/en/numbers.js';
import { actorCues, ACTORS, targets as targetVocabulary, weapons as weaponVocabulary, type VocabularyEntry } from '../locales/en/vocabulary.js';
import { anyOf } from '../text/any-of.js';

/** An event before its place and date are resolved. */
export interface EventDraft {
  sentence: number;
  /** Index into `places` of the mention the event happened at, or null when the text names no place. */
  mention: number | null;
  /** Where the place came from when it is not in the sentence itself. */
  mentionReason: string | null;
  sub_event_type: SubEventType;
  actor1: string | null;
  actor2: string | null;
  attacks: number | null;
  killed: number | null;
  injured: number | null;
  civilian: boolean | null;
  /** Children among the killed and injured (0: figures stated, none a child; null: no figure). */
  children: { killed: number | null; injured: number | null };
  outcome: 'repelled' | null;
  /** Interceptions: how many drones or missiles were launched and how many destroyed, when the text counts them. */
  launched: number | null;
  destroyed: number | null;
  targets: string[];
  weapons: string[];
  speaker: Speaker | null;
  quote: { text: string; start: number; end: number };
  /** Later sentences that add to this event (an updated toll, casualties told after the attack). */
  alsoIn: { text: string; start: number; end: number; speaker: string | null }[];
  provenance: Provenance[];
}

/** An aggregate report before its period is resolved. */
export interface AggregateDraft extends Omit<AggregateReport, 'period_start' | 'period_end'> {
  sentence: number;
}

export interface Extracted extends Recognised {
  drafts: EventDraft[];
  aggregates: AggregateDraft[];
  claims: Claim[];
}

const EVENT_TYPE: Record<SubEventType, 'Explosions/Remote violence' | 'Battles' | 'Strategic developments' | 'Violence against civilians'> = {
  'Shelling/artillery/missile attack': 'Explosions/Remote violence',
  'Air/drone strike': 'Explosions/Remote violence',
  'Remote explosive/landmine/IED': 'Explosions/Remote violence',
  'Armed clash': 'Battles',
  'Government regains territory': 'Battles',
  'Non-state actor overtakes territory': 'Battles',
  'Disrupted weapons use': 'Strategic developments',
  Attack: 'Violence against civilians',
  'Abduction/forced disappearance': 'Violence against civilians',
};

/** ACLED's event type for a sub-event type. */
export const eventTypeOf = (sub: SubEventType) => EVENT_TYPE[sub];

function compileVocabulary(entries: VocabularyEntry[]) {
  const compiled = entries.map((e) => ({ ...e, re: new RegExp(`(?<![\\w-])(?:${e.patterns.join('|')})(?![\\w-])`, 'i') }));
  // Most sentences name nothing of a vocabulary: one test for all of it first (true exactly when some entry's is).
  const any = new RegExp(`(?<![\\w-])(?:${entries.flatMap((e) => e.patterns).join('|')})(?![\\w-])`, 'i');
  return Object.assign(compiled, { any });
}
const WEAPONS = compileVocabulary(weaponVocabulary);
const TARGETS = compileVocabulary(targetVocabulary);
const ACTOR_RES = actorCues.map((c) => ({ ...c, re: new RegExp(`(?<![\\w-])(?:${c.pattern})(?![\\w-])`, 'gi') }));
/** Targets that make the defender, not civilians, actor2. */
const MILITARY_TARGETS = new Set(['military positions', 'military equipment']);
const AIR_WEAPONS = new Set(['drone', 'Shahed drone', 'FPV drone', 'Lancet drone', 'guided aerial bomb', 'aviation']);
/** Most sentences hold no trigger: one test for all the rules first. */
const ANY_TRIGGER = anyOf(triggerRules.map((r) => r.pattern));

/** Labels of a vocabulary that the text names, with their categories, in vocabulary order. */
function labelsIn(text: string, vocabulary: ReturnType<typeof compileVocabulary>): string[] {
  const out: string[] = [];
  if (!vocabulary.any.test(text)) return out;
  for (const entry of vocabulary) {
    if (!entry.re.test(text)) continue;
    if (!out.includes(entry.label)) out.push(entry.label);
    if (entry.category && !out.includes(entry.category)) out.push(entry.category);
  }
  return out;
}

/** Weapons named in a sentence; a generic label is dropped when a specific one of its kind is there. */
/** "struck a Ukrainian howitzer", "hit two Russian tanks": equipment that was hit is a target, not the attacker's weapon. */
const EQUIPMENT_HIT = /\b(?:struck|strikes?|hit|hits|targeted|targets|attacked|attacks|disabled|knocked out)\s+(?:an? |the |two |three |four |several |\d+ )?(?:Ukrainian|Russian|enemy|the enemy's)\s+(?:[\w-]+\s+){0,2}?(?:howitzers?|guns?|tanks?|mortars?|mlrs|launchers?|air defen[cs]e systems?|radars?|armou?red (?:vehicles?|personnel carriers?)|infantry fighting vehicles?|apcs?|ifvs?|bmps?|btrs?|systems?|vehicles?)\b/gi;

const EQUIPMENT_HIT_ONCE = new RegExp(EQUIPMENT_HIT.source, 'i');

export function findWeapons(text: string): string[] {
  const found = labelsIn(text.replace(EQUIPMENT_HIT, (m) => m.replace(/(?:Ukrainian|Russian|enemy|the enemy's)\s+.*$/i, '')), WEAPONS);
  // "shelled" alone implies artillery only when nothing more specific was named.
  if (found.includes('artillery') && !/\b(?:artillery|howitzers?|cannon)\b/i.test(text) && found.some((w) => w !== 'artillery')) {
    found.splice(found.indexOf('artillery'), 1);
  }
  // Rockets of a named rocket system are MLRS rounds, not a separate missile.
  if (found.includes('missile') && (found.some((w) => w === 'cruise missile' || w === 'ballistic missile') || (found.includes('MLRS') && !/\bmissiles?\b/i.test(text)))) {
    found.splice(found.indexOf('missile'), 1);
  }
  return found;
}

/** What an attacker used ("with tanks and armoured vehicles"): weapons, never targets. */
const MEANS = /\b(?:with|using|by means of|aboard|from)\b[^,.;]*/gi;

/** Target categories named in a sentence, leaving out the attacker's means. */
export function findTargets(text: string): string[] {
  const found = labelsIn(text.replace(MEANS, ' '), TARGETS);
  if (EQUIPMENT_HIT_ONCE.test(text) && !found.includes('military equipment')) found.push('military equipment');
  return found;
}

/**
 * Which side a sentence names as acting, if any: the side named last before the
 * trigger (the subject of its verb: "According to the Ukrainian army, Russian
 * troops shelled ..."), else the first named after it (the first named when
 * the sentence has no trigger).
 */
function attackerSide(text: string, speaker: Speaker | null, triggerAt = 0): { side: 'russia' | 'ukraine' | null; at: number; end: number; reason: string } {
  type Cue = { side: 'russia' | 'ukraine' | 'enemy' | 'own'; at: number; end: number };
  const cues: Cue[] = [];
  for (const cue of ACTOR_RES) {
    // exec on the shared expression, not matchAll (which copies it on every call); none of them matches empty.
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m !== null; m = cue.re.exec(text)) cues.push({ side: cue.side, at: m.index, end: m.index + m[0].length });
  }
  cues.sort((a, b) => a.at - b.at);
  let i = cues.filter((c) => c.at < triggerAt).length - 1;
  // "Russian and Ukrainian forces clashed": of a subject of two sides, the one named first.
  while (i > 0 && /^\s*,?\s*and\s*$/.test(text.slice(cues[i - 1]!.end, cues[i]!.at))) i--;
  const first = i >= 0 ? cues[i] : cues[0];
  if (first?.side === 'enemy') {
    if (speaker?.side === 'Russia') return { side: 'ukraine', at: first.at, end: first.end, reason: '"the enemy" in a Russian speaker\'s words' };
    return { side: 'russia', at: first.at, end: first.end, reason: '"the enemy" in a Ukrainian account' };
  }
  if (first?.side === 'own') {
    if (speaker?.side === 'Russia') return { side: 'russia', at: first.at, end: first.end, reason: '"our troops" in a Russian speaker\'s words' };
    return { side: 'ukraine', at: first.at, end: first.end, reason: '"our troops" in a Ukrainian account' };
  }
  if (first) return { side: first.side, at: first.at, end: first.end, reason: 'named in the sentence' };
  return { side: null, at: -1, end: -1, reason: 'no attacker named' };
}

const CLAIMED = /\b(?:claim(?:s|ed|ing)?|boast(?:s|ed|ing)?)\b/i;

/**
 * The first trigger rule that fires, or null. A change of control counts only
 * when a settlement is named right after its verb ("captured Lysychansk", not
 * "captured two soldiers"; `placeAt` says whether one starts at an offset) and
 * the sentence does not present it as a claim.
 */
function findTrigger(text: string, placeAt: (offset: number) => boolean = () => false) {
  if (ANY_TRIGGER && !ANY_TRIGGER.test(text)) return null;
  for (const rule of triggerRules) {
    const m = text.match(rule.pattern);
    if (!m) continue;
    // A party's claim to have taken a place ("claimed to have captured X, without providing evidence") stays a claim.
    if (rule.territory && (!placeAt((m.index ?? 0) + m[0].length) || CLAIMED.test(text) || unverifiedCues.test(text))) continue;
    return { rule, match: m };
  }
  return null;
}

/** Numbers followed by a noun pattern ("31 attacks", "92 towns and villages"). */
function numbersBefore(numbers: NumberMention[], text: string, base: number, noun: RegExp): NumberMention[] {
  return numbers.filter((n) => noun.test(text.slice(n.end - base)));
}

/**
 * The mention an in-sentence figure belongs to when the sentence names several
 * places: the nearest place before it, or the first place after it.
 */
function nearestMention(places: { index: number; mention: PlaceMention }[], at: number): number | null {
  let best: number | null = null;
  for (const p of places) if (p.mention.end <= at) best = p.index;
  return best ?? places[0]?.index ?? null;
}

/** The rule for a sentence that names a weapon and casualties but no attack word. */
const WEAPON_AND_CASUALTIES = { sub: 'Shelling/artillery/missile attack' as SubEventType, pattern: /$^/, specific: false, reason: 'a weapon and casualties, no attack word' };

/** Soldiers killed with no means stated: ACLED codes such reports as armed clashes. */
const SOLDIERS_KILLED = { sub: 'Armed clash' as SubEventType, pattern: /$^/, specific: true, reason: 'soldiers killed, no means stated' };
/** People killed by a named side with no means stated: most such reports are of shelling. */
const PEOPLE_KILLED = { sub: 'Shelling/artillery/missile attack' as SubEventType, pattern: /$^/, specific: true, reason: 'people killed by a named side, no means stated (coded as shelling, the most common cause)' };
/** People killed in fighting ("Fighting kills six in Donetsk"): an armed clash. */
const KILLED_IN_FIGHTING = { sub: 'Armed clash' as SubEventType, pattern: /$^/, specific: true, reason: 'people killed in fighting, no means stated' };
/** People killed with words of the war around them but no side or means ("five civilians killed as the truce falters"). */
const KILLED_IN_WAR = { sub: 'Shelling/artillery/missile attack' as SubEventType, pattern: /$^/, specific: true, reason: 'people killed in the war, no side or means stated (coded as shelling, the most common cause)' };

/** What a ground attack is aimed at: positions, or ground "near" a place. */
const GROUND_OBJECT = /\battack(?:ed|s|ing)?\s+(?:(?:the |their |our )?(?:ukrainian |russian |enemy |defensive )?positions|(?:in the direction of|towards?|near|around|north of|south of|east of|west of)\b)/i;

/** Words that point back at a place named before ("the city", "there"). */
const ANAPHORA = /\b(?:the (?:city|town|village|settlement|community|hromada|district|region|area|regional (?:centre|center))|there|its (?:outskirts|residents|centre|center))\b/i;

/**
 * The extract stage: events, aggregate reports and claims from each sentence,
 * by the English rules under `locales/en`. Places and dates are left for the
 * resolve stage; every value keeps the characters and rule it came from.
 */
export function extract(doc: Recognised): Extracted {
  const drafts: EventDraft[] = [];
  const aggregates: AggregateDraft[] = [];
  const claims: Claim[] = [];
  const placesBySentence = new Map<number, { index: number; mention: PlaceMention }[]>();
  doc.places.forEach((mention, index) => {
    const list = placesBySentence.get(mention.sentence) ?? [];
    list.push({ index, mention });
    placesBySentence.set(mention.sentence, list);
  });
  let lastSpeaker: { speaker: Speaker; sentence: Sentence } | null = null;
  const datelinePlace = findDatelinePlace(doc);

  for (const sentence of doc.sentences) {
    const text = sentence.text;
    const base = sentence.start;
    const inSentence = placesBySentence.get(sentence.index) ?? [];
    // "the Saltivskyi district of Kharkiv": the city that encloses a district named in the sentence is not a second place.
    const enclosing = new Set(inSentence.flatMap((p) => p.mention.candidates.filter((c) => c.kind === 'district' && c.parent).map((c) => c.parent!)));
    const ownSpeaker = doc.speakers[sentence.index] ?? null;
    let settlements = inSentence.filter((p) => p.mention.role === 'place' && !(enclosing.size > 0 && p.mention.candidates.some((c) => c.kind === 'settlement' && enclosing.has(c.name))));
    // "the Odesa regional governor said": a place inside the speaker's title is not where it happened, when another place is named.
    const inSpeaker = (p: { mention: PlaceMention }) => ownSpeaker !== null && p.mention.start >= ownSpeaker.start && p.mention.end <= ownSpeaker.end;
    if (settlements.some(inSpeaker) && settlements.some((p) => !inSpeaker(p))) settlements = settlements.filter((p) => !inSpeaker(p));
    const regions = inSentence.filter((p) => p.mention.role === 'region');
    // A speaker named in the paragraph's earlier sentence covers what follows.
    const speaker = ownSpeaker ?? (lastSpeaker && lastSpeaker.sentence.paragraph === sentence.paragraph ? lastSpeaker.speaker : null);
    if (ownSpeaker) lastSpeaker = { speaker: ownSpeaker, sentence };
    const numbers = doc.numbers[sentence.index] ?? [];
    let trigger = findTrigger(text, (offset) => settlements.some((p) => p.mention.start - base === offset));
    const quote = { text, start: sentence.start, end: sentence.end };

    // Aggregate reports: counts of settlements, of weapons launched, or of attacks on a whole region.
    const regionNames = regions.map((r) => r.mention.candidates[0]?.admin1 ?? r.mention.text);
    const aggregate = (kind: AggregateDraft['kind'], value: number, regionTotal: number | null) => aggregates.push({
      sentence: sentence.index, kind, value, regions: regionTotal, region_names: regionNames,
      speaker: speaker?.text ?? null, quote: text, start: sentence.start, end: sentence.end,
    });
    const regionsCounted = text.match(regionCount);
    for (const n of trigger ? numbersBefore(numbers, text, base, settlementNouns) : []) {
      aggregate('settlements_attacked', n.value, regionsCounted ? parseNumberWords(regionsCounted[1] ?? '') : regions.length > 0 ? regions.length : null);
    }
    // Weapons counted: launched ("launched 45 drones") are an aggregate figure; in an interception, "shot down 40 of
    // 45 drones" gives 40 destroyed and 45 launched, and a count with no launch verb before it ("intercepted two
    // missiles", "two drones were shot down") is the number destroyed.
    const interception = trigger?.rule.sub === 'Disrupted weapons use';
    const launchVerb = /\b(?:launched|fired|attacked with|used|sent)\b/i;
    const counted = trigger && (interception || launchVerb.test(text)) ? numbersBefore(numbers, text, base, launchedNouns) : [];
    const totalOf = (n: NumberMention): NumberMention | null => {
      const of = text.slice(n.end - base).match(/^\s+(?:out )?of (?:the )?/);
      return of ? numbers.find((o) => o.start === n.end + of[0].length) ?? null : null;
    };
    let launched: number | null = null;
    let destroyed: number | null = null;
    for (const n of interception ? numbers : []) {
      const total = totalOf(n);
      if (total && counted.includes(total)) {
        destroyed ??= n.value;
        launched ??= total.value;
      }
    }
    for (const n of counted) {
      const isTotal = numbers.some((o) => totalOf(o) === n);
      if (interception && !isTotal && !launchVerb.test(text.slice(0, n.start - base))) {
        destroyed ??= n.value;
        continue;
      }
      if (interception && !isTotal) launched ??= n.value;
      const noun = text.slice(n.end - base).match(launchedNouns)?.[0] ?? '';
      aggregate(/drone|uav|shahed|geran/i.test(noun) ? 'drones_launched' : 'missiles_launched', n.value, null);
    }
    // "air defence shot down 40": a bare count right after the interception verb.
    if (interception && destroyed === null) {
      const end = base + (trigger!.match.index ?? 0) + trigger!.match[0].length;
      destroyed = numbers.find((n) => n.start >= end && /^\s*$/.test(text.slice(end - base, n.start - base)))?.value ?? null;
    }
    const attackCounts = numbersBefore(numbers, text, base, attackCountNouns);
    if (trigger && settlements.length === 0 && regions.length > 0) {
      for (const n of attackCounts) aggregate('attacks', n.value, regions.length);
    }
    // A sentence that only counts (settlements, attacks on a region) is an aggregate report; settlements it names are still events.
    const isAggregate = settlements.length === 0 && aggregates.some((a) => a.sentence === sentence.index && a.kind !== 'drones_launched' && a.kind !== 'missiles_launched');

    // Events.
    const casualties = findCasualties(text, base, numbers);
    const weapons = findWeapons(text);
    let actor = attackerSide(text, speaker, trigger?.match.index);
    // "Russia sent drones to Kyiv, injuring two": a weapon and casualties make an attack without an attack word.
    if (trigger === null && weapons.length > 0 && casualties.figures.some((f) => f.value > 0)) {
      trigger = { rule: WEAPON_AND_CASUALTIES, match: text.match(/\S+/) as RegExpMatchArray };
    }
    // "Two people are injured." right after an attack: the figures belong to the event of the sentence before.
    const previous = drafts.filter((d) => d.sentence === sentence.index - 1 && doc.sentences[d.sentence]?.paragraph === sentence.paragraph);
    if (trigger === null && previous.length === 1 && casualties.figures.length > 0) {
      const d = previous[0]!;
      for (const f of casualties.figures) {
        if (f.kind === 'killed' && (d.killed === null || f.update)) {
          d.killed = f.value;
          d.children.killed = f.children ?? (f.update ? d.children.killed : 0);
        }
        if (f.kind === 'injured' && (d.injured === null || f.update)) {
          d.injured = f.value;
          d.children.injured = f.children ?? (f.update ? d.children.injured : 0);
        }
        if (f.value > 0 && f.civilian !== null && d.civilian === null) {
          d.civilian = f.civilian;
          if (f.civilian && d.actor2 === null && eventTypeOf(d.sub_event_type) === 'Explosions/Remote violence') d.actor2 = ACTORS.civilians;
        }
        d.provenance.push({ document: doc.id, start: f.start, end: f.end, stage: 'extract', reason: `${f.kind}: ${f.reason}, in the sentence after the event` });
      }
      d.alsoIn.push({ ...quote, speaker: speaker?.text ?? null });
      continue;
    }
    // "Three Ukrainian soldiers killed in the east": people killed in the war with no means stated.
    const killedInWar = casualties.figures.find((f) => f.kind === 'killed' && f.value > 0 && !f.update);
    if (trigger === null && killedInWar && (killedInWar.civilian === false || actor.side !== null || warContext.test(text))) {
      const rule = killedInWar.civilian === false ? SOLDIERS_KILLED
        : fightingWords.test(text) ? KILLED_IN_FIGHTING
          : actor.side !== null ? PEOPLE_KILLED : KILLED_IN_WAR;
      trigger = { rule, match: text.match(/\S+/) as RegExpMatchArray };
    }
    // A generic attack word counts with an attacker, a weapon, a casualty, or a count of attacks on a settlement ("counted 31 attacks in Orikhiv").
    // "entered X", "took over X" change control only when an armed side does it (not "a convoy entered Kupiansk").
    const unarmedEntry = trigger?.rule.territory === 'take' && actor.side === null && /\b(?:entered|took over)\b/.test(trigger.match[0]);
    const eventful = trigger !== null && !unarmedEntry && (trigger.rule.specific || actor.side !== null || weapons.length > 0 || casualties.figures.some((f) => f.value > 0)
      || (attackCounts.length > 0 && settlements.length > 0));
    const blocked = eventful ? (text.match(notHappened) ?? text.match(modalMay) ?? text.match(beforeThisWar)) : null;
    if (eventful && !blocked && !isAggregate) {
      // The events of the sentence in a function of their own: V8 compiles it apart from the rest of extract(), and a
      // whole-extract() compile (repeated after each deoptimisation) took about a second and left 100+ MB of RSS.
      ((): void => {
      const rule = trigger!.rule;
      let sub = rule.sub;
      if (!rule.specific) {
        // "attacked Ukrainian positions", "attacked near Robotyne" with no weapon: a ground attack.
        const ground = weapons.length === 0 && /\battack(?:ed|s|ing)?\b/i.test(trigger!.match[0]) && (GROUND_OBJECT.test(text));
        sub = ground ? 'Armed clash'
          : weapons.some((w) => AIR_WEAPONS.has(w)) && !weapons.some((w) => w === 'artillery' || w === 'MLRS' || w === 'missile' || w === 'cruise missile' || w === 'ballistic missile') ? 'Air/drone strike' : 'Shelling/artillery/missile attack';
      }
      // One event per place: a place named twice in the sentence is one event.
      const byPlace = new Map<string, { index: number; mention: PlaceMention }[]>();
      for (const p of settlements.length > 0 ? settlements : regions) {
        const key = p.mention.candidates[0]?.id ?? p.mention.text.toLowerCase();
        byPlace.set(key, [...(byPlace.get(key) ?? []), p]);
      }
      let where = [...byPlace.values()];
      let mentionReason: string | null = null;
      if (where.length === 0 && datelinePlace !== null) {
        // A report that opens with a line naming only its place (a dateline): what it tells without a place happened there.
        where = [[{ index: datelinePlace, mention: doc.places[datelinePlace]! }]];
        mentionReason = 'the place line that opens the report';
      }
      if (where.length === 0) {
        // "the town", "there", or a sentence that goes on about the event before it: the settlement named just before in the paragraph.
        const continues = drafts.some((d) => d.sentence === sentence.index - 1 && doc.sentences[d.sentence]?.paragraph === sentence.paragraph);
        const prior = ANAPHORA.test(text) || continues ? findPriorSettlement(doc, sentence) : null;
        if (prior !== null) {
          where = [[{ index: prior, mention: doc.places[prior]! }]];
          mentionReason = ANAPHORA.test(text) ? 'the place named in an earlier sentence of the paragraph' : 'continues the event of the sentence before';
        }
      }
      // With no place at all, only casualties make it worth recording (place unknown).
      if (where.length === 0 && !casualties.figures.some((f) => f.value > 0)) return;
      const flat = where.flat();
      // "Ukrainian forces repelled ...", "Ukrainian air defence shot down ...": the side named first defends.
      // Not when the verb is passive ("Russian missiles were shot down"): then the side named first attacked, and
      // the side named after "by" defends ("... were shot down by Ukrainian air defence").
      const at = trigger!.match.index ?? 0;
      const passive = /\b(?:were|was|been|being)\s+$/i.test(text.slice(0, at));
      // The side must be the subject of that verb, not of a clause before ("Russia launched 45 drones; air defence destroyed 40").
      const defenderNamed = passive ? actor.at > at && /\bby\s+(?:the\s+)?$/i.test(text.slice(0, actor.at))
        : actor.at < at && !/[;:]|\b(?:launched|fired|sent|attacked)\b/i.test(text.slice(actor.end, at));
      if (rule.defenderFirst && actor.side && defenderNamed) {
        actor = { side: actor.side === 'russia' ? 'ukraine' : 'russia', at: actor.at, end: actor.end, reason: `the side named before "${trigger!.match[0]}" is the defender` };
      }
      // "liberated X" with no side named: Ukraine's forces, unless a Russian official says it.
      const regained = rule.territory === 'regain' && actor.side === null ? (speaker?.side === 'Russia' ? 'russia' : 'ukraine') : null;
      const side = actor.side ?? regained ?? (sub === 'Armed clash' || rule.territory ? 'russia' : speaker?.side === 'Russia' ? 'ukraine' : 'russia');
      const actorReason = actor.side ? actor.reason
        : regained ? `no side named; "${trigger!.match[0].trim()}" ${regained === 'ukraine' ? 'in a Ukrainian account' : 'in a Russian official\'s words'}`
          : `no attacker named; ${speaker?.side === 'Russia' ? 'a Russian source reports Ukrainian fire' : 'coded as Russian fire on Ukraine'}`;
      // ACLED: Ukraine's forces taking a place back is "Government regains territory"; Russia's taking one, "Non-state actor overtakes territory".
      if (rule.territory) sub = side === 'ukraine' ? 'Government regains territory' : 'Non-state actor overtakes territory';
      // A mine or explosive dropped from a drone or aircraft is an air strike.
      if (sub === 'Remote explosive/landmine/IED' && weapons.some((w) => AIR_WEAPONS.has(w))) sub = 'Air/drone strike';
      const targets = findTargets(text);
      const attacker = side === 'russia' ? ACTORS.russia : ACTORS.ukraine;
      const defender = side === 'russia' ? ACTORS.ukraine : ACTORS.russia;
      const places = where.length > 0 ? where : [null];
      for (const group of places) {
        const p = group?.[0] ?? null;
        const mine = (at: number) => where.length <= 1 || group?.some((g) => g.index === nearestMention(flat, at)) === true;
        const killedFigures = casualties.figures.filter((f) => f.kind === 'killed' && mine(f.start));
        const injuredFigures = casualties.figures.filter((f) => f.kind === 'injured' && mine(f.start));
        const pick = (fs: typeof killedFigures) => (fs.find((f) => f.update) ?? fs[0])?.value ?? null;
        /** Children among a kind of figure: what the chosen figure says, 0 when it names no child, null with no figure. */
        const childrenIn = (fs: typeof killedFigures) => {
          const f = fs.find((x) => x.update) ?? fs[0];
          return f === undefined ? null : f.children ?? (f.update ? null : 0);
        };
        const attackFigure = attackCounts.find((n) => mine(n.start));
        const civilian = [...killedFigures, ...injuredFigures].find((f) => f.value > 0 && f.civilian !== null)?.civilian ?? null;
        // ACLED: the interceptor is actor1; civilians are actor2 when they or civilian objects were hit.
        const actor1 = sub === 'Disrupted weapons use' ? defender : attacker;
        const actor2 = sub === 'Armed clash' || rule.territory ? defender
          : sub === 'Attack' || sub === 'Abduction/forced disappearance' ? ACTORS.civilians
          : sub === 'Disrupted weapons use' ? attacker
            : civilian === true || targets.some((t) => !MILITARY_TARGETS.has(t)) ? ACTORS.civilians
              : targets.some((t) => MILITARY_TARGETS.has(t)) || civilian === false ? defender : null;
        const provenance: Provenance[] = [
          { document: doc.id, start: sentence.start, end: sentence.end, stage: 'extract', reason: `${rule.reason}: "${trigger!.match[0]}" → ${sub}` },
          { document: doc.id, start: sentence.start, end: sentence.end, stage: 'extract', reason: `actor: ${actorReason}` },
        ];
        if (p) provenance.push({ ...p.mention.provenance, stage: 'recognise', reason: mentionReason ?? p.mention.provenance.reason });
        for (const f of [...killedFigures, ...injuredFigures]) provenance.push({ document: doc.id, start: f.start, end: f.end, stage: 'extract', reason: `${f.kind}: ${f.reason}` });
        if (casualties.unknown) provenance.push({ document: doc.id, start: sentence.start, end: sentence.end, stage: 'extract', reason: 'casualties stated as unknown' });
        drafts.push({
          sentence: sentence.index,
          mention: p?.index ?? null,
          mentionReason,
          sub_event_type: sub,
          actor1,
          actor2,
          attacks: attackFigure ? attackFigure.value : null,
          killed: casualties.unknown && killedFigures.length === 0 ? null : pick(killedFigures),
          injured: casualties.unknown && injuredFigures.length === 0 ? null : pick(injuredFigures),
          civilian,
          children: {
            killed: casualties.unknown && killedFigures.length === 0 ? null : childrenIn(killedFigures),
            injured: casualties.unknown && injuredFigures.length === 0 ? null : childrenIn(injuredFigures),
          },
          outcome: rule.outcome ?? null,
          // Counts over several places are the night's totals, not each place's.
          launched: sub === 'Disrupted weapons use' && where.length <= 1 ? launched : null,
          destroyed: sub === 'Disrupted weapons use' && where.length <= 1 ? destroyed : null,
          targets,
          weapons,
          speaker,
          quote,
          alsoIn: [],
          provenance,
        });
      }
      })();
      continue;
    }

    // Claims: a party to the war asserting something that is not an event.
    if (!isAggregate && ownSpeaker && (ownSpeaker.side === 'Ukraine' || ownSpeaker.side === 'Russia') && claimCues.test(text)) {
      const next = doc.sentences[sentence.index + 1]?.text ?? '';
      const [status, reason] = unverifiedCues.test(text) || unverifiedCues.test(next)
        ? (['unverified', 'the text says it gave no evidence or could not be confirmed'] as const)
        : disputedCues.test(next) || /\b(?:but|however)\b.*\b(?:denied|rejected|disputed)\b/i.test(text)
          ? (['disputed', 'another source contradicts it'] as const)
          : corroboratedCues.test(text) || corroboratedCues.test(next)
            ? (['corroborated', 'the text says another source confirmed it'] as const)
            : (['reported', 'a party\'s statement, not checked in the text'] as const);
      claims.push({
        speaker: ownSpeaker.name ?? ownSpeaker.text,
        role: ownSpeaker.role,
        side: ownSpeaker.side,
        statement: statementOf(text, ownSpeaker, base),
        status,
        reason,
        quote: text,
        start: sentence.start,
        end: sentence.end,
      });
    }
  }
  return { ...doc, drafts, aggregates, claims };
}

/**
 * A first paragraph that is nothing but a place and its oblast ("Vuhledar,
 * Donetsk Oblast", "KHARKIV —"): the report's place line. Returns the index of
 * its settlement mention, or null.
 */
function findDatelinePlace(doc: Recognised): number | null {
  const first = doc.sentences[0];
  if (!first) return null;
  const paragraph = doc.sentences.filter((s) => s.paragraph === first.paragraph);
  const start = paragraph[0]!.start;
  const end = paragraph[paragraph.length - 1]!.end;
  const inside = doc.places.map((m, i) => ({ m, i })).filter(({ m }) => m.start >= start && m.end <= end);
  if (inside.length === 0) return null;
  let rest = doc.text.slice(start, end);
  for (const { m } of [...inside].reverse()) rest = rest.slice(0, m.start - start) + rest.slice(m.end - start);
  // What is left may be punctuation, "Ukraine", numbers and capitalised names the gazetteer lacks ("Microdistrict 522"), not prose.
  const words = rest.match(/[\p{L}\d'’]+/gu) ?? [];
  if (words.length > 6 || words.some((w) => /^\p{Ll}/u.test(w) && !/^(?:oblast|region|raion|district|city|village|town|of)$/i.test(w))) return null;
  return inside.find(({ m }) => m.role === 'place')?.i ?? null;
}

/** The settlement mentioned last in the two sentences before, in the same paragraph. */
function findPriorSettlement(doc: Recognised, sentence: Sentence): number | null {
  for (let s = sentence.index - 1; s >= Math.max(0, sentence.index - 2); s--) {
    if (doc.sentences[s]?.paragraph !== sentence.paragraph) break;
    for (let i = doc.places.length - 1; i >= 0; i--) {
      const m = doc.places[i]!;
      if (m.sentence === s && m.role === 'place') return i;
    }
  }
  return null;
}

/** What a claim says, without the attribution: the clause after "that", a quotation, or the sentence less the speaker. */
function statementOf(text: string, speaker: Speaker, base: number): string {
  const quoted = text.match(/"([^"]{8,})"/);
  if (quoted) return quoted[1]!.trim();
  const that = text.match(/\b(?:said|says|claimed|claims|stated|states|insisted|insists|announced|declared|asserted|boasted)(?: on \w+)?,? that (.+)$/i);
  if (that) return that[1]!.replace(/[.\s]+$/, '').trim();
  const s = speaker.start - base;
  const without = (text.slice(0, s) + text.slice(s + speaker.text.length))
    .replace(/,?\s*(?:according to|said|says|claimed|claims|stated|wrote|reported)\s*[,.]?\s*$/i, '')
    .replace(/^\s*(?:according to\s*)?,?\s*/i, '')
    .replace(/\s*,?\s*(?:said|says|claimed|claims|stated)\s*\.?$/i, '');
  return without.replace(/[.\s,]+$/, '').trim();
}

