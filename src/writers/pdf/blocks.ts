// Model blocks as pdfmake nodes.
import { POSTCODE_BOX, unhandledBlock, type Block, type FitBox, type FontFamily, type KeyValueGrid, type LabelSheet, type PostcodeBoxes, type QrCode, type Signature, type Table } from '../../document/model.ts';
import { fontkitFont, textWidthPt } from '../../fonts/index.ts';
import { LABEL_PAD_MM, boxParts, fitParts, labelParts, type FitPart } from '../fit.ts';
import { LINE_PITCH, NOTE_LINE_MM, POSTCODE_DIGIT_PT, postcodeColour, SEAL_MM, TABLE_CELL_PAD_PT, mmToPt, type TypeScale } from '../page.ts';
import { keyValueShares, tableColumnWidths } from '../columns.ts';
import { QUIET_MODULES, qrMatrix } from '../qr.ts';
import { CHECKBOX } from '../inline.ts';
import { pdfInlines } from './inline.ts';

export type PdfNode = Readonly<Record<string, unknown>>;

export interface BlockContext {
  readonly family: FontFamily;
  readonly scale: TypeScale;
  /** Width between the margins, in points. */
  readonly width: number;
  /** pdfmake `images` keys by asset name; every asset of the Doc is read before layout. */
  readonly imageKeys: ReadonlyMap<string, string>;
  /** Names the block being made, for the blocks whose layout is measured (note lines). */
  readonly blockId?: string;
  /** Ruled lines that fit on a note area's page, by area, once a first layout has measured them. */
  readonly noteFit?: ReadonlyMap<string, NoteFit>;
}

/** How a note area came out: lines that fit on the page it starts on. */
export interface NoteFit {
  readonly fit: number;
}

const RULE = '#808080';
/** A note area shorter than this is not worth writing on: it goes to the next page whole. */
const MIN_NOTE_LINES = 2;
const SHADE = '#eeeeee';

/**
 * pdfmake multiplies its `lineHeight` by the font's own line height (ascender − descender, about
 * 1.45 em for Noto CJK); this factor makes the pitch LINE_PITCH × the font size, as in the DOCX.
 */
export function lineHeightFactor(family: FontFamily): number {
  const font = fontkitFont(family, 'regular');
  return LINE_PITCH / ((font.ascent - font.descent) / font.unitsPerEm);
}

/** Where a page's bottom fifth begins, as pdfmake's vertical ratio: a heading there keeps with what follows. */
export const PAGE_FOOT = 0.8;
/** A grid cell's padding above and below its text (keep-with-next.ts counts it into a row's height). */
export const CELL_PAD_Y_PT = 2;

const gridLayout = (shadedRows: number, shadedColumn?: (column: number) => boolean) => ({
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  fillColor: (row: number, _node: unknown, column: number) =>
    row < shadedRows || shadedColumn?.(column) ? SHADE : null,
  paddingLeft: () => TABLE_CELL_PAD_PT,
  paddingRight: () => TABLE_CELL_PAD_PT,
  paddingTop: () => CELL_PAD_Y_PT,
  paddingBottom: () => CELL_PAD_Y_PT,
});

const percent = (part: number, whole: number): string => `${(part / whole) * 100}%`;

function table(block: Table, ctx: BlockContext): PdfNode {
  const widths = tableColumnWidths(block, ctx.family, ctx.scale.table, ctx.width);
  const body = block.rows.map((row, r) =>
    block.columns.map((column, c) => ({
      text: pdfInlines(row[c] ?? []),
      alignment: column.align ?? 'left',
      ...(r < block.headerRows && { bold: true }),
    })),
  );
  return {
    table: {
      headerRows: block.headerRows,
      // A header row never ends a page on its own.
      ...(block.headerRows > 0 && { keepWithHeaderRows: 1 }),
      dontBreakRows: true,
      widths: widths.map((w) => percent(w, ctx.width)),
      body,
    },
    layout: gridLayout(block.headerRows),
    fontSize: ctx.scale.table,
  };
}

function keyValue(block: KeyValueGrid, ctx: BlockContext): PdfNode {
  const body: PdfNode[][] = [];
  for (let i = 0; i < block.items.length; i += block.columns) {
    const row: PdfNode[] = [];
    for (let c = 0; c < block.columns; c++) {
      const item = block.items[i + c];
      row.push({ text: item?.label ?? '' }, { text: item ? pdfInlines(item.value) : '' });
    }
    body.push(row);
  }
  const shares = keyValueShares(block.columns);
  const whole = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => percent(share, whole));
  return {
    table: { widths, body, dontBreakRows: true },
    layout: gridLayout(0, (column) => column % 2 === 0),
    fontSize: ctx.scale.table,
  };
}

/** A node of known width placed left, centred or right within the text width. */
function placed(node: PdfNode, width: number, align: 'left' | 'center' | 'right'): PdfNode {
  const fill = { width: '*', text: '' };
  const box = { width, ...node };
  const columns = align === 'left' ? [box, fill] : align === 'right' ? [fill, box] : [fill, box, { ...fill }];
  return { columns, columnGap: 0 };
}

/** The `imageKeys` name of a QR code's picture. */
export const qrImageName = (text: string): string => `qr:${text}`;

function qr(block: QrCode, ctx: BlockContext): PdfNode {
  const modules = qrMatrix(block.text).length;
  // The same PNG as in the .docx, one image per document however many pages show it. It
  // carries the quiet zone, so it is drawn larger for the code itself to be `size`.
  const size = (Math.min(mmToPt(block.size), ctx.width) * (modules + 2 * QUIET_MODULES)) / modules;
  const stack: PdfNode[] = [{ image: imageKey(qrImageName(block.text), ctx), width: size }];
  if (block.caption !== undefined) {
    stack.push({ text: pdfInlines([{ type: 'text', text: block.caption }]), alignment: 'center', fontSize: ctx.scale.small, margin: [0, 2, 0, 0] });
  }
  return placed({ stack }, size, block.align ?? 'center');
}

function signature(block: Signature, ctx: BlockContext): PdfNode {
  const size = ctx.scale.body;
  const stack: PdfNode[] = block.lines.map((line) => ({ text: pdfInlines([{ type: 'text', text: line }]) }));
  if (block.seal !== undefined) {
    // Laid over the middle of the lines without taking room, like a seal stamped on the print.
    const edge = mmToPt(SEAL_MM);
    const linesWidth = Math.max(0, ...block.lines.map((l) => textWidthPt(ctx.family, 'regular', l, size)));
    const linesHeight = block.lines.length * size * LINE_PITCH;
    // The negative bottom margin gives back the room the image would take: the seal overlaps
    // the lines and never pushes anything, or itself, onto another page.
    stack.push({
      image: imageKey(block.seal, ctx),
      width: edge,
      height: edge,
      relativePosition: { x: (edge - linesWidth) / 2, y: -(linesHeight + edge) / 2 },
      margin: [0, 0, 0, -edge],
    });
  }
  return { stack, alignment: 'right', unbreakable: true, margin: [0, size * 2, 0, 0] };
}

function imageKey(asset: string, ctx: BlockContext): string {
  const key = ctx.imageKeys.get(asset);
  if (key === undefined) throw new Error(`图片未读取：${asset}`);
  return key;
}

/**
 * pdfmake's `style` is the one free field it hands to pageBreakBefore; a name with no style in
 * the dictionary changes nothing printed, so it tags nodes the layout callback must tell apart.
 */
export const FURNITURE_TAG = 'tuangou-furniture';
export const noteLineTag = (area: string): string => `tuangou-notes:${area}`;
/** The stack of a note area's lines: a heading goes by its first line, not by the whole. */
export const NOTE_AREA_TAG = 'tuangou-note-area';

/**
 * How a note area of `asked` lines is set, given the lines that fit on its page in a first
 * layout: all of them when no such layout was needed, fewer when the page ends first, and all on
 * the next page when too few fit to write on (index.ts moves its heading along).
 */
export function noteArea(asked: number, fit: number | undefined): { count: number; nextPage: boolean } {
  if (fit === undefined || fit >= asked) return { count: asked, nextPage: false };
  return fit >= Math.min(MIN_NOTE_LINES, asked) ? { count: fit, nextPage: false } : { count: asked, nextPage: true };
}

/** Ruled lines, one node each, so the area can end wherever the page does; `area` names it for the measuring. */
function noteLines(count: number, ctx: BlockContext, area: string): PdfNode {
  const pitch = mmToPt(NOTE_LINE_MM);
  const stack = Array.from({ length: count }, () => ({
    canvas: [{ type: 'line', x1: 0, y1: pitch, x2: ctx.width, y2: pitch, lineWidth: 0.5, lineColor: RULE }],
    style: noteLineTag(area),
  }));
  return { stack, style: NOTE_AREA_TAG };
}

/** Height of the middle of a digit above the baseline in Noto Serif SC and Noto Sans SC (glyph 0: −15…743 / 1000). */
const DIGIT_MIDDLE_EM = 0.365;

function postcodeBoxes(block: PostcodeBoxes, ctx: BlockContext): PdfNode {
  const { count } = POSTCODE_BOX;
  const [w, h, g] = [mmToPt(POSTCODE_BOX.width), mmToPt(POSTCODE_BOX.height), mmToPt(POSTCODE_BOX.gap)];
  const canvas = Array.from({ length: count }, (_, i) => ({ type: 'rect', x: i * (w + g), y: 0, w, h, lineWidth: 1, lineColor: `#${postcodeColour(block)}` }));
  const stack: PdfNode[] = [{ canvas }];
  if (block.digits !== '') {
    // The digits are text (a reader can copy them), laid over the boxes without taking room:
    // the line's top goes where the digit's own middle meets the middle of the box.
    const size = POSTCODE_DIGIT_PT;
    const font = fontkitFont(ctx.family, 'regular');
    const middle = DIGIT_MIDDLE_EM * size;
    const top = h / 2 - (font.ascent / font.unitsPerEm) * size + middle;
    const columns = [...block.digits].flatMap((d, i) => [...(i > 0 ? [{ width: g, text: '' }] : []), { width: w, text: d, alignment: 'center' }]);
    stack.push({ columns, columnGap: 0, fontSize: size, relativePosition: { x: 0, y: top - h } });
  }
  return placed({ stack }, count * w + (count - 1) * g, block.align ?? 'left');
}

/** Fitted parts as a cell's content, centred in its height by pdfmake's own measure, `padX` in from each side. */
function fittedCell(parts: readonly FitPart[], padX: number): PdfNode {
  const stack = parts.map((p) => ({
    text: pdfInlines(p.content),
    fontSize: p.size,
    alignment: p.align,
    ...(p.bold && { bold: true }),
    ...(p.indent > 0 && { leadingIndent: p.indent }),
    margin: [0, p.before, 0, 0],
  }));
  // The fitter's line count is an estimate (it keeps 5 % slack); centring on it set labels of
  // the same length a line's half apart.
  return { stack, margin: [padX, 0, padX, 0], verticalAlignment: 'middle' };
}

const none = () => 0;
/** A grid of exact-size cells: no rules, no padding. */
const BARE = { hLineWidth: none, vLineWidth: none, paddingLeft: none, paddingRight: none, paddingTop: none, paddingBottom: none };

function labelSheet(block: LabelSheet, ctx: BlockContext): PdfNode {
  if (block.labels.length === 0) return { stack: [] };
  const width = ctx.width / block.columns;
  const height = mmToPt(block.height);
  const [padX, padY] = [mmToPt(LABEL_PAD_MM.x), mmToPt(LABEL_PAD_MM.y)];
  const body: PdfNode[][] = [];
  for (let i = 0; i < block.labels.length; i += block.columns) {
    body.push(
      Array.from({ length: block.columns }, (_, c) => {
        const label = block.labels[i + c] ?? [];
        if (label.length === 0) return { text: '' };
        return fittedCell(fitParts(labelParts(label, ctx.scale.table), ctx.family, width - 2 * padX, height - 2 * padY), padX);
      }),
    );
  }
  return {
    table: { widths: Array.from({ length: block.columns }, () => width), heights: height, dontBreakRows: true, body },
    layout: BARE,
  };
}

function fitBox(block: FitBox, ctx: BlockContext): PdfNode {
  const height = mmToPt(block.height);
  const fit = fitParts(boxParts(block.blocks, ctx.scale), ctx.family, ctx.width, height);
  return { table: { widths: [ctx.width], heights: height, dontBreakRows: true, body: [[fittedCell(fit, 0)]] }, layout: BARE };
}

/** One block as a pdfmake node; undefined for a page break, which the caller turns into `pageBreak`. */
export function pdfBlock(block: Block, ctx: BlockContext): PdfNode | undefined {
  const { scale } = ctx;
  const gap = scale.body * 0.5;
  switch (block.type) {
    case 'heading':
      return {
        text: pdfInlines(block.content),
        bold: true,
        headlineLevel: block.level,
        fontSize: scale.heading[block.level],
        alignment: block.level === 1 ? 'center' : 'left',
        margin: [0, block.level === 1 ? 0 : gap, 0, gap],
      };
    case 'paragraph': {
      const size = block.small ? scale.small : scale.body;
      return {
        text: pdfInlines(block.content),
        fontSize: size,
        alignment: block.align ?? 'justify',
        ...(block.indent && { leadingIndent: size * 2 }),
        margin: [0, 0, 0, gap],
      };
    }
    case 'list': {
      const items = block.items.map((item) =>
        block.style === 'checkbox'
          ? { text: pdfInlines([{ type: 'text', text: `${CHECKBOX} ` }, ...item]) }
          : { text: pdfInlines(item) },
      );
      if (block.style === 'ordered') return { ol: items, margin: [0, 0, 0, gap] };
      return { ul: items, ...(block.style === 'checkbox' && { type: 'none' }), margin: [0, 0, 0, gap] };
    }
    case 'table':
      return { ...table(block, ctx), margin: [0, 0, 0, gap] };
    case 'keyValue':
      return { ...keyValue(block, ctx), margin: [0, 0, 0, gap] };
    case 'signature':
      return signature(block, ctx);
    case 'image': {
      return { image: imageKey(block.asset, ctx), width: Math.min(mmToPt(block.width), ctx.width), alignment: block.align ?? 'center', margin: [0, 0, 0, gap] };
    }
    case 'qr':
      return { ...qr(block, ctx), margin: [0, gap, 0, gap] };
    case 'noteLines': {
      const area = ctx.blockId ?? '';
      return { ...noteLines(noteArea(block.count, ctx.noteFit?.get(area)?.fit).count, ctx, area), margin: [0, 0, 0, gap] };
    }
    case 'space':
      return { text: '', margin: [0, mmToPt(block.height), 0, 0] };
    case 'postcodeBoxes':
      return { ...postcodeBoxes(block, ctx), margin: [0, 0, 0, scale.body] };
    case 'labels':
      return labelSheet(block, ctx);
    case 'fit':
      return fitBox(block, ctx);
    case 'pageBreak':
      return undefined;
    default:
      return unhandledBlock(block);
  }
}
