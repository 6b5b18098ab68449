/**
 * English context rules for place recognition: the words around a name that
 * make it a region, an institution, a speaker, a club or not a place at all.
 */

/** Words after a name that make it a region ("Zaporizhzhia Oblast", "Kharkiv region"). */
export const regionWords = /^(?:oblast|region|province|regional|oblast's|region's|oblasts|regions)$/i;

/** Words after a region or city that make the phrase an institution (a speaker), not a place. */
export const institutionWords = /^(?:military|state|city|regional|oblast|police|prosecutor's|prosecutor|council|administration|governor|governor's|head|chief|mayor|independent|post|pravda|school|university|oblenergo|airport)$/i;

/** Outlets and organisations whose names start with a place. */
export const namedOrganisations = /^(?:independent|post|pravda|school of economics|security forum|international|media|daily|herald|times|online|inform|tv|radio)\b/i;

/** Football clubs and other names that put a place after a word. */
export const clubWords = /^(?:shakhtar|dynamo|dinamo|zorya|metalist|chornomorets|karpaty|vorskla|desna|kolos|olimpik|rukh|veres|inhulets|minaj|obolon|polissya)$/i;

/** Capitals used for their governments ("Kyiv said", "Moscow claims"). */
export const capitals = /^(?:kyiv|kiev|moscow|washington|minsk|brussels|london|paris|berlin|warsaw|beijing)$/i;

/** Words right after a capital that make it the government speaking or acting. */
export const speakerAfter = /^(?:said|says|say|claimed|claims|announced|announces|accused|accuses|denied|denies|insisted|insists|wants|wanted|must|should|refused|refuses|rejected|rejects|demanded|demands|warned|warns|hopes|believes|considers|sees|responded|blamed|blames|agreed|agrees|argued|argues|asked|asks|called|calls|government|officials|authorities|regime|leadership)$/i;

/** Words right before a capital that make it the speaker ("says Kyiv", "according to Moscow"). */
export const speakerBefore = /(?:\b(?:says|said|claims|claimed|according to|told|accused|blamed|between|urged|asked|pressed)\s+)$/i;

/** Nouns after "Kyiv's"/"Moscow's" that make the possessive a government, not a place. */
export const possessiveGovernment = /^(?:government|forces|troops|allies|partners|military|army|officials|leadership|regime|aims|plans|goals|counteroffensive|counter-offensive|offensive|war|invasion|position|request|demands|claims|decision|strategy|policy|defen[cs]e|air defen[cs]e|western|backers|supporters|drones|missiles|attacks|strikes|refusal|response|accusations|narrative|propaganda)$/i;

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
