/**
 * English time expressions that chrono-node does not read the way a conflict
 * analyst does. Each maps to days relative to the publication date.
 */
export interface PeriodRule {
  pattern: RegExp;
  /** Start and end, in days relative to the publication date (0 = that day). */
  range: (match: RegExpMatchArray) => [number, number] | null;
  precision: 1 | 2 | 3;
  reason: string;
}

const WORD_DAYS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
const n = (s: string | undefined): number => (s === undefined ? 1 : /^\d+$/.test(s) ? Number(s) : (WORD_DAYS[s.toLowerCase()] ?? 1));

export const periodRules: PeriodRule[] = [
  {
    pattern: /\b(\d+|one|two|three|four|five|six|seven|ten|a) weeks? ago\b/i,
    range: (m) => [-7 * (m[1]?.toLowerCase() === 'a' ? 1 : n(m[1])), -7 * (m[1]?.toLowerCase() === 'a' ? 1 : n(m[1]))],
    precision: 2,
    reason: 'N weeks before publication (within a week)',
  },
  {
    pattern: /\b(\d+|one|two|three|four|five|six|seven|ten|a) days? ago\b/i,
    range: (m) => [-(m[1]?.toLowerCase() === 'a' ? 1 : n(m[1])), -(m[1]?.toLowerCase() === 'a' ? 1 : n(m[1]))],
    precision: 1,
    reason: 'N days before publication',
  },
  {
    pattern: /\b(?:over|in|during|within) the (?:past|last) (\d+|one|two|three|four|five|six|seven|ten) weeks?\b/i,
    range: (m) => [-7 * n(m[1]), 0],
    precision: 2,
    reason: 'the past N weeks, ending at publication',
  },
  {
    pattern: /\b(?:over|in|during|within) the (?:past|last) week\b|\bthis week\b/i,
    range: () => [-7, 0],
    precision: 2,
    reason: 'the past week, ending at publication',
  },
  {
    pattern: /\b(?:over|in|during|within) the (?:past|last) (\d+|two|three|four|five|six|seven|ten) days\b/i,
    range: (m) => [-n(m[1]), 0],
    precision: 2,
    reason: 'the past N days, ending at publication',
  },
  {
    pattern: /\b(?:over|in|during|within) the (?:past|last) (?:day|24 hours)\b|\bin (?:the )?(?:past |last )?24 hours\b|\bin less than a day\b|\bover the course of the day\b|\bin (?:a|one) day\b|\bper day\b|\bduring the day\b/i,
    range: () => [-1, 0],
    precision: 1,
    reason: 'the past day, ending at publication',
  },
  {
    pattern: /\b(?:overnight|last night|during the night|at night|tonight|this night|night-time)\b/i,
    range: () => [-1, 0],
    precision: 1,
    reason: 'overnight: the night before publication',
  },
  {
    pattern: /\b(?:today|this (?:morning|afternoon|evening)|earlier today|since (?:this )?morning|in the morning|in the afternoon|in the evening)\b/i,
    range: () => [0, 0],
    precision: 1,
    reason: 'the day of publication',
  },
];

/** "the night of March 2", "the early hours of Wednesday": the part chrono should read as a day. */
export const nightOf = /\b(?:on )?the (?:night|nights) (?:of|to|into) |\b(?:in )?the early hours of |\b(?:on )?(?:the )?early (?:morning )?(?:of )?/gi;

/** Background markers: the sentence tells history, not news. */
export const historicalCues = /\b(?:back in|since (?:the )?(?:spring|summer|autumn|fall|winter|start|beginning) of|at the (?:start|beginning) of the (?:full-scale )?(?:invasion|war)|in the early days of the (?:full-scale )?(?:invasion|war)|during world war|in world war|in the second world war|in 19\d\d|in 20(?:0\d|1[0-3]))\b/i;

/**
 * The signature line of a quoted social-media post: "— Name (@handle) March 3, 2024". The post above it is
 * dated by it, not by the article's publication time. Group 1 is the date.
 */
export const postSignature = /^[—–-]\s*[^()\n]{1,100}\(@[\w.]+\)\s+([A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$/;
