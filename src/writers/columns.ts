// Table column widths, shared by both writers so a table is laid out alike in the PDF and .docx.
// A template gives relative widths (the dashes of the delimiter row); a column narrower than what
// it must hold on one line would break a word: the proposal's |:-:| left 序号 1.6 mm, so it
// printed 序 over 号. Each column is made at least as wide as its widest unbreakable piece —
// a header word (a header breaks only at a space, after a slash, around brackets), a piece a
// line keeps whole in a body cell (a phone number, a number with its unit), or a body cell that
// is one short term (业务负责人, 符合VIP条件: split, it reads as two words) — and the others give
// up width in proportion to theirs.
import type { FontFamily, Inline, Table } from '../document/model.ts';
import { textWidthPt } from '../fonts/index.ts';
import { flattenRuns } from './inline.ts';
import { TABLE_CELL_PAD_PT } from './page.ts';

/** Where a header may break: after a space, a slash or a closing bracket; before an opening one. */
const HEADER_BREAK = /(?<=[\s/、）)])|(?=[（(])/u;
/** A cell that is one term: up to 8 letters, digits and Chinese characters, nothing else. */
const TERM = /^[\p{Script=Han}A-Za-z\d]{2,8}$/u;

function widestPiece(content: readonly Inline[], header: boolean, family: FontFamily, size: number): number {
  const whole = content.every((i) => i.type === 'text') ? content.map((i) => (i.type === 'text' ? i.text : '')).join('') : '';
  const bold = header || content.some((i) => i.type === 'text' && i.bold);
  let widest = TERM.test(whole) ? textWidthPt(family, bold ? 'bold' : 'regular', whole, size) : 0;
  for (const run of flattenRuns(content)) {
    if (run.kind !== 'text') continue;
    const weight = header || run.bold ? 'bold' : 'regular';
    const pieces = header ? run.text.split(HEADER_BREAK) : run.noWrap ? [run.text] : [];
    for (const piece of pieces) widest = Math.max(widest, textWidthPt(family, weight, piece.trim(), size));
  }
  return widest;
}

/** Widths in points, summing to `total`, of `block`'s columns set at `size` points. */
export function tableColumnWidths(block: Table, family: FontFamily, size: number, total: number): number[] {
  const n = block.columns.length;
  // Padding on both sides and a hair for the rules and rounding.
  const minima = block.columns.map((_, c) =>
    Math.max(...block.rows.map((row, r) => widestPiece(row[c] ?? [], r < block.headerRows, family, size))) + 2 * TABLE_CELL_PAD_PT + 1,
  );
  const shares = block.columns.map((c) => c.width);
  const atMinimum = new Set<number>();
  for (;;) {
    const freeShare = shares.reduce((sum, s, c) => (atMinimum.has(c) ? sum : sum + s), 0);
    const freeWidth = total - minima.reduce((sum, m, c) => (atMinimum.has(c) ? sum + m : sum), 0);
    if (atMinimum.size === n || freeWidth <= 0) {
      // Not even the minima fit: scale them to the width, the least bad.
      const sum = minima.reduce((a, b) => a + b, 0);
      return minima.map((m) => (m * total) / sum);
    }
    const widths = shares.map((s, c) => (atMinimum.has(c) ? (minima[c] as number) : (s * freeWidth) / freeShare));
    const narrow = widths.flatMap((w, c) => (!atMinimum.has(c) && w < (minima[c] as number) ? [c] : []));
    if (narrow.length === 0) return widths;
    for (const c of narrow) atMinimum.add(c);
  }
}

/**
 * The relative widths of a key-value grid's columns, label and value by turns: a pair is
 * label : value = 1 : 2 of its share, and a grid of one pair per row gives its value 3 parts,
 * where a label of a few characters needs no third of the line (a product's 工艺 took 3 lines).
 */
export function keyValueShares(columns: number): number[] {
  const value = columns === 1 ? 3 : 2;
  return Array.from({ length: columns * 2 }, (_, i) => (i % 2 === 0 ? 1 : value));
}
