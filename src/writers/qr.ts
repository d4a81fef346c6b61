// QR codes for both writers from pdfmake's own encoder (pdfmake's `qr` node rounds modules
// down to whole points, so a 20 mm code came out about 12 mm): one PNG per code, which the PDF
// embeds once per document and the .docx as a picture, both at the exact requested size.
import { createRequire } from 'node:module';
import { encodePng } from './png.ts';

interface QrRect {
  readonly x: number;
  readonly y: number;
}
interface QrEncoder {
  measure(node: { qr: string | number[]; eccLevel: string }): { _canvas: readonly QrRect[]; _width: number };
}
const qrEncoder = (createRequire(import.meta.url)('pdfmake/js/qrEnc.js') as { default: QrEncoder }).default;

type Matrix = readonly (readonly boolean[])[];

// A mailing prints the same code on every letter: encode each text once. Bounded, since a
// template may put a per-customer text in a code.
const MAX_CODES = 1_000;
const matrices = new Map<string, Matrix>();
const pngs = new WeakMap<Matrix, Buffer>();

/** Modules of the code, row by row; true is dark. Error correction M survives a smudged print. */
export function qrMatrix(text: string): Matrix {
  let matrix = matrices.get(text);
  if (!matrix) {
    if (matrices.size >= MAX_CODES) matrices.clear();
    matrix = encode(text);
    matrices.set(text, matrix);
  }
  return matrix;
}

function encode(text: string): Matrix {
  // The encoder turns a string into UTF-8 with charCodeAt, which breaks characters beyond U+FFFF;
  // ASCII stays a string so it can pick the denser numeric and alphanumeric modes.
  const qr = /^[\x00-\x7f]*$/.test(text) ? text : [...Buffer.from(text, 'utf8')];
  let measured: ReturnType<QrEncoder['measure']>;
  try {
    measured = qrEncoder.measure({ qr, eccLevel: 'M' });
  } catch {
    // The encoder throws bare strings; its only data error is a code over version 40.
    throw new Error(`二维码内容太长（${text.length} 个字符）`);
  }
  // Without `fit`, pdfmake draws 5-unit modules: the first rect is the background, the rest dark modules.
  const { _canvas: rects, _width: width } = measured;
  const n = Math.round(width / 5);
  const matrix = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of rects.slice(1)) {
    const row = matrix[Math.round(r.y / 5)];
    if (row) row[Math.round(r.x / 5)] = true;
  }
  return matrix;
}

/** The quiet zone the QR specification requires around the code, in modules. */
export const QUIET_MODULES = 4;

/** Pixels per module of the PNG: sharp at print resolution for codes up to ~40 mm. */
const PNG_SCALE = 8;

/** A greyscale PNG of the matrix with its quiet zone. */
export function qrPng(matrix: Matrix): Buffer {
  let png = pngs.get(matrix);
  if (!png) {
    png = drawPng(matrix, PNG_SCALE);
    pngs.set(matrix, png);
  }
  return png;
}

function drawPng(matrix: Matrix, scale: number): Buffer {
  const size = (matrix.length + 2 * QUIET_MODULES) * scale;
  const pixels = new Uint8Array(size * size).fill(0xff);
  for (let y = 0; y < size; y++) {
    const row = matrix[Math.floor(y / scale) - QUIET_MODULES];
    for (let x = 0; x < size; x++) if (row?.[Math.floor(x / scale) - QUIET_MODULES]) pixels[y * size + x] = 0;
  }
  return encodePng(size, size, 1, pixels);
}
