import { findOblast } from '../oblasts.js';

/** KATOTTG categories: O oblast/Crimea, K city with special status, P raion, H hromada, M city, X selyshche, C village, B city district. */
export type KatottgCategory = 'O' | 'K' | 'P' | 'H' | 'M' | 'X' | 'C' | 'B';

/** One unit of the official codifier, with its place in the hierarchy. */
export interface KatottgUnit {
  code: string;
  category: KatottgCategory;
  /** Ukrainian name as written in the register (trimmed). */
  name: string;
  admin1: string | null;
  /** Codes of the enclosing raion and hromada (null above them). */
  raion: string | null;
  hromada: string | null;
  /** For a city district: the code of its city. */
  city: string | null;
}

export interface Katottg {
  units: KatottgUnit[];
  byCode: Map<string, KatottgUnit>;
}

const CATEGORIES = new Set(['O', 'K', 'P', 'H', 'M', 'X', 'C', 'B']);

/** The admin1 of a level-1 unit's name ("Донецька", "Автономна Республіка Крим", "Київ"). */
function admin1Of(category: string, name: string): string | null {
  if (/крим/i.test(name)) return 'Crimea';
  if (category === 'K') return /севастополь/i.test(name) ? 'Sevastopol' : 'Kyiv City';
  return findOblast(`${name} область`)?.admin1 ?? null;
}

/**
 * Parses the KATOTTG CSV as the ministry publishes it: `;`-separated, a header
 * line, columns level 1-4 codes, additional level code, category, name.
 * Throws with the line number on a malformed line.
 */
export function parseKatottg(text: string): Katottg {
  const units: KatottgUnit[] = [];
  const byCode = new Map<string, KatottgUnit>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const admin1ByL1 = new Map<string, string | null>();
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const cols = line.split(';');
    if (cols.length < 7) throw new Error(`KATOTTG line ${i + 1}: expected 7 columns separated by ';', found ${cols.length}`);
    const [l1, l2, l3, l4, extra, category, ...rest] = cols.map((c) => c.trim());
    const name = rest.join(';').trim();
    if (!category || !CATEGORIES.has(category)) throw new Error(`KATOTTG line ${i + 1}: unknown category "${category ?? ''}"`);
    const code = extra || l4 || l3 || l2 || l1 || '';
    if (!/^UA\d{17}$/.test(code)) throw new Error(`KATOTTG line ${i + 1}: "${code}" is not a KATOTTG code`);
    if (l1 && !l2 && (category === 'O' || category === 'K')) admin1ByL1.set(l1, admin1Of(category, name));
    const unit: KatottgUnit = {
      code,
      category: category as KatottgCategory,
      name,
      admin1: admin1ByL1.get(l1 ?? '') ?? null,
      raion: l2 || null,
      hromada: l3 || null,
      city: extra ? (l4 || l1 || null) : null,
    };
    units.push(unit);
    byCode.set(code, unit);
  });
  return { units, byCode };
}
