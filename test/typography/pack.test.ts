// The visit pack's contents page lists the page each part starts on, in the PDF and (as PAGEREF
// fields) in the .docx; the proposal's cover carries no running header, footer or page number.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/app/documents.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import type { Doc } from '../../src/document/model.ts';
import { halfPoints } from '../../src/writers/docx/styles.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { typeScale } from '../../src/writers/page.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, TODAY } from '../pipeline/build.ts';
import { docxPart, pdfPages } from '../writers/text.ts';

const assetsDir = path.join(DATA, 'assets');
const ws = openWorkspace({ data: DATA });
const pack = buildDocument(ws, { kind: 'pack', customer: 'mengyuan-ruye', today: TODAY }).doc;
const proposal = buildDocument(ws, { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY }).doc;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The contents rows as the model has them: part number, title. */
function parts(doc: Doc): { no: number; title: string }[] {
  const table = doc.sections[0]!.blocks.find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error('no contents table');
  return table.rows.slice(1).map((row) => ({
    no: Number(row[0]!.map((i) => (i.type === 'text' ? i.text : '')).join('')),
    title: row[1]!.map((i) => (i.type === 'text' ? i.text : '')).join(''),
  }));
}

/** The page the squeezed contents text lists for part `no`: the digits up to the next row's number (or the note below). */
function listedPage(contents: string, no: number, title: string): number | null {
  const m = new RegExp(`${no}${squeeze(title).replace(/[·()]/g, '.')}(?:内部|对外)(\\d+?)(?=${no + 1}\\D|标)`).exec(contents);
  return m ? Number(m[1]) : null;
}

describe('the visit pack', () => {
  it('PDF: the contents give the page each part starts on, and that page begins the part', async () => {
    const pages = (await pdfPages(await writePdf(pack, { assetsDir }))).map(squeeze);
    const rows = parts(pack);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    let previous = 1;
    for (const { no, title } of rows) {
      const listed = listedPage(pages[0]!, no, title);
      expect(listed, title).not.toBeNull();
      const page = listed!;
      expect(page, title).toBeGreaterThan(previous);
      // The part's own title is on that page, and no earlier: the part starts there.
      const heading = title === '客户信息卡' ? '客户基本信息卡' : squeeze(title.replace(/^产品介绍：/, ''));
      expect(pages[page - 1], title).toContain(heading);
      // Its first lines, not only its title (the visit sheet's talking points also start a page with a product's name).
      const opening = pages[page - 1]!.startsWith(heading) ? pages[page - 1]!.slice(0, heading.length + 8) : heading;
      expect(pages.slice(1, page - 1).some((p) => p.startsWith(opening) || p.includes(`${heading}${heading}`)), title).toBe(false);
      previous = page;
    }
  });

  it('DOCX: each page number is a PAGEREF field at the table size, pointing at a bookmark at its part’s start', async () => {
    const docx = await writeDocx(pack, { assetsDir });
    const xml = await docxPart(docx, 'word/document.xml');
    const size = halfPoints(typeScale('A4').table);
    for (const { no } of parts(pack)) {
      const run = xml.match(new RegExp(`<w:r>(?:(?!</w:r>).)*PAGEREF _part_${no} \\\\h(?:(?!</w:r>).)*</w:r>`, 's'))?.[0];
      expect(run, `part ${no}`).toBeDefined();
      expect(run).toContain(`<w:sz w:val="${size}"/>`);
      expect(xml).toMatch(new RegExp(`<w:bookmarkStart w:name="_part_${no}" w:id="${no + 1}"/>`));
    }
    // The bookmark of part n sits after the section break that ends part n − 1.
    const starts = parts(pack).map(({ no }) => xml.indexOf(`w:name="_part_${no}"`));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(await docxPart(docx, 'word/settings.xml')).toContain('<w:updateFields/>');
  });
});

describe('a cover', () => {
  const company = ws.data().company!.name;

  it('PDF: the proposal’s first page, alone or in the pack, has no running header, footer or page number; its next page has them', async () => {
    const alone = await pdfPages(await writePdf(proposal, { assetsDir }));
    expect(alone[0]).toContain('团购建议书');
    expect(alone[0]).not.toMatch(/第\s*\d+\s*页/);
    expect(squeeze(alone[0]!)).not.toContain(squeeze(proposal.sections[0]!.footer!));
    expect(alone[0]).not.toMatch(new RegExp(`^\\s*${company}`));
    expect(alone[1]).toMatch(/第\s*2\s*页\s*\/\s*共\s*\d+\s*页/);
    expect(alone[1]).toContain(company);

    const inPack = await pdfPages(await writePdf(pack, { assetsDir }));
    const cover = listedPage(squeeze(inPack[0]!), parts(pack).find((p) => p.title === '团购建议书')!.no, '团购建议书')!;
    expect(inPack[cover - 1]).not.toMatch(/第\s*\d+\s*页/);
    // It still counts: the page after it is numbered as the one after.
    expect(inPack[cover]).toMatch(new RegExp(`第\\s*${cover + 1}\\s*页`));
    // The pack's own first page is internal: it keeps its header and the confidential mark.
    expect(inPack[0]).toContain('内部资料 注意保密');
  });

  it('DOCX: a title page with its own empty first header and footer', async () => {
    const docx = await writeDocx(proposal, { assetsDir });
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toContain('<w:titlePg/>');
    const first = xml.match(/<w:footerReference w:type="first" r:id="(\w+)"\/>/)?.[1];
    expect(first).toBeDefined();
    const rels = await docxPart(docx, 'word/_rels/document.xml.rels');
    const target = new RegExp(`Id="${first}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${first}"`).exec(rels)!;
    const footer = await docxPart(docx, `word/${target[1] ?? target[2]}`);
    expect(footer).not.toContain('PAGE');
    expect(footer).not.toMatch(/<w:t[ >]/);
  });
});
