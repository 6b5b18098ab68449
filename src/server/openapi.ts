/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Query parameters are generated from the same zod
 * schemas that validate them (src/server/filters.ts), so the document cannot drift from the checks; the
 * response schemas are written here.
 */
import { z } from 'zod';
import { EVENT_TYPES, filterShape, listQuery, SUB_EVENT_TYPES } from './filters.js';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType): Json {
  const { $schema: _drop, description: _d, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

function param(name: string, s: z.ZodType, required = false): Json {
  return { name, in: 'query', required, description: s.description ?? '', schema: schemaOf(s) };
}

const filterParams = (): Json[] => Object.entries(filterShape).map(([k, s]) => param(k, s));
const pageParams = (): Json[] => (['sort', 'limit', 'cursor'] as const).map((k) => param(k, listQuery.shape[k]));

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Json = {}): Json => ({ type: [type, 'null'], ...extra });
const ok = (description: string, schema: Json, type = 'application/json'): Json => ({ description, content: { [type]: { schema } } });
const errors = (...codes: number[]): Json => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const page = (item: string): Json => ({
  type: 'object', required: ['items', 'next_cursor'],
  properties: { items: { type: 'array', items: ref(item) }, next_cursor: nullable('string', { description: 'pass as cursor for the next page; null on the last page' }) },
});

const source: Json = {
  type: 'object', required: ['document', 'outlet', 'published', 'speaker', 'quote', 'start', 'end'],
  properties: {
    document: { type: 'string', description: 'id of the report (sha256 of its cleaned text)' },
    outlet: nullable('string'), published: nullable('string', { format: 'date-time' }), speaker: nullable('string'),
    quote: { type: 'string', description: 'the sentence, as text' },
    start: { type: 'integer', description: 'offset of the quote in the report\'s cleaned text' }, end: { type: 'integer' },
  },
};
const detailedSource: Json = {
  allOf: [source, {
    type: 'object', properties: {
      title: nullable('string'), url: nullable('string'),
      highlights: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, stage: { type: 'string' }, reason: { type: 'string' } } }, description: 'spans of the quote a rule read (offsets relative to the quote)' },
    },
  }],
};
const place: Json = {
  type: ['object', 'null'], required: ['name', 'id', 'admin1', 'admin2', 'lat', 'lon', 'geo_precision'],
  properties: {
    name: { type: 'string' }, id: nullable('string'), admin1: nullable('string', { description: 'oblast' }), admin2: nullable('string', { description: 'raion' }),
    lat: nullable('number'), lon: nullable('number'), geo_precision: { enum: [1, 2, 3, null] },
  },
};
const eventProps: Json = {
  id: { type: 'string' }, event_type: { enum: [...EVENT_TYPES] }, sub_event_type: { enum: [...SUB_EVENT_TYPES] },
  date: nullable('string', { format: 'date' }), date_end: nullable('string', { format: 'date' }), time_precision: { enum: [1, 2, 3, null] },
  actor1: nullable('string'), actor2: nullable('string'), place,
  attacks: nullable('integer'), killed: nullable('integer', { description: 'null: not reported; 0: reported as none' }), injured: nullable('integer'),
  targets: { type: 'array', items: { type: 'string' } }, weapons: { type: 'array', items: { type: 'string' } }, historical: { type: 'boolean' },
  corroboration: { type: 'integer', description: 'independent sources behind the event: those of its incident (copies, "according to" chains and one outlet\'s reports are one source); distinct outlets for an event in no incident' },
};

/** The OpenAPI document. */
export function openApiDocument(): Json {
  const filters = filterParams();
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version: '0.1.0',
      description: 'Events, incidents, statistics, aggregate reports and claims read from war reporting, each with the sentences it came from. '
        + 'Reading needs no token unless the server runs with --private; writing needs the bearer token. Errors are JSON {"error": message}.',
    },
    servers: [{ url: '/' }],
    security: [{}, { bearer: [] }],
    paths: {
      '/api/events': { get: { summary: 'Events, filtered, sorted and cursor-paged', parameters: [...filters, ...pageParams()], responses: { 200: ok('a page of events', page('Event')), ...errors(400, 401) } } },
      '/api/events/points': { get: { summary: 'Located events as compact map points', parameters: filters, responses: { 200: ok('points: [id, lat, lon, date, index into types, corroboration, killed]', ref('Points')), ...errors(400, 401) } } },
      '/api/events/{id}': { get: { summary: 'One event with every source, its quote and the words rules read in it', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('the event', ref('EventDetail')), ...errors(401, 404) } } },
      '/api/incidents': { get: { summary: 'Incidents (one thing that happened, every report of it), filtered, sorted and cursor-paged', parameters: [...filters, ...pageParams()], responses: { 200: ok('a page of incidents', page('Incident')), ...errors(400, 401) } } },
      '/api/incidents/{id}': { get: { summary: 'One incident with all its sources, figures side by side', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('the incident', ref('Incident')), ...errors(401, 404) } } },
      '/api/places': { get: { summary: 'Places search (gazetteer): by any name, or the start of a name', parameters: [param('q', z.string().describe('name or its beginning'), true), param('limit', listQuery.shape.limit)], responses: { 200: ok('places', { type: 'object', properties: { items: { type: 'array', items: ref('Place') } } }), ...errors(400, 401) } } },
      '/api/stats/daily': { get: { summary: 'Per day: events, settlements attacked, oblasts, killed, injured, by type and by oblast', parameters: filters, responses: { 200: ok('days', { type: 'object', properties: { days: { type: 'array', items: ref('Day') } } }), ...errors(400, 401) } } },
      '/api/stats/summary': { get: { summary: 'One day\'s settlements attacked, and since when none had as many', parameters: [...filters, param('date', filterShape.from.describe('the day (default: the latest day with events)'))], responses: { 200: ok('summary', ref('Summary')), ...errors(400, 401) } } },
      '/api/aggregate-reports': { get: { summary: 'Aggregate figures ("92 settlements in 8 regions"): not events', parameters: [param('from', filterShape.from), param('to', filterShape.to), param('kind', z.enum(['settlements_attacked', 'attacks', 'drones_launched', 'missiles_launched']).optional()), ...pageParams().slice(1)], responses: { 200: ok('a page', page('AggregateReport')), ...errors(400, 401) } } },
      '/api/claims': { get: { summary: 'Claims by parties to the war', parameters: [param('status', z.enum(['unverified', 'disputed', 'corroborated', 'reported']).optional()), param('side', z.enum(['Ukraine', 'Russia', 'other']).optional()), param('q', filterShape.q), ...pageParams().slice(1)], responses: { 200: ok('a page', page('Claim')), ...errors(400, 401) } } },
      '/api/sources': { get: { summary: 'Sources health: per outlet, documents, events, dates, documents that gave nothing', responses: { 200: ok('outlets', { type: 'object', properties: { items: { type: 'array', items: ref('SourceHealth') } } }), ...errors(401) } } },
      '/api/reports': {
        post: {
          summary: 'Ingest a report (needs the bearer token)',
          security: [{ bearer: [] }],
          description: 'The body is the report itself (text, Markdown, HTML or JSONL; the format from ?format= or sniffed), or JSON {"text", "format"?, "origin"?, "published"?, "outlet"?, "url"?}. '
            + 'Answers 201 when something was stored, 200 when everything was known already, 422 when everything was rejected.',
          parameters: [
            param('format', z.enum(['txt', 'md', 'html', 'jsonl']).optional().describe('format of the body (default: sniffed)')),
            param('origin', z.string().optional().describe('where the report came from (a path or name); default "api"')),
            param('published', z.string().optional().describe('publication time, ISO 8601')),
            param('outlet', z.string().optional().describe('the outlet that published it')),
            param('url', z.string().optional().describe('the report\'s address')),
          ],
          requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } }, 'application/json': { schema: ref('ReportInput') } } },
          responses: { 200: ok('every report was known already', ref('IngestResults')), 201: ok('stored', ref('IngestResults')), 422: ok('everything was rejected', ref('IngestResults')), ...errors(400, 401, 413) },
        },
      },
      '/api/reports/{id}': { get: { summary: 'One stored report: its cleaned text (offsets of quotes refer to it) and metadata', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: ok('the report', { type: 'object' }), ...errors(401, 404) } } },
      '/api/examples': { post: { summary: 'Ingest the illustrative example reports the project ships (no token needed while the database is empty)', responses: { 200: ok('known already', ref('IngestResults')), 201: ok('stored', ref('IngestResults')), ...errors(401) } } },
      '/api/export/events.csv': { get: { summary: 'Events as CSV with ACLED\'s column names (sitrep\'s own columns after them; unknown figures are empty cells)', parameters: filters, responses: { 200: ok('CSV', { type: 'string' }, 'text/csv'), ...errors(400, 401) } } },
      '/api/export/events.geojson': { get: { summary: 'Events as a GeoJSON FeatureCollection', parameters: filters, responses: { 200: ok('GeoJSON', { type: 'object' }, 'application/geo+json'), ...errors(400, 401) } } },
      '/api/export/events.jsonl': { get: { summary: 'Events as JSON lines', parameters: filters, responses: { 200: ok('JSONL', { type: 'string' }, 'application/x-ndjson'), ...errors(400, 401) } } },
      '/api/health': { get: { summary: 'Counts, and whether the example reports are on offer', responses: { 200: ok('health', { type: 'object' }) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the operator\'s token (sitrep serve --token, SITREP_TOKEN, or server.json in the data directory)' } },
      responses: {
        E400: ok('a parameter or the body is invalid; the message names it', ref('Error')),
        E401: ok('the bearer token is missing or wrong', ref('Error')),
        E404: ok('not found', ref('Error')),
        E413: ok('the body is too large', ref('Error')),
      },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        Source: source,
        Event: { type: 'object', required: Object.keys(eventProps).concat('sources'), properties: { ...eventProps, sources: { type: 'array', items: source } } },
        EventDetail: { type: 'object', properties: { ...eventProps, sources: { type: 'array', items: detailedSource } } },
        Incident: {
          type: 'object',
          required: Object.keys(eventProps).concat('source_kinds', 'independent_sources', 'events', 'figure_rule', 'figures', 'disagreements', 'conflicts', 'types_reported', 'sources'),
          description: 'an incident fused from the events (mentions) of several reports; GET /api/incidents/{id} also takes the id of one of its events',
          properties: {
            ...eventProps,
            corroboration: { type: 'integer', description: 'independent sources: outlets that did not copy each other (near-identical text or "according to" makes one source)' },
            source_kinds: { type: 'array', items: { enum: ['official (Ukraine)', 'official (Russia)', 'official', 'local authority', 'wire agency', 'media', 'social'] } },
            independent_sources: { type: 'array', items: { type: 'object', properties: { outlets: { type: 'array', items: { type: 'string' } }, documents: { type: 'array', items: { type: 'string' } }, kinds: { type: 'array', items: { type: 'string' } }, reasons: { type: 'array', items: { type: 'string' }, description: 'why these reports are one source' } } } },
            events: { type: 'array', items: { type: 'string' }, description: 'the events (mentions) that make the incident' },
            attacks: nullable('integer', { description: 'chosen from figures by figure_rule' }),
            killed: nullable('integer', { description: 'chosen from figures by figure_rule; null: no report gave one' }),
            figure_rule: { type: 'string', description: 'how the incident\'s figures are chosen from its reports\'' },
            figures: {
              type: 'array', description: 'every report\'s figures, side by side',
              items: {
                type: 'object', properties: {
                  document: { type: 'string' }, outlet: nullable('string'), published: nullable('string'), event: { type: 'string' },
                  source: { type: 'string', description: 'who gave them: the speaker, else the outlet' },
                  attacks: nullable('integer'), killed: nullable('integer'), injured: nullable('integer'),
                  replaced: { type: 'array', items: { enum: ['attacks', 'killed', 'injured'] }, description: 'fields a later report of the same source replaced' },
                },
              },
            },
            disagreements: { type: 'array', items: { enum: ['attacks', 'killed', 'injured'] }, description: 'fields on which the standing figures differ' },
            conflicts: {
              type: 'array', description: 'for each disagreement: every standing value, who gives it, and the one chosen',
              items: { type: 'object', properties: { field: { enum: ['attacks', 'killed', 'injured'] }, values: { type: 'array', items: { type: 'object', properties: { value: { type: 'integer' }, sources: { type: 'array', items: { type: 'string' } } } } }, chosen: { type: 'integer' } } },
            },
            types_reported: { type: 'array', items: { enum: [...SUB_EVENT_TYPES] }, description: 'sub-event types the reports gave, when they differ' },
            sources: {
              type: 'array', description: 'every report of it; title, offsets and highlights only in GET /api/incidents/{id}',
              items: {
                type: 'object', required: ['document', 'outlet', 'url', 'published', 'speaker', 'kinds', 'quote', 'mention', 'independent_source'],
                properties: {
                  document: { type: 'string' }, outlet: nullable('string'), url: nullable('string'), published: nullable('string', { format: 'date-time' }), speaker: nullable('string'),
                  kinds: { type: 'array', items: { type: 'string' } }, quote: { type: 'string' }, mention: { type: 'string', description: 'the event this report gave' },
                  independent_source: { type: 'integer', description: 'index into independent_sources' },
                  title: nullable('string'), start: { type: 'integer' }, end: { type: 'integer' },
                  highlights: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, stage: { type: 'string' }, reason: { type: 'string' } } } },
                },
              },
            },
          },
        },
        Points: { type: 'object', properties: { types: { type: 'array', items: { type: 'string' } }, points: { type: 'array', items: { type: 'array' } }, truncated: { type: 'boolean' } } },
        Place: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, admin1: nullable('string'), admin2: nullable('string'), lat: nullable('number'), lon: nullable('number'), population: nullable('integer'), matched: { type: 'string' } } },
        Day: { type: 'object', properties: { date: { type: 'string', format: 'date' }, events: { type: 'integer' }, settlements: { type: 'integer' }, oblasts: { type: 'integer' }, killed: nullable('integer'), injured: nullable('integer'), by_type: { type: 'object', additionalProperties: { type: 'integer' } }, by_oblast: { type: 'object', additionalProperties: { type: 'integer' } } } },
        Summary: { type: 'object', properties: { date: nullable('string'), settlements: { type: 'integer' }, oblasts: { type: 'integer' }, events: { type: 'integer' }, killed: nullable('integer'), injured: nullable('integer'), record_since: nullable('string'), previous_high: { type: ['object', 'null'] }, first_date: nullable('string') } },
        AggregateReport: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, value: { type: 'integer' }, regions: nullable('integer'), region_names: { type: 'array', items: { type: 'string' } }, period_start: nullable('string'), period_end: nullable('string'), speaker: nullable('string'), quote: { type: 'string' }, document: { type: 'string' }, outlet: nullable('string'), published: nullable('string') } },
        Claim: { type: 'object', properties: { id: { type: 'string' }, speaker: nullable('string'), role: nullable('string'), side: nullable('string'), statement: { type: 'string' }, status: { type: 'string' }, reason: { type: 'string' }, quote: { type: 'string' }, document: { type: 'string' }, outlet: nullable('string'), published: nullable('string') } },
        SourceHealth: { type: 'object', properties: { outlet: nullable('string'), documents: { type: 'integer' }, events: { type: 'integer' }, documents_without_events: { type: 'integer' }, documents_without_date: { type: 'integer' }, first_published: nullable('string'), last_published: nullable('string'), last_ingested: nullable('string') } },
        ReportInput: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, format: { enum: ['txt', 'md', 'html', 'jsonl'] }, origin: { type: 'string' }, published: { type: 'string' }, outlet: { type: 'string' }, url: { type: 'string' } } },
        IngestResults: { type: 'object', properties: { error: { type: 'string' }, results: { type: 'array', items: { type: 'object', properties: { status: { enum: ['stored', 'known', 'rejected'] }, origin: { type: 'string' }, document: { type: 'string' }, events: { type: 'integer' }, reports: { type: 'integer' }, claims: { type: 'integer' }, published: nullable('string'), published_source: { type: 'string' }, message: { type: 'string' } } } } } },
      },
    },
  };
}
