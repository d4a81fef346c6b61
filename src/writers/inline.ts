// Inline content flattened for the writers: `\n` inside a run becomes a break like a LineBreak,
// and the pieces a line must not part are marked noWrap, for every writer and the box fitter alike.
import type { Doc, Inline, PageRef } from '../document/model.ts';

export type Run =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly bold: boolean;
      readonly italic: boolean;
      readonly noWrap: boolean;
      /** A page number: the section whose first page it gives; `text` stands in for it when measuring. */
      readonly pageOf?: number;
    }
  | { readonly kind: 'break' };

/** What a page number is measured as before the pages are known. */
export const PAGE_NUMBER_PLACEHOLDER = '00';

/**
 * What a line end must not part, beyond what UAX #14 (pdfmake's `linebreak`, LibreOffice's ICU)
 * already keeps together. UAX #14 allows a break between a number and a Chinese character and
 * at any space, so "10 箱 60 瓶" could end a line with "10" and "28 号", "31日" with their
 * digits. Here a number travels with its unit: the one Chinese character after it (箱, 号, 日,
 * 度, 元 — in Chinese a number is followed by its measure word) or a lower-case Latin unit
 * (ml, %vol), with or without one space between; "第" before a number goes with it too.
 * GB/T 15834 keeps the interpunct and the wave dash off a line start (阿卜杜·热合曼, 3～5 天),
 * which UAX #14 allows. Not a joiner character: U+2060 would be one more glyph that can show
 * as a box.
 */
const KEEP = new RegExp(
  [
    /(?:第[ \u00a0]?)?\d[\d,.]*[%‰°℃]?[ \u00a0]?(?:\p{Script=Han}|[a-z]+(?![A-Za-z\d]))/u.source,
    /[^·・‧～〜\s][·・‧～〜]+/u.source,
  ].join('|'),
  'gu',
);

/** `text` cut into pieces, those that a line must keep whole marked noWrap. */
export function keepTogether(text: string): { readonly text: string; readonly noWrap: boolean }[] {
  const out: { text: string; noWrap: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(KEEP)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), noWrap: false });
    out.push({ text: m[0], noWrap: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), noWrap: false });
  return out;
}

export function flattenRuns(content: readonly Inline[]): Run[] {
  const out: Run[] = [];
  for (const inline of content) {
    if (inline.type === 'break') {
      out.push({ kind: 'break' });
      continue;
    }
    if (inline.type === 'pageRef') {
      out.push({ kind: 'text', text: PAGE_NUMBER_PLACEHOLDER, bold: false, italic: false, noWrap: true, pageOf: inline.section });
      continue;
    }
    const style = { bold: inline.bold ?? false, italic: inline.italic ?? false };
    for (const [i, text] of inline.text.split('\n').entries()) {
      if (i > 0) out.push({ kind: 'break' });
      if (text === '') continue;
      if (inline.noWrap) out.push({ kind: 'text', text, ...style, noWrap: true });
      else for (const piece of keepTogether(text)) out.push({ kind: 'text', ...piece, ...style });
    }
  }
  return out;
}

/** The sections some page reference in `doc` points at: a walk over the model, whatever block holds the reference. */
export function pageRefTargets(doc: Doc): Set<number> {
  const out = new Set<number>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (typeof value === 'object' && value !== null) {
      const ref = value as Partial<PageRef>;
      if (ref.type === 'pageRef' && typeof ref.section === 'number') out.add(ref.section);
      else for (const v of Object.values(value)) walk(v);
    }
  };
  walk(doc.sections);
  return out;
}

/** What a checkbox list item starts with; the PDF draws it as □ (see GLYPH_SUBSTITUTES). */
export const CHECKBOX = '☐';
