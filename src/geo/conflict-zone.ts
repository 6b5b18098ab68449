/**
 * Where the war was fought, by period: the oblasts a village named in war
 * reporting is most likely in when the text names no oblast and nothing else
 * decides. Dates are the publication date of the report. Domain knowledge,
 * kept as data; the resolver uses it last, after everything the text says.
 */
export interface ConflictPeriod {
  from: string;
  to: string | null;
  oblasts: string[];
}

export const CONFLICT_ZONE: readonly ConflictPeriod[] = [
  // The war in Donbas, from the first armed clashes to the full-scale invasion.
  { from: '2014-04-01', to: '2022-02-23', oblasts: ['Donetsk', 'Luhansk'] },
  // The full-scale invasion: the northern front until the spring 2022 withdrawal.
  { from: '2022-02-24', to: '2022-04-30', oblasts: ['Donetsk', 'Luhansk', 'Kharkiv', 'Kherson', 'Zaporizhia', 'Mykolaiv', 'Kyiv', 'Chernihiv', 'Sumy'] },
  { from: '2022-05-01', to: null, oblasts: ['Donetsk', 'Luhansk', 'Kharkiv', 'Kherson', 'Zaporizhia', 'Mykolaiv', 'Dnipropetrovsk', 'Sumy'] },
];

/** The oblasts of the front at a date (YYYY-MM-DD), or of the latest period when the date is unknown. */
export function conflictOblasts(date: string | null): string[] {
  if (date === null) return CONFLICT_ZONE[CONFLICT_ZONE.length - 1]!.oblasts;
  const p = CONFLICT_ZONE.find((z) => date >= z.from && (z.to === null || date <= z.to));
  return p ? p.oblasts : [];
}
