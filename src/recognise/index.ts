import type { NumberMention, PlaceMention, SegmentedReport, Speaker } from '../core/types.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { recognisePlaces } from '../geo/recognise.js';
import { findSpeaker, mayAttribute } from '../locales/en/attribution.js';
import { findNumbers } from '../locales/en/numbers.js';

export interface Recognised extends SegmentedReport {
  places: PlaceMention[];
  /** The speaker each sentence attributes itself to, by sentence index. */
  speakers: (Speaker | null)[];
  /** Numbers in each sentence, by sentence index, offsets into the cleaned text. */
  numbers: NumberMention[][];
}

/**
 * The recognise stage: place mentions (with gazetteer candidates), speakers and
 * numbers, sentence by sentence. Dates are read by the resolve stage, which
 * knows the publication time.
 */
export function recognise(doc: SegmentedReport, gazetteer: Gazetteer): Recognised {
  const places: PlaceMention[] = [];
  const speakers: (Speaker | null)[] = [];
  const numbers: NumberMention[][] = [];
  for (const sentence of doc.sentences) {
    places.push(...recognisePlaces(sentence, doc.text, gazetteer, doc.id));
    speakers.push(mayAttribute(sentence.text) ? findSpeaker(sentence.text, sentence.start) : null);
    numbers.push(findNumbers(sentence.text, sentence.start));
  }
  return { ...doc, places, speakers, numbers };
}
