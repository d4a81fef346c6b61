// The checks a JPEG from the user's assets passes before a writer meets it. PDF and Word embed
// a JPEG's bytes as they are, so a truncated file is not refused by either: it prints as a
// blank or half-grey image on a customer's letter. Here every segment is walked through to EOI.

export interface JpegFrame {
  readonly width: number;
  readonly height: number;
}

/** Why a JPEG cannot be used; `damaged` when it is cut short or broken. */
export type JpegProblem = 'not-jpeg' | 'damaged' | 'unsupported';

// SOF0 baseline, SOF1 extended and SOF2 progressive, Huffman-coded: what PDF's DCTDecode reads.
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
// The other SOFn (lossless, hierarchical, arithmetic-coded); C4 DHT, C8 JPG and CC DAC share the range.
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// RST0–7 and TEM stand alone, without a length.
const standsAlone = (m: number) => (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/** The frame size of a whole, supported JPEG, or what is wrong with it. */
export function checkJpeg(data: Buffer): JpegFrame | JpegProblem {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return 'not-jpeg';
  let frame: JpegFrame | JpegProblem | undefined;
  let at = 2;
  for (;;) {
    if (at + 2 > data.length || data[at] !== 0xff) return 'damaged';
    while (data[at + 1] === 0xff) at++; // fill bytes before a marker
    const marker = data[at + 1] ?? 0;
    at += 2;
    if (marker === 0xd9) return frame === undefined ? 'damaged' : frame; // EOI
    if (standsAlone(marker)) continue;
    if (at + 2 > data.length) return 'damaged';
    const length = data.readUInt16BE(at);
    if (length < 2 || at + length > data.length) return 'damaged';
    if (isFrame(marker)) {
      // P, Y, X, Nf, then three bytes a component.
      const components = data[at + 7] ?? 0;
      if (frame !== undefined || length !== 8 + 3 * components || ![1, 3, 4].includes(components)) return 'damaged';
      const size = { height: data.readUInt16BE(at + 3), width: data.readUInt16BE(at + 5) };
      frame = SUPPORTED_FRAMES.has(marker) && data[at + 2] === 8 ? size : 'unsupported';
    }
    at += length;
    if (marker === 0xda) {
      // SOS: entropy-coded data up to the next marker that is not a stuffed 0 or a restart.
      if (frame === undefined) return 'damaged';
      while (at + 1 < data.length && !(data[at] === 0xff && data[at + 1] !== 0 && !standsAlone(data[at + 1]!))) at++;
    }
  }
}
