// A deal that breaks a rule of domain.md §9 makes no paper for the customer: the library
// refuses with the violations at file:line:field, the CLI prints them and exits 1. An extra
// discount above the policy cap goes out only with the approval recorded.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError, buildDocument, openWorkspace, renderDocument, type DocumentRequest } from '../../src/app/index.ts';
import { loadData } from '../../src/data/load.ts';
import { DATA, dataCopy, tempDir } from '../pipeline/build.ts';
import { runCli } from '../cli/run.ts';
import { pdfPages } from '../writers/text.ts';

const TODAY = '2026-11-24';
const scratch = tempDir('compliance');
afterAll(scratch.remove);

/** The error building `request` throws, with its issues as file (relative to the data folder):line field rule. */
function refusal(request: DocumentRequest, dataDir = DATA): { code: string; issues: string[]; message: string } {
  try {
    buildDocument(openWorkspace({ data: dataDir }), request);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, message: e.message, issues: e.issues.map((i) => `${path.relative(dataDir, i.file)}:${i.line} ${i.field} ${i.rule}`) };
  }
  throw new Error('built');
}

// The 税务局's 元旦 deal gives a gift box worth 840 元 to its 副局长, the unit's 决策人 (deliberately).
const TAX = 'qcxq-shuiwuju';
const GIFT = 'deals/2027-yuandan-shuiwuju.yaml:19 gifts[0] compliance';

describe('a deal with a gift to an official', () => {
  it.each([
    ['proposal', { kind: 'proposal', customer: TAX, today: TODAY }],
    ['quote', { kind: 'quote', customer: TAX, today: TODAY }],
    ['product sheet', { kind: 'product', customer: TAX, today: TODAY, product: 'QX42-CL' }],
    ['pack (it holds the proposal)', { kind: 'pack', customer: TAX, today: TODAY }],
    ['a user template with the proposal view', { template: 'proposal', customer: TAX, today: TODAY }],
    ['the 元旦 letter, which would offer the deal', { kind: 'letter', customer: TAX, today: TODAY, festival: { name: '元旦', year: 2027 } }],
  ] as [string, DocumentRequest][])('%s: refused, each violation at its line and field', (_, request) => {
    const r = refusal(request);
    expect(r.code).toBe('compliance');
    expect(r.issues).toEqual([GIFT, GIFT]);
    expect(r.message).toContain('违反「不向经办、审批采购的人员个人送礼」：珍藏酱香 53 度两瓶装礼盒 给决策人个人');
    expect(r.message).toContain('违反「不向公职人员个人送有价值的礼品」：珍藏酱香 53 度两瓶装礼盒（每份 ¥840.00）给公职人员个人');
  });

  it('the internal allocation summary is still made, marking the violations', async () => {
    const ws = openWorkspace({ data: DATA });
    const built = buildDocument(ws, { kind: 'allocation', customer: TAX, today: TODAY });
    expect(built.compliance?.violations).toBe(2);
    const text = (await pdfPages(await renderDocument(ws, built, 'pdf'))).join('').replace(/\s+/g, '');
    expect(text).toContain('违规');
  });

  it('the CLI stops with exit 1, prints the violations with file:line:field and writes nothing', async () => {
    const out = path.join(scratch.dir, 'out');
    const r = await runCli(['proposal', TAX, '--today', TODAY, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/deals\/2027-yuandan-shuiwuju\.yaml:19:5 gifts\[0\]\(赠品\) 错误：违反「不向经办、审批采购的人员个人送礼」/);
    expect(r.stderr).toContain('tuangou allocation 逐条列出合规检查');
    expect(r.stdout).toBe('');
    const quote = await runCli(['quote', TAX, '--today', TODAY, '--out', out, '--json']);
    expect(quote.code).toBe(1);
    expect(JSON.parse(quote.stdout).files).toEqual([]);
  });
});

describe('an extra discount above the policy cap', () => {
  // The bank's 礼品 deal: 360 bottles, cap 2 %, 3 % approved by 王建国 on 2026-11-20.
  const BANK = 'beijiang-nongshang-qc';
  const DEAL = 'deals/2026-lipin-nongshang.yaml';

  it('with the approval recorded: no warning, and the proposal and quote are made', () => {
    const data = loadData(DATA);
    expect(data.deals.get('2026-lipin-nongshang')?.discountApproval).toEqual({ by: '王建国', date: '2026-11-20' });
    expect(data.issues.filter((i) => i.file.endsWith('2026-lipin-nongshang.yaml'))).toEqual([]);
    for (const kind of ['proposal', 'quote'] as const) expect(() => buildDocument(openWorkspace({ data: DATA }), { kind, customer: BANK, today: TODAY })).not.toThrow();
  });

  it('without it: check warns at extraDiscount, and no external paper is made', () => {
    const copy = dataCopy(path.join(scratch.dir, 'unapproved'), DEAL, (t) => t.replace(/discountApproval:\n  by: 王建国\n  date: 2026-11-20\n/, ''));
    const warned = loadData(copy).issues.filter((i) => i.rule === 'discount-cap').map((i) => `${path.relative(copy, i.file)}:${i.line} ${i.field} ${i.severity}`);
    expect(warned).toEqual([`${DEAL}:20 extraDiscount warning`]);
    const r = refusal({ kind: 'proposal', customer: BANK, today: TODAY }, copy);
    expect(r.code).toBe('compliance');
    expect(r.issues).toEqual([`${DEAL}:20 extraDiscount compliance`]);
    expect(r.message).toContain('共 360 瓶，上限 2%，本方案 3%，超出上限且没有审批记录');
  });

  it('check validates the approval: dated after the offer runs out is an error; one that is not needed, a warning', () => {
    const issuesOf = (dir: string) => loadData(dir).issues.filter((i) => i.file.endsWith(DEAL));
    const late = dataCopy(path.join(scratch.dir, 'late'), DEAL, (t) => t.replace('date: 2026-11-20', 'date: 2027-01-05'));
    expect(issuesOf(late).map((i) => [path.relative(late, i.file), i.line, i.field, i.severity, i.rule])).toEqual([[DEAL, 23, 'discountApproval.date', 'error', 'approval-date']]);
    const unneeded = dataCopy(path.join(scratch.dir, 'unneeded'), DEAL, (t) => t.replace('extraDiscount: "3"', 'extraDiscount: "2"'));
    expect(issuesOf(unneeded).map((i) => [i.line, i.field, i.severity, i.rule])).toEqual([[22, 'discountApproval', 'warning', 'approval-unneeded']]);
    const nameless = dataCopy(path.join(scratch.dir, 'nameless'), DEAL, (t) => t.replace('  by: 王建国\n', ''));
    expect(issuesOf(nameless).map((i) => [i.line, i.field, i.severity])).toEqual([[22, 'discountApproval.by', 'error']]);
  });
});

describe('invoice and purpose fields', () => {
  const DEAL = 'deals/2026-huiyi-jiangong.yaml';

  it('a deal promises only an invoice the company issues', () => {
    const copy = dataCopy(path.join(scratch.dir, 'invoice'), 'company.yaml', (t) => t.replace('    - 增值税专用发票\n', ''));
    const issues = loadData(copy).issues.filter((i) => i.rule === 'invoice-type').map((i) => [path.relative(copy, i.file), i.field, i.severity]);
    expect(issues).toEqual([['deals/2026-lipin-nongshang.yaml', 'invoice', 'error']]);
  });

  it('a purpose other than the occasion is an error unless the occasion is a festival', () => {
    const copy = dataCopy(path.join(scratch.dir, 'purpose'), DEAL, (t) => t.replace('occasion: 会议\n', 'occasion: 会议\npurpose: 礼品\n'));
    expect(loadData(copy).issues.filter((i) => i.file.endsWith(DEAL)).map((i) => [i.line, i.field, i.severity, i.message])).toEqual([
      [4, 'purpose', 'error', '场合不是节日时，用途就是场合本身：删去 purpose，或把场合改成节日'],
    ]);
  });
});

describe('our licences', () => {
  it('one past its date stops the proposal and the quote, naming it', () => {
    const copy = dataCopy(path.join(scratch.dir, 'expired'), 'company.yaml', (t) => t.replace('validUntil: 2029-06-30', 'validUntil: 2026-11-23'));
    for (const kind of ['proposal', 'quote'] as const) {
      const r = refusal({ kind, customer: 'mengyuan-ruye', today: TODAY }, copy);
      expect(r.code).toBe('company-unusable');
      expect(r.message).toBe('company.yaml 里的资质已经过期，不能印在对外文书上：食品经营许可证（2026-11-23）');
    }
  });
});
