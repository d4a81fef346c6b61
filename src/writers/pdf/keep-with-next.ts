// keepHeadingWithNext (index.ts) moves a heading to the next page after seeing where the layout
// put it, and pdfmake then lays the whole document out again, once per heading moved (a proposal
// twice, a visit sheet four times). Where the move is certain before the heading is placed, it is
// made then, in the same layout: a heading in the bottom fifth of its page whose next block cannot
// end on that page even at its least height (each paragraph line full, each table row one line).
// A move that is not certain is left to keepHeadingWithNext. Of the 87 sample documents, 85 come
// out byte for byte as before; in two customer reports the heading that stood alone is the one
// moved, where the after-the-fact rule moved the heading above it (its table had room).
// Patched on pdfmake's pinned LayoutBuilder (0.3.11, checked by the levers test).
import { createRequire } from 'node:module';
import { CELL_PAD_Y_PT, PAGE_FOOT } from './blocks.ts';

interface Inline {
  readonly width: number;
  readonly height: number;
  readonly leadingCut?: number;
  readonly trailingCut?: number;
}
interface LaidNode {
  pageBreak?: string;
  readonly _margin?: readonly [number, number, number, number] | null;
  readonly _inlines?: readonly Inline[];
  readonly text?: unknown;
  readonly ul?: readonly LaidNode[];
  readonly ol?: readonly LaidNode[];
  readonly table?: { readonly body: readonly (readonly LaidNode[])[]; readonly widths?: readonly unknown[] };
  readonly keepWith?: LaidNode;
}
interface Context {
  readonly y: number;
  readonly availableHeight: number;
  readonly availableWidth: number;
  readonly pageMargins: { readonly top: number; readonly bottom: number };
  getCurrentPage(): { readonly pageSize: { readonly height: number } } | null;
}
interface LayoutBuilderProto {
  writer: { context(): Context };
  processNode(this: LayoutBuilderProto, node: LaidNode, isVerticalAlignmentAllowed?: boolean): void;
}

const require = createRequire(import.meta.url);
const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilderProto } };

/** Rounding room: a move is made only when the least height exceeds the room by more. */
const CERTAIN = 0.5;

/** The fewest lines a text node can take in `width`: its inlines' widths laid end to end. */
function leastLines(node: LaidNode, width: number): number {
  const inlines = node._inlines ?? [];
  const total = inlines.reduce((sum, i) => sum + i.width - (i.leadingCut ?? 0) - (i.trailingCut ?? 0), 0);
  return Math.max(1, Math.ceil(total / width - 1e-9));
}
const lineHeight = (node: LaidNode): number => Math.min(...(node._inlines ?? []).map((i) => i.height), Number.POSITIVE_INFINITY);
const margins = (node: LaidNode): [number, number] => [node._margin?.[1] ?? 0, node._margin?.[3] ?? 0];

/** The least height a text node takes in `width`, without its margins; undefined when it is not plain text. */
function leastTextHeight(node: LaidNode, width: number): number | undefined {
  if (node._inlines === undefined || node._inlines.length === 0) return undefined;
  return leastLines(node, width) * lineHeight(node);
}

/**
 * The least height the block can take in `width`, from its top margin to its last line; its bottom
 * margin may fall past the page's end. Undefined when not known.
 */
function leastHeight(node: LaidNode, width: number): number | undefined {
  const [top] = margins(node);
  if (node.text !== undefined) {
    const h = leastTextHeight(node, width);
    return h === undefined ? undefined : top + h;
  }
  const items = node.ul ?? node.ol;
  if (items) {
    let sum = 0;
    for (const item of items) {
      const h = leastTextHeight(item, width);
      if (h === undefined) return undefined;
      sum += h;
    }
    return top + sum;
  }
  if (node.table) {
    const widths = node.table.widths;
    let sum = 0;
    for (const row of node.table.body) {
      let tallest = 0;
      for (const [c, cell] of row.entries()) {
        // Measured, a width is { width: '25%' }; its share of the whole width is more than the cell
        // gets (less the rules and padding), so the lines counted are at most the lines it takes.
        const spec = widths?.[c];
        const given = typeof spec === 'object' && spec !== null ? (spec as { width?: unknown }).width : spec;
        if (typeof given !== 'string' || !given.endsWith('%')) return undefined;
        const h = leastTextHeight(cell, (Number.parseFloat(given) / 100) * width);
        if (h === undefined) continue;
        tallest = Math.max(tallest, h);
      }
      sum += tallest + 2 * CELL_PAD_Y_PT;
    }
    return top + sum;
  }
  return undefined;
}

/** Whether keepHeadingWithNext would move `heading` off this page, whatever the layout does next. */
function certainMove(heading: LaidNode, next: LaidNode, ctx: Context): boolean {
  const page = ctx.getCurrentPage();
  if (page === null) return false;
  const [top, bottom] = margins(heading);
  const inner = page.pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom;
  // pdfmake's ratio for the heading is that of its first line, below its top margin.
  if ((ctx.y + top - ctx.pageMargins.top) / inner <= PAGE_FOOT || top > ctx.availableHeight) return false;
  const headingHeight = leastTextHeight(heading, ctx.availableWidth);
  const nextHeight = leastHeight(next, ctx.availableWidth);
  if (headingHeight === undefined || nextHeight === undefined) return false;
  // A heading whose own first line does not fit is moved by pdfmake itself, its top margin spent
  // on this page: left to do so, for the same page as before.
  if (top + lineHeight(heading) > ctx.availableHeight) return false;
  return nextHeight > ctx.availableHeight - (top + headingHeight + bottom) + CERTAIN;
}

// The headings moved here, for this layout only: when keepHeadingWithNext moves another heading
// above, pdfmake lays the document out again and each is judged again where it then stands.
const movedHere = new WeakSet<LaidNode>();

const processNode = LayoutBuilder.prototype.processNode;
LayoutBuilder.prototype.processNode = function (node, isVerticalAlignmentAllowed) {
  if (node.keepWith !== undefined) {
    if (movedHere.delete(node)) delete node.pageBreak;
    if (node.pageBreak === undefined && certainMove(node, node.keepWith, this.writer.context())) {
      node.pageBreak = 'before';
      movedHere.add(node);
    }
  }
  return processNode.call(this, node, isVerticalAlignmentAllowed);
};
