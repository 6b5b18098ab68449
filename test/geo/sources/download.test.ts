import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { download, DownloadError, formatBytes } from '../../../src/geo/sources/download.js';
import { closedPort, withServer } from './server.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sitrep-download-'));
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Sends `body` in `parts` writes, with or without a Content-Length. */
function sendInParts(res: import('node:http').ServerResponse, body: Buffer, parts: number, withLength = true): void {
  const headers: Record<string, string | number> = { 'content-type': 'application/zip' };
  if (withLength) headers['content-length'] = body.length;
  res.writeHead(200, headers);
  const size = Math.ceil(body.length / parts);
  let i = 0;
  const next = (): void => {
    if (i >= parts) {
      res.end();
      return;
    }
    res.write(body.subarray(i * size, (i + 1) * size));
    i++;
    setTimeout(next, 2);
  };
  next();
}

test('download: success, with progress, sha256, and no temp file left', async () => {
  const dir = tempDir();
  try {
    const body = randomBytes(300_000);
    const dest = join(dir, 'sub', 'UA.zip'); // the directory is created
    const progress: [number, number | null][] = [];
    const result = await withServer(
      (req, res) => {
        assert.equal(req.url, '/export/dump/UA.zip');
        sendInParts(res, body, 6);
      },
      (base) => download(`${base}/export/dump/UA.zip`, dest, { onProgress: (r, t) => progress.push([r, t]) }),
    );
    assert.equal(result.bytes, body.length);
    assert.equal(result.sha256, sha256(body));
    assert.ok(readFileSync(dest).equals(body));
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['UA.zip']);
    assert.ok(progress.length >= 2);
    assert.deepEqual(progress[0], [0, body.length]);
    assert.deepEqual(progress.at(-1), [body.length, body.length]);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] >= progress[i - 1]![0], 'monotonic');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: chunked body without Content-Length reports total null, replaces an old file', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    writeFileSync(dest, 'old contents');
    const body = Buffer.from('new contents '.repeat(1000));
    const totals = new Set<number | null>();
    const result = await withServer(
      (_req, res) => sendInParts(res, body, 3, false),
      (base) => download(`${base}/UA.zip`, dest, { onProgress: (_r, t) => totals.add(t) }),
    );
    assert.equal(result.bytes, body.length);
    assert.deepEqual([...totals], [null]);
    assert.ok(readFileSync(dest).equals(body));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: HTTP 404 is a one-line error and leaves an existing file alone', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    writeFileSync(dest, 'previous good file');
    await withServer(
      (_req, res) => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such file');
      },
      async (base) => {
        const url = `${base}/export/dump/XX.zip`;
        await assert.rejects(download(url, dest), (err: unknown) => {
          assert.ok(err instanceof DownloadError);
          assert.equal(err.message, `download of ${url} failed: HTTP 404 Not Found`);
          assert.equal(err.reason, 'http');
          assert.equal(err.status, 404);
          assert.ok(!err.message.includes('\n'));
          return true;
        });
      },
    );
    assert.equal(readFileSync(dest, 'utf8'), 'previous good file');
    assert.deepEqual(readdirSync(dir), ['UA.zip']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: a server that never answers times out', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    await withServer(
      () => {
        /* never respond */
      },
      async (base) => {
        const started = Date.now();
        await assert.rejects(download(`${base}/UA.zip`, dest, { timeoutMs: 300 }), (err: unknown) => {
          assert.ok(err instanceof DownloadError);
          assert.equal(err.reason, 'timeout');
          assert.match(err.message, /^download of http:\/\/127\.0\.0\.1:\d+\/UA\.zip failed: timed out after 0\.3 s with no data$/);
          return true;
        });
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 250 && elapsed < 5000, `took ${elapsed} ms`);
      },
    );
    assert.equal(existsSync(dest), false);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: a body that stalls halfway times out and leaves no file', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-length': 10_000 });
        res.write(Buffer.alloc(4000, 1)); // then nothing
      },
      (base) => assert.rejects(download(`${base}/UA.zip`, dest, { timeoutMs: 300 }), /timed out after 0\.3 s with no data/),
    );
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: a body over the size limit is refused (with and without Content-Length)', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    const body = randomBytes(5000);
    await withServer(
      (req, res) => sendInParts(res, body, 5, req.url === '/with-length'),
      async (base) => {
        await assert.rejects(download(`${base}/with-length`, dest, { maxBytes: 1000 }), (err: unknown) => {
          assert.ok(err instanceof DownloadError);
          assert.equal(err.reason, 'too-large');
          assert.equal(
            err.message,
            `download of ${base}/with-length failed: file is larger than the 1000 bytes limit (Content-Length 4.9 KB)`,
          );
          return true;
        });
        await assert.rejects(
          download(`${base}/chunked`, dest, { maxBytes: 1000 }),
          new RegExp(`^DownloadError: download of ${base}/chunked failed: file is larger than the 1000 bytes limit$`),
        );
        // Exactly at the limit is fine.
        const ok = await download(`${base}/chunked`, dest, { maxBytes: 5000 });
        assert.equal(ok.bytes, 5000);
      },
    );
    assert.deepEqual(readdirSync(dir), ['UA.zip']);
    assert.equal(formatBytes(200 * 1024 * 1024), '200 MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: a connection dropped mid-body fails and leaves no file at dest', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-length': 10_000 });
        res.write(Buffer.alloc(3000, 7), () => {
          setTimeout(() => res.socket?.destroy(), 20);
        });
      },
      (base) =>
        assert.rejects(download(`${base}/UA.zip`, dest), (err: unknown) => {
          assert.ok(err instanceof DownloadError);
          assert.equal(err.reason, 'dropped');
          assert.match(err.message, /failed: connection dropped after 3000 of 10000 bytes \(\w+\)$/);
          return true;
        }),
    );
    assert.equal(existsSync(dest), false);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: nothing listening gives "could not connect (ECONNREFUSED)"', async () => {
  const dir = tempDir();
  try {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/UA.zip`;
    await assert.rejects(download(url, join(dir, 'UA.zip'), { timeoutMs: 5000 }), (err: unknown) => {
      assert.ok(err instanceof DownloadError);
      assert.equal(err.message, `download of ${url} failed: could not connect (ECONNREFUSED)`);
      assert.equal(err.reason, 'connect');
      return true;
    });
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('download: an injected fetch is used; DNS failure and bad URLs are reported', async () => {
  const dir = tempDir();
  try {
    const dest = join(dir, 'UA.zip');
    const calls: string[] = [];
    const fakeFetch = (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response('from the fake', { status: 200 });
    }) as typeof fetch;
    const r = await download('https://download.geonames.org/export/dump/UA.zip', dest, { fetch: fakeFetch });
    assert.deepEqual(calls, ['https://download.geonames.org/export/dump/UA.zip']);
    assert.equal(readFileSync(dest, 'utf8'), 'from the fake');
    assert.equal(r.bytes, 13);

    const dnsFailure = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' }) });
    }) as typeof fetch;
    await assert.rejects(
      download('https://nowhere.invalid/UA.zip', dest, { fetch: dnsFailure }),
      /^DownloadError: download of https:\/\/nowhere\.invalid\/UA\.zip failed: could not connect \(ENOTFOUND\)$/,
    );
    await assert.rejects(download('not a url', dest), /download of not a url failed: not a valid URL/);
    await assert.rejects(download('file:///etc/passwd', dest), /unsupported protocol file:/);
    assert.equal(readFileSync(dest, 'utf8'), 'from the fake');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
