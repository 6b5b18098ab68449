/**
 * English vocabulary for event extraction, kept as data: weapons, targets,
 * actors, reporting verbs and roles. Each entry is a label and the patterns
 * (regular-expression sources, matched case-insensitively on word boundaries)
 * that name it. Order matters only where noted.
 */

export interface VocabularyEntry {
  label: string;
  /** A broader label added with this one (e.g. Grad → MLRS). */
  category?: string;
  patterns: string[];
}

/** Weapons: the label is what goes into an event's `weapons`, with its category. */
export const weapons: VocabularyEntry[] = [
  { label: 'Shahed drone', category: 'drone', patterns: ['shaheds?(?:-1[0-9]{2})?', 'gerans?(?:-[0-9])?', 'shahed[- ]type', 'kamikaze drones?', 'attack drones?', 'strike drones?', 'loitering munitions?'] },
  { label: 'FPV drone', category: 'drone', patterns: ['fpv(?:[- ]drones?)?', 'first[- ]person[- ]view drones?'] },
  { label: 'Lancet drone', category: 'drone', patterns: ['lancets?(?:[- ]drones?)?'] },
  { label: 'drone', patterns: ['drones?', 'uavs?', 'unmanned aerial vehicles?', 'quadcopters?', 'copters?'] },
  { label: 'Grad', category: 'MLRS', patterns: ['grads?', 'bm-21'] },
  { label: 'Uragan', category: 'MLRS', patterns: ['uragans?', 'bm-27', '9m27k?'] },
  { label: 'Smerch', category: 'MLRS', patterns: ['smerch(?:es)?', 'bm-30', '9m55k?'] },
  { label: 'TOS-1', category: 'MLRS', patterns: ['tos[- ]?1a?', 'thermobaric (?:rocket|mlrs)(?: launchers?| systems?)?', 'solntsepek', 'buratino'] },
  { label: 'HIMARS', category: 'MLRS', patterns: ['himars'] },
  { label: 'MLRS', patterns: ['mlrs', 'multiple(?:[- ]launch)? rocket(?: launchers?| systems?)?', 'rocket launchers?'] },
  { label: 'cluster munitions', patterns: ['cluster (?:munitions?|bombs?|rockets?|shells?)', 'submunitions?', 'bomblets?'] },
  { label: 'self-propelled artillery', category: 'artillery', patterns: ['self-propelled (?:artillery|guns?|howitzers?)', '2s1(?: gvozdika)?', 'gvozdika', '2s3(?: akatsiya)?', 'akatsiya', '2s19(?: msta(?:-s)?)?', 'msta(?:-s|-b)?', '2s7(?: pion)?', 'pion', 'malka', '2s4(?: tyulpan)?', 'tyulpan'] },
  { label: 'air defence system', patterns: ['tor(?:-m[12])?', 'tor m2', 'buk(?:-m[123])?', 'pantsir(?:-s1)?', 's-300 launchers?', 'tunguska', '2s6m?'] },
  { label: 'helicopter', category: 'aviation', patterns: ['ka-52s?', 'mi-8(?:[a-z0-9-]*)?', 'mi-24s?', 'mi-28s?', 'mi-35s?', 'attack helicopters?'] },
  { label: 'armoured vehicle', patterns: ['mt-lbs?', 'bmp-?[123]?s?', 'bmd-?[1234]?s?', 'btr-?(?:80|82a?|70)?s?', 'armou?red (?:vehicles?|personnel carriers?)', 'infantry fighting vehicles?', 'apcs?', 'ifvs?'] },
  { label: 'mortar', patterns: ['mortars?', 'mortar (?:fire|shells?|rounds?|bombs?)'] },
  { label: 'tank', patterns: ['tanks?', 'tank fire', 't-(?:62|64|72|80|90)[a-z0-9]*'] },
  { label: 'artillery', patterns: ['artillery', 'howitzers?', 'cannon fire', 'shells?', 'shelled', 'shelling'] },
  { label: 'Iskander', category: 'ballistic missile', patterns: ['iskanders?(?:-m)?', '9m723', 'ballistic missiles?'] },
  { label: 'Tochka-U', category: 'ballistic missile', patterns: ['tochka(?:-u)?', 'tochka u', 'tocha(?:-u)?', 'tocha u', 'otr-21', '9m79[a-z0-9-]*'] },
  { label: 'KN-23', category: 'ballistic missile', patterns: ['kn-23', 'kn-24'] },
  { label: 'Kinzhal', category: 'ballistic missile', patterns: ['kinzhals?', 'kh-47'] },
  { label: 'Kh-101', category: 'cruise missile', patterns: ['kh-101', 'kh-555', 'x-101'] },
  { label: 'Kalibr', category: 'cruise missile', patterns: ['kalibrs?', '3m-?54', '3m14'] },
  { label: 'Kh-22', category: 'cruise missile', patterns: ['kh-22', 'kh-32'] },
  { label: 'Kh-59', category: 'cruise missile', patterns: ['kh-59', 'kh-31p?', 'kh-35', 'kh-29'] },
  { label: 'Onyx', category: 'cruise missile', patterns: ['onyx', 'oniks', 'p-800'] },
  { label: 'cruise missile', patterns: ['cruise missiles?'] },
  { label: 'S-300', category: 'missile', patterns: ['s-300s?', 's-400s?', 'anti-aircraft (?:guided )?missiles?'] },
  { label: 'missile', patterns: ['missiles?', 'rockets?'] },
  { label: 'guided aerial bomb', patterns: ['guided (?:aerial |air )?bombs?', 'glide bombs?', 'kabs?(?:-[0-9]+)?', 'fab-[0-9]+', 'umpk', 'aerial bombs?', 'air bombs?', 'bombs?'] },
  { label: 'aviation', patterns: ['aviation', 'aircraft', 'warplanes?', 'fighter jets?', 'su-(?:2[45]|3[45])s?', 'helicopters?', 'airstrikes?', 'air strikes?'] },
  { label: 'incendiary munitions', patterns: ['incendiary (?:munitions?|ammunition|shells?|bombs?)', 'phosphorus munitions?', 'white phosphorus', 'thermite'] },
  { label: 'grenade', patterns: ['grenades?', 'grenade launchers?'] },
];

/** Targets: the label is a category in the domain's sense. */
export const targets: VocabularyEntry[] = [
  { label: 'residential', patterns: ['residential(?: buildings?| areas?| houses?| quarters?| sector)?', 'apartment (?:buildings?|blocks?)', 'blocks? of flats', 'high-rise(?: buildings?)?', 'multi-stor(?:e)?y(?: buildings?)?', 'private (?:houses?|homes?)', 'houses?', 'homes?', 'dwellings?', 'household'] },
  { label: 'commercial', patterns: ['shops?', 'stores?', 'supermarkets?', 'markets?', 'shopping (?:centres?|centers?|malls?)', 'malls?', 'cafes?', 'restaurants?', 'hotels?', 'office (?:buildings?|centres?|centers?)', 'business(?:es)?', 'petrol stations?', 'gas stations?', 'car dealership'] },
  { label: 'medical', patterns: ['hospitals?', 'clinics?', 'pharmac(?:y|ies)', 'ambulances?', 'medical (?:facilit(?:y|ies)|institutions?|centres?|centers?)', 'maternity (?:ward|hospital)'] },
  { label: 'energy', patterns: ['power (?:plants?|stations?|lines?|grid|facilit(?:y|ies))', 'thermal power', 'hydroelectric', 'substations?', 'energy (?:infrastructure|facilit(?:y|ies))', 'oil (?:refiner(?:y|ies)|depots?)', 'fuel depots?', 'refiner(?:y|ies)', 'gas (?:pipelines?|infrastructure|facilit(?:y|ies))', 'boiler (?:houses?|rooms?)', 'transformers?', 'chp'] },
  { label: 'industrial', patterns: ['industrial (?:facilit(?:y|ies)|enterprises?|sites?|zone|infrastructure)', 'enterprises?', 'factor(?:y|ies)', 'plants?', 'warehouses?'] },
  { label: 'education', patterns: ['schools?', 'kindergartens?', 'universit(?:y|ies)', 'lyceums?', 'colleges?', 'educational (?:institutions?|facilit(?:y|ies))'] },
  { label: 'transport', patterns: ['railway(?: stations?| lines?| infrastructure)?', 'rail(?:way)? (?:stations?|lines?|tracks?)', 'trains?', 'bus(?:es)?', 'bridges?', 'ports?', 'airports?', 'airfields?', 'roads?', 'cars?', 'vehicles?', 'trucks?', 'grain terminals?', 'terminals?'] },
  { label: 'agriculture', patterns: ['grain (?:terminals?|storage|silos?|elevators?)', 'silos?', 'farms?', 'agricultural (?:enterprises?|land|machinery|facilit(?:y|ies))', 'tractors?', 'fields?', 'livestock'] },
  { label: 'infrastructure', patterns: ['critical infrastructure', 'infrastructure', 'water (?:supply|mains|pipes?|utility)', 'communications? towers?', 'telecom(?:munications)?'] },
  { label: 'administrative', patterns: ['administrative buildings?', 'administration buildings?', '(?:city|village|town) (?:council|hall)', 'government buildings?'] },
  { label: 'religious', patterns: ['churche?s?', 'cathedrals?', 'monaster(?:y|ies)', 'mosques?', 'synagogues?'] },
  { label: 'cultural', patterns: ['museums?', 'theat(?:re|er)s?', 'librar(?:y|ies)', 'cultural (?:centres?|centers?|institutions?)', 'house of culture'] },
  { label: 'military positions', patterns: ['(?:military |defensive |ukrainian |russian )?positions?', 'trenches', 'checkpoints?', 'military (?:facilit(?:y|ies)|units?|bases?|infrastructure|targets?)', 'ammunition depots?', 'command posts?', 'barracks'] },
  { label: 'military equipment', patterns: ['military equipment'] },
];

/** ACLED actor names. */
export const ACTORS = {
  russia: 'Military Forces of Russia (2000-)',
  ukraine: 'Military Forces of Ukraine (2019-)',
  civilians: 'Civilians (Ukraine)',
} as const;

/**
 * Words that name the attacker. "The enemy" in a Ukrainian official's words is Russia, and "our troops" Ukraine
 * (the other way round in a Russian official's words). Named units count for their side: Ukraine's mechanised,
 * jaeger, air assault and territorial defence brigades; Russia's guards, motor rifle, airborne and naval infantry
 * formations, its armies and army corps (the DPR's and LPR's among them).
 */
export const actorCues: { side: 'russia' | 'ukraine' | 'enemy' | 'own'; pattern: string }[] = [
  { side: 'russia', pattern: "russian(?:s| forces| troops| army| military| occupation forces| invaders| aviation| artillery| drones?| missiles?| strikes?| attacks?| shelling| bombs?)?|russia(?:'s)?|the occupiers|occupiers|occupying forces|occupation forces|invaders|rashists|racists|orcs|kremlin forces|dpr|lpr|separatists?|pro-russian (?:forces|militants|separatists)|militants|wagner(?: group)?|\\d+(?:st|nd|rd|th) (?:separate )?(?:guards )?(?:[\\w-]+ )?(?:motor(?:i[sz]ed)? rifle|guards|airborne|naval infantry|spetsnaz)(?: [\\w-]+)? (?:brigade|division|regiment|battalion)|\\d+(?:st|nd|rd|th) (?:guards )?(?:combined arms|tank) army|\\d+(?:st|nd|rd|th) army corps" },
  { side: 'ukraine', pattern: "ukrainian(?: forces| troops| army| military(?:['’]s)?| defenders| defence forces| defense forces| soldiers| marines| drones?| artillery| units?| aviation| navy| air force| air defen[cs]e| shelling| shells| strikes?| fire| missiles?| rockets?| saboteurs| sniper)|kiev(?:['’]s)? (?:forces|troops|military|army)|kyiv(?:['’]s)? (?:military|army)|armed forces of ukraine|ukraine's (?:armed )?forces|afu|zsu|kyiv's (?:forces|troops)|the defence forces|the defense forces|defence forces of ukraine|\\d+(?:st|nd|rd|th) (?:separate |independent )?(?:mechani[sz]ed|jaeger|air assault|airmobile|mountain assault|territorial defen[cs]e|assault|presidential)(?: [\\w-]+)? (?:brigade|battalion|regiment)|azov (?:brigade|regiment)" },
  { side: 'enemy', pattern: 'the enemy|enemy(?: forces| troops| artillery| drones?| aviation)?|the adversary' },
  { side: 'own', pattern: 'our (?:forces|troops|defenders|soldiers|units|warriors|servicemen|fighters)' },
];

/** Verbs and phrases that report speech, for attribution. */
export const reportingVerbs = [
  'said', 'says', 'say', 'reported', 'reports', 'report', 'stated', 'states', 'wrote', 'writes', 'posted', 'posts',
  'announced', 'announces', 'claimed', 'claims', 'claim', 'added', 'adds', 'noted', 'notes', 'told', 'tells',
  'confirmed', 'confirms', 'informed', 'informs', 'according to', 'warned', 'warns', 'alleged', 'alleges',
  'insisted', 'insists', 'denied', 'denies', 'accused', 'accuses', 'declared', 'declares', 'asserted', 'asserts',
];

/** Role words that make a phrase a speaker, with the side they imply when the text names none. */
export const roles: { pattern: string; role: string; side: 'Ukraine' | 'Russia' | null }[] = [
  { pattern: '(?:regional |oblast )?governor', role: 'governor', side: 'Ukraine' },
  { pattern: 'head of (?:the )?[\\w\' -]*?(?:oblast |regional |city |district )?(?:military |state )?administration', role: 'head of administration', side: 'Ukraine' },
  { pattern: '(?:city |town |village )?mayor', role: 'mayor', side: 'Ukraine' },
  { pattern: "(?:the )?(?:town's|city's|village's|community's|hromada's) head|head of the (?:town|city|village|community|hromada)", role: 'local head', side: 'Ukraine' },
  { pattern: 'general staff', role: 'general staff', side: 'Ukraine' },
  { pattern: 'air force', role: 'air force', side: 'Ukraine' },
  { pattern: '(?:interior|defen[cs]e|foreign) minist(?:er|ry)', role: 'minister', side: null },
  { pattern: 'minist(?:er|ry) of (?:internal affairs|defen[cs]e|foreign affairs)', role: 'minister', side: null },
  { pattern: 'prosecutor(?:\'s office|general)?', role: 'prosecutor', side: 'Ukraine' },
  { pattern: 'police', role: 'police', side: 'Ukraine' },
  { pattern: '(?:state )?emergency service', role: 'emergency service', side: 'Ukraine' },
  { pattern: 'spokes(?:person|man|woman)', role: 'spokesperson', side: null },
  { pattern: 'commander(?:-in-chief)?', role: 'commander', side: null },
  { pattern: 'president', role: 'president', side: null },
  { pattern: 'presidential office|office of the president', role: 'presidential office', side: 'Ukraine' },
  { pattern: 'military administration|regional administration|city council|village council|administration', role: 'administration', side: 'Ukraine' },
  { pattern: 'operational command|southern defen[cs]e forces|defen[cs]e forces of the south|tavria group|khortytsia group', role: 'military command', side: 'Ukraine' },
  { pattern: 'ombudsman|human rights commissioner', role: 'ombudsman', side: 'Ukraine' },
  { pattern: 'kremlin|peskov', role: 'Kremlin', side: 'Russia' },
  { pattern: 'occupation (?:authorities|official|head)|russian-installed|moscow-installed|kremlin-installed', role: 'occupation official', side: 'Russia' },
];

/** Words that mark a speaker's side when they appear in the speaker phrase. */
export const sideCues: { side: 'Ukraine' | 'Russia' | 'other'; pattern: string }[] = [
  { side: 'Russia', pattern: "russian|russia's|russia|kremlin|moscow|occupation|occupying|russian-installed|moscow-installed|dpr|lpr|separatist|peskov|shoigu|belousov|gerasimov|zakharova|pushilin|pasechnik|saldo|balitsky|gladkov|tass|ria novosti" },
  { side: 'Ukraine', pattern: "ukrainian|ukraine's|ukraine|kyiv's|zelensky|zelenskyy|syrskyi|zaluzhnyi|ukrinform|suspilne|oblast|regional|governor|general staff|air force|mayor|hromada" },
  { side: 'other', pattern: "isw|institute for the study of war|united nations|\\bun\\b|unicef|ohchr|osce|who|reuters|ap|afp|bbc|cnn|pentagon|nato|white house|british|uk defence|ministry of defence of the uk" },
];
