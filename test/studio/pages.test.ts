// The studio's pages on the sample data: what each shows, with the figures worked out here from
// the data files themselves, and the documents it serves read back from the PDF and .docx.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { agenda } from '../../src/app/agenda.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { DATA, TODAY } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';
import { studio, textOf } from './helpers.ts';

const s = studio();

/** Each sample customer as its file says, with the class worked out from the thresholds of policies.yaml (A ≥ 100000 元 …). */
const customers = readdirSync(path.join(DATA, 'customers')).map((f) => {
  const c = parse(readFileSync(path.join(DATA, 'customers', f), 'utf8'), { schema: 'failsafe' });
  const yuan = c.expectedAnnualPurchase === undefined ? undefined : Number(c.expectedAnnualPurchase);
  const cls = yuan === undefined ? '未分级' : yuan >= 100000 ? 'A' : yuan >= 50000 ? 'B' : yuan >= 20000 ? 'C' : 'D';
  return { id: c.id as string, name: c.name as string, system: c.system as string, status: c.status as string, cls, contacts: (c.contacts as { name: string }[]).map((k) => k.name) };
});

/** The customer names listed on a list page, in order. */
const listed = (page: string): string[] => [...page.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1]!);

describe('工作台', () => {
  it('counts the customers by class and status, each count linking to the list so filtered', async () => {
    const page = await s.page('/');
    for (const cls of ['A', 'B', 'C', 'D', '未分级']) {
      const row = new RegExp(`<tr><th>${cls}</th>(.*?)</tr>`).exec(page)![1]!;
      const cells = [...row.matchAll(/<td class="num">(.*?)<\/td>/g)].map((m) => textOf(m[1]!));
      const n = (status?: string) => customers.filter((c) => c.cls === cls && (status === undefined || c.status === status)).length;
      expect(cells, cls).toEqual([String(n('现有')), String(n('潜在')), String(n())]);
    }
    expect(page).toContain('href="/customers?class=A&amp;status=%E7%8E%B0%E6%9C%89"');
  });

  it('lists the agenda of the next 30 days, overdue first, each customer linking to its page', async () => {
    const page = await s.page('/');
    const items = agenda(openWorkspace({ data: DATA }), { today: TODAY, days: 30 }).items;
    expect(items.length).toBeGreaterThan(10);
    const rows = [...page.matchAll(/<tr class="kind-([a-z-]+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(items.map((i) => i.kind));
    for (const [k, i] of items.entries()) expect(textOf(rows[k]![2]!)).toContain(i.why);
    expect(textOf(rows[0]![2]!)).toMatch(/逾期 \d+ 天/);
    expect(textOf(page)).toContain('2026年11月24日 至 2026年12月24日');
    for (const kind of ['birthday', 'deal-expiring', 'mailing', 'visit-due']) expect(rows.some((r) => r[1] === kind), kind).toBe(true);
    expect(page).toContain('<a href="/customers/mengyuan-ruye">蒙源乳业集团有限公司</a>');
  });

  it('names the next festival mailing: 2027 春节 (6 February) less the 60 days of policies.yaml', async () => {
    const card = textOf(/<div class="card" id="next-mailing">([\s\S]*?)<\/div>\s*<\/div>/.exec(await s.page('/'))![1]!);
    // 2027-02-06 − 60 days = 2026-12-08, 14 days after 2026-11-24.
    expect(card).toBe('下一个节日邮寄 2027年春节 2026年12月8日寄出，还有 14 天；节日是2027年2月6日');
  });

  it('gives the number of data problems, linking to 数据检查', async () => {
    const page = await s.page('/');
    const box = /<div class="card" id="problems">([\s\S]*?)<\/div>\s*<\/div>/.exec(page)![1]!;
    const { errors, warnings } = openWorkspace({ data: DATA }).check();
    expect(errors).toBe(0);
    expect(box).toContain(`<a href="/check">${warnings}</a>`);
    expect(textOf(box)).toContain(`没有错误 ，${warnings} 个警告`);
  });
});

describe('客户', () => {
  it('lists every customer with class, system, status, VIP, manager and last visit', async () => {
    const page = await s.page('/customers');
    expect(listed(page).sort()).toEqual(customers.map((c) => c.id).sort());
    const row = textOf(/<tr data-id="mengyuan-ruye">(.*?)<\/tr>/.exec(page)![1]!);
    expect(row).toBe('A 蒙源乳业集团有限公司 实力企业 现有 VIP 王建国 2026-11-16');
    expect(textOf(/<tr data-id="minimal-beijiang-renshou">(.*?)<\/tr>/.exec(page)![1]!)).toContain('未分级');
    expect(textOf(/<tr data-id="minimal-beijiang-renshou">(.*?)<\/tr>/.exec(page)![1]!)).toContain('没有记录');
  });

  it('filters by class, system, status, VIP and manager from the query string, and keeps the choice in the form', async () => {
    const cases: [string, (c: (typeof customers)[number]) => boolean][] = [
      ['class=A', (c) => c.cls === 'A'],
      ['class=%E6%9C%AA%E5%88%86%E7%BA%A7', (c) => c.cls === '未分级'],
      ['system=%E9%87%91%E8%9E%8D', (c) => c.system === '金融'],
      ['status=%E6%BD%9C%E5%9C%A8', (c) => c.status === '潜在'],
      ['class=B&status=%E6%BD%9C%E5%9C%A8', (c) => c.cls === 'B' && c.status === '潜在'],
    ];
    for (const [query, keep] of cases) {
      const page = await s.page(`/customers?${query}`);
      const want = customers.filter(keep).map((c) => c.id).sort();
      expect(want.length, query).toBeGreaterThan(0);
      expect(listed(page).sort(), query).toEqual(want);
      expect(textOf(page)).toContain(`共 ${customers.length} 个客户，列出 ${want.length} 个`);
    }
    expect(await s.page('/customers?class=A')).toContain('<option selected>A</option>');
    const managed = listed(await s.page('/customers?manager=%E7%8E%8B%E5%BB%BA%E5%9B%BD'));
    expect(managed.sort()).toEqual(['mengyuan-ruye', 'qcxq-jiedai-zhongxin', 'qingcheng-reli']);
    const vip = listed(await s.page('/customers?vip=VIP'));
    expect(vip).toContain('mengyuan-ruye');
  });

  it('finds a customer by part of the unit name or a contact’s name', async () => {
    expect(listed(await s.page(`/customers?q=${encodeURIComponent('其木格')}`))).toEqual(['mengyuan-ruye']);
    const bank = customers.filter((c) => c.name.includes('银行')).map((c) => c.id).sort();
    expect(bank.length).toBeGreaterThan(0);
    expect(listed(await s.page(`/customers?q=${encodeURIComponent('银行')}`)).sort()).toEqual(bank);
    expect(textOf(await s.page(`/customers?q=${encodeURIComponent('没有这个人')}`))).toContain('列出 0 个');
  });
});

describe('客户详情', () => {
  it('shows the unit, its contacts, visits, purchases and deals, the internal facts marked 内部', async () => {
    const page = await s.page('/customers/mengyuan-ruye');
    const text = textOf(page);
    for (const want of ['蒙源乳业集团有限公司', '呼和浩特市和林格尔县盛乐经济园区乳业大道 1 号', '张振邦', '其木格', '刘海军', '春节方案已提交，刘主管要求把额外折让和送货批次写进合同条款。', '2027-chunjie-mengyuan', '¥385,560.00']) {
      expect(text).toContain(want);
    }
    expect(page).toMatch(/<dt>备注<span class="tag-internal"[^>]*>内部<\/span><\/dt><dd>集团下属牧场/);
    expect(page).toMatch(/<dt>单位地址<\/dt>/);
    expect(page).toContain('href="/customers/mengyuan-ruye/edit"');
    expect(page).toContain('href="/customers/mengyuan-ruye/visits/new"');
    expect(page).toContain('href="/customers/mengyuan-ruye/deals/2027-chunjie-mengyuan/edit"');
  });

  it('lists every document with a preview in the page and PDF and Word downloads', async () => {
    const page = await s.page('/customers/mengyuan-ruye');
    for (const file of ['proposal.pdf?deal=2027-chunjie-mengyuan', 'visit.pdf', 'card.pdf', 'allocation.pdf?deal=2027-chunjie-mengyuan', 'product.pdf?product=JX53-ZC', 'product.pdf?product=NX52-JC', 'pack.pdf']) {
      expect(page, file).toContain(`data-preview="/customers/mengyuan-ruye/documents/${file.replace('&', '&amp;')}"`);
    }
    expect(page).toContain('href="/customers/mengyuan-ruye/documents/proposal.docx?deal=2027-chunjie-mengyuan&amp;download=1"');
    expect(page).toMatch(/<iframe id="preview" name="preview" title="文书预览" src="\/customers\/mengyuan-ruye\/documents\/proposal.pdf\?deal=2027-chunjie-mengyuan">/);
  });

  it('shows why a document cannot be made instead of a broken link', async () => {
    const page = await s.page('/customers/minimal-beijiang-renshou');
    const proposal = /<li>团购建议书<div class="error">([^<]*)<\/div>/.exec(page);
    expect(proposal?.[1]).toBeTruthy();
    expect(page).not.toContain('/customers/minimal-beijiang-renshou/documents/proposal.pdf');
  });

  it('serves the proposal as PDF and .docx bytes holding the unit’s name, with a UTF-8 file name', async () => {
    const pdf = await s.get('/customers/mengyuan-ruye/documents/proposal.pdf?deal=2027-chunjie-mengyuan');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="mengyuan-ruye-proposal-2027-chunjie-mengyuan.pdf"; filename*=UTF-8''mengyuan-ruye-proposal-2027-chunjie-mengyuan.pdf`);
    expect((await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join('')).toContain('蒙源乳业集团有限公司');
    const docx = await s.get('/customers/mengyuan-ruye/documents/proposal.docx?download=1');
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="mengyuan-ruye-proposal.docx"/);
    expect(await docxText(new Uint8Array(await docx.arrayBuffer()))).toContain('蒙源乳业集团有限公司');
  });

  it('serves the allocation of another deal of the customer, and the product sheet of a product asked for', async () => {
    const allocation = await s.get('/customers/qcxq-shuiwuju/documents/allocation.pdf?deal=2027-yuandan-shuiwuju');
    expect(allocation.status).toBe(200);
    expect((await pdfPages(new Uint8Array(await allocation.arrayBuffer()))).join('')).toContain('2027-yuandan-shuiwuju');
    const product = await s.get('/customers/mengyuan-ruye/documents/product.pdf?product=NX52-JC');
    expect(product.status).toBe(200);
  });
});

describe('数据检查', () => {
  it('groups the issues by file and links each to the form and field that fixes it', async () => {
    const page = await s.page('/check');
    const { files, warnings } = openWorkspace({ data: DATA }).check();
    expect(textOf(page)).toContain(`共检查 ${files} 个文件：0 个错误，${warnings} 个警告。数据可以使用。`);
    const section = /<section class="file" data-file="customers\/minimal-beijiang-renshou.yaml">([\s\S]*?)<\/section>/.exec(page)![1]!;
    expect(section).toContain('<a href="/customers/minimal-beijiang-renshou/edit">打开编辑</a>');
    expect(section).toContain('<a href="/customers/minimal-beijiang-renshou/edit#field-postcode">邮编</a>');
    expect(section).toContain('<a href="/customers/minimal-beijiang-renshou/edit#field-accountManager">客户经理</a>');
  });
});

describe('404 and error pages', () => {
  it('answers an unknown address with a Chinese 404 page in the layout', async () => {
    const res = await s.get('/nowhere');
    expect(res.status).toBe(404);
    const text = textOf(await res.text());
    expect(text).toContain('找不到这个页面');
    expect(text).toContain('回到工作台');
  });

  it('answers an unknown customer with 404 and the message', async () => {
    const res = await s.get('/customers/nobody');
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain('找不到客户「nobody」 查看全部客户');
  });
});
