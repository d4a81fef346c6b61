// The library API (src/app/) as a second front end would use it: no argv, no printing, no
// output files unless asked; errors with codes and issues; edits that keep comments and never
// overwrite someone else's.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AppError,
  buildDocument,
  DOCUMENT_KINDS,
  exportCustomers,
  openWorkspace,
  planSpreadsheetImport,
  readRecord,
  renderDocument,
  renderDocuments,
  runFestivalMailing,
  saveRecord,
  type DocumentKind,
  type DocumentRequest,
  type Workspace,
} from '../../src/app/index.ts';
import { loadData } from '../../src/data/load.ts';
import { dataCopy, tempDir } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const TODAY = '2026-11-24';

/** Every file under `dir`, with its size and time: what "nothing was written" compares. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const f = path.join(e.parentPath, e.name);
      const st = statSync(f);
      return `${path.relative(dir, f)} ${st.size} ${st.mtimeMs}`;
    })
    .sort();
}

async function thrown(f: () => unknown): Promise<AppError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('the library API', () => {
  let tmp: ReturnType<typeof tempDir>;
  let data: string;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir('api');
    data = dataCopy(tmp.dir, 'customers/mengyuan-ruye.yaml', (t) => t.replace('id: mengyuan-ruye', 'id: mengyuan-ruye # 客户编号，勿改'));
    ws = openWorkspace({ data });
  });
  afterEach(() => tmp.remove());

  const requests: Record<DocumentKind, DocumentRequest> = {
    proposal: { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY },
    quote: { kind: 'quote', customer: 'mengyuan-ruye', today: TODAY },
    visit: { kind: 'visit', customer: 'mengyuan-ruye', today: TODAY, date: '2026-12-03' },
    card: { kind: 'card', customer: 'mengyuan-ruye', today: TODAY, contacts: ['其木格'] },
    allocation: { kind: 'allocation', customer: 'qcxq-shuiwuju', today: TODAY },
    product: { kind: 'product', customer: 'mengyuan-ruye', today: TODAY, product: 'NX52-JC' },
    pack: { kind: 'pack', customer: 'mengyuan-ruye', today: TODAY },
    letter: { kind: 'letter', customer: '蒙源乳业集团有限公司', today: TODAY, festival: { name: '春节', year: 2027 } },
    envelope: { kind: 'envelope', customer: 'mengyuan-ruye', today: TODAY },
    labels: { kind: 'labels', customer: 'mengyuan-ruye', today: TODAY, more: ['qcxq-shuiwuju'] },
    'weekly-report': { kind: 'weekly-report', today: TODAY },
    'customer-report': { kind: 'customer-report', customer: 'mengyuan-ruye', today: TODAY },
  };

  it('builds and renders every kind of document to PDF and .docx bytes, writing no file', async () => {
    const before = listing(tmp.dir);
    for (const kind of DOCUMENT_KINDS) {
      const built = buildDocument(ws, requests[kind]);
      // The weekly report is about no one customer: its title names it.
      const unit = built.customer?.name ?? '销售统计报表';
      if (built.customer) expect(built.name).toBe(`${built.customer.id}-${kind}`);
      else expect(built.name).toMatch(/^weekly-report-\d{4}-W\d{2}$/);
      for (const format of built.formats) {
        const bytes = await renderDocument(ws, built, format);
        const text = format === 'pdf' ? (await pdfPages(bytes)).join('\n') : await docxText(bytes);
        // A product sheet is the same for every unit: it names the product.
        expect(text.replace(/\s+/g, ''), `${kind} ${format}`).toContain(kind === 'product' ? '窖藏浓香52度' : unit);
      }
    }
    expect(listing(tmp.dir)).toEqual(before);
  });

  it('says what the document asks of its reader, in notices with codes and no command-line words', () => {
    const built = buildDocument(ws, requests.allocation);
    expect(built.compliance?.violations).toBeGreaterThan(0);
    const compliance = built.notices.filter((n) => n.code === 'compliance');
    expect(compliance.length).toBe(built.compliance?.violations);
    expect(built.notices.map((n) => n.message).join('\n')).not.toMatch(/--[a-z]|tuangou [a-z]/);
  });

  it('refuses with a stable code and the issues behind it, worded without the command line', async () => {
    const missing = await thrown(() => buildDocument(ws, { kind: 'proposal', customer: 'mengyuan-ruy', today: TODAY }));
    expect(missing.code).toBe('customer-not-found');
    expect(missing.message).toBe('找不到客户「mengyuan-ruy」，是否想写「mengyuan-ruye」？');
    const noDeal = await thrown(() => buildDocument(ws, { kind: 'proposal', customer: 'qcxq-xiaofang-dadui', today: TODAY }));
    expect(noDeal.code).toBe('no-deal');
    expect(`${noDeal.message}${noDeal.hint}`).not.toMatch(/--[a-z]|tuangou [a-z]/);
    const badDate = await thrown(() => buildDocument(ws, { kind: 'visit', customer: 'mengyuan-ruye', today: '2026-13-01' }));
    expect(badDate.code).toBe('usage');
    writeFileSync(path.join(data, 'customers/qcxq-shuiwuju.yaml'), readFileSync(path.join(data, 'customers/qcxq-shuiwuju.yaml'), 'utf8').replace(/mobile: "?1\d{10}"?/, 'mobile: "1380000"'));
    const broken = await thrown(() => buildDocument(ws, requests.allocation));
    expect(broken.code).toBe('customer-invalid');
    expect(broken.issues.map((i) => `${path.basename(i.file)}:${i.field}`)).toContain('qcxq-shuiwuju.yaml:contacts[0].mobile');
  });

  it('reads a data file again only when it changed on disk, and templates only when one changed', () => {
    ws.data();
    const first = ws.fileReads;
    expect(first).toBeGreaterThan(10);
    const unchanged = ws.data();
    expect(ws.fileReads).toBe(first);
    // Nothing changed: the same data set, not the rules across files run again.
    expect(ws.data()).toBe(unchanged);
    const file = path.join(data, 'customers/qcxq-shuiwuju.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: ', 'name: 新'));
    const changed = ws.data();
    expect(ws.fileReads).toBe(first + 1);
    expect(changed).not.toBe(unchanged);
    expect(changed.customers.get('qcxq-shuiwuju')?.name).toMatch(/^新/);
    expect(unchanged.customers.get('qcxq-shuiwuju')?.name).not.toMatch(/^新/);

    const mine = path.join(tmp.dir, 'templates');
    const own = openWorkspace({ data, templates: mine });
    expect(() => own.templates()).toThrow(/模板文件夹不存在/);
    const sets = new Set([ws.templates(), ws.templates()]);
    expect(sets.size).toBe(1);
  });

  it('checks text not saved yet exactly as check would, rules across files included', () => {
    const file = 'customers/qcxq-shuiwuju.yaml';
    const abs = path.join(data, file);
    const original = readFileSync(abs, 'utf8');
    // As check reads it once saved: a unit name another file has (a rule across files), then a wrong mobile.
    for (const edited of [original.replace('name: ', 'name: 蒙源乳业集团有限公司 #'), original.replace(/mobile: "?1\d{10}"?/, 'mobile: "1380000"')]) {
      const unsaved = ws.checkText(file, edited);
      writeFileSync(abs, edited);
      expect(unsaved.length).toBeGreaterThan(0);
      expect(unsaved).toEqual(loadData(data).issues.filter((i) => i.file === unsaved[0]?.file));
    }
    expect(ws.checkText(file, original.replace('name: ', 'name: 蒙源乳业集团有限公司 #')).map((i) => i.rule)).toContain('duplicate');
    expect(ws.checkText(file, original).find((i) => i.field === 'contacts[0].mobile')).toBeUndefined();
    expect(ws.checkText(file, readFileSync(abs, 'utf8')).find((i) => i.field === 'contacts[0].mobile')).toMatchObject({ severity: 'error', label: '手机', line: expect.any(Number) });

    // A file that is not there yet: a new deal naming a product nobody has.
    const deal = readFileSync(path.join(data, 'deals/2027-chunjie-mengyuan.yaml'), 'utf8').replace('id: 2027-chunjie-mengyuan', 'id: 2027-new').replace(/product: JX53-ZC/, 'product: JX53-ZZ');
    const issues = ws.checkText('deals/2027-new.yaml', deal);
    expect(issues.some((i) => i.rule === 'unknown-product' && i.field === 'items[0].product' && i.message.includes('JX53-ZC'))).toBe(true);
    expect(() => ws.checkText('../elsewhere.yaml', deal)).toThrow(AppError);
  });

  it('saves an edit keeping comments, with a backup, and refuses an edit over someone else’s', async () => {
    const record = readRecord(ws, { kind: 'customer', id: 'mengyuan-ruye' });
    const save = (version: string, mobile: string) =>
      saveRecord(ws, {
        kind: 'customer',
        id: 'mengyuan-ruye',
        version,
        change: (v) => {
          ((v['contacts'] as Record<string, unknown>[])[1] as Record<string, unknown>)['mobile'] = mobile;
        },
        now: new Date(2026, 11, 3, 9, 0, 0),
      });
    const file = path.join(data, 'customers/mengyuan-ruye.yaml');
    const saved = save(record.version, '13900001111');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('id: mengyuan-ruye # 客户编号，勿改');
    expect(text).toContain('mobile: "13900001111"');
    expect(text.split('\n').length).toBe(record.text.split('\n').length);
    expect(readFileSync(path.join(saved.backupDir, 'customers/mengyuan-ruye.yaml'), 'utf8')).toBe(record.text);
    expect(JSON.parse(readFileSync(path.join(saved.backupDir, 'manifest.json'), 'utf8')).updated).toEqual(['customers/mengyuan-ruye.yaml']);

    // The old version is stale now: a second editor who read before the save is refused.
    const conflict = await thrown(() => save(record.version, '13900002222'));
    expect(conflict.code).toBe('conflict');
    expect(readFileSync(file, 'utf8')).toBe(text);

    // A wrong value is refused with the issue at its field, and nothing written.
    const wrong = await thrown(() => save(saved.version, '1390000'));
    expect(wrong.code).toBe('data');
    expect(wrong.issues.map((i) => i.field)).toEqual(['contacts[1].mobile']);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(save(saved.version, '13900003333').version).not.toBe(saved.version);
  });

  it('runs a mailing that stops cleanly when cancelled, its manifest saying which letters were not made', async () => {
    const out = path.join(tmp.dir, 'out');
    const stop = new AbortController();
    const seen: number[] = [];
    const result = await runFestivalMailing(ws, {
      festival: '春节',
      today: TODAY,
      outDir: out,
      formats: ['pdf'],
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) stop.abort();
      },
      signal: stop.signal,
    });
    expect(result.year).toBe(2027);
    expect(result.cancelled).toBe(true);
    const manifest = readFileSync(path.join(result.folder, 'manifest.csv'), 'utf8');
    const made = result.rows.filter((r) => r.status === 'ok');
    const cancelled = result.rows.filter((r) => r.status.startsWith('skipped: 已取消'));
    expect(made.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(manifest.split('\r\n').filter((l) => l.includes('已取消')).length).toBe(cancelled.length);
    for (const r of made) for (const f of r.files) expect(readFileSync(path.join(result.folder, f)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(path.join(result.folder, 'letters')).filter((f) => !f.startsWith('.')).length).toBe(made.length);
  });

  it('exports customers to bytes and plans their import from bytes, changing nothing', async () => {
    const exported = await exportCustomers(ws, 'xlsx', { systems: ['执法'] });
    expect(exported.customers).toBeGreaterThan(0);
    const plan = await planSpreadsheetImport(ws, { name: '执法.xlsx', bytes: exported.bytes });
    expect(plan.entries.length).toBe(exported.customers);
    expect(plan.entries.every((e) => e.action === 'unchanged')).toBe(true);
  });

  it('words an import problem without the command line: a studio offers its own template link', async () => {
    const csv = new TextEncoder().encode('区域,人数\n城东,3\n');
    const plan = await planSpreadsheetImport(ws, { name: '客户.csv', bytes: csv });
    expect(plan.sheetIssues.map((i) => [i.rule, i.message])).toEqual([['no-header', '没有找到表头：表格的第一行应是列名，至少要有「单位名称」']]);
  });

  it('notices a template changed on disk', () => {
    const mine = path.join(tmp.dir, 'tpl');
    const own = openWorkspace({ data, templates: path.join(tmp.dir) });
    expect(own.templatesDir).toBe(tmp.dir);
    writeFileSync(path.join(tmp.dir, 'note.md'), '---\ntitle: 便条\nview: card\naudience: internal\n---\n# 便条 一\n');
    const first = buildDocument(own, { template: 'note', customer: 'mengyuan-ruye', today: TODAY });
    writeFileSync(path.join(tmp.dir, 'note.md'), '---\ntitle: 便条\nview: card\naudience: internal\n---\n# 便条 二号\n');
    utimesSync(path.join(tmp.dir, 'note.md'), new Date(), new Date(Date.now() + 5000));
    const second = buildDocument(own, { template: 'note', customer: 'mengyuan-ruye', today: TODAY });
    const heading = (b: typeof first) => JSON.stringify(b.doc.sections[0]?.blocks[0]);
    expect(heading(first)).toContain('便条 一');
    expect(heading(second)).toContain('便条 二号');
    expect(mine).not.toBe(tmp.dir);
  });

  it('renders the .docx in its second process beside the PDF, the same bytes as in this process', async () => {
    const side = openWorkspace({ data, renderProcess: true });
    try {
      const built = buildDocument(side, { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY });
      const here = { pdf: await renderDocument(ws, built, 'pdf'), docx: await renderDocument(ws, built, 'docx') };
      const sameAsHere = (rendered: Map<string, Uint8Array>) =>
        expect([...rendered].map(([format, bytes]) => [format, Buffer.from(bytes).equals(Buffer.from(here[format as 'pdf' | 'docx']))])).toEqual([
          ['pdf', true],
          ['docx', true],
        ]);
      // The first request warms the second process up; this process renders meanwhile.
      sameAsHere(await renderDocuments(side, built, ['pdf', 'docx']));
      const task = { doc: built.doc, format: 'docx', assetsDir: path.join(data, 'assets'), name: built.name } as const;
      await vi.waitFor(() => expect(side.renderer!.ready).toBe(true), { timeout: 30_000, interval: 100 });
      const beside = await side.renderer!.render(task)!;
      expect(Buffer.from(beside).equals(Buffer.from(here.docx))).toBe(true);
      const spy = vi.spyOn(side.renderer!, 'render');
      const both = await renderDocuments(side, built, ['pdf', 'docx']);
      expect(spy).toHaveBeenCalledOnce();
      sameAsHere(both);
    } finally {
      await side.close();
    }
  });

  it('renders PDFs asked for at once (a studio serving two previews) the same as one after the other', async () => {
    const proposal = buildDocument(ws, { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY });
    const card = buildDocument(ws, { kind: 'card', customer: 'qcxq-shuiwuju', today: TODAY });
    const alone = [await renderDocument(ws, proposal, 'pdf'), await renderDocument(ws, card, 'pdf')];
    const together = await Promise.all([renderDocument(ws, proposal, 'pdf'), renderDocument(ws, card, 'pdf'), renderDocument(ws, proposal, 'pdf')]);
    expect(together.map((b) => Buffer.from(b).toString('base64'))).toEqual([...alone, alone[0]!].map((b) => Buffer.from(b).toString('base64')));
  });
});
