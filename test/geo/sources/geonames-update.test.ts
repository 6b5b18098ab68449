import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DownloadError } from '../../../src/geo/sources/download.js';
import {
  GeoNamesDumpError,
  importGeoNamesZip,
  updateGeoNames,
  verifyGeoNamesZip,
} from '../../../src/geo/sources/geonames-update.js';
import { writeZip } from '../../../src/geo/sources/zip.js';
import { withServer } from './server.js';

// Invented places (names, ids, coordinates and populations are made up for
// these tests), in the 19-column GeoNames dump layout.
function row(fields: {
  id: number;
  name: string;
  ascii: string;
  alt?: string;
  lat: number;
  lon: number;
  fclass: string;
  fcode: string;
  admin1: string;
  pop?: number;
}): string {
  return [
    fields.id, fields.name, fields.ascii, fields.alt ?? '', fields.lat, fields.lon, fields.fclass, fields.fcode,
    'UA', '', fields.admin1, '', '', '', fields.pop ?? 0, '', 150, 'Europe/Kyiv', '2024-03-09',
  ].join('\t');
}

const INVENTED_ROWS = [
  row({ id: 99000001, name: 'Zorianivka', ascii: 'Zorianivka', alt: 'Zorianivka,Зорянівка,Zoryanovka', lat: 48.1234, lon: 37.4321, fclass: 'P', fcode: 'PPL', admin1: '05', pop: 1840 }),
  row({ id: 99000002, name: 'Lypova Balka', ascii: 'Lypova Balka', alt: 'Липова Балка', lat: 47.6021, lon: 35.8876, fclass: 'P', fcode: 'PPL', admin1: '26' }),
  row({ id: 99000003, name: 'Sosnivske', ascii: 'Sosnivske', alt: 'Соснівське,Sosnovskoye', lat: 50.0412, lon: 36.9125, fclass: 'P', fcode: 'PPLA3', admin1: '07', pop: 5120 }),
  row({ id: 99000004, name: 'Kalynove Pole', ascii: 'Kalynove Pole', lat: 46.8890, lon: 33.1042, fclass: 'P', fcode: 'PPL', admin1: '08', pop: 310 }),
  row({ id: 99000005, name: 'Tykha', ascii: 'Tykha', alt: 'Тиха', lat: 48.5507, lon: 38.0213, fclass: 'H', fcode: 'STM', admin1: '14' }),
  row({ id: 99000006, name: 'Hora Vysoka', ascii: 'Hora Vysoka', lat: 48.2020, lon: 24.5050, fclass: 'T', fcode: 'MT', admin1: '25' }),
];

const README = 'Invented readme for tests: the data format is tab-delimited text in utf8 encoding.\n';

function dumpZip(lines: readonly string[] = INVENTED_ROWS, extra: { name: string; data: string | Buffer }[] = []): Buffer {
  return writeZip([{ name: 'UA.txt', data: `${lines.join('\n')}\n` }, { name: 'readme.txt', data: README }, ...extra]);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sitrep-geonames-'));
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

test('updateGeoNames: downloads, verifies and parses a dump from a local server', async () => {
  const dir = tempDir();
  try {
    const zip = dumpZip();
    const requests: string[] = [];
    let progressCalls = 0;
    const result = await withServer(
      (req, res) => {
        requests.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
        res.end(zip);
      },
      (base) =>
        updateGeoNames({
          url: `${base}/export/dump/UA.zip`,
          cacheDir: join(dir, 'cache'),
          minRows: 3,
          onProgress: () => progressCalls++,
        }),
    );
    assert.deepEqual(requests, ['/export/dump/UA.zip']);
    assert.ok(progressCalls >= 1);
    assert.equal(result.file, join(dir, 'cache', 'UA.zip'));
    assert.ok(readFileSync(result.file).equals(zip));
    assert.deepEqual(readdirSync(join(dir, 'cache')), ['UA.zip']);
    assert.equal(result.sha256, sha256(zip));
    assert.deepEqual(result.entries, ['UA.txt', 'readme.txt']);
    assert.deepEqual(
      result.rows.map((r) => [r.id, r.name, r.admin1, r.population]),
      [
        [99000001, 'Zorianivka', 'Donetsk', 1840],
        [99000002, 'Lypova Balka', 'Zaporizhia', null],
        [99000003, 'Sosnivske', 'Kharkiv', 5120],
        [99000004, 'Kalynove Pole', 'Kherson', 310],
      ],
      'populated places only (feature class P)',
    );
    assert.deepEqual(result.rows[0]?.alternateNames, ['Zorianivka', 'Зорянівка', 'Zoryanovka']);

    // The same file, imported directly.
    const again = await importGeoNamesZip(result.file, { minRows: 3 });
    assert.deepEqual(again, result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('updateGeoNames: the default threshold (20,000 populated places) rejects a small dump', async () => {
  const dir = tempDir();
  try {
    const zip = dumpZip();
    await withServer(
      (_req, res) => res.end(zip),
      (base) =>
        assert.rejects(updateGeoNames({ url: `${base}/UA.zip`, cacheDir: dir }), (err: unknown) => {
          assert.ok(err instanceof GeoNamesDumpError);
          assert.equal(
            err.message,
            `UA.zip downloaded from ${base}/UA.zip: UA.txt has only 4 populated places (in 6 lines), ` +
              'expected at least 20,000; the dump looks incomplete',
          );
          return true;
        }),
    );
    assert.deepEqual(readdirSync(dir), [], 'the rejected download is deleted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('updateGeoNames: a bad download never replaces a good cached UA.zip', async () => {
  const dir = tempDir();
  try {
    const good = dumpZip();
    let serve: 'good' | 'html' | '404' | 'corrupt' = 'good';
    const corrupt = writeZip([{ name: 'UA.txt', data: `${INVENTED_ROWS.join('\n')}\n`, method: 0 }]);
    corrupt[30 + 6 + 2] = corrupt[30 + 6 + 2]! ^ 0x01; // flip a bit inside the stored UA.txt
    await withServer(
      (_req, res) => {
        if (serve === '404') {
          res.writeHead(404);
          res.end();
        } else if (serve === 'html') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body>Service temporarily unavailable</body></html>');
        } else {
          res.end(serve === 'good' ? good : corrupt);
        }
      },
      async (base) => {
        const opts = { url: `${base}/UA.zip`, cacheDir: dir, minRows: 3 };
        const first = await updateGeoNames(opts);
        assert.equal(first.rows.length, 4);

        serve = 'html';
        await assert.rejects(updateGeoNames(opts), /UA\.zip downloaded from .* is not a valid zip file: not a zip file, or truncated/);
        serve = 'corrupt';
        await assert.rejects(updateGeoNames(opts), /cannot read UA\.txt: entry "UA\.txt": CRC-32 mismatch/);
        serve = '404';
        await assert.rejects(updateGeoNames(opts), (err: unknown) => err instanceof DownloadError && err.status === 404);
      },
    );
    assert.deepEqual(readdirSync(dir), ['UA.zip']);
    assert.ok(readFileSync(join(dir, 'UA.zip')).equals(good));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verifyGeoNamesZip: missing UA.txt, bad column count, invalid UTF-8', () => {
  const noUa = writeZip([{ name: 'readme.txt', data: README }, { name: 'RU.txt', data: `${INVENTED_ROWS[0]}\n` }]);
  assert.throws(
    () => verifyGeoNamesZip(noUa, 'UA.zip', { minRows: 1 }),
    (err: unknown) =>
      err instanceof GeoNamesDumpError && err.message === 'UA.zip does not contain UA.txt (entries: readme.txt, RU.txt)',
  );

  const shortLine = INVENTED_ROWS[2]!.split('\t').slice(0, 12).join('\t');
  const badColumns = dumpZip([INVENTED_ROWS[0]!, INVENTED_ROWS[1]!, '', shortLine, INVENTED_ROWS[3]!]);
  assert.throws(
    () => verifyGeoNamesZip(badColumns, 'UA.zip', { minRows: 1 }),
    /^GeoNamesDumpError: UA\.zip: UA\.txt line 4 has 12 tab-separated columns, expected 19$/,
  );

  const latin1 = Buffer.concat([
    Buffer.from(`${INVENTED_ROWS[0]}\n${INVENTED_ROWS[1]}\n`),
    Buffer.from(`${INVENTED_ROWS[3]!.replace('Kalynove', 'Kalynov\u00e9')}\n`, 'latin1'), // é as one Latin-1 byte
  ]);
  const badUtf8 = writeZip([{ name: 'UA.txt', data: latin1 }]);
  assert.throws(() => verifyGeoNamesZip(badUtf8, 'UA.zip', { minRows: 1 }), /UA\.txt line 3 is not valid UTF-8/);

  // CRLF line endings and blank lines are accepted.
  const crlf = writeZip([{ name: 'UA.txt', data: `${INVENTED_ROWS.join('\r\n')}\r\n\r\n` }]);
  assert.equal(verifyGeoNamesZip(crlf, 'UA.zip', { minRows: 4 }).rows.length, 4);
});

test('importGeoNamesZip: a zip the user already has; unreadable path is the fs error', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'my-UA.zip');
    const zip = dumpZip();
    writeFileSync(path, zip);
    const result = await importGeoNamesZip(path, { minRows: 4 });
    assert.equal(result.file, path);
    assert.equal(result.sha256, sha256(zip));
    assert.equal(result.rows.length, 4);
    await assert.rejects(importGeoNamesZip(path, { minRows: 5 }), /has only 4 populated places .* expected at least 5/);
    await assert.rejects(importGeoNamesZip(join(dir, 'absent.zip')), { code: 'ENOENT' });
    assert.ok(existsSync(path), 'the user file is never moved or deleted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
