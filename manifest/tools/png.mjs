// A small PNG encoder (8-bit RGBA) and decoder (every colour type and bit depth, all five filter types,
// Adam7) on top of Node's zlib, so the icon script and the package validator need no image library.
import { deflateSync, inflateSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class PngError extends Error {}

/** Encodes width*height RGBA pixels (a Uint8Array of width*height*4 bytes) as an 8-bit RGBA PNG. */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prior = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    const [type, filtered] = bestFilter(row, prior, 4);
    raw[y * (stride + 1)] = type;
    raw.set(filtered, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The libpng heuristic: per row, the filter whose output has the smallest sum of absolute signed bytes.
function bestFilter(row, prior, bpp) {
  let best = null;
  for (let type = 0; type <= 4; type++) {
    const out = Buffer.alloc(row.length);
    let score = 0;
    for (let i = 0; i < row.length; i++) {
      const a = i >= bpp ? row[i - bpp] : 0;
      const b = prior[i];
      const c = i >= bpp ? prior[i - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
      out[i] = (row[i] - predictor) & 0xff;
      score += out[i] < 128 ? out[i] : 256 - out[i];
    }
    if (best === null || score < best[2]) {
      best = [type, out, score];
    }
  }
  return best;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Reads only the signature and IHDR: enough to know the size without decoding. */
export function readPngHeader(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new PngError('not a PNG file (bad signature)');
  }
  if (buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new PngError('not a PNG file (first chunk is not IHDR)');
  }
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    interlace: buf[28],
  };
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Decodes any standard PNG to { width, height, rgba } with 8 bits per channel (16-bit samples rounded). */
export function decodePng(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = readPngHeader(buf);
  const { width, height, bitDepth, colorType, interlace } = header;
  if (!(colorType in CHANNELS) || !ALLOWED_DEPTHS[colorType].includes(bitDepth)) {
    throw new PngError(`unsupported colour type ${colorType} with bit depth ${bitDepth}`);
  }
  if (width === 0 || height === 0) {
    throw new PngError('image has zero width or height');
  }

  const idat = [];
  let palette = null;
  let transparency = null;
  let sawEnd = false;
  for (let pos = 8; pos < buf.length; ) {
    if (pos + 12 > buf.length) throw new PngError('truncated chunk');
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > buf.length) throw new PngError(`truncated ${type} chunk`);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (crc32(buf.subarray(pos + 4, pos + 8 + length)) !== buf.readUInt32BE(pos + 8 + length)) {
      throw new PngError(`CRC mismatch in ${type} chunk`);
    }
    if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') transparency = data;
    else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    pos += 12 + length;
  }
  if (!sawEnd) throw new PngError('missing IEND chunk');
  if (idat.length === 0) throw new PngError('missing IDAT chunk');
  if (colorType === 3 && palette === null) throw new PngError('palette image without PLTE chunk');

  let raw;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (error) {
    throw new PngError(`image data does not inflate: ${error.message}`);
  }

  const bitsPerPixel = CHANNELS[colorType] * bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const rgba = new Uint8Array(width * height * 4);
  const passes = interlace === 1 ? ADAM7 : [[0, 0, 1, 1]];
  let offset = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((width - x0) / dx);
    const passHeight = Math.ceil((height - y0) / dy);
    if (passWidth <= 0 || passHeight <= 0) continue;
    const stride = Math.ceil((passWidth * bitsPerPixel) / 8);
    let prior = new Uint8Array(stride);
    for (let py = 0; py < passHeight; py++) {
      if (offset + 1 + stride > raw.length) throw new PngError('image data is shorter than the image size needs');
      const filter = raw[offset];
      const row = Uint8Array.from(raw.subarray(offset + 1, offset + 1 + stride));
      offset += 1 + stride;
      unfilter(filter, row, prior, bpp);
      for (let px = 0; px < passWidth; px++) {
        const target = ((y0 + py * dy) * width + (x0 + px * dx)) * 4;
        writePixel(rgba, target, row, px, colorType, bitDepth, palette, transparency);
      }
      prior = row;
    }
  }
  return { width, height, rgba };
}

function unfilter(filter, row, prior, bpp) {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prior[i];
    const c = i >= bpp ? prior[i - bpp] : 0;
    switch (filter) {
      case 0:
        break;
      case 1:
        row[i] = (row[i] + a) & 0xff;
        break;
      case 2:
        row[i] = (row[i] + b) & 0xff;
        break;
      case 3:
        row[i] = (row[i] + ((a + b) >> 1)) & 0xff;
        break;
      case 4:
        row[i] = (row[i] + paeth(a, b, c)) & 0xff;
        break;
      default:
        throw new PngError(`unknown filter type ${filter}`);
    }
  }
}

function sample(row, index, bitDepth) {
  if (bitDepth === 8) return row[index];
  if (bitDepth === 16) return Math.round(sample16(row, index) / 257);
  const perByte = 8 / bitDepth;
  const byte = row[Math.floor(index / perByte)];
  const shift = 8 - bitDepth * ((index % perByte) + 1);
  return (byte >> shift) & ((1 << bitDepth) - 1);
}

function sample16(row, index) {
  return (row[index * 2] << 8) | row[index * 2 + 1];
}

function writePixel(rgba, target, row, px, colorType, bitDepth, palette, transparency) {
  const channels = CHANNELS[colorType];
  const scale = bitDepth < 8 ? 255 / ((1 << bitDepth) - 1) : 1;
  const at = (channel) => sample(row, px * channels + channel, bitDepth);
  let r;
  let g;
  let b;
  let a = 255;
  if (colorType === 3) {
    const index = at(0);
    if (index * 3 + 2 >= palette.length) throw new PngError(`palette index ${index} out of range`);
    [r, g, b] = [palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]];
    if (transparency !== null && index < transparency.length) a = transparency[index];
  } else if (colorType === 0 || colorType === 4) {
    r = g = b = Math.round(at(0) * scale);
    if (colorType === 4) a = at(1);
    else if (transparency !== null && transparency.length >= 2) {
      const key = transparency.readUInt16BE(0);
      const value = bitDepth === 16 ? sample16(row, px) : sample(row, px, bitDepth);
      if (value === key) a = 0;
    }
  } else {
    [r, g, b] = [at(0), at(1), at(2)];
    if (colorType === 6) a = at(3);
    else if (transparency !== null && transparency.length >= 6) {
      const wide = bitDepth === 16;
      const values = wide ? [0, 1, 2].map((c) => sample16(row, px * 3 + c)) : [r, g, b];
      if (values.every((v, c) => v === transparency.readUInt16BE(c * 2))) a = 0;
    }
  }
  rgba[target] = r;
  rgba[target + 1] = g;
  rgba[target + 2] = b;
  rgba[target + 3] = a;
}
