// Font registry: where the embedded CJK fonts live, and one parsed copy of each per process.
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';
import type { FontFamily } from '../document/model.ts';

export type FontWeight = 'regular' | 'bold';

const require = createRequire(import.meta.url);
// fontkit ships an ES build and a CommonJS build; pdfkit loads the CommonJS one, so do we:
// one copy of fontkit's code, and fonts parsed here are the ones pdfkit lays out with.
const fontkit = require('fontkit') as { create(buffer: Uint8Array): Font };
// Resolved through the package manager, so hoisting or pnpm layouts still work.
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
const SANS = packageDir('@expo-google-fonts/noto-sans-sc');
const SERIF = packageDir('@expo-google-fonts/noto-serif-sc');

export const FONT_FILES: Readonly<Record<FontFamily, Readonly<Record<FontWeight, string>>>> = {
  sans: {
    regular: join(SANS, '400Regular', 'NotoSansSC_400Regular.ttf'),
    bold: join(SANS, '700Bold', 'NotoSansSC_700Bold.ttf'),
  },
  serif: {
    regular: join(SERIF, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: join(SERIF, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  },
};

/** Real paths of the directories holding the font files, for file-access policies. */
export const FONT_DIRS: readonly string[] = [
  ...new Set(Object.values(FONT_FILES).flatMap((w) => Object.values(w).map((f) => realpathSync(dirname(f))))),
];

export const FONT_WEIGHTS: readonly FontWeight[] = ['regular', 'bold'];

// The TTFs are 10–15 MB each: read and parse each at most once per process.
const buffers = new Map<string, Buffer>();
const parsed = new WeakMap<Uint8Array, Font>();

export function fontBuffer(family: FontFamily, weight: FontWeight): Buffer {
  const file = FONT_FILES[family][weight];
  let buffer = buffers.get(file);
  if (!buffer) {
    buffer = readFileSync(file);
    buffers.set(file, buffer);
  }
  return buffer;
}

/** The one parsed Font of a font file's bytes; the glyph checks, measuring and pdfkit all share it. */
export function parsedFont(buffer: Uint8Array): Font {
  let font = parsed.get(buffer);
  if (!font) {
    font = fontkit.create(buffer);
    parsed.set(buffer, font);
  }
  return font;
}

export function fontkitFont(family: FontFamily, weight: FontWeight): Font {
  return parsedFont(fontBuffer(family, weight));
}

// Widths are asked for again and again (every character of every envelope and label, laid out
// by fontkit each time): kept per font, started afresh past 10,000 texts rather than grow with
// every name of a long mailing.
const MAX_WIDTHS = 10_000;
const widthsByFont = new WeakMap<Font, Map<string, number>>();

/** Advance width of `text` set at `size` points, in points. */
export function textWidthPt(family: FontFamily, weight: FontWeight, text: string, size: number): number {
  const font = fontkitFont(family, weight);
  let widths = widthsByFont.get(font);
  if (!widths) widthsByFont.set(font, (widths = new Map()));
  let units = widths.get(text);
  if (units === undefined) {
    if (widths.size >= MAX_WIDTHS) widths.clear();
    units = font.layout(text).advanceWidth;
    widths.set(text, units);
  }
  return (units / font.unitsPerEm) * size;
}
