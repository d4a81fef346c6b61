// writePdf: a Doc as PDF bytes through pdfmake, with the CJK fonts embedded as subsets.
import type { Doc, Section } from '../../document/model.ts';
import { readDocAssets } from '../assets.ts';
import { mmToPt, pageMm, textWidthMm, typeScale } from '../page.ts';
import { assertWritable } from '../validate.ts';
import { qrMatrix, qrPng } from '../qr.ts';
import { lineHeightFactor, pdfBlock, qrImageName, type BlockContext, type PdfNode } from './blocks.ts';
import { renderPdf } from './engine.ts';
import { sectionAnchor } from './inline.ts';
import { pageRefTargets } from '../inline.ts';
import { footer, header, watermark } from './furniture.ts';

interface PageNode {
  readonly headlineLevel?: number;
  readonly pageNumbers: readonly number[];
  readonly startPosition: { readonly verticalRatio: number };
}

/**
 * A heading moves to the next page when nothing follows it on its page, or when it sits in
 * the bottom fifth and what it heads continues on the next page. pdfmake still reports a
 * table that moved whole as starting on the heading's page, at the page's very foot, where
 * not a row fits: position decides (三、团购优惠方案 stood alone at 0.95, its table at 0.99).
 */
function keepHeadingWithNext(node: PageNode, page: { getFollowingNodesOnPage(): PageNode[] }): boolean {
  if (node.headlineLevel === undefined) return false;
  const next = page.getFollowingNodesOnPage()[0];
  if (next === undefined) return true;
  return node.startPosition.verticalRatio > 0.8 && (next.pageNumbers.length > 1 || next.startPosition.verticalRatio > 0.95);
}

export interface WriteOptions {
  /** The data folder's assets/, the only place images are read from. */
  readonly assetsDir: string;
}

function sectionNode(section: Section, imageKeys: ReadonlyMap<string, string>, anchor: string | undefined): PdfNode {
  const scale = typeScale(section.page.size);
  const ctx: BlockContext = { family: section.font, scale, width: mmToPt(textWidthMm(section.page)), imageKeys };
  const blocks: PdfNode[] = [];
  let breakBefore = false;
  for (const block of section.blocks) {
    const node = pdfBlock(block, ctx);
    if (!node) {
      breakBefore = blocks.length > 0;
      continue;
    }
    blocks.push(breakBefore ? { ...node, pageBreak: 'before' } : node);
    breakBefore = false;
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
  const definition = {
    // Fixed dates and producer: the same Doc gives the same bytes.
    info: { title: doc.meta.title, author: doc.meta.author, creator: 'tuangou', producer: 'tuangou', creationDate: created, modDate: created },
    language: 'zh-CN',
    defaultStyle: { font: doc.sections[0]?.font ?? 'serif' },
    images,
    content: doc.sections.map((s, i) => sectionNode(s, imageKeys, targets.has(i) ? sectionAnchor(i) : undefined)),
    pageBreakBefore: keepHeadingWithNext,
  };
  return renderPdf(definition, new Set(doc.sections.map((s) => s.font)));
}
