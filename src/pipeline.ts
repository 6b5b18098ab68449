/**
 * What sitrep does to a report, in order. Each stage is a pure function from
 * data to data; every value it makes carries its provenance.
 *
 *   read      inputs (files, directories, stdin; .txt .md .html .jsonl) → RawReport   (src/read, async, outside this list)
 *   clean     drop boilerplate lines, normalise spaces and quotes, hash the text → CleanReport
 *   segment   paragraphs → sentences → tokens, with character offsets              → SegmentedReport
 *   recognise place mentions (gazetteer candidates), speakers, numbers              → Recognised
 *   extract   events, aggregate reports, claims (English rules in src/locales/en) → Extracted
 *   resolve   places among namesakes, dates against the publication time          → Analysis
 *   store     one transaction per document (src/store, async, outside this list)
 *
 * Order matters: offsets refer to the cleaned text, so nothing may change the
 * text after `clean`; `resolve` needs every mention of the report, so it runs
 * after `extract` has seen all sentences.
 */
import type { Analysis, RawReport } from './core/types.js';
import { clean } from './clean/index.js';
import { extract } from './extract/index.js';
import type { Gazetteer } from './geo/gazetteer.js';
import { loadBuiltinGazetteer } from './geo/gazetteer.js';
import { recognise } from './recognise/index.js';
import { resolve } from './resolve/index.js';
import { segment } from './text/segment.js';

export interface PipelineContext {
  gazetteer: Gazetteer;
}

export const stages = [
  { name: 'clean', run: (r: RawReport, _c: PipelineContext) => clean(r) },
  { name: 'segment', run: (r: ReturnType<typeof clean>, _c: PipelineContext) => segment(r) },
  { name: 'recognise', run: (r: ReturnType<typeof segment>, c: PipelineContext) => recognise(r, c.gazetteer) },
  { name: 'extract', run: (r: ReturnType<typeof recognise>, _c: PipelineContext) => extract(r) },
  { name: 'resolve', run: (r: ReturnType<typeof extract>, c: PipelineContext) => resolve(r, c.gazetteer) },
] as const;

/**
 * Runs every in-memory stage on one report.
 *
 * @example analyse({origin: '-', format: 'txt', text: 'Russian troops shelled Kherson.', ...}).events.length // 1
 */
export function analyse(raw: RawReport, context: PipelineContext = { gazetteer: loadBuiltinGazetteer() }): Analysis {
  const [c, s, r, e, v] = stages;
  return v.run(e.run(r.run(s.run(c.run(raw, context), context), context), context), context);
}
