/**
 * A cache around a pure function of a string, for names that recur from
 * sentence to sentence ("Russian", "Bakhmut", "Donetsk Oblast"). It holds at
 * most `limit` results and starts afresh when full, so memory stays bounded
 * however much text passes through.
 */
export function memoiseBounded<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    const known = cache.get(s);
    if (known !== undefined || cache.has(s)) return known as T;
    const v = fn(s);
    if (cache.size >= limit) cache = new Map();
    cache.set(ownString(s), v);
    return v;
  };
}

/**
 * The same characters in a string of their own. A slice of a long text (a name
 * cut out of a report) keeps the whole text alive in V8; a cache that holds the
 * slice would hold every report it has seen a name in.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
