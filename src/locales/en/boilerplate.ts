/**
 * English boilerplate lines: navigation, promotion and credits that news pages
 * and channels wrap around a report. Each rule names why the line goes.
 * A line is dropped only when the whole line matches (anchored patterns).
 */
export interface BoilerplateRule {
  pattern: RegExp;
  reason: string;
}

export const boilerplateRules: readonly BoilerplateRule[] = [
  { pattern: /^(follow|subscribe to|join) (us|our [\w ]+)( on| in| at)?\b.{0,80}$/i, reason: 'promotion: follow us' },
  { pattern: /^(read|see|watch) (also|more|next)\s*[:\-–—].*$/i, reason: 'cross-link: read also' },
  { pattern: /^(related( content| articles| stories| news)?|more on this( story| topic)?|recommended|most read|latest news|top stories|you may (also )?like)\s*:?\s*$/i, reason: 'cross-link heading' },
  { pattern: /^(photo|image|video|picture|illustrative (photo|image)|main photo|cover photo)\s*(credit)?\s*[:©].{0,150}$/i, reason: 'image credit' },
  { pattern: /^(©|\(c\)|copyright\b).{0,200}$/i, reason: 'copyright line' },
  { pattern: /^.{0,160}(?:\bvia|\s?\/|\s?©)\s?(?:getty images|reuters|ap|ap photo|afp|shutterstock|epa|epa-efe|anadolu(?: agency)?|ukrinform|suspilne|national police(?: of ukraine)?|state emergency service|[\w. ]{0,40}(?:press service|telegram))\.?\s*$/i, reason: 'image credit' },
  { pattern: /^(share( this)?( article| story| post)?|share on \w+|tweet|email|print|copy link|facebook|twitter|x|telegram|whatsapp|linkedin|reddit)(\s*[|·•,]\s*(share|tweet|email|print|copy link|facebook|twitter|x|telegram|whatsapp|linkedin|reddit))*\s*$/i, reason: 'share buttons' },
  { pattern: /^(advertisement|sponsored( content)?|ad|sign up for (our|the) newsletter.*|subscribe( now)?|support (us|our journalism).{0,120}|donate(?: now| here| to (?:us|our|the)\b.{0,60})?[.!]?)$/i, reason: 'advertisement or appeal' },
  { pattern: /^(if you (have found|see) a (spelling )?(error|mistake|typo)|found a typo).{0,200}$/i, reason: 'typo notice' },
  { pattern: /^(tags?|topics?|categories)\s*:.{0,200}$/i, reason: 'tags line' },
  { pattern: /^(click here|tap here|open in app|listen to (this|the) article|reading time\s*:?).{0,100}$/i, reason: 'interface text' },
  { pattern: /^(all rights reserved).{0,100}$/i, reason: 'copyright line' },
];
