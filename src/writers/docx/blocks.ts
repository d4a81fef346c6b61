// Model blocks as docx paragraphs and tables.
import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  NoBreakHyphen,
  PageBreak,
  PageReference,
  Run,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
  type IFloating,
  type IFontAttributesProperties,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import {
  POSTCODE_BOX,
  unhandledBlock,
  type Align,
  type Block,
  type FitBox,
  type FontFamily,
  type Inline,
  type KeyValueGrid,
  type LabelSheet,
  type PostcodeBoxes,
  type Signature,
  type Table as TableBlock,
} from '../../document/model.ts';
import { substituteGlyphs, textWidthPt } from '../../fonts/index.ts';
import type { Asset } from '../assets.ts';
import { CHECKBOX, flattenRuns } from '../inline.ts';
import { LABEL_PAD_MM, boxParts, fitParts, labelParts, type FitPart } from '../fit.ts';
import { LINE_PITCH, NOTE_LINE_MM, POSTCODE_DIGIT_PT, postcodeColour, SEAL_MM, TABLE_CELL_PAD_PT, mmToPt, mmToTwip, type TypeScale } from '../page.ts';
import { keyValueShares, tableColumnWidths } from '../columns.ts';
import { QUIET_MODULES, qrMatrix, qrPng } from '../qr.ts';
import { BULLET, ORDERED, blockGap, halfPoints, lineSpacing, twips } from './styles.ts';

export interface DocxContext {
  readonly family: FontFamily;
  /** Set when the section's family differs from the document default in the styles. */
  readonly font: IFontAttributesProperties | undefined;
  readonly scale: TypeScale;
  readonly widthMm: number;
  readonly assets: ReadonlyMap<string, Asset>;
  /** Unique per document: docx gives every drawing id 1 unless told otherwise. */
  nextDrawingId(): number;
  /** A fresh numbering instance, so each ordered list counts from 1. */
  nextListInstance(): number;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const GRID_BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
const SHADE = { fill: 'EEEEEE', type: ShadingType.CLEAR, color: 'auto' } as const;
const CELL_MARGINS = { left: twips(TABLE_CELL_PAD_PT), right: twips(TABLE_CELL_PAD_PT), top: twips(2), bottom: twips(2) };
const EMU_PER_MM = 36000;
/** A paragraph that holds a picture grows with it: the document's exact line pitch would clip it. */
const PICTURE_LINE = { line: 240, lineRule: LineRuleType.AUTO } as const;
const PX_PER_MM = 96 / 25.4;

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
}

/** The (hidden: leading underscore) bookmark at the start of a section, which page references point at. */
export const sectionBookmark = (section: number): string => `_part_${section}`;

/**
 * A field (a run docx built: its run properties, then begin, instruction, separate, end) as one
 * run per field character, each with `options`' size and font. LibreOffice set the page number
 * of a field kept in one run at the body size; docx's PageReference has no run properties at
 * all. Pinned: docx 9.7.1.
 */
export function fieldRuns(field: Run, options: IRunOptions): TextRun[] {
  const [, ...parts] = (field as unknown as { root: unknown[] }).root;
  return parts.map((part) => new TextRun({ ...options, children: [part as never] }));
}

/** An empty paragraph 1 pt tall holding the bookmark a page reference points at. */
export function sectionAnchor(section: number): Paragraph {
  const mark = [new BookmarkStart(sectionBookmark(section), section + 1), new BookmarkEnd(section + 1)];
  return new Paragraph({ spacing: { line: twips(1), lineRule: 'exact', before: 0, after: 0 }, children: mark as unknown as ParagraphChild[] });
}

function runs(content: readonly Inline[], style: RunStyle, ctx: DocxContext): ParagraphChild[] {
  const base = { size: halfPoints(style.size), ...(ctx.font && { font: ctx.font }) };
  return flattenRuns(content).flatMap((run): ParagraphChild | ParagraphChild[] => {
    if (run.kind === 'break') return new TextRun({ break: 1 });
    if (run.pageOf !== undefined) return fieldRuns(new PageReference(sectionBookmark(run.pageOf), { hyperlink: true }), { ...base, ...((style.bold || run.bold) && { bold: true }) });
    // Tabs become w:tab; inside noWrap runs spaces become no-break spaces and hyphens w:noBreakHyphen.
    // Characters the fonts lack are drawn as the PDF draws them (☐ as □), not in a fallback font.
    const text = substituteGlyphs(run.noWrap ? run.text.replaceAll(' ', '\u00a0') : run.text);
    const children = text.split(/(\t|-)/).flatMap((part): (string | Tab | NoBreakHyphen)[] => {
      if (part === '\t') return [new Tab()];
      if (part === '-' && run.noWrap) return [new NoBreakHyphen()];
      return part === '' ? [] : [part];
    });
    return new TextRun({ ...base, children, ...((style.bold || run.bold) && { bold: true }), ...(run.italic && { italics: true }) });
  });
}

const plain = (text: string): Inline[] => [{ type: 'text', text }];

function paragraph(content: readonly Inline[], style: RunStyle, ctx: DocxContext, align: Align = 'justify'): Paragraph {
  return new Paragraph({ children: runs(content, style, ctx), alignment: ALIGN[align], spacing: lineSpacing(style.size) });
}

function grid(
  widths: readonly number[],
  rows: readonly (readonly { content: readonly Inline[]; align?: Align; header?: boolean; shaded?: boolean }[])[],
  headerRows: number,
  ctx: DocxContext,
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => mmToTwip((ctx.widthMm * w) / total));
  const size = ctx.scale.table;
  return new Table({
    width: { size: mmToTwip(ctx.widthMm), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < headerRows,
          cantSplit: true,
          children: cells.map(
            (cell, c) =>
              new TableCell({
                width: { size: columnWidths[c] ?? 0, type: WidthType.DXA },
                margins: CELL_MARGINS,
                ...((cell.header || cell.shaded) && { shading: SHADE }),
                children: [paragraph(cell.content, { size, bold: cell.header }, ctx, cell.align ?? 'left')],
              }),
          ),
        }),
    ),
  });
}

function table(block: TableBlock, ctx: DocxContext): Table {
  const rows = block.rows.map((row, r) =>
    block.columns.map((column, c) => ({ content: row[c] ?? [], align: column.align, header: r < block.headerRows })),
  );
  return grid(tableColumnWidths(block, ctx.family, ctx.scale.table, mmToPt(ctx.widthMm)), rows, block.headerRows, ctx);
}

function keyValue(block: KeyValueGrid, ctx: DocxContext): Table {
  const rows = [];
  for (let i = 0; i < block.items.length; i += block.columns) {
    rows.push(
      Array.from({ length: block.columns }, (_, c) => block.items[i + c]).flatMap((item) => [
        { content: plain(item?.label ?? ''), shaded: true },
        { content: item?.value ?? [] },
      ]),
    );
  }
  return grid(keyValueShares(block.columns), rows, 0, ctx);
}

function image(asset: Asset, widthMm: number, name: string, ctx: DocxContext, floating?: IFloating): ImageRun {
  const width = widthMm * PX_PER_MM;
  return new ImageRun({
    type: asset.type,
    data: asset.data,
    transformation: { width: Math.round(width), height: Math.round((width * asset.height) / asset.width) },
    altText: { id: String(ctx.nextDrawingId()), name },
    ...(floating && { floating }),
  });
}

function getAsset(name: string, ctx: DocxContext): Asset {
  const asset = ctx.assets.get(name);
  if (!asset) throw new Error(`图片未读取：${name}`);
  return asset;
}

function signature(block: Signature, ctx: DocxContext): Paragraph[] {
  const size = ctx.scale.body;
  const lines = block.lines.map((line) => runs(plain(line), { size }, ctx));
  if (block.seal !== undefined) {
    // Floats over the middle of the lines, anchored to the first one, like the seal in the PDF.
    const linesMm = Math.max(0, ...block.lines.map((l) => textWidthPt(ctx.family, 'regular', l, size))) * (25.4 / 72);
    const linesHeightMm = block.lines.length * size * LINE_PITCH * (25.4 / 72);
    const floating: IFloating = {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round((ctx.widthMm - (linesMm + SEAL_MM) / 2) * EMU_PER_MM) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(((linesHeightMm - SEAL_MM) / 2) * EMU_PER_MM) },
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    };
    lines[0]?.push(image(getAsset(block.seal, ctx), SEAL_MM, 'seal', ctx, floating));
  }
  return lines.map(
    (children, i) =>
      new Paragraph({
        children,
        alignment: AlignmentType.RIGHT,
        spacing: { ...lineSpacing(size), ...(i === 0 && { before: twips(size * 2) }) },
      }),
  );
}

function qr(block: Extract<Block, { type: 'qr' }>, ctx: DocxContext): Paragraph[] {
  const matrix = qrMatrix(block.text);
  // The PNG carries the quiet zone, so it is drawn larger for the code itself to be `size` mm.
  const widthMm = (Math.min(block.size, ctx.widthMm) * (matrix.length + 2 * QUIET_MODULES)) / matrix.length;
  const png: Asset = { data: qrPng(matrix), type: 'png', width: 1, height: 1 };
  const align = ALIGN[block.align ?? 'center'];
  const out = [new Paragraph({ alignment: align, spacing: PICTURE_LINE, children: [image(png, widthMm, 'QR', ctx)] })];
  if (block.caption !== undefined) {
    out.push(new Paragraph({ alignment: align, spacing: lineSpacing(ctx.scale.small), children: runs(plain(block.caption), { size: ctx.scale.small }, ctx) }));
  }
  return out;
}

function noteLines(count: number): Paragraph[] {
  // `between` too: Word merges neighbouring paragraphs with equal borders into one box.
  return Array.from(
    { length: count },
    () => new Paragraph({ border: { bottom: RULE, between: RULE }, spacing: { line: mmToTwip(NOTE_LINE_MM), lineRule: 'exact' } }),
  );
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
/** An empty paragraph exactly `mm` tall: Word wants one after a table, and it makes the gap below. */
const spacer = (mm: number): Paragraph => new Paragraph({ spacing: { line: Math.max(1, mmToTwip(mm)), lineRule: 'exact', before: 0, after: 0 } });

/**
 * Six boxes as one row of a fixed table: box cells with red (or grey) borders and a 2 mm cell without
 * borders between each two, so the boxes stand apart as printed on an envelope.
 */
function postcodeBoxes(block: PostcodeBoxes, ctx: DocxContext): Table {
  const { width, height, gap, count } = POSTCODE_BOX;
  const line = { style: BorderStyle.SINGLE, size: 8, color: postcodeColour(block) } as const;
  const box = { top: line, bottom: line, left: line, right: line };
  const widths = Array.from({ length: count * 2 - 1 }, (_, i) => mmToTwip(i % 2 === 0 ? width : gap));
  const digits = [...block.digits];
  const cells = widths.map(
    (w, i) =>
      new TableCell({
        width: { size: w, type: WidthType.DXA },
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        verticalAlign: VerticalAlignTable.CENTER,
        borders: i % 2 === 0 ? box : { top: NO_BORDER, bottom: NO_BORDER },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 },
            children: i % 2 === 0 && digits[i / 2] !== undefined ? runs(plain(digits[i / 2] as string), { size: POSTCODE_DIGIT_PT }, ctx) : [],
          }),
        ],
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: { size: 0, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, height: { value: mmToTwip(height), rule: HeightRule.EXACT }, children: cells })],
  });
}

/** Fitted parts as a cell `width` twips wide, centred in its exact-height row, `padMm` in from each side. */
function fittedCell(parts: readonly FitPart[], width: number, padMm: number, ctx: DocxContext): TableCell {
  const children = parts.map(
    (p) =>
      new Paragraph({
        children: runs(p.content, { size: p.size, bold: p.bold }, ctx),
        alignment: ALIGN[p.align],
        ...(p.indent > 0 && { indent: { firstLine: twips(p.indent) } }),
        spacing: { ...lineSpacing(p.size), before: twips(p.before), after: 0 },
      }),
  );
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: mmToTwip(padMm), right: mmToTwip(padMm), top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.CENTER,
    // A cell must hold a paragraph.
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** A borderless fixed table of exact-height rows: what does not fit is clipped, never pushed on. */
function bareTable(column: number, rows: readonly (readonly TableCell[])[], heightMm: number): Table {
  const columns = rows[0]?.length ?? 1;
  return new Table({
    width: { size: column * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => column),
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    borders: NO_BORDERS,
    rows: rows.map((children) => new TableRow({ cantSplit: true, height: { value: mmToTwip(heightMm), rule: HeightRule.EXACT }, children: [...children] })),
  });
}

/** Labels as a borderless fixed grid of exact-height rows; each label at the size the PDF uses. */
function labelSheet(block: LabelSheet, ctx: DocxContext): Table {
  const widthMm = ctx.widthMm / block.columns;
  const column = mmToTwip(widthMm);
  const rows: TableCell[][] = [];
  for (let i = 0; i < block.labels.length; i += block.columns) {
    rows.push(
      Array.from({ length: block.columns }, (_, c) => {
        const parts = labelParts(block.labels[i + c] ?? [], ctx.scale.table);
        const fit = fitParts(parts, ctx.family, mmToPt(widthMm - 2 * LABEL_PAD_MM.x), mmToPt(block.height - 2 * LABEL_PAD_MM.y));
        return fittedCell(fit, column, LABEL_PAD_MM.x, ctx);
      }),
    );
  }
  return bareTable(column, rows, block.height);
}

/** A one-cell table of exact height, its text at the sizes the PDF uses. */
function fitBox(block: FitBox, ctx: DocxContext): Table {
  const fit = fitParts(boxParts(block.blocks, ctx.scale), ctx.family, mmToPt(ctx.widthMm), mmToPt(block.height));
  const width = mmToTwip(ctx.widthMm);
  return bareTable(width, [[fittedCell(fit, width, 0, ctx)]], block.height);
}

export function docxBlock(block: Block, ctx: DocxContext): (Paragraph | Table)[] {
  const { scale } = ctx;
  const gap = { after: blockGap(scale) };
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel[`HEADING_${block.level}`], children: runs(block.content, { size: scale.heading[block.level] }, ctx) })];
    case 'paragraph': {
      const size = block.small ? scale.small : scale.body;
      return [
        new Paragraph({
          children: runs(block.content, { size }, ctx),
          alignment: ALIGN[block.align ?? 'justify'],
          // firstLineChars for Word and WPS; firstLine for readers that ignore it.
          ...(block.indent && { indent: { firstLineChars: 200, firstLine: twips(size * 2) } }),
          spacing: { ...lineSpacing(size), ...gap },
        }),
      ];
    }
    case 'list': {
      const instance = ctx.nextListInstance();
      return block.items.map((item, i) => {
        const last = i === block.items.length - 1;
        const spacing = { ...lineSpacing(scale.body), ...(last && gap) };
        if (block.style === 'checkbox') return new Paragraph({ children: runs([...plain(`${CHECKBOX} `), ...item], { size: scale.body }, ctx), spacing });
        const reference = block.style === 'ordered' ? ORDERED : BULLET;
        return new Paragraph({ children: runs(item, { size: scale.body }, ctx), numbering: { reference, level: 0, instance }, spacing });
      });
    }
    case 'table':
      return [table(block, ctx), new Paragraph({ spacing: { line: twips(1), lineRule: 'exact' } })];
    case 'keyValue':
      return [keyValue(block, ctx), new Paragraph({ spacing: { line: twips(1), lineRule: 'exact' } })];
    case 'signature':
      return signature(block, ctx);
    case 'image':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'center'],
          spacing: { ...PICTURE_LINE, ...gap },
          children: [image(getAsset(block.asset, ctx), Math.min(block.width, ctx.widthMm), block.asset, ctx)],
        }),
      ];
    case 'qr':
      return qr(block, ctx);
    case 'noteLines':
      return noteLines(block.count);
    case 'space':
      // An empty paragraph exactly that tall.
      return [new Paragraph({ spacing: { line: mmToTwip(block.height), lineRule: 'exact', before: 0, after: 0 } })];
    case 'postcodeBoxes':
      return [postcodeBoxes(block, ctx), spacer((scale.body * 25.4) / 72)];
    case 'labels':
      return block.labels.length === 0 ? [] : [labelSheet(block, ctx), spacer(0.1)];
    case 'fit':
      // The spacer also keeps Word from joining two boxes in a row into one table.
      return [fitBox(block, ctx), spacer(0.1)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    default:
      return unhandledBlock(block);
  }
}
