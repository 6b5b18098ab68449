import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { CleanReport, SegmentedReport, Sentence, Token } from '../core/types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;
/** The wink-nlp instance, created on first use (loading the model takes ~100 ms). */
function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

const KIND: Record<string, Token['kind']> = {
  word: 'word',
  number: 'number',
  punctuation: 'punct',
  symbol: 'symbol',
};

/**
 * Splits one paragraph into sentences of tokens with character offsets into the
 * whole text (`base` is the paragraph's offset).
 */
export function segmentParagraph(paragraph: string, base: number, paragraphIndex: number, firstIndex: number): Sentence[] {
  const w = getNlp();
  const its = w.its;
  const doc = w.readDoc(paragraph);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    // wink keeps every character; guard anyway so offsets always point at the token.
    const found = paragraph.startsWith(value, offset) ? offset : paragraph.indexOf(value, offset);
    const start = found < 0 ? offset : found;
    tokens.push({ text: value, start: base + start, end: base + start + value.length, kind: KIND[types[i] ?? ''] ?? 'other' });
    offset = start + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    const sentenceTokens = tokens.slice(from, to + 1).filter((t) => t.text.trim() !== '');
    const first = sentenceTokens[0];
    const last = sentenceTokens[sentenceTokens.length - 1];
    if (!first || !last) continue;
    sentences.push({
      index: firstIndex + sentences.length,
      paragraph: paragraphIndex,
      start: first.start,
      end: last.end,
      text: paragraph.slice(first.start - base, last.end - base),
      tokens: sentenceTokens,
    });
  }
  return sentences;
}

/**
 * The segment stage: paragraphs (lines of the cleaned text) into sentences and
 * tokens, each with character offsets into the cleaned text.
 */
export function segment(report: CleanReport): SegmentedReport {
  const sentences: Sentence[] = [];
  let base = 0;
  let paragraph = 0;
  for (const line of report.text.split('\n')) {
    if (line.trim() !== '') {
      sentences.push(...segmentParagraph(line, base, paragraph, sentences.length));
      paragraph++;
    }
    base += line.length + 1;
  }
  return { ...report, sentences };
}
