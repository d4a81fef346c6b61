// Text in a box of fixed size, fitted alike by both writers: address labels and the envelope's
// ::: fit boxes. Sizes are chosen here, measured with the embedded fonts, so a box is set the
// same in the PDF and the .docx and never grows: a long address cannot push anything on.
import type { Align, FontFamily, Heading, Inline, Paragraph } from '../document/model.ts';
import { textWidthPt } from '../fonts/index.ts';
import { flattenRuns, type Run } from './inline.ts';
import { LINE_PITCH, type TypeScale } from './page.ts';

/** Label padding in millimetres: clear of the die-cut edge and of the printer's unprintable rim. */
export const LABEL_PAD_MM = { x: 5, y: 3 } as const;
const MIN_PT = 6;
const ELLIPSIS = '…';
/** Break units: runs of spaces, single CJK characters and punctuation, other runs (words, numbers). */
const UNITS = /\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/gu;

/** A paragraph of a box, in points: as given to `fitParts` at full size, as returned fitted. */
export interface FitPart {
  readonly content: readonly Inline[];
  readonly size: number;
  readonly bold: boolean;
  readonly align: Align;
  /** Space above the part (0 for the first). */
  readonly before: number;
  /** First-line indent. */
  readonly indent: number;
}

/** A label's lines at full size. */
export const labelParts = (label: readonly (readonly Inline[])[], size: number): FitPart[] =>
  label.map((content) => ({ content, size, bold: false, align: 'left', before: 0, indent: 0 }));

/** A ::: fit box's headings and paragraphs at full size, sized and spaced as outside a box. */
export function boxParts(blocks: readonly (Heading | Paragraph)[], scale: TypeScale): FitPart[] {
  const gap = scale.body * 0.5;
  return blocks.map((block, i) => {
    // Every block ends with a gap and a heading below level 1 starts with one, as the writers set them.
    const before = i === 0 ? 0 : gap + (block.type === 'heading' && block.level > 1 ? gap : 0);
    if (block.type === 'heading') {
      return { content: block.content, size: scale.heading[block.level], bold: true, align: block.level === 1 ? 'center' : 'left', before, indent: 0 };
    }
    const size = block.small ? scale.small : scale.body;
    return { content: block.content, size, bold: false, align: block.align ?? 'justify', before, indent: block.indent ? size * 2 : 0 };
  });
}

type Unit = { readonly kind: 'break' } | { readonly kind: 'text'; readonly text: string; readonly space: boolean; readonly run: Extract<Run, { kind: 'text' }>; readonly em: number };

/** `content` as break units with their widths at 1 pt: widths scale with the size, so each is measured once. */
function unitsOf(content: readonly Inline[], family: FontFamily, bold: boolean): Unit[] {
  return flattenRuns(content).flatMap((run): Unit[] => {
    if (run.kind === 'break') return [run];
    const weight = bold || run.bold ? 'bold' : 'regular';
    return (run.noWrap ? [run.text] : (run.text.match(UNITS) ?? [])).map((text) => ({ kind: 'text', text, space: /^\s+$/.test(text), run, em: textWidthPt(family, weight, text, 1) }));
  });
}

/** Lines `units` take at `size` in `width` points after a first-line indent: greedy, CJK characters and words as units. */
function wrappedLines(units: readonly Unit[], size: number, width: number, indent: number): number {
  let lines = 1;
  let x = indent;
  for (const unit of units) {
    if (unit.kind === 'break') {
      lines++;
      x = 0;
      continue;
    }
    const w = unit.em * size;
    if (x > 0 && x + w > width && !unit.space) {
      lines++;
      x = 0;
    }
    if (x === 0 && unit.space) continue;
    x += w;
    while (x > width) {
      lines++;
      x -= width;
    }
  }
  return lines;
}

/** A break or spaces: never kept right before the ellipsis. */
const isGap = (unit: Unit): boolean => unit.kind === 'break' || unit.space;

interface Measured {
  readonly part: FitPart;
  readonly units: readonly Unit[];
}

/** `units` back as inline content, each unit with the style of the run it came from. */
function contentOf(units: readonly Unit[]): Inline[] {
  const out: Inline[] = [];
  let last: Unit | undefined;
  for (const unit of units) {
    const prev = out[out.length - 1];
    if (unit.kind === 'break') out.push({ type: 'break' });
    else if (last?.kind === 'text' && last.run === unit.run && prev?.type === 'text') out[out.length - 1] = { ...prev, text: prev.text + unit.text };
    else {
      const { bold, italic, noWrap } = unit.run;
      out.push({ type: 'text', text: unit.text, ...(bold && { bold }), ...(italic && { italic }), ...(noWrap && { noWrap }) });
    }
    last = unit;
  }
  return out;
}

/**
 * `parts` fitted to `widthPt` × `heightPt`: at full size when they fit, else all shrunk alike,
 * the largest in half-point steps and each to a whole half point (the .docx unit), 6 pt at the
 * least. What does not fit even at 6 pt is cut, longest part first, and ends in … rather than
 * being clipped, so a cut address never passes for a whole one. Both writers use it, so a box
 * is the same in both.
 */
export function fitParts(parts: readonly FitPart[], family: FontFamily, widthPt: number, heightPt: number): FitPart[] {
  // A little slack for the breaker's own choices (kinsoku, punctuation kept with the word before).
  const width = widthPt * 0.95;
  const measured = parts.map((part) => unitsOf(part.content, family, part.bold));
  const heightOf = (ms: readonly Measured[]): number =>
    ms.reduce((h, { part, units }) => h + part.before + wrappedLines(units, part.size, width, part.indent) * part.size * LINE_PITCH, 0);
  const done = (ms: readonly Measured[]): FitPart[] => ms.map((m) => m.part);
  const max = Math.max(MIN_PT, ...parts.map((p) => p.size));
  const at = (largest: number): Measured[] =>
    parts.map((part, i) => {
      const size = Math.max(MIN_PT, Math.round(((part.size * largest) / max) * 2) / 2);
      const k = size / part.size;
      return { part: { ...part, size, before: part.before * k, indent: part.indent * k }, units: measured[i]! };
    });

  for (let size = max; size > MIN_PT; size -= 0.5) {
    const ms = at(size);
    if (heightOf(ms) <= heightPt) return done(ms);
  }
  let ms = at(MIN_PT);
  const longestFirst = ms.map((_, i) => i).sort((a, b) => ms[b]!.units.length - ms[a]!.units.length);
  for (const i of longestFirst) {
    if (heightOf(ms) <= heightPt) break;
    const { part, units } = ms[i]!;
    const first = units.find((u) => u.kind === 'text');
    if (first === undefined) continue;
    const cutAt = (n: number): Measured[] => {
      const kept = units.slice(0, n);
      while (kept.length > 0 && isGap(kept[kept.length - 1]!)) kept.pop();
      const last = kept.findLast((u) => u.kind === 'text') ?? first;
      const { run } = last;
      const tail: Unit = { kind: 'text', text: ELLIPSIS, space: false, run, em: textWidthPt(family, part.bold || run.bold ? 'bold' : 'regular', ELLIPSIS, 1) };
      const cut = [...kept, tail];
      return ms.map((m, j) => (j === i ? { part: { ...part, content: contentOf(cut) }, units: cut } : m));
    };
    // The most units that fit before the ellipsis; none when not even that fits.
    let [lo, hi] = [0, units.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (heightOf(cutAt(mid)) <= heightPt) lo = mid;
      else hi = mid - 1;
    }
    ms = cutAt(lo);
  }
  return done(ms);
}
