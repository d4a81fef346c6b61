// Nothing internal reaches an external document: every private field of a customer, its deal
// and the products is filled with a unique marker, and no marker may appear in the text of
// the external documents' PDF or .docx (proposal, product sheet, festival letter). The
// internal card is the control: markers do show there.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, openWorkspace, renderDocument } from '../../src/app/index.ts';
import { runCli } from '../cli/run.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CUSTOMER = 'mengyuan-ruye';

const MARKERS = {
  homeAddress: '泄漏标记住址',
  homePhone: '0471-9990017',
  mobile: '13999900017',
  wechat: 'leakmarker_wx17',
  email: 'leakmarker17@example.com',
  birthday: '1911年11月11日',
  anniversary: '1912年12月12日',
  relation: '泄漏标记亲属',
  familyName: '泄漏标记名',
  familyHobby: '泄漏标记家人爱好',
  hobby: '泄漏标记爱好',
  contactNotes: '泄漏标记联系人备注',
  unitNotes: '泄漏标记单位备注',
  intermediary: '泄漏标记中介',
  agreement: '泄漏标记协议',
  visit: '泄漏标记拜访结果',
  question: '泄漏标记问题',
  cost: '7,777.77',
  commissionTo: '泄漏标记佣金人',
  gift: '泄漏标记赠品',
  dealNotes: '泄漏标记方案备注',
  // What we learned about the unit (domain.md §12): its past welfare, budgets, other suppliers.
  welfareItems: '泄漏标记往年福利由其他供应商提供',
  welfareBudget: '6,666.66',
  // The product a comparison was made with: internal reference, never named outside.
  competitor: '泄漏标记竞品',
  // After-sales complaints and money owed: the archive's, read before a visit (domain.md §7.6).
  complaintIssue: '泄漏标记投诉内容',
  complaintHandling: '泄漏标记投诉处理',
  receivable: '5,555.55',
} as const;

function edit(file: string, change: (doc: ReturnType<typeof parseDocument>) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  change(doc);
  writeFileSync(file, doc.toString());
}

let out: string;
let data: string;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-leak-'));
  data = path.join(dir, 'data');
  out = path.join(dir, 'out');
  cpSync(path.join(ROOT, 'data'), data, { recursive: true });
  edit(path.join(data, 'customers', `${CUSTOMER}.yaml`), (doc) => {
    const contacts = (doc.get('contacts') as { items: unknown[] }).items;
    contacts.forEach((_, i) => {
      const set = (key: string, value: unknown) => doc.setIn(['contacts', i, key], doc.createNode(value));
      set('homeAddress', MARKERS.homeAddress);
      set('homePhone', MARKERS.homePhone);
      set('mobile', MARKERS.mobile);
      set('wechat', MARKERS.wechat);
      set('email', MARKERS.email);
      set('birthday', '1911-11-11');
      set('anniversary', '1912-12-12');
      set('family', [{ relation: MARKERS.relation, name: MARKERS.familyName, hobbies: [MARKERS.familyHobby] }]);
      set('hobbies', [MARKERS.hobby]);
      set('notes', MARKERS.contactNotes);
    });
    doc.set('notes', MARKERS.unitNotes);
    doc.set('intermediary', doc.createNode({ name: MARKERS.intermediary, relation: '朋友', agreement: MARKERS.agreement }));
    doc.set('visits', doc.createNode([{ date: '2026-10-10', mode: '登门', by: '王建国', outcome: MARKERS.visit }]));
    doc.set('questions', doc.createNode([{ question: MARKERS.question, answer: MARKERS.question }]));
    doc.set('pastWelfare', doc.createNode([{ year: '2026', festival: '中秋', items: MARKERS.welfareItems, budget: '6666.66' }]));
    doc.set('complaints', doc.createNode([{ date: '2026-09-15', issue: MARKERS.complaintIssue, handling: MARKERS.complaintHandling, closed: '否' }]));
    doc.set('receivables', doc.createNode([{ date: '2026-09-10', amount: '5555.55', due: '2026-11-30' }]));
  });
  for (const f of readdirSync(path.join(data, 'products'))) {
    edit(path.join(data, 'products', f), (doc) => {
      doc.set('costPrice', '7777.77');
      doc.set('comparedWith', MARKERS.competitor);
    });
  }
  edit(path.join(data, 'deals', '2027-chunjie-mengyuan.yaml'), (doc) => {
    doc.set('notes', MARKERS.dealNotes);
    doc.set('commission', doc.createNode({ to: MARKERS.commissionTo, rate: '2', agreement: MARKERS.agreement }));
    doc.set('gifts', doc.createNode([{ item: MARKERS.gift, quantity: '1', valueEach: '100', recipient: '单位' }]));
  });
});

async function texts(files: readonly string[]): Promise<string> {
  return squeezed(await Promise.all(files.map((f) => textOf(f, new Uint8Array(readFileSync(f))))));
}

async function textOf(name: string, bytes: Uint8Array): Promise<string> {
  return name.endsWith('.pdf') ? (await pdfPages(bytes)).join('\n') : docxText(bytes);
}

// Page layout may break a marker across lines; compare without whitespace.
const squeezed = (parts: readonly string[]): string => parts.join('\n').replace(/\s+/g, '');

/** A festival letter to the customer, as `tuangou letters` makes it, in both formats. */
async function letterTexts(): Promise<string> {
  const ws = openWorkspace({ data });
  const built = buildDocument(ws, { kind: 'letter', customer: CUSTOMER, today: '2026-11-24', festival: { name: '春节', year: 2027 } });
  return squeezed(await Promise.all((['pdf', 'docx'] as const).map(async (f) => textOf(`.${f}`, await renderDocument(ws, built, f)))));
}

async function generate(args: string[]): Promise<string[]> {
  const r = await runCli([...args, '--data', data, '--out', out, '--today', '2026-11-24', '--json']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { files: string[] }).files;
}

describe('external documents carry no private data', () => {
  it('the markers are valid data', async () => {
    const r = await runCli(['check', '--data', data]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/：0 个错误/);
  });

  it.each([
    ['proposal', ['proposal', CUSTOMER]],
    ['product sheet', ['render', 'product', CUSTOMER]],
  ])('%s: no marker in the PDF or the .docx', async (_, args) => {
    const text = await texts(await generate(args));
    expect(text.length).toBeGreaterThan(500);
    for (const marker of Object.values(MARKERS)) expect(text, marker).not.toContain(marker.replace(/\s+/g, ''));
  });

  it('festival letter: no marker in the PDF or the .docx', async () => {
    const text = await letterTexts();
    expect(text).toContain('尊敬的张董事长');
    for (const marker of Object.values(MARKERS)) expect(text, marker).not.toContain(marker.replace(/\s+/g, ''));
  });

  it('control: the internal card and allocation do show them', async () => {
    const text = await texts([...(await generate(['card', CUSTOMER])), ...(await generate(['allocation', CUSTOMER]))]);
    for (const marker of [MARKERS.homeAddress, MARKERS.mobile, MARKERS.wechat, MARKERS.familyHobby, MARKERS.contactNotes, MARKERS.commissionTo, MARKERS.gift]) {
      expect(text, marker).toContain(marker);
    }
  });

  it('control: the internal visit sheet shows the past welfare and its budget', async () => {
    const text = await texts(await generate(['visit', CUSTOMER]));
    for (const marker of [MARKERS.welfareItems, MARKERS.welfareBudget, MARKERS.complaintIssue, MARKERS.complaintHandling, MARKERS.receivable]) expect(text, marker).toContain(marker);
  });
});
