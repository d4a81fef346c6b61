// A heading never stands alone at the foot of a page: it goes to the next page with what it heads.
import path from 'node:path';
import { expect, it } from 'vitest';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';
import { pdfPages } from './text.ts';

const squeeze = (s: string) => s.replace(/\s+/gu, '');

it.each([
  // 三、团购优惠方案 stood at the foot of page 2 of the 税务局's, whose deal now breaks a compliance
  // rule and makes no proposal; the 招待 and 礼品 proposals have the same short first pages.
  ['proposal', 'qcxq-jiedai-zhongxin'],
  ['proposal', 'beijiang-nongshang-qc'],
  ['proposal', 'mengyuan-ruye'],
  ['visit', 'mengyuan-ruye'],
])('%s %s: no page ends with a heading', async (template, customer) => {
  const { doc } = renderDoc(template, customer);
  const headings = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'heading' ? [squeeze(b.content.map((i) => (i.type === 'text' ? i.text : '')).join(''))] : [])));
  const furniture = doc.sections.flatMap((s) => [s.header, s.footer, s.watermark]).filter((t): t is string => Boolean(t)).map(squeeze);
  const pages = await pdfPages(await writePdf(doc, { assetsDir: path.join(DATA, 'assets') }));
  expect(pages.length).toBeGreaterThan(1);
  for (const [i, page] of pages.entries()) {
    let text = squeeze(page).replace(/第\d+页\/共\d+页/g, '');
    for (const f of furniture) text = text.replaceAll(f, '');
    for (const h of headings) expect(text.endsWith(h), `page ${i + 1} ends with ${h}`).toBe(false);
  }
});
