/** The dashboard's calls to the API (same origin). A private server asks for the token once per tab. */
export type Filters = Record<string, string>;

export interface Source {
  document: string; outlet: string | null; published: string | null; title?: string | null; url?: string | null;
  speaker: string | null; quote: string; start: number; end: number;
  highlights?: { start: number; end: number; stage: string; reason: string }[];
}
export interface Place { name: string; id: string | null; admin1: string | null; admin2: string | null; lat: number | null; lon: number | null; geo_precision: number | null }
export interface Event {
  id: string; event_type: string; sub_event_type: string; date: string | null; date_end: string | null;
  actor1: string | null; actor2: string | null; place: Place | null; attacks: number | null; killed: number | null; injured: number | null;
  targets: string[]; weapons: string[]; corroboration: number; sources: Source[];
}
export interface Figure { document: string; outlet: string | null; published: string | null; event: string; attacks: number | null; killed: number | null; injured: number | null }
export interface Incident extends Event { events: string[]; figures: Figure[]; disagreements: string[]; figure_rule: string }
export interface Page<T> { items: T[]; next_cursor: string | null }
export interface Points { types: string[]; points: [string, number, number, string | null, number, number, number | null][]; truncated: boolean }
export interface Day { date: string; events: number; settlements: number; oblasts: number; killed: number | null; injured: number | null }
export interface Summary { date: string | null; settlements: number; oblasts: number; events: number; killed: number | null; injured: number | null; record_since: string | null; previous_high: { date: string; settlements: number } | null; first_date: string | null }

const TOKEN_KEY = 'sitrep-token';

export class ApiError extends Error {}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  if (res.status === 401 && !init.method) {
    const given = window.prompt('This sitrep server is private. Token:');
    if (given) {
      sessionStorage.setItem(TOKEN_KEY, given.trim());
      return api<T>(path, init);
    }
  }
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok && res.status !== 422) throw new ApiError(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

export function query(f: Filters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
