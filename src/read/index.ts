/**
 * The READ stage: files, directories and stdin to {@link RawReport}s.
 *
 * Publication time precedence: `opts.published` ('cli') > JSONL field ('jsonl')
 * > HTML metadata ('html-meta') > dateline in the text or Markdown front matter
 * ('dateline') > null ('none').
 */
import { opendir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError, type RawReport } from '../core/types.js';
import { readHtml } from './html.js';
import { readJsonlLines } from './jsonl.js';
import { findDateline, normalisePublished } from './published.js';
import { readMarkdown, readPlainText } from './text.js';
import { checkSize, decodeInput, DEFAULT_MAX_BYTES } from './validate.js';

export { DEFAULT_MAX_BYTES } from './validate.js';

/** Options for {@link readInputs} and {@link readBuffer}. */
export interface ReadOptions {
  /** Largest accepted input in bytes (default 20 MiB). */
  maxBytes?: number;
  /** Publication time for every report (CLI `--published`); wins over what the inputs say. */
  published?: string | null;
  /** Outlet for every report (CLI `--outlet`). */
  outlet?: string | null;
  /** URL for every report (CLI `--url`). */
  url?: string | null;
}

/** One report, or why an input (or a JSONL line) could not be read. */
export type ReadResult = { ok: true; report: RawReport } | { ok: false; error: InputError };

/** Extensions read from directories, with their formats. */
export const EXTENSIONS: Readonly<Record<string, RawReport['format']>> = {
  '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

/** The format for a path by its extension, or null for an unknown extension. */
export function formatOf(path: string): RawReport['format'] | null {
  return EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

/**
 * Reads files, directories (recursively, files with .txt .md .markdown .html
 * .htm .jsonl .ndjson extensions, sorted by path, skipping hidden files; other
 * files in a directory are skipped silently; a file named explicitly with an
 * unknown extension is read as text) and '-' (stdin). Yields one result per
 * report (a JSONL file yields one per line). A bad input yields an error
 * result and the others are still read.
 */
export async function* readInputs(
  paths: string[],
  opts: ReadOptions = {},
  stdin?: NodeJS.ReadableStream,
): AsyncGenerator<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(stdin ?? process.stdin, opts, maxBytes);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      yield failure(path, fsMessage(e));
      continue;
    }
    if (!isDir) {
      yield* readPath(path, formatOf(path) ?? 'txt', opts, maxBytes);
      continue;
    }
    let files: string[];
    try {
      files = await listFiles(path);
    } catch (e) {
      yield failure(path, fsMessage(e));
      continue;
    }
    if (files.length === 0) yield failure(path, 'no .txt/.md/.html/.jsonl files in directory');
    for (const file of files) yield* readPath(file, formatOf(file)!, opts, maxBytes);
  }
}

/**
 * Reads one input's bytes as the given format. Pure: no I/O, never throws;
 * a JSONL input gives one result per non-blank line.
 */
export function readBuffer(origin: string, bytes: Uint8Array, format: RawReport['format'], opts: ReadOptions = {}): ReadResult[] {
  let text: string;
  try {
    text = decodeInput(origin, bytes, opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes });
  } catch (e) {
    return [failure(origin, e)];
  }
  return readDecoded(origin, text, format, opts);
}

/**
 * Guesses the format of text without a file name (stdin): HTML when it starts
 * with `<` or has an `<html` tag, JSONL when every non-blank line is a JSON
 * object, else plain text.
 */
export function sniffFormat(text: string): RawReport['format'] {
  const head = text.trimStart();
  if (head.startsWith('<') || /<html[\s>]/i.test(head.slice(0, 4096))) return 'html';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const isObject = (l: string): boolean => {
    if (!l.trimStart().startsWith('{')) return false;
    try {
      const v: unknown = JSON.parse(l);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    } catch {
      return false;
    }
  };
  return lines.length > 0 && lines.every(isObject) ? 'jsonl' : 'txt';
}

// ---------------------------------------------------------------------------

function readDecoded(origin: string, text: string, format: RawReport['format'], opts: ReadOptions): ReadResult[] {
  let cliPublished: string | null = null;
  if (opts.published) {
    cliPublished = normalisePublished(opts.published);
    if (!cliPublished) return [failure(origin, `invalid publication time "${opts.published}" (use ISO 8601, e.g. 2024-03-03T09:45:00+02:00)`)];
  }
  try {
    const raw = parseFormat(origin, text, format);
    return raw.map((r) => (r instanceof InputError ? { ok: false, error: r } : { ok: true, report: finish(r, opts, cliPublished) }));
  } catch (e) {
    return [failure(origin, e)];
  }
}

/** Reports (without the CLI overrides and the dateline fallback) or line errors. */
function parseFormat(origin: string, text: string, format: RawReport['format']): (RawReport | InputError)[] {
  const base = { origin, format, outlet: null, url: null } as const;
  switch (format) {
    case 'jsonl':
      return readJsonlLines(origin, text);
    case 'html':
      return [{ origin, format, ...readHtml(origin, text) }];
    case 'md': {
      const md = readMarkdown(text);
      if (md.text.trim() === '') throw new InputError(origin, 'no text (only Markdown markup)');
      return [{ ...base, ...md, publishedSource: md.published ? 'dateline' : 'none' }];
    }
    case 'txt':
      return [{ ...base, ...readPlainText(text), publishedSource: 'none' }];
  }
}

/** Applies the publication-time precedence and the outlet / URL overrides. */
function finish(r: RawReport, opts: ReadOptions, cliPublished: string | null): RawReport {
  const outlet = opts.outlet || r.outlet;
  const url = opts.url || r.url;
  if (cliPublished) return { ...r, outlet, url, published: cliPublished, publishedSource: 'cli' };
  if (r.published) return { ...r, outlet, url };
  const dateline = findDateline(r.text);
  return { ...r, outlet, url, published: dateline, publishedSource: dateline ? 'dateline' : 'none' };
}

async function* readPath(path: string, format: RawReport['format'], opts: ReadOptions, maxBytes: number): AsyncGenerator<ReadResult> {
  let bytes: Uint8Array;
  try {
    checkSize(path, (await stat(path)).size, maxBytes);
    bytes = await readFile(path);
  } catch (e) {
    yield failure(path, e);
    return;
  }
  yield* readBuffer(path, bytes, format, { ...opts, maxBytes });
}

async function* readStdin(stream: NodeJS.ReadableStream, opts: ReadOptions, maxBytes: number): AsyncGenerator<ReadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      size += bytes.length;
      if (size <= maxBytes) chunks.push(bytes);
    }
    checkSize('-', size, maxBytes);
  } catch (e) {
    yield failure('-', e);
    return;
  }
  let text: string;
  try {
    text = decodeInput('-', Buffer.concat(chunks), { maxBytes });
  } catch (e) {
    yield failure('-', e);
    return;
  }
  yield* readDecoded('-', text, sniffFormat(text), opts);
}

/** Files with a known extension under `dir`, recursively, hidden entries skipped, sorted by path. */
export async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    for await (const entry of await opendir(d)) {
      if (entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const s = await stat(p).catch(() => null);
        isDir = s?.isDirectory() ?? false;
        isFile = s?.isFile() ?? false;
      }
      if (isDir) await walk(p, depth + 1);
      else if (isFile && formatOf(p)) files.push(p);
    }
  };
  await walk(dir, 0);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function failure(origin: string, e: unknown): { ok: false; error: InputError } {
  if (e instanceof InputError) return { ok: false, error: e };
  const message = typeof e === 'string' ? e : fsMessage(e);
  return { ok: false, error: new InputError(origin, message) };
}

/** One-line message for a file-system or unexpected error. */
function fsMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default: {
      const msg = e instanceof Error ? e.message : String(e);
      return `cannot read: ${msg.split('\n')[0]}`;
    }
  }
}
