/**
 * `sitrep ingest` through a running server: the files are read here (so that a path, a directory and `-`
 * mean what they mean locally) and each is sent to `POST /api/reports` as it is; the server analyses and
 * stores it, and the lines printed are the same as a local ingest's.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatOf, listFiles } from '../read/index.js';
import { checkSize } from '../read/validate.js';
import type { IngestOutcome } from '../ingest.js';
import type { ServerInfo } from './index.js';

export interface RemoteOptions {
  published: string | null;
  outlet: string | null;
  url: string | null;
  maxBytes: number;
}

/** One input as bytes with its origin and format (undefined: the server sniffs it). */
async function* inputs(paths: string[], maxBytes: number, stdin: NodeJS.ReadableStream): AsyncGenerator<{ origin: string; format?: string; bytes: Uint8Array } | { origin: string; error: string }> {
  for (const path of paths) {
    try {
      if (path === '-') {
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const c of stdin) {
          const b = typeof c === 'string' ? Buffer.from(c) : (c as Uint8Array);
          size += b.length;
          if (size <= maxBytes) chunks.push(b);
        }
        checkSize('-', size, maxBytes);
        yield { origin: '-', bytes: Buffer.concat(chunks) };
        continue;
      }
      const s = await stat(path);
      const files = s.isDirectory() ? await listFiles(path) : [path];
      if (files.length === 0) yield { origin: path, error: 'no .txt/.md/.html/.jsonl files in directory' };
      for (const f of files) {
        try {
          checkSize(f, (await stat(f)).size, maxBytes);
          yield { origin: f, format: formatOf(f) ?? 'txt', bytes: await readFile(f) };
        } catch (e) {
          yield { origin: f, error: message(e) };
        }
      }
    } catch (e) {
      yield { origin: path, error: message(e) };
    }
  }
}

function message(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message.split('\n')[0] ?? String(e);
}

/** Sends every input to the server; yields one outcome per report (a JSONL file gives one per line). */
export async function* ingestThroughServer(server: ServerInfo, paths: string[], opts: RemoteOptions, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<IngestOutcome> {
  for await (const input of inputs(paths, opts.maxBytes, stdin)) {
    if ('error' in input) {
      yield { status: 'rejected', origin: input.origin, message: input.error };
      continue;
    }
    const params = new URLSearchParams({ origin: input.origin });
    if (input.format) params.set('format', input.format);
    if (opts.published) params.set('published', opts.published);
    if (opts.outlet) params.set('outlet', opts.outlet);
    if (opts.url) params.set('url', opts.url);
    let res: Response;
    try {
      res = await fetch(`${server.url}/api/reports?${params}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/octet-stream' },
        body: new Blob([new Uint8Array(input.bytes)]),
      });
    } catch (e) {
      throw new Error(`the data directory is in use by sitrep serve (process ${server.pid}) at ${server.url}, which did not answer: ${(e as Error).message}`);
    }
    const body = (await res.json().catch(() => ({}))) as { results?: IngestOutcome[]; error?: string };
    if (body.results) {
      yield* body.results;
      continue;
    }
    yield { status: 'rejected', origin: input.origin, message: `the server at ${server.url} answered ${res.status}: ${body.error ?? res.statusText}` };
  }
}
