// Page geometry and type sizes shared by the PDF and DOCX writers, so both formats lay out alike.
import type { PageSetup, PageSize } from '../document/model.ts';

/** Short side × long side in millimetres. DL is the 110 × 220 mm envelope. */
const SIZES_MM: Readonly<Record<PageSize, readonly [number, number]>> = {
  A4: [210, 297],
  A5: [148, 210],
  DL: [110, 220],
};

export function pageMm(page: PageSetup): { readonly width: number; readonly height: number } {
  const [short, long] = SIZES_MM[page.size];
  return page.orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** Width between the left and right margins. */
export function textWidthMm(page: PageSetup): number {
  const [left, , right] = page.margins;
  return pageMm(page).width - left - right;
}

export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export interface TypeScale {
  /** Point sizes. */
  readonly body: number;
  readonly small: number;
  readonly table: number;
  readonly furniture: number;
  readonly heading: Readonly<Record<1 | 2 | 3, number>>;
}

// A4 body is 小四 (12 pt) and tables 五号 (10.5 pt); the small A5 and DL pages step down one size.
export function typeScale(size: PageSize): TypeScale {
  return size === 'A4'
    ? { body: 12, small: 9, table: 10.5, furniture: 9, heading: { 1: 16, 2: 14, 3: 12 } }
    : { body: 10.5, small: 9, table: 9, furniture: 8, heading: { 1: 14, 2: 12, 3: 10.5 } };
}

/** Line pitch as a multiple of the font size, the same in both formats. */
export const LINE_PITCH = 1.6;
/** Padding left and right of the text in a table cell, in points. */
export const TABLE_CELL_PAD_PT = 4;
/** Distance between ruled note lines. */
export const NOTE_LINE_MM = 9;
/** Edge of the seal laid over a signature (a company seal is 38–42 mm across). */
export const SEAL_MM = 40;

/** Page furniture, drawn alike by both writers: header and footer this far from the paper edge. */
export const FURNITURE_EDGE_MM = 8;
/** Colours as RGB hex without '#' (docx's form; the PDF writer adds the '#'). */
export const FURNITURE_GREY = '555555';
/** The 内部资料 mark in the header. */
export const MARK_RED = 'C00000';
/** The postcode boxes (GB/T 1416 asks for a golden red). */
export const POSTCODE_RED = 'D7261E';
/** The postcode boxes of an envelope that must carry no red (a letter of condolence). */
export const POSTCODE_GREY = '808080';
/** The colour of a block's postcode boxes. */
export const postcodeColour = (block: { readonly muted?: boolean }): string => (block.muted ? POSTCODE_GREY : POSTCODE_RED);
/** Point size of the digits in the postcode boxes. */
export const POSTCODE_DIGIT_PT = 16;
