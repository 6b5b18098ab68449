/**
 * Exports of events: CSV with ACLED's column names (sitrep's extra figures after them), GeoJSON and JSONL.
 * Each is produced a page at a time, so an export of the whole store streams instead of filling memory.
 */
import type { ApiEvent } from './ledger.js';

/** ACLED's columns, in ACLED's order; sitrep's own columns follow them. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export const SITREP_COLUMNS = ['date_end', 'injured', 'attacks', 'weapons', 'targets', 'corroboration', 'historical'] as const;

/** A CSV cell: quoted when it holds a comma, quote or line break; unknown is an empty cell. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${[...ACLED_COLUMNS, ...SITREP_COLUMNS].join(',')}\n`;
}

/**
 * One event as an ACLED row. `fatalities` is sitrep's `killed` and stays empty when no report gave a figure
 * (ACLED writes 0 there; sitrep keeps unknown apart from none). `timestamp` is the latest source's publication.
 */
export function csvRow(e: ApiEvent): string {
  const published = e.sources.map((s) => s.published).filter((p): p is string => p !== null).sort();
  const last = published[published.length - 1];
  const outlets = [...new Set(e.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
  const cells: Record<(typeof ACLED_COLUMNS)[number] | (typeof SITREP_COLUMNS)[number], unknown> = {
    event_id_cnty: e.id,
    event_date: e.date,
    year: e.date?.slice(0, 4) ?? null,
    time_precision: e.time_precision,
    disorder_type: e.event_type === 'Strategic developments' ? 'Strategic developments' : 'Political violence',
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: null,
    inter1: null,
    actor2: e.actor2,
    assoc_actor_2: null,
    inter2: null,
    interaction: null,
    civilian_targeting: e.actor2?.startsWith('Civilians') ? 'Civilian targeting' : null,
    iso: 804,
    region: 'Europe',
    country: 'Ukraine',
    admin1: e.place?.admin1 ?? null,
    admin2: e.place?.admin2 ?? null,
    admin3: null,
    location: e.place?.name ?? null,
    latitude: e.place?.lat ?? null,
    longitude: e.place?.lon ?? null,
    geo_precision: e.place?.geo_precision ?? null,
    source: outlets.join('; ') || null,
    source_scale: null,
    notes: e.sources[0]?.quote ?? null,
    fatalities: e.killed,
    tags: null,
    timestamp: last ? Math.floor(Date.parse(last) / 1000) : null,
    date_end: e.date_end,
    injured: e.injured,
    attacks: e.attacks,
    weapons: e.weapons.join('; ') || null,
    targets: e.targets.join('; ') || null,
    corroboration: e.corroboration,
    historical: e.historical,
  };
  return `${[...ACLED_COLUMNS, ...SITREP_COLUMNS].map((c) => csvCell(cells[c])).join(',')}\n`;
}

/** A GeoJSON feature: a point at the place (null geometry when the place has no coordinates). */
export function geoJsonFeature(e: ApiEvent): string {
  const { place } = e;
  const geometry = place && place.lat !== null && place.lon !== null ? { type: 'Point', coordinates: [place.lon, place.lat] } : null;
  return JSON.stringify({ type: 'Feature', id: e.id, geometry, properties: e });
}

export type ExportFormat = 'csv' | 'geojson' | 'jsonl';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** A stream of the export, pulling one page of events at a time from `pages`. */
export function exportStream(format: ExportFormat, pages: AsyncGenerator<ApiEvent[]>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (format === 'csv') controller.enqueue(enc.encode(csvHeader()));
        if (format === 'geojson') controller.enqueue(enc.encode('{"type":"FeatureCollection","features":['));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        if (format === 'geojson') controller.enqueue(enc.encode(']}\n'));
        controller.close();
        return;
      }
      let chunk = '';
      for (const e of next.value) {
        if (format === 'csv') chunk += csvRow(e);
        else if (format === 'jsonl') chunk += `${JSON.stringify(e)}\n`;
        else {
          chunk += `${first ? '' : ','}\n${geoJsonFeature(e)}`;
          first = false;
        }
      }
      controller.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
