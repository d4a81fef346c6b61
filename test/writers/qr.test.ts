// The QR codes both writers print: the picture decodes back to its text with an independent
// reader (jsQR), and it is the picture the PDF and the .docx carry.
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrMatrix, qrPng } from '../../src/writers/qr.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { fixtureDoc, makeAssets } from './fixture.ts';

// jsqr is CommonJS whose types declare a default export; its module value is the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

const TEXTS = ['https://example.com/tuangou?id=0042', '团购热线 400-000-0000'];

function decode(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The compressed pixel data of a PNG: what a PDF embeds as the image's stream. */
function idat(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

let assetsDir: string;
beforeAll(async () => {
  assetsDir = await makeAssets();
});
afterAll(() => rm(assetsDir, { recursive: true, force: true }));

describe('QR codes', () => {
  it('decode back to their text, Chinese included', () => {
    for (const text of TEXTS) expect(decode(qrPng(qrMatrix(text)))).toBe(text);
  });

  it('are the pictures in the PDF and the .docx', async () => {
    const pdf = Buffer.from(await writePdf(fixtureDoc, { assetsDir }));
    const docx = await JSZip.loadAsync(await writeDocx(fixtureDoc, { assetsDir }));
    const media = await Promise.all(Object.values(docx.files).filter((f) => f.name.startsWith('word/media/')).map((f) => f.async('nodebuffer')));
    for (const text of TEXTS) {
      const png = qrPng(qrMatrix(text));
      expect(pdf.includes(idat(png))).toBe(true);
      expect(media.some((m) => m.equals(png))).toBe(true);
    }
  });
});
