// Address labels, fitted alike by both writers: the size a label is set in is measured here
// with the embedded fonts, so a label is the same size in the PDF and the .docx.
import type { FontFamily, Inline } from '../document/model.ts';
import { textWidthPt } from '../fonts/index.ts';
import { flattenRuns } from './inline.ts';
import { LINE_PITCH } from './page.ts';

/** Label padding in millimetres: clear of the die-cut edge and of the printer's unprintable rim. */
export const LABEL_PAD_MM = { x: 5, y: 3 } as const;
const LABEL_MIN_PT = 6;
/** Break units: runs of spaces, single CJK characters and punctuation, other runs (words, numbers). */
const UNITS = /\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/gu;

/** Lines `content` takes at `size` in `width` points: greedy, CJK characters and words as units. */
function wrappedLines(content: readonly Inline[], family: FontFamily, size: number, width: number): number {
  let lines = 1;
  let x = 0;
  for (const run of flattenRuns(content)) {
    if (run.kind === 'break') {
      lines++;
      x = 0;
      continue;
    }
    const units = run.noWrap ? [run.text] : (run.text.match(UNITS) ?? []);
    for (const unit of units) {
      const w = textWidthPt(family, run.bold ? 'bold' : 'regular', unit, size);
      if (x > 0 && x + w > width && !/^\s+$/.test(unit)) {
        lines++;
        x = 0;
      }
      if (x === 0 && /^\s+$/.test(unit)) continue;
      x += w;
      while (x > width) {
        lines++;
        x -= width;
      }
    }
  }
  return lines;
}

/**
 * The point size a label is set in: `max` when it fits, else the largest half-point size that
 * does (6 pt at the least), and how many lines it then takes. Both writers use it, so a label
 * is the same size in the PDF and the .docx and never grows its row.
 */
export function fitLabel(label: readonly (readonly Inline[])[], family: FontFamily, widthPt: number, heightPt: number, max: number): { size: number; lines: number } {
  // A little slack for the breaker's own choices (kinsoku, punctuation kept with the word before).
  const width = widthPt * 0.95;
  for (let size = max; ; size -= 0.5) {
    const lines = label.reduce((n, line) => n + wrappedLines(line, family, size, width), 0);
    if (lines * size * LINE_PITCH <= heightPt || size - 0.5 < LABEL_MIN_PT) return { size, lines };
  }
}
