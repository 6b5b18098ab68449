/**
 * English context rules for place recognition: the words around a name that
 * make it a region, an institution, a speaker, a club or not a place at all.
 */

/** Words after a name that make it a region ("Zaporizhzhia Oblast", "Kharkiv region"). */
export const regionWords = /^(?:oblast|region|province|regional|oblast's|region's|oblasts|regions)$/i;

/** Words after a region or city that make the phrase an institution (a speaker), not a place. */
export const institutionWords = /^(?:military|state|city|regional|oblast|police|prosecutor's|prosecutor|council|administration|governor|governor's|head|chief|mayor|independent|post|pravda|school|university|oblenergo)$/i;

/** Outlets and organisations whose names start with a place. */
export const namedOrganisations = /^(?:independent|post|pravda|school of economics|security forum|international|media|daily|herald|times|online|inform|tv|radio)\b/i;

/** Football clubs and other names that put a place after a word. */
export const clubWords = /^(?:shakhtar|dynamo|dinamo|zorya|metalist|chornomorets|karpaty|vorskla|desna|kolos|olimpik|rukh|veres|inhulets|minaj|obolon|polissya)$/i;

/** Capitals used for their governments ("Kyiv said", "Moscow claims"). */
export const capitals = /^(?:kyiv|kiev|moscow|washington|minsk|brussels|london|paris|berlin|warsaw|beijing)$/i;

/** Words right after a capital that make it the government speaking or acting. */
export const speakerAfter = /^(?:said|says|say|claimed|claims|announced|announces|accused|accuses|denied|denies|insisted|insists|wants|wanted|must|should|refused|refuses|rejected|rejects|demanded|demands|warned|warns|hopes|believes|considers|sees|responded|blamed|blames|agreed|agrees|argued|argues|asked|asks|called|calls|reports|reported|government|officials|authorities|regime|leadership)$/i;

/** Words right after a capital that make it the government's side acting ("Kiev forces", "Kyiv's troops"). */
export const actorAfter = /^(?:forces|troops|army|military|authorities|government|regime|officials|leadership|side|loyalists|soldiers)$/i;

/** A capital closing a headline as its source ("... killed in east: Kiev", "... - Kyiv"). */
export const sourceAtEnd = /^\s*[.!]?\s*$/;
export const sourceBefore = /(?:[:\u2013\u2014]|\s-)\s*$/;

/** Names of the occupation "republics" and regions written without "oblast", read as the oblast they claim. */
export const regionAliases: Record<string, string> = {
  dpr: 'Donetsk', dnr: 'Donetsk', 'donetsk republic': 'Donetsk', "donetsk people's republic": 'Donetsk', 'donetsk peoples republic': 'Donetsk',
  lpr: 'Luhansk', lnr: 'Luhansk', 'luhansk republic': 'Luhansk', 'lugansk republic': 'Luhansk', "luhansk people's republic": 'Luhansk', "lugansk people's republic": 'Luhansk',
};

/** Rivers that share a city's name: "the Dnipro", "Dnipro River", "the left bank of the Dnipro". */
export const riverNames = /^(?:dnipro|dnieper|desna|donets|siverskyi donets|oskil|inhulets|southern buh|buh|dniester|dnister|psel|vorskla|kalmius|sula|prut|tysa|danube)$/i;
export const riverAfter = /^\s*(?:river|riverbank|riverbed|reservoir)\b/i;
export const riverBefore = /\bthe\s+$/i;

/** A capital beside another ("Kyiv and Moscow", "between Kyiv and Moscow") or given to ("aid to Kyiv") is a government. */
export const capitalPairAfter = /^\s*(?:and|or)\s+(?:Moscow|Kyiv|Kiev|Washington|Minsk|Brussels|London|Paris|Berlin|Warsaw|Beijing)\b/;
export const capitalPairBefore = /\b(?:Moscow|Kyiv|Kiev|Washington|Minsk|Brussels|London|Paris|Berlin|Warsaw|Beijing)(?:'s)?\s+(?:and|or|wants|urged|asked|pressed|told|warned|accused|blamed)\s+$/;
export const givenTo = /\b(?:aid|weapons|arms|support|assistance|loans?|money|funding|sanctions|pressure|message|signal|offer|demands?)\s+(?:\w+\s+)?(?:to|for|from|on)\s+$/i;

/** Words right before a pair of capitals that make it the places attacked ("drones attacked Moscow and Kyiv"). */
export const attackedBefore = /\b(?:attacked|attack|struck|strike|strikes|hit|hits|shelled|bombed|targeted|on|in|at|over|across|to|towards?|near|around)\s+$/i;

/** Words right before a capital that make it the speaker ("says Kyiv", "according to Moscow"). */
export const speakerBefore = /(?:\b(?:says|said|claims|claimed|according to|told|accused|blamed|between|urged|asked|pressed)\s+)$/i;

/** Nouns after "Kyiv's"/"Moscow's" that make the possessive a government, not a place. */
export const possessiveGovernment = /^(?:government|forces|troops|allies|partners|military|army|officials|leadership|regime|aims|plans|goals|counteroffensive|counter-offensive|offensive|war|invasion|position|request|demands|claims|decision|strategy|policy|defen[cs]e|air defen[cs]e|western|backers|supporters|drones|missiles|attacks|attack|strikes|strike|shelling|shellings|bombardment|offensive|refusal|response|accusations|narrative|propaganda|side)$/i;

/** Capitalised words that are never the start of a place name in English prose. */
export const notPlaceStart = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'and', 'or', 'but', 'near', 'by', 'from', 'to', 'for', 'with', 'as', 'after',
  'before', 'during', 'over', 'under', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'its', 'russian', 'russians', 'ukrainian', 'ukrainians', 'russia', 'ukraine',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'president', 'governor', 'mayor',
  'minister', 'general', 'colonel', 'captain', 'telegram', 'facebook', 'twitter', 'according', 'there', 'one', 'two',
  'three', 'also', 'however', 'meanwhile', 'earlier', 'later', 'today', 'yesterday', 'overnight', 'air', 'forces',
  'army', 'staff', 'defence', 'defense', 'police', 'head', 'chief', 'city', 'village', 'town', 'region', 'oblast',
]);

/** Words before a name that make it a place ("in X", "near X", "the village of X", "shelled X"). */
export const locativeBefore = /(?:\b(?:oblast|region|raion|district)'s\s+$)|\b(?:in|near|nearby|of|at|to|from|towards?|around|outside|into|on|through|via|across|between|beyond|past|north|south|east|west|northeast|northwest|southeast|southwest|village|town|city|settlement|hromada|shelled|struck|hit|attacked|targeted|bombed|captured|liberated|entered|seized|recaptured|retook|took|advanced|reached|encircled|and|or)\s+(?:the\s+)?(?:(?:village|town|city|settlement|hromada|outskirts|area|vicinity|direction|suburbs?|centre|center|districts?)\s+of\s+)?$/i;

/** Words after a name that make it a place ("X direction", "X, Zaporizhzhia region", "X village"). */
export const locativeAfter = /^['’]?\s*(?:,\s*[A-ZА-ЯІЇЄҐ][\w'’-]+\s+(?:oblast|region|raion|district|province)|,\s*(?:Cherkasy|Chernihiv|Chernivtsi|Dnipropetrovsk|Donetsk|Ivano-Frankivsk|Kharkiv|Kherson|Khmelnytskyi|Kirovohrad|Crimea|Kyiv|Luhansk|Lviv|Mykolaiv|Odesa|Odessa|Poltava|Rivne|Sumy|Ternopil|Vinnytsia|Volyn|Zakarpattia|Zaporizhzhia|Zaporizhia|Zhytomyr|Lugansk|Kharkov|Kiev)\b(?!\s+[A-Z])|\s*(?:direction|axis|sector|village|town|city|settlement|hromada|area|front|frontline|outskirts|raion|district|oblast|region)\b|(?:was|were|came|comes|has been|had been|is being|remains|remained)\s+(?:again\s+)?(?:shelled|attacked|hit|struck|bombed|captured|liberated|retaken|recaptured|occupied|under)\b)/i;

/** "the X direction", "X axis": the area around a place (ISW style). */
export const directionAfter = /^\s*(?:direction|axis|sector|front)\b/i;

/** "near X", "outside X", "around X": the event is not in the place itself. */
export const nearBefore = /(?:\b(?:near|nearby|outside|around|close to|in the vicinity of|on the outskirts of|in the suburbs of|in the outskirts of|suburbs? of|outskirts of|north of|south of|east of|west of|northeast of|northwest of|southeast of|southwest of|towards?|in the direction of|between)|\b\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\w+\s+)?(?:from|of|outside)|\bbetween\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\s+and)\s+$/i;

/** Titles and first names before a capitalised word that make it a person's name, not a place. */
export const personBefore = /\b(?:president|governor|mayor|minister|general|colonel|lieutenant|major|captain|sergeant|commander|spokes(?:person|man|woman)|mr|mrs|ms|dr|head|chief|deputy|ombudsman|ambassador|senator|premier|oleksandr|oleksii|oleh|olena|oksana|volodymyr|vitalii|vitali|vadym|valerii|viktor|vasyl|vyacheslav|ivan|ihor|iryna|yurii|yuriy|yulia|yevhen|andrii|andriy|anatolii|artem|bohdan|borys|dmytro|denys|dmitry|fedir|hanna|kyrylo|maksym|mykhailo|mykola|natalia|nataliya|pavlo|petro|roman|ruslan|serhii|serhiy|sergei|stepan|taras|tetiana|vladimir|vladislav|yaroslav|denis|mikhail|nikolai|alexander|alexei|andrei|sergey|valery|yevgeny|dmitri|ramzan|igor|oleg|pavel|viktor|vitaly|yuri|arsen|zelensky|zelenskyy|putin|shoigu|peskov|lavrov|medvedev|syrskyi|budanov|umerov|klymenko|kuleba|sybiha)\s+$/i;

/** Words after a capitalised word that make it a person ("X said", "X's government"): only for names that need context. */
export const personAfter = /^\s*(?:said|says|told|added|noted|wrote|announced|stated|claimed|'s\s+(?:spokes|office|government|administration|adviser|advisor|statement|words|remarks))\b/i;
