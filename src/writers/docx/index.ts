// writeDocx: a Doc as a .docx with real Word structures (styles, tables, fields), same pages as the PDF.
import './docx-levers.ts';
import {
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, Zip, type ZipInputFile } from 'fflate';
import { CONFIDENTIAL_MARK, type Doc, type Section } from '../../document/model.ts';
import { readDocAssets, type Asset } from '../assets.ts';
import { FURNITURE_EDGE_MM, FURNITURE_GREY, MARK_RED, mmToTwip, pageMm, textWidthMm, typeScale } from '../page.ts';
import { assertWritable } from '../validate.ts';
import { docxBlock, fieldRuns, sectionAnchor, type DocxContext } from './blocks.ts';
import { pageRefTargets } from '../inline.ts';
import { FONT_NAMES, fontTableXml, halfPoints, numbering, styles } from './styles.ts';

export interface WriteOptions {
  /** The data folder's assets/, the only place images are read from. */
  readonly assetsDir: string;
}

/** `left<TAB>right` on one line, the right part against the right margin. */
function furnitureLine(section: Section, left: (TextRun | string)[], right: TextRun[]): Paragraph {
  const size = halfPoints(typeScale(section.page.size).furniture);
  const font = FONT_NAMES[section.font];
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: mmToTwip(textWidthMm(section.page)) }],
    children: [
      ...left.map((part) => (typeof part === 'string' ? new TextRun({ text: part, size, font, color: FURNITURE_GREY }) : part)),
      new TextRun({ children: ['\t'], size, font }),
      ...right,
    ],
  });
}

/** The header; on a cover (`running` false) only the marks, without the running header text. */
function header(section: Section, running = true): Header | undefined {
  const internal = section.audience === 'internal';
  // Word has no watermark the docx package can write; the mark goes into the header instead.
  const mark = [internal ? CONFIDENTIAL_MARK : undefined, section.watermark].filter((m) => m !== undefined);
  if ((section.header === undefined || !running) && mark.length === 0) return undefined;
  const size = halfPoints(typeScale(section.page.size).furniture);
  const font = FONT_NAMES[section.font];
  const right = mark.length > 0 ? [new TextRun({ text: [...new Set(mark)].join('　'), size, font, color: MARK_RED, bold: true })] : [];
  return new Header({ children: [furnitureLine(section, [running ? (section.header ?? '') : ''], right)] });
}

function footer(section: Section): Footer | undefined {
  if (section.footer === undefined && !section.pageNumbers) return undefined;
  const size = halfPoints(typeScale(section.page.size).furniture);
  const font = FONT_NAMES[section.font];
  const options = { size, font, color: FURNITURE_GREY };
  const field = (kind: string) => fieldRuns(new TextRun({ children: [kind] }), options);
  const right = section.pageNumbers
    ? [new TextRun({ text: '第 ', ...options }), ...field(PageNumber.CURRENT), new TextRun({ text: ' 页 / 共 ', ...options }), ...field(PageNumber.TOTAL_PAGES), new TextRun({ text: ' 页', ...options })]
    : [];
  return new Footer({ children: [furnitureLine(section, [section.footer ?? ''], right)] });
}

function sectionOptions(
  section: Section,
  ctx: Omit<DocxContext, 'family' | 'font' | 'scale' | 'widthMm'>,
  defaultFamily: string,
  anchor: number | undefined,
): ISectionOptions {
  const scale = typeScale(section.page.size);
  const blockCtx: DocxContext = {
    ...ctx,
    family: section.font,
    font: section.font === defaultFamily ? undefined : FONT_NAMES[section.font],
    scale,
    widthMm: textWidthMm(section.page),
  };
  const [left, top, right, bottom] = section.page.margins.map(mmToTwip) as [number, number, number, number];
  const portrait = pageMm({ ...section.page, orientation: 'portrait' });
  const head = header(section);
  const foot = footer(section);
  // A cover's own first-page header and footer (titlePage): empty ones where there is nothing to show.
  const cover = section.cover ? { header: header(section, false) ?? new Header({ children: [] }), footer: new Footer({ children: [] }) } : undefined;
  const children = [...(anchor !== undefined ? [sectionAnchor(anchor)] : []), ...section.blocks.flatMap((block) => docxBlock(block, blockCtx))];
  // Word needs a paragraph after a final table, and a section may end on a page break.
  return {
    properties: {
      ...(cover && { titlePage: true }),
      page: {
        // docx swaps width and height itself for landscape.
        size: {
          width: mmToTwip(portrait.width),
          height: mmToTwip(portrait.height),
          orientation: section.page.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { left, top, right, bottom, header: mmToTwip(FURNITURE_EDGE_MM), footer: mmToTwip(FURNITURE_EDGE_MM) },
      },
    },
    ...((head || cover) && { headers: { ...(head && { default: head }), ...(cover && { first: cover.header }) } }),
    ...((foot || cover) && { footers: { ...(foot && { default: foot }), ...(cover && { first: cover.footer }) } }),
    children: children.length > 0 ? children : [new Paragraph({})],
  };
}

export async function writeDocx(doc: Doc, opts: WriteOptions): Promise<Uint8Array> {
  assertWritable(doc);
  const assets: ReadonlyMap<string, Asset> = await readDocAssets(doc, opts.assetsDir);
  const first = doc.sections[0] as Section;
  const scale = typeScale(first.page.size);
  let drawing = 0;
  let list = 0;
  const ctx = { assets, nextDrawingId: () => ++drawing, nextListInstance: () => ++list };
  const targets = pageRefTargets(doc);
  const document = new Document({
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    styles: styles(first.font, scale),
    numbering: numbering(scale),
    // As in the PDF: a line ending in a forced break is not stretched across a justified paragraph.
    compatibility: { doNotExpandShiftReturn: true },
    // Page references (a contents page) are fields; Word fills them in when it opens the file.
    ...(targets.size > 0 && { features: { updateFields: true } }),
    sections: doc.sections.map((s, i) => sectionOptions(s, ctx, first.font, targets.has(i) ? i : undefined)),
  });
  return pack(document, doc.meta.created);
}

interface ZipEntry {
  readonly dir: boolean;
  async(type: 'uint8array'): Promise<Uint8Array>;
}
interface Compiler {
  compile(file: Document): { readonly files: Record<string, ZipEntry> };
}
// Packer.toBuffer zips through JSZip's JavaScript deflate, a third of a letter's time, and
// stamps the clock time into the package. Packer's compiler builds the same parts; they are
// deflated by Node's zlib (parts every letter shares, like the styles, once per process),
// pictures stored as they are, and fflate lays out the zip with every date at the document's
// date, so the same Doc gives the same bytes. Pinned: docx 9.7.1.
const compiler = (Packer as unknown as { compiler: Compiler }).compiler;

// Deflated parts by name; a part is reused only when its bytes are the same.
const deflated = new Map<string, { readonly data: Uint8Array; readonly packed: Uint8Array<ArrayBuffer> }>();

function deflate(name: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const kept = deflated.get(name);
  if (kept && Buffer.from(kept.data.buffer, kept.data.byteOffset, kept.data.byteLength).equals(data)) return kept.packed;
  const packed = deflateRawSync(data);
  deflated.set(name, { data, packed });
  return packed;
}

async function pack(document: Document, created: string): Promise<Uint8Array> {
  const mtime = new Date(created);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, entry] of Object.entries(compiler.compile(document).files)) {
    if (entry.dir) continue;
    let data: Uint8Array<ArrayBuffer> = new Uint8Array(await entry.async('uint8array'));
    if (name === 'word/fontTable.xml') data = strToU8(fontTableXml());
    if (name === 'docProps/core.xml') data = strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*/g, `$1${mtime.toISOString().replace(/\.\d+Z$/, 'Z')}`));
    const stored = /\.(png|jpe?g)$/i.test(name);
    const file: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: stored ? 0 : 8, mtime };
    zip.add(file);
    file.ondata!(null, stored ? data : deflate(name, data), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
