// The 客户信息卡 as the archive keeps it (domain.md §5), and the 利益分配汇总 marking a
// commission to a decider's kin or close associate on its own row (domain.md §9).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, openWorkspace } from '../../src/app/index.ts';
import type { Doc } from '../../src/document/model.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { runCli } from '../cli/run.ts';
import { DATA, dataCopy, renderDoc, tempDir } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const assetsDir = path.join(DATA, 'assets');
const squeeze = (s: string) => s.replace(/\s+/gu, '');

async function texts(doc: Doc): Promise<{ pdf: string[]; docx: string }> {
  return { pdf: (await pdfPages(await writePdf(doc, { assetsDir }))).map(squeeze), docx: squeeze(await docxText(await writeDocx(doc, { assetsDir }))) };
}

describe('客户信息卡', () => {
  it('one card per concerned contact, dated by the archive, not by the day it is printed', async () => {
    const { doc } = renderDoc('card', 'mengyuan-ruye', { today: '2026-12-03' });
    const { pdf, docx } = await texts(doc);
    // 张振邦 (决策人), 其木格 (工会主席), 刘海军 (采购): three cards, one a page.
    expect(pdf).toHaveLength(3);
    for (const [page, name] of [[0, '张振邦'], [1, '其木格'], [2, '刘海军']] as const) expect(pdf[page]).toContain(`姓名${name}`);
    for (const text of [pdf.join(''), docx]) {
      expect(text).toContain('建卡日期：2025年3月12日');
      expect(text).toContain('填卡人王建国建卡日期2025年3月12日最近更新2026年10月20日主管审核高振东（2026年10月23日）');
      expect(text).toContain('填卡人王建国建卡日期2025年3月12日最近更新2026年11月16日主管审核高振东（2026年11月18日）');
      // 刘海军's card is filled in but not yet reviewed.
      expect(text).toContain('填卡人王建国建卡日期2026年9月22日最近更新主管审核');
      expect(text).toContain('打印日期：2026年12月3日');
      expect(text).not.toContain('建卡日期：2026年12月3日');
    }
  });

  it('the contacts asked for, and only them', async () => {
    const ws = openWorkspace({ data: DATA });
    const built = buildDocument(ws, { kind: 'card', customer: 'mengyuan-ruye', contacts: ['刘海军'], today: '2026-12-03' });
    const { pdf, docx } = await texts(built.doc);
    expect(pdf).toHaveLength(1);
    for (const text of [pdf.join(''), docx]) {
      expect(text).toContain('姓名刘海军');
      expect(text).toContain('建卡日期：2026年9月22日');
      expect(text).not.toContain('张振邦');
    }
  });
});

describe('利益分配汇总: a commission to a decider\'s relative or close associate', () => {
  // The sample 接待中心 deal pays its intermediary nothing; here it pays him, 侯建明主任's 表弟.
  const scratch = tempDir('kin-commission');
  afterAll(() => scratch.remove());
  const kinPaid = dataCopy(scratch.dir, 'deals/2026-zhaodai-jiedai.yaml', (t) =>
    t.replace(/# 不付居间佣金.*\n/, '# 韩志刚是侯建明主任的表弟\ncommission:\n  to: 韩志刚\n  rate: "2"\n  agreement: JJ-2026-011\n'),
  );

  it('党政 unit: a violation marked on the commission row itself, with the reason', async () => {
    // qcxq-jiedai-zhongxin: 中介人韩志刚「侯建明主任的表弟」, 侯建明 the 决策人; the deal pays him 2 %.
    const { doc, view } = renderDoc('allocation', 'qcxq-jiedai-zhongxin', { data: kinPaid });
    const { pdf, docx } = await texts(doc);
    for (const text of [pdf.join(''), docx]) {
      const row = text.indexOf('韩志刚2%JJ-2026-011未入账');
      expect(row).toBeGreaterThan(0);
      const mark = text.indexOf('违规：佣金不付给决策、审批人员的亲属或密切关系人（收款人韩志刚是侯建明（决策人）的表弟（亲属）：党政单位', row);
      // On the row, before the next section: not only in the checks of section 五.
      expect(mark).toBeGreaterThan(row);
      expect(mark).toBeLessThan(text.indexOf('四、我方成本与毛利'));
      expect(text).toContain('本方案有1项违规');
    }
    // 2 % of what the unit pays, in fen: Σ group-price lines less the 2 % extra discount.
    const v = view as { deal: { total: { fen: number } }; commission: { amount: { fen: number } }; violations: number };
    expect(v.commission.amount.fen).toBe(Math.round(v.deal.total.fen * 0.02));
    expect(v.violations).toBe(1);
  });

  it('an enterprise: a warning (注意) on the row, not a violation', async () => {
    // qingcheng-reli (能源): 田宝山「贺立新董事长的老战友」, paid 3 % under agreement JJ-2027-001.
    const { doc, view } = renderDoc('allocation', 'qingcheng-reli');
    const { pdf, docx } = await texts(doc);
    for (const text of [pdf.join(''), docx]) {
      expect(text).toContain('注意：佣金不付给决策、审批人员的亲属或密切关系人（收款人田宝山是贺立新（决策人）的老战友（密切关系人）：须经部门经理批准');
      expect(text).toContain('有1项须部门经理知悉并批准');
      expect(text).not.toContain('项违规');
    }
    expect((view as { violations: number; warnings: number }).warnings).toBe(1);
  });

  it('check reports both, by rule, file, line and field, as warnings', async () => {
    const r = await runCli(['check', '--data', kinPaid, '--json']);
    const issues = (JSON.parse(r.stdout) as { issues: { rule: string; file: string; line: number; field: string; severity: string; message: string }[] }).issues.filter(
      (i) => i.rule === 'commission-to-relative',
    );
    const jiedai = issues.find((i) => i.file.endsWith('deals/2026-zhaodai-jiedai.yaml'));
    expect(jiedai).toMatchObject({ line: 16, field: 'commission.to', severity: 'warning' });
    expect(jiedai?.message).toMatch(/^违规：收款人韩志刚是侯建明（决策人）的表弟（亲属）/);
    expect(issues.filter((i) => i.file.includes('reli')).map((i) => i.message.slice(0, 3))).toEqual(['注意：', '注意：']);
  });
});

it.each([
  ['allocation', 'qingcheng-reli'], // 三、中介佣金… stood at the foot of page 1; its table, with a tall 注意 row, moved to page 2
  ['allocation', 'qcxq-jiedai-zhongxin'],
  ['card', 'mengyuan-ruye'],
])('%s %s: no page ends with a heading', async (template, customer) => {
  const { doc } = renderDoc(template, customer);
  const plain = (b: { content: readonly { type: string; text?: string }[] }) => squeeze(b.content.map((i) => i.text ?? '').join(''));
  const headings = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'heading' ? [plain(b)] : [])));
  const furniture = doc.sections.flatMap((s) => [s.header, s.footer]).filter((t): t is string => Boolean(t)).map(squeeze);
  const { pdf } = await texts(doc);
  for (const [i, page] of pdf.entries()) {
    let text = page.replace(/第\d+页\/共\d+页/g, '').replace('内部资料注意保密', '');
    for (const f of furniture) text = text.replaceAll(f, '');
    for (const h of headings) expect(text.endsWith(h), `page ${i + 1} ends with ${h}`).toBe(false);
  }
});
