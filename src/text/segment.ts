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
  const n = values.length;
  const tokens: Token[] = new Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    // wink keeps every character; guard anyway so offsets always point at the token.
    const found = paragraph.startsWith(value, offset) ? offset : paragraph.indexOf(value, offset);
    const start = found < 0 ? offset : found;
    // wink types words in other scripts (Cyrillic) as 'other': letters are a word.
    const kind = KIND[types[i] ?? ''] ?? (LETTERS.test(value) ? 'word' : 'other');
    tokens[i] = { text: value, start: base + start, end: base + start + value.length, kind };
    offset = start + value.length;
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // Only a word with a letter beyond ASCII can have been split: most paragraphs have none.
  const merged: readonly (Token | null)[] = NON_ASCII.test(paragraph) ? mergeSplitLetters(tokens) : tokens;
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    const sentenceTokens: Token[] = [];
    for (let i = from; i <= to; i++) {
      const t = merged[i];
      if (t && !isBlank(t.text)) sentenceTokens.push(t);
    }
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

const LETTERS = /^\p{L}+$/u;
const NON_ASCII = /[^\x00-\x7F]/;
/** A token that is only white space (what `text.trim() === ''` tests, without a new string). */
const BLANK = /^\s*$/;
/** {@link BLANK}, answered from the first character when it is printable ASCII (nearly always). */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? false : BLANK.test(text);
}

/**
 * wink-nlp splits words at letters it does not know ("Wuh" "ł" "edar"): join
 * runs of touching word pieces that contain such a letter back into one word.
 * Returns an array of the same length (joined pieces become null) so that
 * wink's sentence spans still index it.
 */
function mergeSplitLetters(tokens: Token[]): (Token | null)[] {
  const out: (Token | null)[] = [...tokens];
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (!t || !(t.kind === 'word' || (t.kind === 'other' && LETTERS.test(t.text)))) continue;
    let j = i + 1;
    let odd = t.kind === 'other' || !/^[\x00-\x7F]*$/.test(t.text);
    let end = t.end;
    let text = t.text;
    while (j < out.length) {
      const n = out[j]!;
      if (n === null || n.start !== end || !(n.kind === 'word' || (n.kind === 'other' && LETTERS.test(n.text)))) break;
      if (n.kind === 'word' && /^'/.test(n.text)) break; // "Kharkiv's"
      odd ||= n.kind === 'other' || !/^[\x00-\x7F]*$/.test(n.text);
      text += n.text;
      end = n.end;
      j++;
    }
    if (!odd || j === i + 1) continue;
    out[i] = { text, start: t.start, end, kind: 'word' };
    for (let k = i + 1; k < j; k++) out[k] = null;
    i = j - 1;
  }
  return out;
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
