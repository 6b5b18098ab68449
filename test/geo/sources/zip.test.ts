import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { crc32, crc32Portable, listZip, readZipEntry, writeZip, ZipError } from '../../../src/geo/sources/zip.js';

/** Offset of the central directory, read from an archive without a comment. */
function cdOffset(zip: Buffer): number {
  return zip.readUInt32LE(zip.length - 22 + 16);
}

test('crc32: known vector, native and portable agree', () => {
  assert.equal(crc32Portable(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32Portable(Buffer.alloc(0)), 0);
  const data = randomBytes(10_000);
  assert.equal(crc32(data), crc32Portable(data));
});

test('zip round trip: stored and deflated entries, UTF-8 names, empty and binary data', () => {
  const text = 'рядок\tline\n'.repeat(2000);
  const binary = randomBytes(50_000);
  const zip = writeZip([
    { name: 'UA.txt', data: text },
    { name: 'readme.txt', data: 'hello', method: 0 },
    { name: 'порожній.txt', data: '' },
    { name: 'bin/data.bin', data: binary, method: 0 },
    { name: 'bin/data-deflated.bin', data: binary },
  ]);
  const list = listZip(zip);
  assert.deepEqual(
    list.map((e) => [e.name, e.method, e.size]),
    [
      ['UA.txt', 8, Buffer.byteLength(text)],
      ['readme.txt', 0, 5],
      ['порожній.txt', 8, 0],
      ['bin/data.bin', 0, 50_000],
      ['bin/data-deflated.bin', 8, 50_000],
    ],
  );
  const first = list[0];
  assert.ok(first !== undefined && first.compressedSize < first.size / 10, 'repetitive text compresses');
  assert.equal(list[1]?.compressedSize, 5);
  assert.equal(readZipEntry(zip, 'UA.txt').toString('utf8'), text);
  assert.equal(readZipEntry(zip, 'readme.txt').toString('utf8'), 'hello');
  assert.equal(readZipEntry(zip, 'порожній.txt').length, 0);
  assert.ok(readZipEntry(zip, 'bin/data.bin').equals(binary));
  assert.ok(readZipEntry(zip, 'bin/data-deflated.bin').equals(binary));
  // Deterministic output.
  assert.ok(writeZip([{ name: 'a', data: 'x' }]).equals(writeZip([{ name: 'a', data: 'x' }])));
});

test('empty archive lists nothing', () => {
  const zip = writeZip([]);
  assert.equal(zip.length, 22);
  assert.deepEqual(listZip(zip), []);
  assert.throws(() => readZipEntry(zip, 'UA.txt'), /entry "UA\.txt" not found in zip \(entries: none\)/);
});

test('zip with a comment (even one holding an end-record signature) is read', () => {
  const fakeEocd = Buffer.from([0x50, 0x4b, 0x05, 0x06]).toString('latin1');
  const comment = `GeoNames test fixture ${fakeEocd} with a fake signature, ${'x'.repeat(300)}`;
  const zip = writeZip([{ name: 'UA.txt', data: 'one\ttwo\n' }], { comment });
  assert.deepEqual(
    listZip(zip).map((e) => e.name),
    ['UA.txt'],
  );
  assert.equal(readZipEntry(zip, 'UA.txt').toString(), 'one\ttwo\n');
});

test('CRC mismatch in a stored entry is detected and names the entry', () => {
  const zip = writeZip([{ name: 'UA.txt', data: 'Testivka\t50.1\t30.2\n', method: 0 }]);
  const dataOffset = 30 + Buffer.byteLength('UA.txt'); // first local header at 0, no extra field
  assert.equal(String.fromCharCode(zip[dataOffset]!), 'T');
  zip[dataOffset] = zip[dataOffset]! ^ 0x20; // 'T' -> 't'
  assert.throws(
    () => readZipEntry(zip, 'UA.txt'),
    (err: unknown) =>
      err instanceof ZipError && err.entry === 'UA.txt' && /entry "UA\.txt": CRC-32 mismatch/.test(err.message),
  );
});

test('corrupt deflate data is reported for the entry', () => {
  const zip = writeZip([{ name: 'UA.txt', data: randomBytes(5000).toString('hex') }]);
  const start = 30 + 6;
  for (let i = start + 10; i < start + 60; i++) zip[i] = 0xff;
  assert.throws(() => readZipEntry(zip, 'UA.txt'), /entry "UA\.txt": (deflate data is corrupt|CRC-32 mismatch|uncompressed size|inflates to more)/);
});

test('truncated files are rejected', () => {
  const zip = writeZip([
    { name: 'UA.txt', data: 'a'.repeat(10_000) },
    { name: 'readme.txt', data: 'b' },
  ]);
  for (const cut of [1, 5, 22, Math.floor(zip.length / 2), zip.length - 10]) {
    const part = zip.subarray(0, zip.length - cut);
    assert.throws(() => listZip(part), ZipError, `cut ${cut}`);
    assert.throws(() => readZipEntry(part, 'UA.txt'), /not a zip file, or truncated|too short/, `cut ${cut}`);
  }
  assert.throws(() => listZip(Buffer.alloc(0)), /too short/);
  assert.throws(() => listZip(Buffer.from('<html>Not Found</html>'.repeat(3))), /end of central directory record not found/);
});

test('data running past the end is reported even when the directory survives', () => {
  const zip = writeZip([{ name: 'UA.txt', data: randomBytes(2000), method: 0 }]);
  // Claim a bigger entry in the central directory: data would run past the file's end.
  const cd = cdOffset(zip);
  zip.writeUInt32LE(10_000_000, cd + 20);
  zip.writeUInt32LE(10_000_000, cd + 24);
  assert.throws(() => readZipEntry(zip, 'UA.txt'), /entry "UA\.txt": data .* runs past the end of the file/);
});

test('missing entry: the error names it and lists what is there', () => {
  const zip = writeZip([
    { name: 'readme.txt', data: 'r' },
    { name: 'UA-extra.txt', data: 'x' },
  ]);
  assert.throws(
    () => readZipEntry(zip, 'UA.txt'),
    (err: unknown) =>
      err instanceof ZipError &&
      err.entry === 'UA.txt' &&
      err.message === 'entry "UA.txt" not found in zip (entries: readme.txt, UA-extra.txt)',
  );
  // Names are matched exactly.
  assert.throws(() => readZipEntry(zip, 'README.TXT'), /not found/);
});

test('encrypted, unsupported-method, ZIP64 and wrong-size entries are refused with a clear error', () => {
  const make = (): Buffer => writeZip([{ name: 'UA.txt', data: 'hello world', method: 0 }]);

  const encrypted = make();
  encrypted.writeUInt16LE(encrypted.readUInt16LE(6) | 1, 6);
  encrypted.writeUInt16LE(encrypted.readUInt16LE(cdOffset(encrypted) + 8) | 1, cdOffset(encrypted) + 8);
  assert.throws(() => readZipEntry(encrypted, 'UA.txt'), /entry "UA\.txt" is encrypted/);

  const bzip2 = make();
  bzip2.writeUInt16LE(12, 8);
  bzip2.writeUInt16LE(12, cdOffset(bzip2) + 10);
  assert.equal(listZip(bzip2)[0]?.method, 12, 'still listed');
  assert.throws(() => readZipEntry(bzip2, 'UA.txt'), /entry "UA\.txt" uses compression method 12 \(bzip2\); only stored \(0\) and deflate \(8\)/);

  const zip64 = make();
  zip64.writeUInt32LE(0xffffffff, cdOffset(zip64) + 20);
  zip64.writeUInt32LE(0xffffffff, cdOffset(zip64) + 24);
  assert.throws(() => listZip(zip64), /entry "UA\.txt": ZIP64 entries are not supported/);

  const zip64Eocd = make();
  zip64Eocd.writeUInt16LE(0xffff, zip64Eocd.length - 22 + 10);
  zip64Eocd.writeUInt16LE(0xffff, zip64Eocd.length - 22 + 8);
  assert.throws(() => listZip(zip64Eocd), /ZIP64 archive/);

  const wrongSize = writeZip([{ name: 'UA.txt', data: 'hello world' }]);
  wrongSize.writeUInt32LE(5, cdOffset(wrongSize) + 24); // recorded size 5, real 11
  assert.throws(() => readZipEntry(wrongSize, 'UA.txt'), /entry "UA\.txt": inflates to more than its recorded 5 bytes/);

  const tooBig = writeZip([{ name: 'UA.txt', data: 'x'.repeat(1000) }]);
  assert.throws(() => readZipEntry(tooBig, 'UA.txt', { maxSize: 999 }), /over the 999-byte limit/);
  assert.equal(readZipEntry(tooBig, 'UA.txt', { maxSize: 1000 }).length, 1000);
});
