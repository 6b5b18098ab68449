import { z } from 'zod';
import { findOblast } from '../oblasts.js';

/** One populated place of the coordinates table (GeoNames-derived, Cyrillic names). */
export interface CoordinatePlace {
  name: string;
  alternates: string[];
  lat: number;
  lon: number;
  population: number | null;
  /** A municipality centre. */
  centre: boolean;
  admin1: string | null;
}

const Schema = z.object({
  places: z.array(z.object({
    n: z.string(),
    alt: z.array(z.string()).default([]),
    ll: z.tuple([z.number(), z.number()]),
    pop: z.number().nullable().optional(),
    adm: z.number().optional(),
    obl: z.string().nullable().optional(),
  })),
});

function admin1Of(obl: string | null | undefined): string | null {
  if (!obl) return null;
  if (/крим/i.test(obl)) return 'Crimea';
  return findOblast(obl)?.admin1 ?? null;
}

/**
 * Parses the coordinates table (`{count, places: [{n, alt, ll: [lat, lon], pop, adm, obl}]}`).
 * Throws a zod error naming the bad field when the layout differs.
 */
export function parseCoordinatePlaces(json: string): CoordinatePlace[] {
  const data = Schema.parse(JSON.parse(json));
  return data.places.map((p) => ({
    name: p.n.trim(),
    alternates: [...new Set(p.alt.map((a) => a.trim()).filter((a) => a !== '' && a !== p.n))],
    lat: p.ll[0],
    lon: p.ll[1],
    population: p.pop ? p.pop : null,
    centre: p.adm === 1,
    admin1: admin1Of(p.obl),
  }));
}
