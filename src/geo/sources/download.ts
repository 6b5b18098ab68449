/**
 * Downloads one URL to a file, safely: the body streams to a temporary file
 * next to the destination and is renamed over it only once complete, so a
 * failed or interrupted download never leaves a partial file at `dest` (and
 * never damages a file already there).
 */

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface DownloadOptions {
  /**
   * Abort when no data arrives for this long: while connecting, waiting for
   * the response headers, or between two chunks of the body. Default 60 000.
   */
  timeoutMs?: number;
  /** Abort when the whole download takes longer than this. Default 30 minutes. */
  totalTimeoutMs?: number;
  /** Refuse bodies larger than this many bytes. Default 200 MB (200 × 2²⁰). */
  maxBytes?: number;
  /** The fetch to use; defaults to the global one (tests may inject their own). */
  fetch?: typeof fetch;
  /** Called after every chunk; `total` is the Content-Length, or null when the server did not give one. */
  onProgress?(received: number, total: number | null): void;
  /** Cancels the download (e.g. on Ctrl-C). */
  signal?: AbortSignal;
}

export interface DownloadResult {
  /** Bytes written to `dest`. */
  bytes: number;
  /** SHA-256 of the file, lower-case hex. */
  sha256: string;
}

export type DownloadFailure = 'url' | 'http' | 'timeout' | 'too-large' | 'connect' | 'dropped' | 'aborted' | 'io';

/** A failed download; `message` is one line: "download of URL failed: …". */
export class DownloadError extends Error {
  readonly url: string;
  readonly reason: DownloadFailure;
  /** HTTP status, for `reason: 'http'`. */
  readonly status: number | null;
  constructor(url: string, reason: DownloadFailure, detail: string, status: number | null = null, cause?: unknown) {
    super(`download of ${url} failed: ${detail}`, cause === undefined ? undefined : { cause });
    this.name = 'DownloadError';
    this.url = url;
    this.reason = reason;
    this.status = status;
  }
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** "0.3 s", "60 s", "2.5 min". */
function formatDuration(ms: number): string {
  if (ms >= 120_000) return `${Number((ms / 60_000).toFixed(1))} min`;
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Number(s.toFixed(1))} s`;
}

/** "200 MB", "1.5 KB", "1000 bytes" (binary multiples). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} bytes`;
}

/** The first `code` found on an error, its cause chain, or an AggregateError's members. */
function errorCode(err: unknown, depth = 0): string | null {
  if (depth > 5 || err === null || typeof err !== 'object') return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner)) {
    for (const e of inner.slice(0, 5)) {
      const c = errorCode(e, depth + 1);
      if (c !== null) return c;
    }
  }
  return errorCode((err as { cause?: unknown }).cause, depth + 1);
}

function innermostMessage(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 5; i++) {
    const cause = (e as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    e = cause;
  }
  return e instanceof Error ? e.message : String(e);
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO$)/u;

/**
 * Downloads `url` to `dest`. Creates `dest`'s directory if needed. Resolves
 * with the byte count and SHA-256; rejects with a {@link DownloadError} whose
 * message is one line, e.g.
 *
 * - `download of URL failed: HTTP 404 Not Found`
 * - `download of URL failed: timed out after 60 s with no data`
 * - `download of URL failed: file is larger than the 200 MB limit`
 * - `download of URL failed: could not connect (ECONNREFUSED)`
 * - `download of URL failed: connection dropped after 3000 of 10000 bytes (UND_ERR_SOCKET)`
 *
 * On any failure `dest` is left as it was (absent, or the previous file).
 */
export async function download(url: string, dest: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const totalTimeoutMs = opts.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = opts.fetch ?? globalThis.fetch;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError(url, 'url', 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DownloadError(url, 'url', `unsupported protocol ${parsed.protocol} (only http: and https:)`);
  }
  if (typeof doFetch !== 'function') {
    throw new DownloadError(url, 'io', 'no fetch available in this Node.js (need Node 18 or later)');
  }

  // Why we aborted, so the resulting AbortError can be reported properly.
  let stopped: { reason: DownloadFailure; detail: string } | null = null;
  const controller = new AbortController();
  const stop = (reason: DownloadFailure, detail: string): void => {
    if (stopped === null) stopped = { reason, detail };
    controller.abort(new Error(detail));
  };
  let idleTimer: NodeJS.Timeout | undefined;
  const resetIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stop('timeout', `timed out after ${formatDuration(timeoutMs)} with no data`), timeoutMs);
  };
  const totalTimer = setTimeout(
    () => stop('timeout', `timed out: took longer than ${formatDuration(totalTimeoutMs)} in all`),
    totalTimeoutMs,
  );
  const onOuterAbort = (): void => stop('aborted', 'cancelled');
  if (opts.signal?.aborted) onOuterAbort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const dir = dirname(dest);
  const temp = join(dir, `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  let file: Awaited<ReturnType<typeof open>> | null = null;
  let received = 0;
  let total: number | null = null;
  let bodyStarted = false;

  try {
    resetIdle();
    let res: Response;
    try {
      res = await doFetch(url, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { 'accept-encoding': 'identity', 'user-agent': 'sitrep (gazetteer update)' },
      });
    } catch (err) {
      throw failure(err);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const text = res.statusText ? ` ${res.statusText}` : '';
      throw new DownloadError(url, 'http', `HTTP ${res.status}${text}`, res.status);
    }

    const encoding = (res.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
    const lengthHeader = res.headers.get('content-length');
    // With a content coding fetch decodes the body, so Content-Length (of the
    // encoded bytes) says nothing about what we receive.
    if (lengthHeader !== null && /^\d+$/u.test(lengthHeader.trim()) && encoding === 'identity') {
      total = Number(lengthHeader.trim());
    }
    if (total !== null && total > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new DownloadError(
        url,
        'too-large',
        `file is larger than the ${formatBytes(maxBytes)} limit (Content-Length ${formatBytes(total)})`,
      );
    }

    await mkdir(dir, { recursive: true });
    try {
      file = await open(temp, 'wx');
    } catch (err) {
      throw new DownloadError(url, 'io', `cannot write ${temp} (${errorCode(err) ?? innermostMessage(err)})`, null, err);
    }
    const hash = createHash('sha256');
    opts.onProgress?.(0, total);
    resetIdle();

    if (res.body !== null) {
      try {
        bodyStarted = true;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          resetIdle();
          received += chunk.length;
          if (received > maxBytes) {
            stop('too-large', `file is larger than the ${formatBytes(maxBytes)} limit`);
            throw new DownloadError(url, 'too-large', `file is larger than the ${formatBytes(maxBytes)} limit`);
          }
          hash.update(chunk);
          await writeAll(file, chunk, url, temp);
          opts.onProgress?.(received, total);
        }
      } catch (err) {
        if (err instanceof DownloadError) throw err;
        throw failure(err);
      }
    }
    if (total !== null && received !== total) {
      throw new DownloadError(url, 'dropped', `body ended after ${received} of ${total} bytes`);
    }
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);

    await file.sync();
    await file.close();
    file = null;
    try {
      await rename(temp, dest);
    } catch (err) {
      throw new DownloadError(url, 'io', `cannot move the download to ${dest} (${errorCode(err) ?? innermostMessage(err)})`, null, err);
    }
    return { bytes: received, sha256: hash.digest('hex') };
  } catch (err) {
    if (!controller.signal.aborted) controller.abort(); // release the connection
    if (file !== null) await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(idleTimer);
    clearTimeout(totalTimer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }

  /** Turns a fetch or body-stream rejection into a DownloadError. */
  function failure(err: unknown): DownloadError {
    if (err instanceof DownloadError) return err;
    if (stopped !== null) return new DownloadError(url, stopped.reason, stopped.detail, null, err);
    const code = errorCode(err);
    const tag = code ?? innermostMessage(err);
    if (bodyStarted) {
      const of = total === null ? '' : ` of ${total}`;
      return new DownloadError(url, 'dropped', `connection dropped after ${received}${of} bytes (${tag})`, null, err);
    }
    if (code !== null && TLS_CODES.test(code)) {
      return new DownloadError(url, 'connect', `TLS error (${code})`, null, err);
    }
    return new DownloadError(url, 'connect', `could not connect (${tag})`, null, err);
  }
}

async function writeAll(
  file: Awaited<ReturnType<typeof open>>,
  chunk: Uint8Array,
  url: string,
  temp: string,
): Promise<void> {
  let off = 0;
  // Each write makes progress or throws, so this ends.
  while (off < chunk.length) {
    let n: number;
    try {
      ({ bytesWritten: n } = await file.write(chunk, off, chunk.length - off));
    } catch (err) {
      throw new DownloadError(url, 'io', `cannot write ${temp} (${errorCode(err) ?? innermostMessage(err)})`, null, err);
    }
    if (n <= 0) throw new DownloadError(url, 'io', `cannot write ${temp} (no progress)`);
    off += n;
  }
}
