/**
 * Byte-level checks on an input before it is read as text: size, emptiness,
 * binary content and UTF-8 validity. Every failure is an {@link InputError}
 * with a one-line message.
 */
import { InputError } from '../core/types.js';

/** Default size limit for one input: 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const MIB = 1024 * 1024;

/** Options for {@link decodeInput}. */
export interface DecodeOptions {
  /** Largest accepted input in bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
}

/** Human-readable size: "512 bytes", "3.5 KB", "50.0 MB" (binary units). */
export function formatSize(bytes: number, exact = false): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < MIB ? [bytes / 1024, 'KB'] : [bytes / MIB, 'MB'];
  const text = exact && Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${unit}`;
}

/** The one-line message for an input of `size` bytes over the limit `maxBytes`. */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `too large: ${formatSize(size)}, the limit is ${formatSize(maxBytes, true)} (raise it with --max-bytes)`;
}

/** Throws {@link InputError} when `size` is over `maxBytes`. */
export function checkSize(origin: string, size: number, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) throw new InputError(origin, tooLargeMessage(size, maxBytes));
}

/**
 * Decodes an input's bytes to text, or throws {@link InputError} with a one-line
 * reason: "empty file", "no text (only whitespace)", "binary file, not text",
 * "not valid UTF-8 (first bad byte at offset N)" or "too large: ...".
 * Strips a UTF-8 BOM and normalises CRLF / CR line ends to LF.
 */
export function decodeInput(origin: string, bytes: Uint8Array, opts: DecodeOptions = {}): string {
  checkSize(origin, bytes.length, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.length === 0) throw new InputError(origin, 'empty file');
  if (looksLikeUtf16(bytes)) throw new InputError(origin, 'not valid UTF-8 (looks like UTF-16; convert it to UTF-8)');
  if (looksBinary(bytes)) throw new InputError(origin, 'binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(origin, `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`);
  }
  if (text.trim() === '') throw new InputError(origin, 'no text (only whitespace)');
  return normaliseNewlines(text);
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * True when the bytes contain a NUL, or when more than 10% of the first 64 KiB
 * are control characters other than tab, LF, CR, FF and ESC.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > n * 0.1;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 when the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // > U+10FFFF
    } else return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c < min || c > max) return i;
    }
    i += len;
  }
  return -1;
}
