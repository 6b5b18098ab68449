/** Plain-text tables for the CLI's readable output. */

const clip = (s: string, width: number): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s);

/**
 * Renders rows as a fixed-width table; `widths` caps each column.
 *
 * @example table(['a', 'b'], [['1', '2']]) // 'a  b\n1  2'
 */
export function table(headers: string[], rows: string[][], widths: number[] = []): string {
  const cells = [headers, ...rows].map((r) => r.map((c, i) => clip(c.replace(/\s+/g, ' '), widths[i] ?? 60)));
  const w = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ').trimEnd()).join('\n');
}

export const show = (v: unknown): string => (v === null || v === undefined ? '-' : Array.isArray(v) ? v.join(', ') || '-' : String(v));
