// Inline content as pdfmake text items, with the line-breaking rules pdfmake's UAX #14 breaker
// misses for Chinese.
import type { Inline } from '../../document/model.ts';
import { substituteGlyphs } from '../../fonts/index.ts';
import { flattenRuns } from '../inline.ts';

export interface PdfText {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly noWrap?: boolean;
}

// The `linebreak` package already keeps 。，、；：？！）」』》”’…％ off a line start and （「『《“‘￥
// off a line end. It still allows a break before the interpunct and the wave dash, which
// GB/T 15834 keeps off a line start too (阿卜杜·热合曼, 3～5 天).
const GLUED = /[^·・‧～〜][·・‧～〜]+/gu;

/**
 * Splits a text so that each of those characters travels with the one before it as a noWrap
 * item. Not a joiner character: U+2060 would be one more glyph that can show as a box.
 * A style change right before such a character still allows the break.
 */
function glue(text: string): { text: string; noWrap?: true }[] {
  const out: { text: string; noWrap?: true }[] = [];
  let last = 0;
  for (const m of text.matchAll(GLUED)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], noWrap: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function pdfInlines(content: readonly Inline[]): PdfText[] {
  const out: PdfText[] = [];
  for (const run of flattenRuns(content)) {
    if (run.kind === 'break') {
      out.push({ text: '\n' });
      continue;
    }
    // No font has a tab glyph; an ideographic space is the nearest fixed gap.
    const text = substituteGlyphs(run.text.replaceAll('\t', '\u3000'));
    const style = { ...(run.bold && { bold: true }), ...(run.italic && { italics: true }) };
    const pieces = run.noWrap ? [{ text, noWrap: true as const }] : glue(text);
    for (const piece of pieces) out.push({ ...piece, ...style });
  }
  return out;
}
