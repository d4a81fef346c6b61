// PNG both ways: a minimal encoder (8-bit greyscale or RGBA, no filtering), enough for QR codes,
// and the checks an image from the user's assets passes before a writer meets it.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

/** `pixels` holds `channels` bytes per pixel, row by row: 1 = grey, 4 = RGBA. */
export function encodePng(width: number, height: number, channels: 1 | 4, pixels: Uint8Array): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type, 0 = None.
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 1 ? 0 : 6, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

/** The header of a PNG (the IHDR chunk, which must come first); undefined when it is not one. */
export function pngHeader(data: Buffer): PngHeader | undefined {
  if (data.length < 33 || !data.subarray(0, 8).equals(SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bitDepth: data[24]!, colorType: data[25]!, interlaced: data[28] === 1 };
}

/** Channels per colour type, and the bit depths the PNG standard allows for each. */
const COLOR_TYPES: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

// Adam7: where each of the seven passes starts and how far it steps, across and down.
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The exact size of the inflated pixel data: each (pass) row its filter byte and its pixels. */
function pixelDataBytes(h: PngHeader): number | undefined {
  const type = COLOR_TYPES[h.colorType];
  if (!type?.depths.includes(h.bitDepth)) return undefined;
  const rowBytes = (width: number) => 1 + Math.ceil((width * type.channels * h.bitDepth) / 8);
  if (!h.interlaced) return h.height * rowBytes(h.width);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const width = Math.ceil(Math.max(0, h.width - x0) / dx);
    const height = Math.ceil(Math.max(0, h.height - y0) / dy);
    if (width > 0) total += height * rowBytes(width);
  }
  return total;
}

/**
 * Every chunk whole with its CRC, a colour type and depth the standard allows, the pixel data
 * inflating to exactly the size the header implies, and IEND at the end. A damaged PNG
 * otherwise fails inside a writer, in English, once per document.
 */
export function pngIntact(data: Buffer, header: PngHeader): boolean {
  const expected = pixelDataBytes(header);
  if (expected === undefined) return false;
  const pixelData: Buffer[] = [];
  for (let at = 8; at + 12 <= data.length; ) {
    const length = data.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > data.length || crc32(data.subarray(at + 4, end - 4)) !== data.readUInt32BE(end - 4)) return false;
    const type = data.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') pixelData.push(data.subarray(at + 8, end - 4));
    if (type === 'IEND') {
      try {
        return inflateSync(Buffer.concat(pixelData), { maxOutputLength: expected }).length === expected;
      } catch {
        return false;
      }
    }
    at = end;
  }
  return false;
}
