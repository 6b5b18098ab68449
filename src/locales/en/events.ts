import type { SubEventType } from '../../core/types.js';

/**
 * English event triggers. A `specific` trigger makes an event on its own; a
 * `generic` one ("attacked", "hit", "struck") only with an attacker, a weapon
 * or a casualty in the same sentence, so that "a storm hit Odesa" or
 * "Shakhtar's attack" make none. Order matters: the first rule that matches
 * gives the sub-event type, so interceptions and repelled assaults come before
 * the strikes they mention.
 */
export interface TriggerRule {
  sub: SubEventType;
  pattern: RegExp;
  specific: boolean;
  reason: string;
  outcome?: 'repelled';
  /** "X repelled ...", "X shot down ...": the side named before the trigger defends, unless the verb is passive. */
  defenderFirst?: boolean;
  /**
   * A change of control: the event needs a place named right after the verb, and its sub-event type follows
   * the side that took the place (Ukraine: Government regains territory; Russia: Non-state actor overtakes
   * territory). `regain` verbs ("liberated", "retook") tell of Ukraine's forces unless a Russian speaker says them.
   */
  territory?: 'take' | 'regain';
}

export const triggerRules: TriggerRule[] = [
  {
    sub: 'Disrupted weapons use',
    pattern: /\b(?:shot down|shoot down|intercepted|intercept(?:s|ing)?|downed|neutrali[sz]ed|destroyed (?:\S+ )?(?:of (?:the )?)?(?:\d+|[a-z-]+) (?:\S+ )?(?:drones|missiles|uavs|shaheds)|air defen[cs]e (?:units |forces |systems )?(?:destroyed|shot|were working|worked|repelled))\b/i,
    specific: true,
    reason: 'interception',
    defenderFirst: true,
  },
  {
    sub: 'Armed clash',
    pattern: /\b(?:repelled|repulsed|beat back|beaten back|fought off|fended off|thwarted|stopped|foiled)\b[^.]{0,80}?\b(?:assaults?|attacks?|attempts?|offensives?|advances?|assault groups?|storming)\b/i,
    specific: true,
    reason: 'assault repelled',
    outcome: 'repelled',
    defenderFirst: true,
  },
  {
    // "Russian assaults near X were repelled", "Russian troops tried to advance ... but were pushed back": the subject attacked.
    sub: 'Armed clash',
    pattern: /\b(?:assaults?|attacks?|attempts? to advance|offensives?)\b[^.]{0,40}?\b(?:were|was|had been|have been) (?:repelled|repulsed|beaten back|thwarted|stopped)\b|\b(?:advance|break through|storm|assault|attack|attacked|assaulted|stormed)\b[^.]{0,80}?\b(?:were|was|had been|have been) (?:repelled|repulsed|beaten back|pushed back|driven back|thrown back|forced to retreat)\b/i,
    specific: true,
    reason: 'assault repelled',
    outcome: 'repelled',
  },
  {
    sub: 'Armed clash',
    pattern: /\b(?:assault(?:ed|s|ing)?|stormed|storming|ground attacks?|offensive (?:actions?|operations?)|attempted to (?:advance|break through|storm)|tried to (?:advance|break through|storm)|attempts? to advance|clash(?:es|ed)?|fierce fighting|heavy fighting|fighting (?:near|in|around|continues|continued|took place|broke out|between)|firefights?|battles? (?:near|for|in))\b/i,
    specific: true,
    reason: 'ground assault or clash',
  },
  {
    sub: 'Air/drone strike',
    pattern: /\b(?:air ?strikes?|air raids?|airstrikes?|drone (?:strikes?|attacks?)|bombed|bombing|dropped (?:an? )?(?:[\w-]+ ){0,2}(?:explosives?|bombs?|grenades?|munitions?|ammunition)|guided (?:aerial )?bombs?|glide bombs?|kabs?|struck by (?:a |an )?(?:drone|uav|shahed|bomb)|hit by (?:a |an )?(?:drone|uav|shahed|bomb))\b/i,
    specific: true,
    reason: 'air or drone strike',
  },
  {
    // Mines, booby traps and unexploded munitions; before shelling, so that "an unexploded shell" is not a shelling.
    sub: 'Remote explosive/landmine/IED',
    pattern: /\b(?:land ?mines?|(?:anti-(?:tank|personnel)|pfm-1|petal|butterfly|tripwire|tm-62|mon-\d+|ozm-\d+) mines?|mine (?:blast|explosion)s?|(?:hit|struck|stepped on|trod on|ran over|drove over|drove onto|triggered|detonated) (?:a |an )?(?:russian |enemy )?mine|blown up by a mine|explosive devices?|improvised explosive|ieds?|booby[- ]traps?|booby[- ]trapped|tripwires?|unexploded (?:[\w-]+ )?(?:ordnance|munitions?|shells?|bombs?|rockets?|explosives?|submunitions?|mines?)|explosive (?:objects?|remnants of war))\b/i,
    specific: true,
    reason: 'mine, explosive device or unexploded munition',
  },
  {
    // Violence against civilians at close range: shootings, executions, torture (ACLED's "Attack").
    sub: 'Attack',
    pattern: /\b(?:shot dead|shot and killed|executed|tortured|beat(?:en)? to death|shot (?:at )?(?:a |an |two |three |\d+ )?(?:unarmed |local |elderly |young )*(?:civilians?|residents?|m[ae]n|wom[ae]n|people|volunteers?|cyclists?|pedestrians?|evacuees|family)|opened fire on (?:a |an |the )?(?:civilians?|civilian (?:cars?|vehicles?|bus(?:es)?|convoys?)|evacuation (?:cars?|vehicles?|bus(?:es)?|convoys?)|residents?|local residents?|people|pedestrians?|cyclists?|(?:car|vehicle|minibus|bus) (?:carrying|with) civilians))\b/i,
    specific: true,
    reason: 'civilians shot, executed or tortured',
  },
  {
    sub: 'Abduction/forced disappearance',
    pattern: /\b(?:abducted|kidnapped|forcibly disappeared)\b/i,
    specific: true,
    reason: 'abduction',
  },
  {
    // "captured Lysychansk", "took control of Sievierodonetsk": checked to be followed by a place name (see extract).
    sub: 'Non-state actor overtakes territory',
    pattern: /(?<!\b(?:in|of|to|the|from|into|at|near|for|recently|newly|partially|temporarily|already) )\b(?:captured|seized|overran|took (?:full )?control (?:of|over)|taken (?:full )?control (?:of|over)|gained (?:full )?control (?:of|over)|established (?:full )?control (?:of|over)|took over|entered)(?: the (?:village|town|city|settlement) of)? /,
    specific: true,
    reason: 'a place taken',
    territory: 'take',
  },
  {
    sub: 'Government regains territory',
    pattern: /(?<!\b(?:in|of|to|the|from|into|at|near|for|recently|newly|partially|already) )\b(?:liberated|retook|recaptured|regained (?:full )?control (?:of|over)|restored control (?:of|over)|de-occupied|returned control (?:of|over))(?: the (?:village|town|city|settlement) of)? /,
    specific: true,
    reason: 'a place retaken',
    territory: 'regain',
  },
  {
    sub: 'Shelling/artillery/missile attack',
    pattern: /\b(?:shell(?:ed|ing|s)|bombard(?:ed|ment|ing)|(?:artillery|mortar|tank|rocket|mlrs|missile|grad) (?:fire|strikes?|attacks?|shelling)|missile strikes?|rocket attacks?|came under (?:enemy |artillery )?fire|come under (?:enemy )?fire|comes under (?:enemy )?fire|under shelling|opened fire|fired (?:at|on|upon)|pounded|hit by (?:a |an )?(?:missile|rocket|shell)|struck by (?:a |an )?(?:missile|rocket|shell))\b/i,
    specific: true,
    reason: 'shelling or missile attack',
  },
  {
    sub: 'Shelling/artillery/missile attack',
    pattern: /\b(?:attack(?:ed|s|ing)?|struck|strik(?:e|es|ing)|hit|hits|targeted|targeting|launched|fired|firing|damaged|destroyed|explosions?|impact(?:ed|s|ing)?|craters?|remnants|embedded|stuck|wreckage|debris|engag(?:ed|ing))\b/i,
    specific: false,
    reason: 'attack word',
  },
];

/** What turns a reported attack into something that did not (yet) happen. */
export const notHappened = /\b(?:could|might|would|will|plans? to|planned to|planning to|threaten(?:s|ed)? to|intends? to|intended to|is preparing to|are preparing to|prepares to|preparing an?|if|unless|in case of|no (?:shelling|attacks?|strikes?|shots|incidents)|without (?:any )?(?:shelling|attacks?)|did not (?:attack|shell|strike|hit)|was not (?:attacked|shelled|hit)|were not (?:attacked|shelled|hit)|quiet|calm|denied (?:that|attacking|striking|shelling)|fake|hoax|(?:were|was|are|is) (?:false|untrue|not true|fabricated)|(?:road|traffic|car|industrial|workplace) accidents?|an accident|faulty wiring|short circuit|gas (?:explosion|leak|blast)|knife attack|stabb(?:ed|ing)|murder(?:ed)?|robbery|suicide|heart attack|drills?|exercises?|training|simulat(?:ed|ion)|rehears(?:al|ed))\b/i;

/** A year before the war began (2014): the sentence tells history, not this war. */
export const beforeThisWar = /\b(?:in|since|during|of|by) (?:1[0-9]\d\d|200\d|201[0-3])\b/i;

/** "may" as a modal verb, lower-case only, so that the month of May is not read as a hedge. */
export const modalMay = /\bmay\b/;

/** Weapons and attacks that turn an interception sentence into two events are not split here: one sentence, one type. */
export const casualtyNouns = "(?:people|persons?|adults?|civilians?|residents?|local residents?|inhabitants?|men|women|man|woman|children|child|kids?|boys?|girls?|teen(?:ager)?s?|infants?|babies|baby|pensioners?|elderly (?:people|residents|men|women|man|woman)|volunteers?|workers?|employees?|rescuers?|medics?|doctors?|journalists?|police officers?|policemen|farmers?|drivers?|passengers?|soldiers?|servicem[ae]n|troops|militants?|fighters?|combatants?|marines?|paratroopers?|border guards?|ukrainian soldiers?|russian soldiers?|militiam[ae]n|militia (?:members?|fighters?)|militias?|rebels?|separatists?|insurgents?|gunmen|saboteurs?|convicts?|prisoners?|inmates?|family members?|members? of (?:the |a )?family|individuals?|victims?|others)";

/**
 * Words that put deaths in the war when no side and no means are named
 * ("Fighting kills six in Donetsk", "Five civilians killed as truce falters").
 * Accidents, crime and weather are stopped earlier (notHappened).
 */
export const warContext = /\b(?:fighting|clash(?:es|ed)?|shell(?:s|ing|ed|fire)?|confrontation|combat|battles?|rebels?|separatists?|militia(?:men|man)?|insurgents?|troops|army|forces|war(?:-torn)?|front(?:line|-line)?|ceasefire|truce|regime of silence|shootout|gunfire|snipers?|mortars?|artillery|rockets?|missiles?|drones?|bombs?|landmines?|anti-personnel mines?|mine blasts?|booby-trapped|explosions?|blasts?|offensive|hostilities|civilians?|ATO|anti-terror(?:ist)? operation|occupiers|occupied)\b/i;
/** Deaths in fighting with no means named: ACLED codes them as armed clashes. */
export const fightingWords = /\b(?:fighting|clash(?:es|ed)?|confrontation|combat|battles?|shootout|gunfire|firefights?|snipers?|hostilities)\b/i;

/** Nouns that make the casualties military. */
export const militaryNouns = /\b(?:soldiers?|servicem[ae]n|troops|militants?|fighters?|combatants?|marines?|paratroopers?|border guards?|military personnel|militiam[ae]n|militia|rebels?|separatists?|insurgents?|saboteurs?|gunmen|service members?)\b/i;

/** Phrases that state no casualties, and what they state none of. */
export const noCasualties: { pattern: RegExp; killed: boolean; injured: boolean }[] = [
  { pattern: /\b(?:no (?:casualties|victims)|without casualties|casualties were avoided|nobody was (?:hurt|harmed)|no one was (?:hurt|harmed)|no-one was (?:hurt|harmed)|there were no casualties|no (?:one|people) (?:was|were) (?:killed or (?:injured|wounded)|injured or killed)|no casualties (?:were|have been) reported|did not cause casualties|caused no casualties|no human casualties)\b/i, killed: true, injured: true },
  { pattern: /\b(?:no (?:one|body) was (?:injured|wounded)|nobody was (?:injured|wounded)|no injuries|no (?:people|one) (?:were|was) (?:injured|wounded)|no wounded|without injuries)\b/i, killed: false, injured: true },
  { pattern: /\b(?:no (?:one|body) was killed|nobody was killed|no (?:deaths|fatalities|dead)|no (?:people|one) (?:were|was) killed)\b/i, killed: true, injured: false },
];

/** Phrases that say the casualties are not known: the count stays null. */
export const unknownCasualties = /\b(?:casualties (?:are |were )?(?:unknown|not known|being (?:clarified|established|determined|checked))|information (?:about|on) (?:the )?(?:casualties|victims|injured|dead) is being (?:clarified|established|specified|checked)|number of (?:casualties|victims) is being (?:clarified|established))\b/i;

/** Verbs of death and injury, for counts before ("3 killed") or after ("killing 3"). */
export const killedWords = '(?:killed|dead|die|dies|died|perished|lost (?:their|his|her) lives?|fatally (?:wounded|injured)|were slain|slain)';
export const injuredWords = '(?:wounded|injured|hurt|are wounded|hospitali[sz]ed|sustained (?:shrapnel )?(?:injuries|wounds)|received (?:shrapnel )?(?:injuries|wounds)|suffered (?:shrapnel )?(?:injuries|wounds))';

/** Counts of attacks: "31 attacks", "shelled ... 12 times", "carried out 5 strikes". */
export const attackCountNouns = /^(?:\s*(?:enemy |artillery |drone |air |missile |mortar |russian |ground |combat |assault |armed )?(?:attacks?|times|strikes?|shellings?|assaults?|attempts|clashes|bombardments?|combat engagements?))\b/i;

/** Settlement words in aggregate reports ("92 towns and villages"). */
export const settlementNouns = /^\s*(?:(?:towns?|cities|villages?|settlements?|localities|communities|hromadas|populated (?:areas|localities|places)|frontline (?:towns|villages|settlements)|cities and villages|towns and villages|cities,? towns and villages|villages and towns)(?: and (?:villages|towns|cities|settlements))?)\b/i;

export const regionCount = /\bin (\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?) (?:regions|oblasts|provinces)\b/i;

/** "launched 45 drones", "45 Shahed drones and 3 missiles". */
export const launchedNouns = /^\s*(?:(?:[A-Z][A-Za-z]*-?\d[\w-]*|Kalibr|Iskander(?:-[MK])?|Kinzhal|Onyx|Zircon|Tochka(?:-U)?|Shahed(?:-\d+)?|Geran(?:-\d)?) )?(?:(?:attack |strike |kamikaze |shahed(?:-type)? |shahed |geran |fpv )?(?:drones?|uavs?|shaheds?)|(?:cruise |ballistic |guided |anti-aircraft |air-launched )?(?:missiles?|rockets?))\b/i;

/** Words that mark a statement as a claim about the war rather than an event. */
export const claimCues = /\b(?:is|are) (?:losing|winning|advancing|retreating|collapsing|exhausted|running out|on the verge|ready to|prepared to)\b|\b(?:will|would) (?:win|lose|capture|take|liberate|defeat|retake|reach|encircle|break)\b|\b(?:has|have) (?:lost|liberated|captured|encircled|seized|taken control|regained|advanced)\b|\b(?:control(?:s|led)?|encircled|liberated|captured) (?:the |most of |all of |over )?\b|\bclaim(?:ed|s)? (?:that|to have)\b|\bboasted\b|\binsist(?:ed|s)? that\b/i;

export const unverifiedCues = /\b(?:without (?:providing |offering |presenting |giving )?(?:any )?evidence|provided no evidence|offered no evidence|gave no evidence|did not (?:provide|offer|present|give) (?:any )?evidence|no evidence (?:was|has been) (?:given|provided|presented)|could not (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)|cannot (?:be )?(?:independently )?(?:verif(?:y|ied)|confirm(?:ed)?)|can't (?:independently )?(?:verify|confirm)|not (?:been )?(?:independently )?(?:verified|confirmed)|unverified|unconfirmed)\b/i;
export const disputedCues = /\b(?:denied|denies|disputed|disputes|rejected|rejects|refuted|refutes|contradict(?:ed|s)?|dismissed|false|fake|untrue|not true|no such)\b/i;
export const corroboratedCues = /\b(?:confirmed by|corroborated|verified by|independently confirmed|also confirmed|geolocated footage)\b/i;
