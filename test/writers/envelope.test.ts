// Festival mailing envelopes and label sheets: the postcode boxes and label blocks in both
// formats, their markup, the envelope view and the built-in envelope and label templates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { buildSection } from '../../src/document/build.ts';
import { parseMarkup } from '../../src/document/markup.ts';
import type { Block, Doc, Inline, Section } from '../../src/document/model.ts';
import { DataError } from '../../src/errors.ts';
import { checkDocGlyphs } from '../../src/fonts/index.ts';
import { loadTemplate } from '../../src/template/load.ts';
import { TemplateRenderer } from '../../src/template/render.ts';
import { TokenTable } from '../../src/template/tokens.ts';
import { envelopeView, labelsView } from '../../src/views/envelope.ts';
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
