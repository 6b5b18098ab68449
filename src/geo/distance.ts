/** A point that may lack coordinates. */
export interface Point {
  lat: number | null;
  lon: number | null;
}

/** Great-circle distance in kilometres (haversine); Infinity when either point lacks coordinates. */
export function km(a: Point, b: Point): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Infinity;
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
