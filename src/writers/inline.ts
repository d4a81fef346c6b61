// Inline content flattened for the writers: `\n` inside a run becomes a break like a LineBreak.
import type { Inline } from '../document/model.ts';

export type Run =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean; readonly italic: boolean; readonly noWrap: boolean }
  | { readonly kind: 'break' };

export function flattenRuns(content: readonly Inline[]): Run[] {
  const out: Run[] = [];
  for (const inline of content) {
    if (inline.type === 'break') {
      out.push({ kind: 'break' });
      continue;
    }
    const style = { bold: inline.bold ?? false, italic: inline.italic ?? false, noWrap: inline.noWrap ?? false };
    for (const [i, text] of inline.text.split('\n').entries()) {
      if (i > 0) out.push({ kind: 'break' });
      if (text !== '') out.push({ kind: 'text', text, ...style });
    }
  }
  return out;
}

/** What a checkbox list item starts with; the PDF draws it as □ (see GLYPH_SUBSTITUTES). */
export const CHECKBOX = '☐';
