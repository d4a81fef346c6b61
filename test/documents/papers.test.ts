// What external papers may say (domain.md §12, §13), read from the text of the PDF and the
// .docx the library renders: no competitor named, no health or performance claim, a letter
// that thanks only a unit that has bought, addresses a deputy without 副, offers nothing to a
// person and is dated the day it is mailed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, openWorkspace, renderDocument, type DocumentRequest } from '../../src/app/index.ts';
import { loadData } from '../../src/data/load.ts';
import { adClaimsIn } from '../../src/domain/ad-claims.ts';
import { DATA, dataCopy, ROOT, tempDir } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const TODAY = '2026-11-24';
const ws = openWorkspace({ data: DATA });
const data = loadData(DATA);
const scratch = tempDir('papers');
afterAll(scratch.remove);

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** The text of the document in each format, without whitespace (layout may break a line anywhere). */
async function texts(request: DocumentRequest): Promise<{ pdf: string; docx: string }> {
  const built = buildDocument(ws, request);
  const [pdf, docx] = await Promise.all([renderDocument(ws, built, 'pdf'), renderDocument(ws, built, 'docx')]);
  return { pdf: squeeze((await pdfPages(pdf)).join('\n')), docx: squeeze(await docxText(docx)) };
}

/** Both formats' text, each checked by `expectation`. */
async function inBoth(request: DocumentRequest, expectation: (text: string, format: string) => void): Promise<void> {
  const t = await texts(request);
  expectation(t.pdf, 'pdf');
  expectation(t.docx, 'docx');
}

/** Every competitor name the sample products hold as their internal comparison reference. */
const competitors = [...data.products.values()].flatMap((p) => {
  const whole = p.comparedWith?.replace(/（[^）]*）/g, '').trim();
  return whole ? [squeeze(whole), whole.split('·')[0]!] : [];
});

const letter = (customer: string, today = TODAY): DocumentRequest => ({ kind: 'letter', customer, today, festival: { name: '春节', year: 2027 } });

describe('no competitor named in an external paper', () => {
  it('the sample products do name competitors, internally', () => {
    expect(competitors).toContain('川南老窖');
    expect(competitors.length).toBeGreaterThanOrEqual(16);
  });

  it.each([...data.products.keys()])('product sheet %s compares with 同价位同类产品 and names no competitor', async (product) => {
    await inBoth({ kind: 'product', customer: 'mengyuan-ruye', today: TODAY, product }, (text, format) => {
      expect(text, format).toContain('与同价位同类产品相比');
      for (const name of competitors) expect(text, `${format}: ${name}`).not.toContain(name);
      expect(text, format).not.toContain('竞品');
    });
  });

  it('the proposal compares with 同价位同类产品 and names no competitor', async () => {
    await inBoth({ kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY }, (text, format) => {
      expect(text, format).toContain('与同价位同类产品的比较：');
      for (const name of competitors) expect(text, `${format}: ${name}`).not.toContain(name);
    });
  });
});

describe('selling points for what the deal buys for', () => {
  it('a 会议 proposal prints none written for staff welfare; a 福利 proposal does', async () => {
    await inBoth({ kind: 'proposal', customer: 'chilechuan-jiangong', today: TODAY }, (text, format) => {
      expect(text, format).toContain('同样的预算能多订一些');
      expect(text, format).not.toMatch(/北方职工|发福利时/);
    });
    await inBoth({ kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY }, (text, format) => {
      expect(text, format).toContain('北方职工普遍爱喝浓香');
      expect(text, format).toContain('发福利时大家满意度高');
    });
  });

  it('check names a purpose that is not one, with file, line and field', () => {
    const copy = dataCopy(path.join(scratch.dir, 'purposes'), 'products/NX52-JC.yaml', (t) => t.replace('purposes: [福利]', 'purposes: [过节]'));
    const issue = loadData(copy).issues.find((i) => i.field === 'fab[0].purposes[0]');
    expect(issue && { file: path.relative(copy, issue.file), line: issue.line, severity: issue.severity }).toEqual({ file: 'products/NX52-JC.yaml', line: 25, severity: 'error' });
  });
});

describe('a product sheet is one page', () => {
  // Without a deal the sheet lists every price tier, its longest form.
  it.each([...data.products.keys()])('%s, with every price tier', async (product) => {
    const built = buildDocument(ws, { kind: 'product', customer: 'minimal-beijiang-renshou', today: TODAY, product });
    const pages = await pdfPages(await renderDocument(ws, built, 'pdf'));
    expect(squeeze(pages[0] ?? '')).toContain('起订量');
    expect(pages).toHaveLength(1);
  });
});

describe('no health or performance claim (广告法 §23)', () => {
  it.each([
    ['proposal', { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY }],
    ['product sheet JX53-ZC', { kind: 'product', customer: 'mengyuan-ruye', today: TODAY, product: 'JX53-ZC' }],
    ['letter', letter('mengyuan-ruye')],
  ] as [string, DocumentRequest][])('%s', async (_, request) => {
    await inBoth(request, (text, format) => expect(adClaimsIn(text), format).toEqual([]));
  });

  it('no external template says one either', () => {
    const dir = path.join(ROOT, 'templates');
    const external = readdirSync(dir).filter((f) => f.endsWith('.md') && /^audience: external$/m.test(readFileSync(path.join(dir, f), 'utf8')));
    expect(external).toEqual(expect.arrayContaining(['letter.md', 'product.md', 'proposal.md']));
    for (const f of external) expect(adClaimsIn(readFileSync(path.join(dir, f), 'utf8')), f).toEqual([]);
  });

  it('check flags one in the company’s brand story, with file, line and field', () => {
    const copy = dataCopy(path.join(scratch.dir, 'story'), 'company.yaml', (t) => t.replace('二十年来只做一件事', '二十年来只做养生好酒'));
    const issue = loadData(copy).issues.find((i) => i.rule === 'ad-claim');
    expect(issue && { file: path.relative(copy, issue.file), line: issue.line, field: issue.field, severity: issue.severity }).toEqual({
      file: 'company.yaml',
      line: 28,
      field: 'brandStory',
      severity: 'error',
    });
    expect(issue?.message).toContain('「养生」是酒类广告不能有的说法');
  });
});

describe('festival letters', () => {
  it('a prospect (青城新区税务局, 潜在) is not thanked for business it never gave', async () => {
    expect(data.customers.get('qcxq-shuiwuju')?.status).toBe('潜在');
    await inBoth(letter('qcxq-shuiwuju'), (text, format) => {
      expect(text, format).toContain('致以新春的问候！春节');
      expect(text, format).not.toMatch(/承蒙|感谢贵单位|一直以来|合作/);
    });
  });

  it('a customer with purchases is thanked', async () => {
    await inBoth(letter('mengyuan-ruye'), (text, format) => expect(text, format).toContain('感谢贵单位一直以来对我们的信任和支持'));
  });

  it('a deputy is addressed without 副; the envelope keeps the full title', async () => {
    await inBoth(letter('qcxq-shuiwuju'), (text, format) => {
      expect(text, format).toContain('尊敬的乔局长：');
      expect(text, format).not.toContain('副局长');
    });
    await inBoth({ kind: 'envelope', customer: 'qcxq-shuiwuju', today: TODAY }, (text, format) => expect(text, format).toContain('乔振华副局长收'));
  });

  it('offers a tasting to the unit, never samples or gifts to the person (执法: a 副局长)', async () => {
    await inBoth(letter('qcxq-shuiwuju'), (text, format) => {
      expect(text, format).toContain('近日我们的客户经理将与贵单位联系，介绍方案；贵单位需要时，可安排样酒到单位集中品鉴。');
      expect(text, format).not.toMatch(/送上|赠送|礼品|与您联系/);
    });
  });

  it('is dated the mailing date (春节 2027-02-06 − 60 days), not the day it is printed', async () => {
    await inBoth(letter('qcxq-shuiwuju'), (text, format) => {
      expect(text, format).toContain('2026年12月8日');
      expect(text, format).not.toContain('2026年11月24日');
    });
  });

  it('is dated today once the mailing date is past', async () => {
    await inBoth(letter('qcxq-shuiwuju', '2026-12-20'), (text, format) => {
      expect(text, format).toContain('2026年12月20日');
      expect(text, format).not.toContain('2026年12月8日');
    });
  });
});
