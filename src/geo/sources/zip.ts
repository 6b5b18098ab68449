/**
 * A minimal ZIP reader (and a tiny writer, for building test fixtures).
 *
 * Reads whole archives held in memory: finds the End Of Central Directory
 * record, walks the central directory, and extracts one named entry through
 * its local header. Supports stored (method 0) and deflate (method 8) entries,
 * checks CRC-32 and uncompressed size, and refuses what it does not handle
 * (ZIP64, multi-disk archives, encryption, other methods) with an error that
 * names the entry and the problem. No dependencies beyond node:zlib.
 */

import * as zlib from 'node:zlib';

/** Thrown for anything wrong with an archive or an entry. */
export class ZipError extends Error {
  /** The entry concerned, when the problem is in one entry. */
  readonly entry: string | null;
  constructor(message: string, entry: string | null = null) {
    super(message);
    this.name = 'ZipError';
    this.entry = entry;
  }
}

/** One central-directory entry, as {@link listZip} reports it. */
export interface ZipEntryInfo {
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  compressedSize: number;
  /** Compression method: 0 stored, 8 deflate (others are listed but cannot be read). */
  method: number;
  /** CRC-32 of the uncompressed data, as recorded in the central directory. */
  crc32: number;
}

interface CentralEntry extends ZipEntryInfo {
  flags: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

const EXTRA_ZIP64 = 0x0001;

// ------------------------------------------------------------------ CRC-32

let crcTable: Uint32Array | null = null;

function table(): Uint32Array {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  return crcTable;
}

/** Table-driven CRC-32 (IEEE 802.3, as ZIP uses), for Node versions without `zlib.crc32`. */
export function crc32Portable(data: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

/** `zlib.crc32` exists from Node 20.15 / 22.2; older runtimes fall back to the table. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data` (unsigned). */
export function crc32(data: Uint8Array): number {
  return typeof nativeCrc32 === 'function' ? nativeCrc32(data) >>> 0 : crc32Portable(data);
}

// ------------------------------------------------------------------ reading

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/** Entry names: UTF-8 when flagged (or when they decode as UTF-8), else Latin-1 as an approximation of CP437. */
function decodeName(bytes: Buffer, flags: number): string {
  if (flags & FLAG_UTF8) return bytes.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

interface Eocd {
  entries: number;
  cdSize: number;
  cdOffset: number;
}

function findEocd(buf: Buffer): Eocd {
  if (buf.length < EOCD_SIZE) {
    throw new ZipError(`not a zip file: only ${buf.length} bytes, too short for an end of central directory record`);
  }
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = buf.length - EOCD_SIZE; i >= lowest; i--) {
    if (buf.readUInt32LE(i) !== SIG_EOCD) continue;
    // A genuine record's comment runs exactly to the end of the file; this
    // also skips the signature bytes if they happen to occur inside a comment.
    const commentLength = buf.readUInt16LE(i + 20);
    if (i + EOCD_SIZE + commentLength !== buf.length) continue;
    const disk = buf.readUInt16LE(i + 4);
    const cdDisk = buf.readUInt16LE(i + 6);
    const entriesHere = buf.readUInt16LE(i + 8);
    const entries = buf.readUInt16LE(i + 10);
    const cdSize = buf.readUInt32LE(i + 12);
    const cdOffset = buf.readUInt32LE(i + 16);
    if (i >= 20 && buf.readUInt32LE(i - 20) === SIG_ZIP64_LOCATOR) {
      throw new ZipError('unsupported zip: ZIP64 archive (ZIP64 end of central directory locator present)');
    }
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw new ZipError('unsupported zip: ZIP64 archive (end of central directory fields are 0xFFFF…)');
    }
    if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) {
      throw new ZipError('unsupported zip: multi-disk (split or spanned) archive');
    }
    if (cdOffset + cdSize > i) {
      throw new ZipError(
        `corrupt or truncated zip: central directory (offset ${cdOffset}, ${cdSize} bytes) runs past its end record at ${i}`,
      );
    }
    return { entries, cdSize, cdOffset };
  }
  throw new ZipError('not a zip file, or truncated: end of central directory record not found');
}

/** Rejects ZIP64 extra fields; other extra fields are skipped. */
function checkExtra(extra: Buffer, name: string): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === EXTRA_ZIP64) throw new ZipError(`entry "${name}": ZIP64 entries are not supported`, name);
    p += 4 + size;
  }
}

function readCentralDirectory(buf: Buffer): CentralEntry[] {
  const { entries, cdSize, cdOffset } = findEocd(buf);
  const end = cdOffset + cdSize;
  const out: CentralEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + CENTRAL_SIZE > end || buf.readUInt32LE(p) !== SIG_CENTRAL) {
      throw new ZipError(`corrupt zip: central directory entry ${n + 1} of ${entries} not found at offset ${p}`);
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > end) {
      throw new ZipError(`corrupt zip: central directory entry ${n + 1} of ${entries} runs past the directory's end`);
    }
    const name = decodeName(buf.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength), flags);
    const extra = buf.subarray(p + CENTRAL_SIZE + nameLength, p + CENTRAL_SIZE + nameLength + extraLength);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff || diskStart === 0xffff) {
      throw new ZipError(`entry "${name}": ZIP64 entries are not supported`, name);
    }
    checkExtra(extra, name);
    if (diskStart !== 0) throw new ZipError(`entry "${name}": multi-disk archives are not supported`, name);
    out.push({ name, size, compressedSize, method, crc32: crc, flags, localHeaderOffset });
    p = next;
  }
  return out;
}

/**
 * The entries of a zip archive, in central-directory order. Throws
 * {@link ZipError} when the buffer is not a zip, is truncated, or is ZIP64.
 */
export function listZip(buf: Buffer): ZipEntryInfo[] {
  return readCentralDirectory(buf).map(({ name, size, compressedSize, method, crc32: crc }) => ({
    name,
    size,
    compressedSize,
    method,
    crc32: crc,
  }));
}

export interface ReadZipEntryOptions {
  /** Refuse entries whose recorded uncompressed size exceeds this many bytes (a zip-bomb guard). */
  maxSize?: number;
}

function methodName(method: number): string {
  const known: Record<number, string> = { 1: 'shrink', 6: 'implode', 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'zstd', 95: 'xz', 99: 'AES encryption' };
  const label = known[method];
  return label === undefined ? `method ${method}` : `method ${method} (${label})`;
}

/**
 * The uncompressed bytes of the entry called `name` (exact, case-sensitive),
 * verified against its recorded CRC-32 and size. Throws {@link ZipError}
 * naming the entry when it is missing, duplicated, encrypted, compressed with
 * a method other than stored/deflate, corrupt or truncated.
 */
export function readZipEntry(buf: Buffer, name: string, opts: ReadZipEntryOptions = {}): Buffer {
  const all = readCentralDirectory(buf);
  const matches = all.filter((e) => e.name === name);
  const entry = matches[0];
  if (entry === undefined) {
    const names = all.map((e) => e.name);
    const shown = names.length > 10 ? [...names.slice(0, 10), '…'] : names;
    throw new ZipError(`entry "${name}" not found in zip (entries: ${shown.join(', ') || 'none'})`, name);
  }
  if (matches.length > 1) throw new ZipError(`entry "${name}" appears ${matches.length} times in the zip`, name);
  const what = `entry "${name}"`;
  if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || entry.method === 99) {
    throw new ZipError(`${what} is encrypted; encrypted zips are not supported`, name);
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw new ZipError(`${what} uses compression ${methodName(entry.method)}; only stored (0) and deflate (8) are supported`, name);
  }
  if (opts.maxSize !== undefined && entry.size > opts.maxSize) {
    throw new ZipError(`${what} is ${entry.size} bytes uncompressed, over the ${opts.maxSize}-byte limit`, name);
  }

  // Local header: its own name/extra lengths decide where the data starts.
  const lh = entry.localHeaderOffset;
  if (lh + LOCAL_SIZE > buf.length || buf.readUInt32LE(lh) !== SIG_LOCAL) {
    throw new ZipError(`${what}: local header not found at offset ${lh} (corrupt or truncated zip)`, name);
  }
  const localFlags = buf.readUInt16LE(lh + 6);
  const localMethod = buf.readUInt16LE(lh + 8);
  if (localFlags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
    throw new ZipError(`${what} is encrypted; encrypted zips are not supported`, name);
  }
  if (localMethod !== entry.method) {
    throw new ZipError(`${what}: local header says method ${localMethod}, central directory says ${entry.method}`, name);
  }
  const dataStart = lh + LOCAL_SIZE + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > buf.length) {
    throw new ZipError(`${what}: data (${entry.compressedSize} bytes at offset ${dataStart}) runs past the end of the file`, name);
  }
  const raw = buf.subarray(dataStart, dataEnd);

  let data: Buffer;
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.size) {
      throw new ZipError(`${what}: stored entry has compressed size ${entry.compressedSize} but size ${entry.size}`, name);
    }
    data = Buffer.from(raw); // a copy, so the caller may keep it without pinning the archive
  } else {
    try {
      // One byte of headroom so "inflates to more than recorded" is detectable
      // without letting a lying header inflate without bound.
      data = zlib.inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new ZipError(`${what}: inflates to more than its recorded ${entry.size} bytes`, name);
      }
      throw new ZipError(`${what}: deflate data is corrupt (${(err as Error).message})`, name);
    }
  }
  if (data.length !== entry.size) {
    throw new ZipError(`${what}: uncompressed size is ${data.length} bytes, expected ${entry.size}`, name);
  }
  const actual = crc32(data);
  if (actual !== entry.crc32) {
    throw new ZipError(`${what}: CRC-32 mismatch (recorded ${hex(entry.crc32)}, computed ${hex(actual)}); the zip is corrupt`, name);
  }
  return data;
}

// ------------------------------------------------------------------ writing

export interface ZipWriteEntry {
  name: string;
  data: Uint8Array | string;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
}

export interface WriteZipOptions {
  /** Archive comment (UTF-8, at most 65,535 bytes). */
  comment?: string;
}

/** MS-DOS date and time for 1980-01-01 00:00, so archives are byte-for-byte reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Builds a zip archive in memory (deflate unless an entry asks for stored;
 * UTF-8 names; no ZIP64, so keep it under 4 GB). Meant for test fixtures and
 * small exports, not for huge archives.
 */
export function writeZip(entries: readonly ZipWriteEntry[], opts: WriteZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    if (name.length > 0xffff) throw new ZipError(`entry "${e.name}": name too long`, e.name);
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const method = e.method ?? METHOD_DEFLATE;
    const body = method === METHOD_DEFLATE ? zlib.deflateRawSync(data) : data;
    const crc = crc32(data);
    if (offset > 0xfffffffe || body.length > 0xfffffffe || data.length > 0xfffffffe) {
      throw new ZipError(`entry "${e.name}": archive would need ZIP64`, e.name);
    }

    const local = Buffer.alloc(LOCAL_SIZE);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(CENTRAL_SIZE);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk start, internal attributes: 0
    central.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += LOCAL_SIZE + name.length + body.length;
  }
  if (entries.length > 0xfffe) throw new ZipError('archive would need ZIP64: too many entries');
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(opts.comment ?? '', 'utf8');
  if (comment.length > MAX_COMMENT) throw new ZipError('zip comment longer than 65,535 bytes');
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(SIG_EOCD, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, cd, eocd, comment]);
}
