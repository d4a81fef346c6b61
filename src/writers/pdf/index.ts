// writePdf: a Doc as PDF bytes through pdfmake, with the CJK fonts embedded as subsets.
import type { Doc, Section } from '../../document/model.ts';
import { readDocAssets } from '../assets.ts';
import { mmToPt, pageMm, textWidthMm, typeScale } from '../page.ts';
import { assertWritable } from '../validate.ts';
import { qrMatrix, qrPng } from '../qr.ts';
import { FURNITURE_TAG, NOTE_AREA_TAG, PAGE_FOOT, lineHeightFactor, noteArea, noteLineTag, pdfBlock, qrImageName, type BlockContext, type NoteFit, type PdfNode } from './blocks.ts';
import { renderPdf } from './engine.ts';
import { sectionAnchor } from './inline.ts';
import { pageRefTargets } from '../inline.ts';
import { footer, header, watermark } from './furniture.ts';

interface PageNode {
  readonly headlineLevel?: number;
  readonly style?: unknown;
  readonly table?: unknown;
  readonly pageNumbers: readonly number[];
  readonly startPosition: { readonly verticalRatio: number };
}

/**
 * A heading moves to the next page when nothing follows it on its page, or when it sits in
 * the bottom fifth and what it heads continues on the next page. pdfmake still reports a
 * table that moved whole as starting on the heading's page, at the page's very foot, where
 * not a row fits: position decides (三、团购优惠方案 stood alone at 0.95, its table at 0.99).
 */
function keepHeadingWithNext(node: PageNode, page: { getFollowingNodesOnPage(): PageNode[]; getNodesOnNextPage(): PageNode[] }): boolean {
  if (node.headlineLevel === undefined) return false;
  // The running header and footer are among a page's nodes too, and are not what a heading heads;
  // nor is a note area's stack, which runs to the next page until index.ts trims it to its page.
  const content = (n: PageNode) => n.style !== FURNITURE_TAG && n.style !== NOTE_AREA_TAG;
  const next = page.getFollowingNodesOnPage().find(content);
  if (next === undefined) return true;
  if (node.startPosition.verticalRatio <= PAGE_FOOT) return false;
  if (next.pageNumbers.length > 1 || next.startPosition.verticalRatio > 0.95) return true;
  // A table whose first row is too tall for the foot moves whole, yet still reports the spot it
  // was tried at: what follows it then starts well down the next page, under the moved table.
  const after = page.getNodesOnNextPage().find(content);
  return next.table !== undefined && after !== undefined && after.startPosition.verticalRatio > 0.05;
}

export interface WriteOptions {
  /** The data folder's assets/, the only place images are read from. */
  readonly assetsDir: string;
}

function sectionNode(section: Section, at: number, imageKeys: ReadonlyMap<string, string>, noteFit: ReadonlyMap<string, NoteFit>, anchor: string | undefined): PdfNode {
  const scale = typeScale(section.page.size);
  const ctx: BlockContext = { family: section.font, scale, width: mmToPt(textWidthMm(section.page)), imageKeys, noteFit };
  const blocks: PdfNode[] = [];
  let breakBefore = false;
  for (const [i, block] of section.blocks.entries()) {
    const blockId = `${at}.${i}`;
    const node = pdfBlock(block, { ...ctx, blockId });
    if (!node) {
      breakBefore = blocks.length > 0;
      continue;
    }
    if (block.type === 'noteLines' && noteArea(block.count, noteFit.get(blockId)?.fit).nextPage) {
      // The area starts the next page; a heading right above it goes first.
      const heading = blocks.pop();
      if (heading && section.blocks[i - 1]?.type === 'heading') blocks.push({ ...heading, pageBreak: 'before' });
      else {
        if (heading) blocks.push(heading);
        breakBefore = blocks.length > 0;
      }
    }
    blocks.push(breakBefore ? { ...node, pageBreak: 'before' } : node);
    breakBefore = false;
  }
  // A heading carries the block it heads, for keep-with-next.ts to judge before placing it.
  for (let i = 0; i + 1 < blocks.length; i++) {
    const [node, next] = [blocks[i]!, blocks[i + 1]!];
    if (node['headlineLevel'] !== undefined && next['pageBreak'] === undefined && next['style'] !== NOTE_AREA_TAG) blocks[i] = { ...node, keepWith: next };
  }
  // A page reference points at the section's first text node (pdfmake registers ids on text only).
  if (anchor !== undefined) {
    if (blocks[0] !== undefined && 'text' in blocks[0]) blocks[0] = { ...blocks[0], id: anchor };
    else blocks.unshift({ text: '', id: anchor, fontSize: 0.1, lineHeight: 1 });
  }
  const { width, height } = pageMm(section.page);
  // Every property is given, never inherited, so one section's marking cannot leak into the next.
  return {
    section: { stack: blocks, font: section.font, fontSize: scale.body, lineHeight: lineHeightFactor(section.font) },
    pageSize: { width: mmToPt(width), height: mmToPt(height) },
    pageMargins: section.page.margins.map(mmToPt),
    header: header(section),
    footer: footer(section),
    watermark: watermark(section),
  };
}

export async function writePdf(doc: Doc, opts: WriteOptions): Promise<Uint8Array> {
  assertWritable(doc);
  const assets = await readDocAssets(doc, opts.assetsDir);
  // Our own `images` dictionary of data URLs: one embedded copy per asset, and no path for pdfmake.
  const images: Record<string, string> = {};
  const imageKeys = new Map<string, string>();
  const add = (name: string, type: 'png' | 'jpeg', data: Buffer) => {
    if (imageKeys.has(name)) return;
    const key = `asset${imageKeys.size}`;
    imageKeys.set(name, key);
    images[key] = `data:image/${type};base64,${data.toString('base64')}`;
  };
  for (const [name, asset] of assets) add(name, asset.type === 'png' ? 'png' : 'jpeg', asset.data);
  for (const section of doc.sections)
    for (const block of section.blocks) if (block.type === 'qr') add(qrImageName(block.text), 'png', qrPng(qrMatrix(block.text)));
  const targets = pageRefTargets(doc);
  const created = new Date(doc.meta.created);
  if (Number.isNaN(created.getTime())) throw new Error(`文档创建时间无效：${doc.meta.created}`);
  const definition = (noteFit: ReadonlyMap<string, NoteFit>, pageBreakBefore: typeof keepHeadingWithNext) => ({
    // Fixed dates and producer: the same Doc gives the same bytes.
    info: { title: doc.meta.title, author: doc.meta.author, creator: 'tuangou', producer: 'tuangou', creationDate: created, modDate: created },
    language: 'zh-CN',
    defaultStyle: { font: doc.sections[0]?.font ?? 'serif' },
    images,
    content: doc.sections.map((s, i) => sectionNode(s, i, imageKeys, noteFit, targets.has(i) ? sectionAnchor(i) : undefined)),
    pageBreakBefore,
  });
  const families = new Set(doc.sections.map((s) => s.font));
  const measured = new Map<string, NoteLinePages>();
  const pdf = await renderPdf(definition(new Map(), measuring(measured)), families);
  const noteFit = spilledNotes(measured);
  // Only a note area that ran past its page costs a second layout, with the lines that fit.
  return noteFit.size === 0 ? pdf : renderPdf(definition(noteFit, keepHeadingWithNext), families);
}

/** The pages each ruled line of a note area landed on, by area. */
type NoteLinePages = number[];

/** keepHeadingWithNext, noting on the way where the lines of each note area came out. */
function measuring(into: Map<string, NoteLinePages>): typeof keepHeadingWithNext {
  return (node, page) => {
    const tag = typeof node.style === 'string' && node.style.startsWith(noteLineTag('')) ? node.style.slice(noteLineTag('').length) : undefined;
    if (tag !== undefined) {
      // pdfmake asks once per node, when every break before it is settled: its final page.
      into.set(tag, [...(into.get(tag) ?? []), node.pageNumbers[0] ?? 0]);
    }
    return keepHeadingWithNext(node, page);
  };
}

/** The areas whose lines did not all land on the page the area starts on, with how many did. */
function spilledNotes(measured: ReadonlyMap<string, NoteLinePages>): Map<string, NoteFit> {
  const out = new Map<string, NoteFit>();
  for (const [area, pages] of measured) {
    const first = pages[0];
    const fit = pages.filter((p) => p === first).length;
    if (fit < pages.length) out.set(area, { fit });
  }
  return out;
}
