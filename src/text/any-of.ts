/**
 * One regular expression that matches where any of several does: a cheap
 * first test before trying them one by one. Most sentences match none of a
 * vocabulary, and one pass over the text costs about what one of its
 * expressions costs.
 *
 * The union is exact: `anyOf(res).test(s)` is true if and only if some
 * `re.test(s)` is. It is only built when that can be guaranteed: every
 * expression has the same flags (apart from g and y, which `test` on a fresh
 * union ignores) and none refers back to a group by number or name (the union
 * renumbers groups). Otherwise the result is null and callers test each one.
 */
export function anyOf(res: readonly RegExp[]): RegExp | null {
  if (res.length === 0) return null;
  const flags = res[0]!.flags.replace(/[gy]/g, '');
  if (res.some((re) => re.flags.replace(/[gy]/g, '') !== flags || /\\(?:[1-9]|k<)/.test(re.source))) return null;
  try {
    return new RegExp(res.map((re) => `(?:${re.source})`).join('|'), flags);
  } catch {
    return null; // e.g. the same group name in two expressions
  }
}
