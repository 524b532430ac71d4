// A minimal zip writer and reader (no zip64, no encryption): enough for a Teams app package, which is a handful of
// small files at the root of the archive.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
// 1980-01-01 00:00, the DOS epoch: a fixed timestamp makes the same input give a byte-identical package.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipError extends Error {}

/** Writes entries ({ name, data }) into a zip archive, deflating each one unless that makes it larger. */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const [method, body] = deflated.length < data.length ? [DEFLATED, deflated] : [STORED, Buffer.from(data)];
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Reads every entry ({ name, data }) of a zip archive through its central directory, checking each CRC. */
export function readZip(archive) {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const endAt = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(endAt + 10);
  const size = buf.readUInt32LE(endAt + 12);
  const start = buf.readUInt32LE(endAt + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    throw new ZipError('zip64 archives are not supported');
  }
  if (start + size > endAt) {
    throw new ZipError('central directory lies outside the archive');
  }

  const entries = [];
  let pos = start;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > buf.length || buf.readUInt32LE(pos) !== CENTRAL_HEADER) {
      throw new ZipError(`central directory entry ${i} is damaged`);
    }
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    const crc = buf.readUInt32LE(pos + 16);
    const compressedSize = buf.readUInt32LE(pos + 20);
    const size = buf.readUInt32LE(pos + 24);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const localAt = buf.readUInt32LE(pos + 42);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLength);
    pos += 46 + nameLength + extraLength + commentLength;

    if (flags & 1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (localAt + 30 > buf.length || buf.readUInt32LE(localAt) !== LOCAL_HEADER) {
      throw new ZipError(`${name}: local header is missing or damaged`);
    }
    const dataAt = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    if (dataAt + compressedSize > buf.length) throw new ZipError(`${name}: data runs past the end of the archive`);
    const body = buf.subarray(dataAt, dataAt + compressedSize);

    let data;
    if (method === STORED) data = Buffer.from(body);
    else if (method === DEFLATED) {
      try {
        data = inflateRawSync(body);
      } catch (error) {
        throw new ZipError(`${name}: data does not inflate (${error.message})`);
      }
    } else throw new ZipError(`${name}: compression method ${method} is not supported (only stored and deflate)`);

    if (data.length !== size) throw new ZipError(`${name}: size is ${data.length}, central directory says ${size}`);
    if (crc32(data) !== crc) throw new ZipError(`${name}: CRC-32 mismatch`);
    entries.push({ name, data });
  }
  return entries;
}

function findEndOfCentralDirectory(buf) {
  // The record is 22 bytes followed by a comment of at most 65535 bytes.
  if (buf.length < 22) throw new ZipError('not a zip archive (too short)');
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError('not a zip archive (no end-of-central-directory record)');
}
