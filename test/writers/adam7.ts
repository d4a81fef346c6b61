// PNGs that the tool's own encoder never makes, for the image checks: any bit depth and colour
// type, and Adam7 interlaced (pngjs writes only non-interlaced files).
import { crc32, deflateSync } from 'node:zlib';
import { ADAM7 as PASSES } from '../../src/writers/png.ts';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/**
 * A PNG of `colorType` (0 grey, 2 RGB, 4 grey + alpha, 6 RGBA) at 8 or 16 bits, interlaced or
 * not; `sample(x, y)` gives each channel's value in 0…1 (values past the channels are ignored).
 */
export function makePng(width: number, height: number, opts: { colorType: 0 | 2 | 4 | 6; bitDepth: 8 | 16; interlaced: boolean }, sample: (x: number, y: number) => readonly number[]): Buffer {
  const channels = CHANNELS[opts.colorType]!;
  const bytes = opts.bitDepth / 8;
  const max = 2 ** opts.bitDepth - 1;
  const rows: Buffer[] = [];
  const passes = opts.interlaced ? PASSES : [[0, 0, 1, 1] as const];
  for (const [x0, y0, dx, dy] of passes) {
    for (let y = y0; y < height; y += dy) {
      const xs: number[] = [];
      for (let x = x0; x < width; x += dx) xs.push(x);
      if (xs.length === 0) continue;
      const row = Buffer.alloc(1 + xs.length * channels * bytes);
      xs.forEach((x, i) => {
        sample(x, y).slice(0, channels).forEach((v, c) => {
          const at = 1 + (i * channels + c) * bytes;
          const value = Math.round(Math.min(1, Math.max(0, v)) * max);
          if (bytes === 2) row.writeUInt16BE(value, at);
          else row[at] = value;
        });
      });
      rows.push(row);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([opts.bitDepth, opts.colorType, 0, 0, opts.interlaced ? 1 : 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
