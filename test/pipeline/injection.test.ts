// Data is printed as written, never read as markup: a customer whose name looks like Markdown,
// a ::: block, a page break, Handlebars, JSON or Word XML gets exactly that name in the PDF and
// the .docx, and the Doc has the same blocks as for an ordinary name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomer } from '../../src/data/dataset.ts';
import { loadData } from '../../src/data/load.ts';
import type { Doc } from '../../src/document/model.ts';
import { buildSection } from '../../src/pipeline/section.ts';
import { buildDoc } from '../../src/pipeline/document.ts';
import { TemplateSet } from '../../src/pipeline/templates.ts';
import { buildView, openDeal } from '../../src/views/build.ts';
import type { ProposalView } from '../../src/views/schemas.ts';
import { runCli } from '../cli/run.ts';
import { docxPart, docxText, pdfPages } from '../writers/text.ts';
import { blockTypes, DATA, dataCopy, FIXTURES, renderDoc, ROOT, tempDir, TODAY } from './build.ts';

const NAME = '蒙源乳业集团有限公司';
const HOSTILE = ['A&B贸易', '**粗体**|表格', '张三"},{"image":"/etc/passwd', '{{company.name}}', '<w:t>x</w:t>', '---', '::: qr'];
const TEMPLATE = path.join(FIXTURES, 'injection/every-place.md');
/** Places every-place.md prints the customer name in the body (not header, footer, watermark). */
const BODY_PLACES = 16;

const squeeze = (s: string) => s.replace(/\s+/gu, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
/** A string as it appears inside a JSON string literal. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

/** The baseline Doc with the customer's name replaced, as the Doc for `name` must be. */
const expected = (baseline: Doc, name: string): Doc => JSON.parse(JSON.stringify(baseline).replaceAll(inJson(NAME), inJson(name))) as Doc;

describe('data is never markup', () => {
  const data = loadData(DATA);
  const set = new TemplateSet();
  const template = set.get(TEMPLATE);
  const customer = findCustomer(data, 'mengyuan-ruye')!;
  const deal = openDeal(data, customer, TODAY);
  const view = buildView('proposal', { data, customer, ...(deal && { deal }), today: TODAY }) as ProposalView;
  const docFor = (v: ProposalView): Doc => buildDoc(set, { parts: [{ template, view: v }], title: '测试', data, traced: [], today: TODAY });
  const baseline = docFor(view);

  it('the fixture prints the name in every kind of block', () => {
    expect(blockTypes(baseline)).toEqual([
      'heading', 'heading', 'paragraph', 'paragraph', 'paragraph', 'list', 'list', 'list', 'table', 'keyValue', 'paragraph', 'paragraph', 'paragraph', 'signature',
    ]);
    expect(count(JSON.stringify(baseline.sections[0]!.blocks), NAME)).toBe(BODY_PLACES);
    expect(baseline.sections[0]).toMatchObject({ header: NAME, footer: `致${NAME}`, watermark: NAME });
  });

  it.each(HOSTILE)('a view whose customer name is %s builds the same Doc with that name', (name) => {
    const doc = docFor({ ...view, customer: { ...view.customer, name } });
    expect(doc).toEqual(expected(baseline, name));
    expect(blockTypes(doc)).not.toContain('image');
    expect(blockTypes(doc)).not.toContain('pageBreak');
    expect(blockTypes(doc)).not.toContain('qr');
  });

  it('a data value never reaches Handlebars: {{company.name}} stays as written', () => {
    const doc = docFor({ ...view, customer: { ...view.customer, name: '{{company.name}}' } });
    const json = JSON.stringify(doc);
    expect(count(json, '{{company.name}}')).toBe(BODY_PLACES + 3);
    expect(count(json, view.company.name)).toBe(count(JSON.stringify(baseline), view.company.name));
  });
});

describe('hostile names from a data folder, through the CLI, in the PDF and the .docx', () => {
  const scratch = tempDir('inject');
  afterAll(scratch.remove);

  it('refuses --- as a name: it is a placeholder', async () => {
    const dir = dataCopy(path.join(scratch.dir, 'dashes'), 'customers/mengyuan-ruye.yaml', (t) => t.replace(`name: ${NAME}`, 'name: "---"'));
    const r = await runCli(['check', '--data', dir], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/mengyuan-ruye\.yaml:2:\d+ name\(单位名称\) 错误：「---」是占位内容/);
  });

  for (const [i, name] of HOSTILE.filter((s) => s !== '---').entries()) {
    describe(`name: ${name}`, () => {
      let dir: string;
      let out: string;
      beforeAll(async () => {
        dir = dataCopy(path.join(scratch.dir, `d${i}`), 'customers/mengyuan-ruye.yaml', (t) => t.replace(`name: ${NAME}`, `name: ${JSON.stringify(name)}`));
        out = path.join(scratch.dir, `out${i}`);
        const r = await runCli(['render', TEMPLATE, 'mengyuan-ruye', '--data', dir, '--today', TODAY, '--out', out], ROOT);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      });

      it('builds the same Doc as for the real name, with no extra blocks', () => {
        const { doc } = renderDoc(TEMPLATE, 'mengyuan-ruye', { data: dir });
        const { doc: real } = renderDoc(TEMPLATE, 'mengyuan-ruye');
        expect(doc.sections).toEqual(expected(real, name).sections);
      });

      it('prints the name as written in the PDF', async () => {
        const pages = await pdfPages(readFileSync(path.join(out, 'mengyuan-ruye-every-place.pdf')));
        const all = squeeze(pages.join(''));
        expect(count(all, squeeze(name))).toBeGreaterThanOrEqual(BODY_PLACES);
        // The header and footer carry it on every page.
        for (const page of pages) expect(squeeze(page)).toContain(squeeze(`致${name}`));
      });

      it('prints the name as written in the .docx, escaped in its XML', async () => {
        const docx = readFileSync(path.join(out, 'mengyuan-ruye-every-place.docx'));
        expect(count(squeeze(await docxText(docx)), squeeze(name))).toBe(BODY_PLACES);
        const xml = await docxPart(docx, 'word/document.xml');
        if (name.includes('<')) expect(xml).not.toContain(name);
        if (name.includes('&')) expect(xml).toContain(name.replace('&', '&amp;'));
      });
    });
  }
});

// BUGS in src/document/markup.ts: a few markup decisions are taken on the text after the data
// tokens were swapped back, so data can still change structure. Remove `.fails` once fixed.
describe('structure decided on data text', () => {
  const data = loadData(DATA);
  const set = new TemplateSet();
  const template = set.get(path.join(FIXTURES, 'injection/structure-from-data.md'));
  const customer = findCustomer(data, 'mengyuan-ruye')!;
  const deal = openDeal(data, customer, TODAY);
  const view = buildView('proposal', { data, customer, ...(deal && { deal }), today: TODAY }) as ProposalView;
  const blocksFor = (name: string, address = '和林格尔') => buildSection(set.renderer, template, { ...view, customer: { ...view.customer, name, address } }).blocks;

  // markup.ts:73–77: the checkbox test reads the item's resolved text.
  it('a list item whose data starts with "[ ] " stays a bullet and keeps its text', () => {
    const list = blocksFor('[ ] 蒙源', '[x] 和林格尔')[0]!;
    expect(list).toEqual({ type: 'list', style: 'bullet', items: [[{ type: 'text', text: '[ ] 蒙源' }], [{ type: 'text', text: '[x] 和林格尔' }]] });
  });

  // markup.ts:110–111: the indent test reads the paragraph's resolved text.
  it('a paragraph whose data starts with 　　 is not indented and keeps its spaces', () => {
    const paragraph = blocksFor('　　蒙源')[1]!;
    expect(paragraph).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '　　蒙源，您好。' }] });
  });

  // markup.ts:132–135: the label ends at the first colon of the resolved line, even in data.
  it('a ::: kv label taken from data keeps a colon in the data', () => {
    const kv = blocksFor('经理:蒙源')[2]!;
    expect(kv).toEqual({ type: 'keyValue', columns: 1, items: [{ label: '经理:蒙源', value: [{ type: 'text', text: '和林格尔' }] }] });
  });

  // markup.ts:143: the lines of a ::: qr block are joined with '' instead of a newline, so the
  // QR code of every proposal reads "…有限公司团购热线 400-616-8899www.…" run together.
  it('the lines of a ::: qr block stay lines of the QR text', () => {
    const qr = blocksFor('蒙源')[3]!;
    expect(qr).toMatchObject({ type: 'qr', text: view.qr });
    expect(view.qr.split('\n')).toHaveLength(3);
  });
});
