/**
 * Publication time: datelines at the top of a text, and user/JSONL-given
 * date strings, normalised to ISO 8601.
 *
 * Output forms: `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `...Z` for UTC) when a time of
 * day is known, `YYYY-MM-DD` when only the date is. The offset is the one the
 * source stated (so the local calendar date is preserved); a time without a
 * zone is read in {@link DEFAULT_ZONE} (Kyiv time), which is where the
 * reporting this tool reads is mostly written.
 */
import * as chrono from 'chrono-node';

/** IANA zone for times given without a zone. */
export const DEFAULT_ZONE = 'Europe/Kyiv';

/** Options for {@link findDateline} and {@link normalisePublished}. */
export interface DateOptions {
  /** IANA zone for a time given without a zone (default {@link DEFAULT_ZONE}). */
  defaultZone?: string;
}

/** Calendar date and optional wall-clock time, as written. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number;
  second: number;
}

/** A zone: a fixed offset in minutes east of UTC, or an IANA name. */
type Zone = { offset: number } | { iana: string };

/** Zones written as abbreviations, by their literal meaning ("EET" is +02:00 even in summer). */
const FIXED_ZONES: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, UT: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  MSK: 180, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** Zones written without a standard/daylight distinction: resolved with the zone's rules. */
const RULE_ZONES: Readonly<Record<string, string>> = {
  ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver', PT: 'America/Los_Angeles',
};

const ZONE_TOKEN =
  /(?<![\w])(?:(?<abbr>UTC|GMT|UT|WET|WEST|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT)(?:\s*(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?)?|(?<place>Kyiv|Kiev|Ukrainian|Ukraine|Moscow)\s+(?:local\s+)?time|(?<eastern>Eastern)\s+(?:(?:Standard|Daylight)\s+)?Time)(?![\w])/;

const PLACE_ZONES: Readonly<Record<string, string>> = {
  kyiv: 'Europe/Kyiv', kiev: 'Europe/Kyiv', ukrainian: 'Europe/Kyiv', ukraine: 'Europe/Kyiv',
  moscow: 'Europe/Moscow',
};

/** A fixed reference instant, so parsing never depends on the clock or the machine's zone. */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

const LABEL_ONLY =
  /^[\s|•·*_>#-]*(?:(?:last\s+)?(?:updated|published|posted|modified|date|dated|first\s+published|опубліковано|оновлено|опубликовано|обновлено)\b\s*(?:on|at)?[\s:|,.-]*)?$/i;
const PROSE_PREPOSITION = /\b(?:on|since|by|until|till|from|in|before|after|of|between|and|to|as)\s*$/i;
const SEPARATOR_AFTER = /^\s*(?:\(|—|–|-\s|\||\/|·|•)/;

/**
 * Finds a publication time in a dateline among the first lines of a text
 * (first 8 lines, first ~600 characters): "March 3, 2024, 7:15pm ET",
 * "9:45 AM EET, March 3, 2024", "03.03.2024 09:45", "Updated: 2024-03-03T09:45:00+02:00",
 * "Mar 3, 2024", ... A date counts only with an explicit year, month and day,
 * and only on a line that reads as a dateline rather than prose.
 * Returns ISO 8601 (see the module notes), or null.
 */
export function findDateline(text: string, opts: DateOptions = {}): string | null {
  const head = text.split('\n', 8).join('\n').slice(0, 600);
  for (const result of parseDates(head)) {
    const known = certainDate(result);
    if (!known) continue;
    const merged = mergeFollowingTime(head, result);
    if (!isDateline(head, result.index, merged.end)) continue;
    const tail = head.slice(merged.end, merged.end + 30).split('\n', 1)[0]!;
    return toIso(known.wall(merged.time), zoneOf(merged.text, tail, merged.zoneOffset), opts);
  }
  return null;
}

/**
 * Normalises a date/time string given by a user or a JSONL field: ISO 8601
 * ("2024-03-03", "2024-03-03 09:45", "2024-03-03T09:45:00+02:00"), RFC 2822
 * ("Sun, 03 Mar 2024 09:45:00 +0200"), Unix seconds or milliseconds, or a
 * written date with an explicit year ("March 3, 2024 9:45 AM EET").
 * Returns ISO 8601 (see the module notes), or null when the string is not a valid date.
 */
export function normalisePublished(s: string, opts: DateOptions = {}): string | null {
  const input = s.trim();
  if (input === '') return null;
  if (/^\d{9,13}$/.test(input)) return fromUnixTime(Number(input), opts);
  const iso = parseIsoShape(input);
  if (iso !== undefined) return iso === null ? null : toIso(iso.wall, iso.zone, opts);
  for (const result of parseDates(input)) {
    const known = certainDate(result);
    if (!known) continue;
    const merged = mergeFollowingTime(input, result);
    return toIso(known.wall(merged.time), zoneOf(merged.text, input.slice(merged.end), merged.zoneOffset), opts);
  }
  return null;
}

/** Formats a Unix time (seconds, or milliseconds when ≥ 1e11) as ISO 8601 in the default zone. */
export function fromUnixTime(value: number, opts: DateOptions = {}): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value >= 1e11 ? value : value * 1000;
  const zone = opts.defaultZone ?? DEFAULT_ZONE;
  const offset = zoneOffsetAt(zone, ms);
  if (offset === null) return null;
  const d = new Date(ms + offset * 60_000);
  return formatIso(
    {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
    },
    offset,
  );
}

// ---------------------------------------------------------------------------

function parseDates(text: string): chrono.ParsedResult[] {
  const parser = /[\u0400-\u04ff]/.test(text)
    ? null
    : /\b\d{1,2}\.\d{1,2}\.\d{4}\b/.test(text)
      ? chrono.en.GB
      : chrono.casual;
  if (parser) return parser.parse(text, REFERENCE, { forwardDate: false });
  // Cyrillic: try Ukrainian, then Russian, then English; keep whichever finds the earliest date.
  const all = [chrono.uk, chrono.ru, chrono.en.GB].flatMap((p) => p.parse(text, REFERENCE, { forwardDate: false }));
  return all.sort((a, b) => a.index - b.index);
}

interface CertainDate {
  wall(time: TimeOfDay | null): WallTime;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/** A four-digit year written in the matched text (rules out "yesterday", which chrono also calls certain). */
const WRITTEN_YEAR = /(?:^|\D)(?:19|20|21)\d{2}(?:\D|$)/;

/** The result's date when year, month and day are all explicit. */
function certainDate(result: chrono.ParsedResult): CertainDate | null {
  const c = result.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  if (!WRITTEN_YEAR.test(result.text)) return null;
  const year = c.get('year')!;
  const month = c.get('month')!;
  const day = c.get('day')!;
  return {
    wall: (time) => ({ year, month, day, hour: time?.hour ?? null, minute: time?.minute ?? 0, second: time?.second ?? 0 }),
  };
}

function timeOf(result: chrono.ParsedResult): TimeOfDay | null {
  const c = result.start;
  if (!c.isCertain('hour')) return null;
  return { hour: c.get('hour')!, minute: c.get('minute') ?? 0, second: c.isCertain('second') ? c.get('second')! : 0 };
}

function zoneOffsetOf(result: chrono.ParsedResult): number | null {
  return result.start.isCertain('timezoneOffset') ? (result.start.get('timezoneOffset') ?? null) : null;
}

interface Merged {
  text: string;
  end: number;
  time: TimeOfDay | null;
  zoneOffset: number | null;
}

/** Joins a date-only result with a time that follows it after a separator ("March 3, 2024 | 09:45"). */
function mergeFollowingTime(text: string, result: chrono.ParsedResult): Merged {
  const end = result.index + result.text.length;
  const base: Merged = { text: result.text, end, time: timeOf(result), zoneOffset: zoneOffsetOf(result) };
  if (base.time) return base;
  const rest = text.slice(end, end + 40);
  const gap = /^[ \t,|•·@–—-]*(?:at\s+)?/.exec(rest)![0];
  if (gap.length > 6) return base;
  const next = chrono.casual.parse(rest.slice(gap.length), REFERENCE)[0];
  if (!next || next.index !== 0 || next.start.isCertain('day')) return base;
  const time = timeOf(next);
  if (!time) return base;
  return {
    text: text.slice(result.index, end + gap.length + next.text.length),
    end: end + gap.length + next.text.length,
    time,
    zoneOffset: zoneOffsetOf(next),
  };
}

/** Whether the date at [start, end) of `text` sits on a line that reads as a dateline. */
function isDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const prefix = text.slice(lineStart, start);
  const suffix = text.slice(end, lineEnd);
  if (LABEL_ONLY.test(prefix)) return true;
  if (PROSE_PREPOSITION.test(prefix)) return false;
  if (prefix.length <= 40 && SEPARATOR_AFTER.test(suffix)) return true;
  const rest = `${prefix} ${suffix}`.trim();
  const words = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words <= 10 && !/[.!?]["'”’)]*$/.test(rest);
}

/**
 * The zone written inside a matched date (`text`) or right after it (`tail`),
 * else chrono's numeric offset ("+02:00"), else null.
 */
function zoneOf(text: string, tail: string, chronoOffset: number | null): Zone | null {
  const inside = ZONE_TOKEN.exec(text);
  const after = inside ? null : ZONE_TOKEN.exec(tail);
  const m = inside ?? (after && /^[\s(]*$/.test(tail.slice(0, after.index)) ? after : null);
  const g = m?.groups;
  if (g?.eastern) return { iana: 'America/New_York' };
  if (g?.abbr) {
    if (g.sign && g.oh) {
      const minutes = Number(g.oh) * 60 + Number(g.om ?? 0);
      return { offset: g.sign === '-' ? -minutes : minutes };
    }
    const fixed = FIXED_ZONES[g.abbr];
    if (fixed !== undefined) return { offset: fixed };
    const iana = RULE_ZONES[g.abbr];
    if (iana) return { iana };
  }
  if (g?.place) {
    const iana = PLACE_ZONES[g.place.toLowerCase()];
    if (iana) return { iana };
  }
  return chronoOffset === null ? null : { offset: chronoOffset };
}

const ISO_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO-shaped strings: undefined when `s` is not ISO-shaped, null when it is
 * but names an impossible date or time.
 */
function parseIsoShape(s: string): { wall: WallTime; zone: Zone | null } | null | undefined {
  const m = ISO_SHAPE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, z] = m;
  const wall: WallTime = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: h === undefined ? null : Number(h), minute: Number(mi ?? 0), second: Number(sec ?? 0),
  };
  if (!validWall(wall)) return null;
  if (wall.hour === null) return { wall, zone: null };
  let zone: Zone | null = null;
  if (z) {
    if (z.toUpperCase() === 'Z') zone = { offset: 0 };
    else {
      const digits = z.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
      if (minutes > 14 * 60) return null;
      zone = { offset: z[0] === '-' ? -minutes : minutes };
    }
  }
  return { wall, zone };
}

function validWall(w: WallTime): boolean {
  if (w.year < 1900 || w.year > 2200 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.day > new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()) return false;
  if (w.hour === null) return true;
  return w.hour <= 23 && w.minute <= 59 && w.second <= 59;
}

/** ISO 8601 for a wall time in a zone (the default zone when null); date only when no time is known. */
function toIso(wall: WallTime, zone: Zone | null, opts: DateOptions): string | null {
  if (!validWall(wall)) return null;
  if (wall.hour === null) return formatDate(wall);
  const z = zone ?? { iana: opts.defaultZone ?? DEFAULT_ZONE };
  const offset = 'offset' in z ? z.offset : wallOffset(z.iana, wall);
  return offset === null ? null : formatIso(wall, offset);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

function formatIso(w: WallTime, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${formatDate(w)}T${pad(w.hour ?? 0)}:${pad(w.minute)}:${pad(w.second)}${zone}`;
}

/** Offset (minutes east of UTC) of an IANA zone at a UTC instant, or null for an unknown zone. */
function zoneOffsetAt(zone: string, utcMs: number): number | null {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  const name = fmt.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT(?:([+-])(\d{2}):?(\d{2})?)?/.exec(name);
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Offset of an IANA zone at a wall-clock time in that zone. */
function wallOffset(zone: string, w: WallTime): number | null {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour ?? 0, w.minute, w.second);
  const first = zoneOffsetAt(zone, asUtc);
  if (first === null) return null;
  return zoneOffsetAt(zone, asUtc - first * 60_000);
}

/** True when a line is little more than a date with an explicit year ("March 3, 2024", "03.03.2024 09:45 EET"). */
export function isDateOnly(line: string): boolean {
  const letters = (s: string): number => s.replace(/[^\p{L}\p{N}]/gu, '').length;
  for (const result of parseDates(line)) {
    if (!certainDate(result)) continue;
    const rest = line.slice(0, result.index) + line.slice(result.index + result.text.length);
    return letters(rest.replace(ZONE_TOKEN, '')) <= 3;
  }
  return false;
}
