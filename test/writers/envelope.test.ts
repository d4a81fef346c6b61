// Festival mailing envelopes and label sheets: the postcode boxes and label blocks in both
// formats, their markup, the envelope view and the built-in envelope and label templates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { buildSection } from '../../src/pipeline/section.ts';
import { parseMarkup } from '../../src/document/markup.ts';
import type { Block, Doc, Inline, LabelSheet, Section } from '../../src/document/model.ts';
import { DataError } from '../../src/errors.ts';
import { checkDocGlyphs } from '../../src/fonts/index.ts';
import { loadTemplate } from '../../src/template/load.ts';
import { TemplateRenderer } from '../../src/template/render.ts';
import { TokenTable } from '../../src/template/tokens.ts';
import { envelopeView, labelsView, type EnvelopeView } from '../../src/views/envelope.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { docxPart, docxText, pdfPages } from './text.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PT_PER_MM = 72 / 25.4;
const t = (text: string, bold?: boolean): Inline => ({ type: 'text', text, ...(bold && { bold }) });
const squeeze = (s: string): string => s.replace(/\s+/gu, '');

let assetsDir: string;
beforeAll(() => {
  assetsDir = mkdtempSync(path.join(tmpdir(), 'tuangou-envelope-'));
});
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));

const docOf = (...sections: Section[]): Doc => ({ meta: { title: '信封', author: '示例商贸有限公司', created: '2026-11-24T00:00:00Z' }, sections });

const dl = (blocks: Block[]): Section => ({
  page: { size: 'DL', orientation: 'landscape', margins: [20, 10, 15, 8] },
  font: 'serif',
  audience: 'external',
  pageNumbers: false,
  blocks,
});

/** The blocks a markup renders to, with `data` put in as a data value (a token), as a template would. */
function parse(markup: (token: (value: string) => string) => string): Block[] {
  const tokens = new TokenTable();
  return parseMarkup(markup((v) => tokens.add(v)), tokens, 'envelope.md');
}

/** Page sizes in millimetres, from each page's media box. */
async function pageSizesMm(pdf: Uint8Array): Promise<[number, number][]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const sizes: [number, number][] = [];
  for (let n = 1; n <= proxy.numPages; n++) {
    const [x0, y0, x1, y1] = (await proxy.getPage(n)).view as [number, number, number, number];
    sizes.push([Math.round((x1 - x0) / PT_PER_MM), Math.round((y1 - y0) / PT_PER_MM)]);
  }
  return sizes;
}

/** The top of the first text item of page `page` (1-based) containing `text`, in millimetres from the paper's top, and its point size. */
async function placeOf(pdf: Uint8Array, page: number, text: string): Promise<{ top: number; size: number }> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const p = await proxy.getPage(page);
  const items = (await p.getTextContent()).items as { str: string; transform: number[] }[];
  const item = items.find((i) => i.str.includes(text));
  if (!item) throw new Error(`no ${text} on page ${page}`);
  return { top: (p.view[3]! - item.transform[5]!) / PT_PER_MM, size: item.transform[3]! };
}

/** The tables of word/document.xml, outermost only (the writers nest none). */
const docxTables = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

describe('postcode boxes', () => {
  const envelope = docOf(
    dl([
      { type: 'postcodeBoxes', digits: '010010' },
      { type: 'heading', level: 2, content: [t('呼和浩特市青城新区金融街 9 号')] },
      { type: 'heading', level: 1, content: [t('杜建平 行长 收')] },
      { type: 'paragraph', align: 'right', content: [t('内蒙古青城醇源酒业有限公司')] },
      { type: 'postcodeBoxes', digits: '014030', align: 'right' },
    ]),
  );

  it('PDF: one DL page of 220 × 110 mm with the digits in the text layer', async () => {
    const pdf = await writePdf(envelope, { assetsDir });
    expect(await pageSizesMm(pdf)).toEqual([[220, 110]]);
    const text = squeeze((await pdfPages(pdf)).join(''));
    expect(text).toContain('010010');
    expect(text).toContain('014030');
    // The digits come in box order, before the address.
    expect(text.indexOf('010010')).toBeLessThan(text.indexOf('呼和浩特市'));
  });

  it('DOCX: a small fixed table of six red boxes, left or right, the digits in its cells', async () => {
    const docx = await writeDocx(envelope, { assetsDir });
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="12472" w:h="6236" w:orient="landscape"\/>/);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    for (const [table, digits] of [[tables[0]!, '010010'], [tables[1]!, '014030']] as const) {
      const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
      // Six boxes and five 2 mm gaps between them.
      expect(cells).toHaveLength(11);
      expect(cells.map((c) => /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/.exec(c)?.[1] ?? '').join('')).toBe(digits);
      // 8 mm boxes, 2 mm gaps: 58 mm in all, far less than the text width.
      expect([...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([454, 113, 454, 113, 454, 113, 454, 113, 454, 113, 454]);
      expect(table).toMatch(/<w:trHeight w:val="567" w:hRule="exact"\/>/);
      expect(table).toMatch(/w:color="D7261E"/);
    }
    expect(tables[0]).toMatch(/<w:jc w:val="left"\/>/);
    expect(tables[1]).toMatch(/<w:jc w:val="right"\/>/);
    expect(squeeze(await docxText(docx))).toContain('杜建平行长收');
  });

  it('blank boxes when there is no postcode', async () => {
    const blank = docOf(dl([{ type: 'postcodeBoxes', digits: '' }, { type: 'paragraph', content: [t('收')] }]));
    const xml = await docxPart(await writeDocx(blank, { assetsDir }), 'word/document.xml');
    expect([...xml.matchAll(/<w:tc>/g)]).toHaveLength(11);
    expect(await pdfPages(await writePdf(blank, { assetsDir }))).toEqual(['收']);
  });

  it('::: postcode parses to the block; right aligns it right', () => {
    expect(parse((d) => `::: postcode\n${d('010010')}\n:::\n`)).toEqual([{ type: 'postcodeBoxes', digits: '010010' }]);
    expect(parse((d) => `::: postcode right\n${d('014030')}\n:::\n`)).toEqual([{ type: 'postcodeBoxes', digits: '014030', align: 'right' }]);
    expect(parse((d) => `:::: right\n::: postcode\n${d('014030')}\n:::\n::::\n`)).toEqual([{ type: 'postcodeBoxes', digits: '014030', align: 'right' }]);
    // A missing postcode (an empty field) leaves the boxes blank to fill in by hand.
    expect(parse((d) => `::: postcode\n${d('')}\n:::\n`)).toEqual([{ type: 'postcodeBoxes', digits: '' }]);
    expect(parse((d) => `::: postcode right grey\n${d('014030')}\n:::\n`)).toEqual([{ type: 'postcodeBoxes', digits: '014030', align: 'right', muted: true }]);
  });

  it('grey boxes, no red, on the envelope of a condolence letter: the view, the template and the .docx', async () => {
    const template = loadTemplate(path.join(ROOT, 'templates/envelope.md'));
    const data = loadData(path.join(ROOT, 'data'));
    const renderer = new TemplateRenderer(new Map());
    const first = data.customers.get('mengyuan-ruye')!;
    const muted = buildSection(renderer, template, envelopeView(data, first, undefined, { muted: true }));
    expect(muted.blocks[0]).toEqual({ type: 'postcodeBoxes', digits: first.postcode ?? '', muted: true });
    expect(buildSection(renderer, template, envelopeView(data, first)).blocks[0]).not.toHaveProperty('muted');
    const xml = await docxPart(await writeDocx(docOf(dl([{ type: 'postcodeBoxes', digits: '010010', muted: true }])), { assetsDir }), 'word/document.xml');
    expect(xml).toMatch(/w:color="808080"/);
    expect(xml).not.toMatch(/D7261E/);
  });

  it('::: postcode refuses anything but six digits, saying so in Chinese', () => {
    for (const bad of ['01001', '0100100', '01001O', '０１００１０', '010 010', '邮编010010']) {
      const run = () => parse((d) => `# 信封\n\n::: postcode\n${d(bad)}\n:::\n`);
      expect(run).toThrow(DataError);
      expect(run).toThrow(`envelope.md：生成的内容 第 3 行附近::: postcode 里的邮编应为 6 位数字（可以 0 开头，如 010010），这里是「${bad}」`);
    }
    expect(() => parse((d) => `::: postcode middle\n${d('010010')}\n:::\n`)).toThrow(/::: postcode 后面只能写 left（靠左，默认）或 right（靠右）/);
  });
});

describe('address labels', () => {
  const label = (n: number): Inline[][] => [
    [t(String(10010 + n).padStart(6, '0'))],
    [t(`呼和浩特市青城新区金融街 ${n} 号${n % 5 === 0 ? '金融大厦东座十八层一八零八室' : ''}`)],
    [t(`示例单位第${n}号`)],
    [t(`收件人${n} 局长 收`, true)],
  ];
  const sheet = (count: number): Doc =>
    docOf({
      page: { size: 'A4', orientation: 'portrait', margins: [0, 0, 0, 0] },
      font: 'serif',
      audience: 'external',
      pageNumbers: false,
      blocks: [{ type: 'labels', columns: 3, height: 37, labels: Array.from({ length: count }, (_, i) => label(i + 1)) }],
    });

  it('PDF: 3 × 8 labels of 70 × 37 mm to an A4 page, the next page for the rest, every label whole', async () => {
    const pdf = await writePdf(sheet(25), { assetsDir });
    expect(await pageSizesMm(pdf)).toEqual([[210, 297], [210, 297]]);
    const pages = (await pdfPages(pdf)).map(squeeze);
    for (let n = 1; n <= 25; n++) expect(pages[n <= 24 ? 0 : 1]).toContain(`收件人${n}局长收`);
    // Label n sits in its own 70 × 37 mm cell: its postcode's left edge and its middle row.
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    const items = (await (await proxy.getPage(1)).getTextContent()).items as { str: string; transform: number[] }[];
    for (const n of [1, 2, 3, 4, 13, 24]) {
      const code = String(10010 + n).padStart(6, '0');
      const item = items.find((i) => i.str === code)!;
      const [x, y] = [item.transform[4]! / PT_PER_MM, 297 - item.transform[5]! / PT_PER_MM];
      expect(x).toBeCloseTo(((n - 1) % 3) * 70 + 5, 0);
      const row = Math.floor((n - 1) / 3);
      expect(y).toBeGreaterThan(row * 37 + 3);
      expect(y).toBeLessThan(row * 37 + 18.5);
    }
  });

  it('PDF: a label too long even at 6 pt is cut short with … and its row keeps its height', async () => {
    const doc = sheet(24);
    const labels = (doc.sections[0]!.blocks[0] as LabelSheet).labels;
    const huge = docOf({ ...doc.sections[0]!, blocks: [{ type: 'labels', columns: 3, height: 37, labels: [[[t('金融街'.repeat(700))], ...labels[0]!.slice(2)], ...labels.slice(1)] }] });
    const pdf = await writePdf(huge, { assetsDir });
    expect(await pageSizesMm(pdf)).toEqual([[210, 297]]);
    const page = squeeze((await pdfPages(pdf))[0]!);
    expect(page).toMatch(/^(金融街)+金?融?…示例单位第1号收件人1局长收/u);
    expect((await placeOf(pdf, 1, '010014')).top).toBeCloseTo((await placeOf(await writePdf(doc, { assetsDir }), 1, '010014')).top, 1);
  });

  it('DOCX: a borderless table of exact 37 mm rows, padded to whole rows', async () => {
    const xml = await docxPart(await writeDocx(sheet(7), { assetsDir }), 'word/document.xml');
    expect([...xml.matchAll(/<w:tr>|<w:tr /g)]).toHaveLength(3);
    expect([...xml.matchAll(/<w:tc>/g)]).toHaveLength(9);
    expect([...xml.matchAll(/<w:trHeight w:val="2098" w:hRule="exact"\/>/g)]).toHaveLength(3);
    expect([...xml.matchAll(/<w:gridCol w:w="3969"\/>/g)]).toHaveLength(3);
  });

  it('::: labels: each paragraph a label, each line a line', () => {
    const blocks = parse((d) => `::: labels 3 37\n${d('010010')}\n${d('金融街 9 号')}\n**${d('杜建平 行长 收')}**\n\n${d('014030')}\n${d('黄河大街 66 号')}\n:::\n`);
    expect(blocks).toEqual([
      {
        type: 'labels',
        columns: 3,
        height: 37,
        labels: [
          [[t('010010')], [t('金融街 9 号')], [t('杜建平 行长 收', true)]],
          [[t('014030')], [t('黄河大街 66 号')]],
        ],
      },
    ]);
    expect(() => parse(() => '::: labels 5\n甲\n:::\n')).toThrow(/列数只能是 1、2、3 或 4/);
    expect(() => parse(() => '::: labels 3 500\n甲\n:::\n')).toThrow(/15 到 150/);
  });
});

describe('fit boxes', () => {
  const long = '内蒙古自治区呼和浩特市青城新区金融街 9 号北疆农商银行金融服务大厦东座裙楼三层综合业务部第一八零八室（请转交办公室王主任亲启，如无人签收请留置一楼大堂前台登记处代为保管并电话告知）';
  const box = (address: string): Section =>
    dl([
      { type: 'fit', height: 25, blocks: [{ type: 'heading', level: 2, content: [t(address)] }, { type: 'heading', level: 1, content: [t('杜建平 行长 收')] }] },
      { type: 'paragraph', align: 'right', content: [t('下一段')] },
    ]);

  it('::: fit parses its headings and paragraphs into one box of that height', () => {
    expect(parse((d) => `::: fit 60\n## ${d('金融街 9 号')}\n\n# ${d('杜建平 行长 收')}\n:::\n`)).toEqual([
      { type: 'fit', height: 60, blocks: [{ type: 'heading', level: 2, content: [t('金融街 9 号')] }, { type: 'heading', level: 1, content: [t('杜建平 行长 收')] }] },
    ]);
    expect(parse((d) => `:::: fit 14\n::: right\n${d('醇源大厦')}\n${d('邮政编码：010010')}\n:::\n::::\n`)).toEqual([
      { type: 'fit', height: 14, blocks: [{ type: 'paragraph', align: 'right', content: [t('醇源大厦'), { type: 'break' }, t('邮政编码：010010')] }] },
    ]);
    // Empty, it still holds its height.
    expect(parse((d) => `::: fit 20\n${d('')}\n:::\n`)).toEqual([{ type: 'fit', height: 20, blocks: [] }]);
    expect(() => parse(() => '::: fit\n甲\n:::\n')).toThrow(/::: fit 后面要写框的高度（5 到 200 毫米）/);
    expect(() => parse(() => '::: fit 300\n甲\n:::\n')).toThrow(/5 到 200 毫米/);
    expect(() => parse(() => '::: fit 30\n- 甲\n:::\n')).toThrow(/::: fit 里只能写标题和段落/);
  });

  it('PDF: whatever the text, the box keeps its height, what follows stays put and the text shrinks alike', async () => {
    const pdf = await writePdf(docOf(box('金融街 9 号'), box(long), box(long.repeat(23).slice(0, 2000))), { assetsDir });
    expect(await pageSizesMm(pdf)).toEqual([[220, 110], [220, 110], [220, 110]]);
    const next = await Promise.all([1, 2, 3].map((n) => placeOf(pdf, n, '下一段')));
    expect(next[1]!.top).toBeCloseTo(next[0]!.top, 1);
    expect(next[2]!.top).toBeCloseTo(next[0]!.top, 1);
    const pages = (await pdfPages(pdf)).map(squeeze);
    // 91 characters: smaller, whole.
    expect(pages[1]).toContain(squeeze(long));
    const sizes = await Promise.all(['金融街', '杜建平'].map((s) => placeOf(pdf, 2, s)));
    expect(sizes[0]!.size).toBeLessThan(12);
    expect(sizes[1]!.size / sizes[0]!.size).toBeCloseTo(14 / 12, 1);
    // 2,000: at 6 pt and cut short with …, the name still there.
    const cut = /^(.*)…杜建平行长收下一段$/.exec(pages[2]!);
    expect(cut).not.toBeNull();
    expect(squeeze(long.repeat(23))).toContain(cut![1]!);
    expect((await placeOf(pdf, 3, '杜建平')).size).toBe(6);
  });

  it('DOCX: a one-cell table of exact height, at the sizes and with the cut of the PDF', async () => {
    const doc = docOf(box(long), box(long.repeat(23).slice(0, 2000)));
    const xml = await docxPart(await writeDocx(doc, { assetsDir }), 'word/document.xml');
    const tables = docxTables(xml);
    expect(tables).toHaveLength(2);
    const pdf = await writePdf(doc, { assetsDir });
    for (const [i, table] of tables.entries()) {
      expect([...table.matchAll(/<w:tc>/g)]).toHaveLength(1);
      expect(table).toMatch(/<w:trHeight w:val="1417" w:hRule="exact"\/>/);
      const sizes = [...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
      const pdfSizes = await Promise.all(['内蒙古', '杜建平'].map(async (s) => (await placeOf(pdf, i + 1, s)).size));
      expect(new Set(sizes)).toEqual(new Set(pdfSizes.map((s) => Math.round(s * 2) / 2)));
      const text = [...table.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(squeeze(text) + '下一段').toBe((await pdfPages(pdf)).map(squeeze)[i]);
    }
  });
});

describe('envelope view and templates', () => {
  const data = loadData(path.join(ROOT, 'data'));
  const customers = [...data.customers.values()];
  const renderer = new TemplateRenderer(new Map());

  it('addresses the 决策人 at the unit, from the company: nothing private', () => {
    const customer = customers.find((c) => c.contacts.some((k) => k.role === '决策人' && k.homeAddress))!;
    const boss = customer.contacts.find((k) => k.role === '决策人')!;
    const view = envelopeView(data, customer);
    expect(view.recipient).toMatchObject({ address: customer.address, unit: customer.name, name: boss.name, addressee: `${boss.name} ${boss.title} 收` });
    expect(view.sender).toEqual({ name: data.company!.name, address: data.company!.address, postcode: data.company!.postcode });
    const json = JSON.stringify(view);
    for (const c of customer.contacts) for (const secret of [c.homeAddress, c.homePostcode, c.mobile, c.homePhone, c.email]) if (secret) expect(json).not.toContain(secret);
    // Another contact by name; an unknown name is a data error.
    const other = customer.contacts.find((k) => k !== boss)!;
    expect(envelopeView(data, customer, other.name).recipient.name).toBe(other.name);
    expect(() => envelopeView(data, customer, '无此人')).toThrow(DataError);
    // No 决策人: to the unit itself. No title: 先生 / 女士.
    const toUnit = envelopeView(data, { ...customer, contacts: customer.contacts.filter((k) => k.role !== '决策人') }).recipient;
    expect(toUnit).toEqual({ postcode: customer.postcode, address: customer.address, unit: customer.name });
    const untitled = { ...boss, title: undefined, gender: '女' as const };
    expect(envelopeView(data, customer, untitled).recipient.addressee).toBe(`${boss.name} 女士 收`);
    expect(labelsView([envelopeView(data, customer)]).labels).toEqual([
      { postcode: customer.postcode, address: customer.address, unit: customer.name, recipient: `${boss.name} ${boss.title} 收` },
    ]);
  });

  it('templates/envelope.md: one DL page per envelope, postcode boxes, recipient and sender', async () => {
    const template = loadTemplate(path.join(ROOT, 'templates/envelope.md'));
    const views = customers.map((c) => envelopeView(data, c));
    const toUnit = { ...views[0]!, recipient: { ...views[0]!.recipient, name: undefined, title: undefined, addressee: undefined } };
    const doc = docOf(...[...views, toUnit].map((v) => buildSection(renderer, template, v)));
    expect(checkDocGlyphs(doc)).toEqual([]);
    expect(doc.sections[0]!.blocks[0]).toEqual({ type: 'postcodeBoxes', digits: views[0]!.recipient.postcode ?? '' });
    const pdf = await writePdf(doc, { assetsDir });
    // Never a second page for one envelope.
    expect(await pageSizesMm(pdf)).toEqual(Array.from({ length: views.length + 1 }, () => [220, 110]));
    const pages = (await pdfPages(pdf)).map(squeeze);
    views.forEach((v, i) => {
      for (const s of [v.recipient.postcode ?? '', v.recipient.address, v.recipient.unit, v.recipient.addressee ?? '', v.sender.name, `邮政编码：${v.sender.postcode}`]) expect(pages[i]).toContain(squeeze(s));
    });
    expect(pages[views.length]).toContain(squeeze(`${toUnit.recipient.unit} 收`));
    const docx = squeeze(await docxText(await writeDocx(doc, { assetsDir })));
    for (const v of views) expect(docx).toContain(squeeze(v.recipient.addressee ?? `${v.recipient.unit} 收`));
  });

  it('templates/envelope.md: a 91- or 2,000-character address still makes one page per envelope, in order', async () => {
    const template = loadTemplate(path.join(ROOT, 'templates/envelope.md'));
    const address = '内蒙古自治区呼和浩特市青城新区金融街 9 号北疆农商银行金融服务大厦东座裙楼三层综合业务部第一八零八室（请转交办公室王主任亲启，如无人签收请留置一楼大堂前台登记处代为保管并电话告知）';
    expect([...address]).toHaveLength(91);
    const [first, second] = customers.map((c) => envelopeView(data, c));
    const withAddress = (a: string): EnvelopeView => ({ ...first!, recipient: { ...first!.recipient, address: a } });
    const views = [withAddress(address), second!, withAddress(address.repeat(22).slice(0, 2000)), second!];
    const doc = docOf(...views.map((v) => buildSection(renderer, template, v)));
    const pdf = await writePdf(doc, { assetsDir });
    expect(await pageSizesMm(pdf)).toEqual(views.map(() => [220, 110]));
    const pages = (await pdfPages(pdf)).map(squeeze);
    views.forEach((v, i) => {
      for (const s of [v.recipient.postcode ?? '', v.recipient.unit, v.recipient.addressee ?? '', v.sender.name, `邮政编码：${v.sender.postcode}`]) expect(pages[i]).toContain(squeeze(s));
    });
    expect(pages[0]).toContain(squeeze(address));
    // 2,000 characters do not fit even at 6 pt: the address is cut short with …, the rest is whole.
    expect(pages[2]).toMatch(new RegExp(`^${views[2]!.recipient.postcode}${squeeze(address).slice(0, 20)}.*…${views[2]!.recipient.unit}`, 'u'));
    // The sender sits where it does on an envelope with a short address.
    const sender = await Promise.all([1, 2, 3].map((n) => placeOf(pdf, n, views[0]!.sender.name)));
    expect(sender[0]!.top).toBeCloseTo(sender[1]!.top, 1);
    expect(sender[2]!.top).toBeCloseTo(sender[1]!.top, 1);

    // The .docx: the recipient in a 56 mm row Word cannot grow, with the text of the PDF.
    const xml = await docxPart(await writeDocx(doc, { assetsDir }), 'word/document.xml');
    const boxes = docxTables(xml).filter((table) => table.includes('<w:trHeight w:val="3175" w:hRule="exact"/>'));
    expect(boxes).toHaveLength(views.length);
    boxes.forEach((box, i) => {
      const text = squeeze([...box.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
      expect(pages[i]).toContain(text);
      expect(text).toContain(squeeze(views[i]!.recipient.addressee!));
    });
  });

  it('templates/labels.md: every customer on a label sheet', async () => {
    {
      const file = path.join(ROOT, 'templates/labels.md');
      const envelopes = customers.map((c) => envelopeView(data, c));
      const view = labelsView([...envelopes, { ...envelopes[0]!, recipient: { ...envelopes[0]!.recipient, name: undefined, title: undefined, addressee: undefined } }]);
      const section = buildSection(renderer, loadTemplate(file), view);
      expect(section.blocks).toHaveLength(1);
      const block = section.blocks[0]!;
      expect(block.type === 'labels' && block.labels.length).toBe(customers.length + 1);
      const pages = (await pdfPages(await writePdf(docOf(section), { assetsDir }))).map(squeeze);
      expect(pages).toHaveLength(Math.ceil((customers.length + 1) / 24));
      const all = pages.join('');
      for (const l of view.labels) expect(all).toContain(squeeze(l.recipient ?? `${l.unit} 收`));
    }
  });
});
