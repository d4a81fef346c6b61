import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import type { Contact } from '../../src/data/schema.ts';
import { addDays, type IsoDate } from '../../src/domain/dates.ts';
import { AppError } from '../../src/errors.ts';
import { completeFile } from '../../src/letters/batch.ts';
import type { DocWriters } from '../../src/pipeline/writers.ts';
import { letterDoc, runMailing } from '../../src/letters/run.ts';
import { printOrder } from '../../src/letters/select.ts';
import { TemplateSet } from '../../src/pipeline/templates.ts';
import { selectCustomers } from '../../src/views/select.ts';
import { runCli } from '../cli/run.ts';
import { pdfPages } from '../writers/text.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2026-11-24';

function dataCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-letters-'));
  cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

const manifest = (folder: string): Record<string, string>[] =>
  parse(readFileSync(path.join(folder, 'manifest.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

async function letters(dir: string, ...extra: string[]) {
  return runCli(['letters', '--festival', '春节', '--year', '2027', '--today', TODAY, '--data', 'data', '--out', 'out', ...extra], dir);
}

describe('a batch with bad records', () => {
  let dir: string;
  let folder: string;
  let code: number;

  beforeAll(async () => {
    dir = dataCopy();
    const customers = path.join(dir, 'data', 'customers');
    // A character the fonts lack, and a customer file that fails validation.
    const ranqi = path.join(customers, 'qingcheng-ranqi.yaml');
    writeFileSync(ranqi, readFileSync(ranqi, 'utf8').replace(/^name: 青城燃气/m, 'name: 青城𠮷燃气'));
    // A cross-check error (unknown product) leaves the customer loaded: its letter is still made.
    const nongshang = path.join(customers, 'beijiang-nongshang-qc.yaml');
    writeFileSync(nongshang, readFileSync(nongshang, 'utf8').replace('product: JX53-LJ', 'product: NO-SUCH-PRODUCT'));
    writeFileSync(path.join(customers, 'broken-unit.yaml'), 'id: broken-unit\nname: 坏数据单位\nsystem: 金融\nstatus: 现有\naddress: 某地\ncontacts:\n  - name: 张三\n    role: 决策人\n    mobile: "123"\n');
    // Only on the envelope: a bidi control in an address, a character the fonts lack in the
    // full name of the addressee (the letter calls him 张董事长).
    const reli = path.join(customers, 'qingcheng-reli.yaml');
    writeFileSync(reli, readFileSync(reli, 'utf8').replace(/^address: (.*)$/m, 'address: $1\u202E'));
    const mengyuan = path.join(customers, 'mengyuan-ruye.yaml');
    writeFileSync(mengyuan, readFileSync(mengyuan, 'utf8').replace('  - name: 张振邦', '  - name: 张𠮷邦'));
    const r = await letters(dir, '--format', 'pdf');
    code = r.code;
    folder = path.join(dir, 'out', '2027-春节');
  });

  it('reports each bad record, makes every other letter, and exits 3', () => {
    expect(code).toBe(3);
    const rows = manifest(folder);
    const status = Object.fromEntries(rows.map((r) => [r['客户编号'], r['状态']]));
    expect(status['qingcheng-ranqi']).toMatch(/^failed: 文书里有不能正确显示的字符：(?!；)\S*qingcheng-ranqi\.yaml:\d+:\d+ name\(单位名称\).*U\+20BB7/);
    expect(status['broken-unit']).toMatch(/^failed: .*broken-unit\.yaml:9:\d+ .*手机/);
    expect(status['qingcheng-reli']).toMatch(
      /^failed: 文书里有不能正确显示的字符：\S*\/data\/customers\/qingcheng-reli\.yaml:5:10 address\(单位地址\) 错误：含有文字方向控制符（U\+202E），打印出来会是空白或方框，请改用常用字或去掉这个字符$/,
    );
    expect(status['mengyuan-ruye']).toMatch(
      /^failed: 文书里有不能正确显示的字符：\S*\/data\/customers\/mengyuan-ruye\.yaml:29:11 contacts\[0\]\.name\(联系人姓名\) 错误：含有字体中没有的字「𠮷」（U\+20BB7），打印出来会是空白或方框，请改用常用字或去掉这个字符$/u,
    );
    expect(status['minimal-beijiang-renshou']).toBe('skipped: 缺少邮编，无法邮寄');
    expect(status['beijiang-nongshang-qc']).toBe('ok');
    expect(rows.filter((r) => r['客户编号'] === 'beijiang-nongshang-qc')).toHaveLength(1);
    const ok = rows.filter((r) => r['状态'] === 'ok');
    expect(ok).toHaveLength(10);
    for (const r of ok) expect(completeFile(path.join(folder, r['文件']!))).toBe(true);
    expect(readdirSync(path.join(folder, 'letters')).sort()).toEqual(ok.map((r) => `${r['客户编号']}.pdf`).sort());
  });

  it('writes its CSV files as the export does: BOM, CRLF line ends', () => {
    for (const name of ['manifest.csv', 'follow-up.csv']) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      expect(text.startsWith('\uFEFF客户编号,')).toBe(true);
      expect(text.split('\r\n').length).toBeGreaterThan(2);
      expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    }
  });

  it('puts one DL envelope per letter made into envelopes-001.pdf, in manifest order', async () => {
    const ok = manifest(folder).filter((r) => r['状态'] === 'ok');
    const pages = await pdfPages(new Uint8Array(readFileSync(path.join(folder, 'envelopes-001.pdf'))));
    expect(pages).toHaveLength(ok.length);
    pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(ok[i]!['邮编']));
  });

  it('orders the manifest by system, then unit', () => {
    const systems = ['党政', '执法', '金融', '通讯', '能源', '文教卫生', '军警', '实力企业'];
    const ids = manifest(folder).filter((r) => r['单位名称'] !== '').map((r) => r['客户编号']);
    const data = readdirSync(path.join(dir, 'data', 'customers')).map((f) => readFileSync(path.join(dir, 'data', 'customers', f), 'utf8'));
    const systemOf = (id: string) => systems.indexOf(/^system: (\S+)/m.exec(data.find((t) => t.includes(`id: ${id}\n`)) ?? '')?.[1] ?? '');
    const order = ids.map((id) => systemOf(id!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('resume after an interrupted run', () => {
  it('redoes missing and half-written letters and nothing else', async () => {
    const dir = dataCopy();
    expect((await letters(dir, '--format', 'pdf')).code).toBe(0);
    const folder = path.join(dir, 'out', '2027-春节');
    const lettersDir = path.join(folder, 'letters');
    const before = readdirSync(lettersDir).sort();
    // What a kill -9 between files could leave: one letter missing, one cut short.
    rmSync(path.join(lettersDir, before[0]!));
    truncateSync(path.join(lettersDir, before[1]!), 100);
    expect(completeFile(path.join(lettersDir, before[1]!))).toBe(false);
    // A complete letter keeps its (back-dated) timestamp: it is not written again.
    const untouched = path.join(lettersDir, before[2]!);
    utimesSync(untouched, new Date('2026-01-01'), new Date('2026-01-01'));
    expect((await letters(dir, '--format', 'pdf', '--resume')).code).toBe(0);
    expect(readdirSync(lettersDir).sort()).toEqual(before);
    for (const f of before) expect(completeFile(path.join(lettersDir, f))).toBe(true);
    expect(statSync(untouched).mtime.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const ids = manifest(folder).map((r) => r['客户编号']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** The 2027 春节 letter to a sample customer, as the text of its Doc; `decisionMaker` edits that contact first. */
function sampleLetter(id: string, decisionMaker: Partial<Contact> = {}): string {
  const data = loadData(path.join(ROOT, 'data'));
  const customer = data.customers.get(id)!;
  const edited = { ...customer, contacts: customer.contacts.map((c) => (c.role === '决策人' ? { ...c, ...decisionMaker } : c)) };
  return JSON.stringify(letterDoc({ data, templates: new TemplateSet(), festival: '春节', year: 2027, today: TODAY }, edited));
}

describe('the offer in a letter', () => {
  it('is the open deal for that festival and year', () => {
    expect(sampleLetter('mengyuan-ruye')).toContain('初步测算了2027年春节方案');
  });

  it("is left out, products included, when the customer's open deal is for another occasion", () => {
    // chilechuan-jiangong's only open deal is a 2026 会议 with 窖藏浓香 52 度, which it never bought.
    const text = sampleLetter('chilechuan-jiangong');
    expect(text).not.toContain('初步测算');
    expect(text).not.toContain('窖藏浓香 52 度');
  });
});

describe('the salutation of a letter (rules: test/domain/names.test.ts)', () => {
  const salutation = (decisionMaker: Partial<Contact>) => sampleLetter('mengyuan-ruye', decisionMaker).match(/尊敬的[^：:"]*/)?.[0];

  it("addresses the decision maker by surname and title, or by the contact's own 称呼", () => {
    expect(salutation({})).toBe('尊敬的张董事长');
    expect(salutation({ name: '欧阳振邦' })).toBe('尊敬的欧阳董事长');
    expect(salutation({ name: '巴特尔', salutation: '巴特尔董事长' })).toBe('尊敬的巴特尔董事长');
  });
});

describe('writer processes and print volumes', () => {
  it('writes the same letters with two writer processes as in one process, and splits print and envelope files into volumes', async () => {
    const dir = dataCopy();
    const data = loadData(path.join(dir, 'data'));
    const customers = printOrder(selectCustomers(data, {}));
    const run = (jobs: number) =>
      runMailing({ data, templates: new TemplateSet(), customers, festival: '春节', year: 2027, today: TODAY, outDir: path.join(dir, `jobs${jobs}`), formats: ['pdf', 'docx'], resume: false, jobs, volumeSize: 5 });
    const [one, two] = [await run(1), await run(2)];
    expect(two.rows).toEqual(one.rows);
    const ok = two.rows.filter((r) => r.status === 'ok');
    expect(ok).toHaveLength(13);
    // Same bytes: nothing in a letter depends on the thread or the clock.
    for (const r of ok) for (const f of r.files) expect([f, readFileSync(path.join(two.folder, f)).equals(readFileSync(path.join(one.folder, f)))]).toEqual([f, true]);
    // 13 letters in volumes of 5: 5 + 5 + 3, the envelopes of each volume in the same order.
    const envelopes = await Promise.all(['001', '002', '003'].map(async (n) => pdfPages(new Uint8Array(readFileSync(path.join(two.folder, `envelopes-${n}.pdf`))))));
    expect(envelopes.map((v) => v.length)).toEqual([5, 5, 3]);
    envelopes.flat().forEach((page, i) => expect(page.replace(/\s+/g, '')).toContain(ok[i]!.postcode));
    const letterPages = await Promise.all(ok.map(async (r) => (await pdfPages(new Uint8Array(readFileSync(path.join(two.folder, r.files[0]!))))).length));
    const printPages = await Promise.all(['001', '002', '003'].map(async (n) => (await pdfPages(new Uint8Array(readFileSync(path.join(two.folder, `print-${n}.pdf`))))).length));
    expect(printPages).toEqual([0, 5, 10].map((from, v) => letterPages.slice(from, from + [5, 5, 3][v]!).reduce((a, b) => a + b, 0)));
    expect(readdirSync(two.folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(
      ['envelopes-001.pdf', 'envelopes-002.pdf', 'envelopes-003.pdf', 'print-001.pdf', 'print-002.pdf', 'print-003.pdf'],
    );
  }, 60_000);


  it('after a cancel, lays out a volume not yet started once, with the letters made, not first with those that will not be', async () => {
    const dir = dataCopy();
    const data = loadData(path.join(dir, 'data'));
    const customers = printOrder(selectCustomers(data, {}));
    const stop = new AbortController();
    const volumes: { name: string; sections: number }[] = [];
    let letters = 0;
    // Writers that write nothing: a letter finishes on the next turn unless the run was
    // cancelled first; the third letter queued cancels the run, as a click on 取消 would.
    const writers: DocWriters = {
      jobs: 1,
      write: (task, opts) =>
        new Promise((resolve, reject) => {
          if (!opts?.first && ++letters === 3) stop.abort();
          setImmediate(() => {
            if (opts?.signal?.aborted) return reject(new AppError('已取消，没有开始写', { code: 'aborted' }));
            if (opts?.first) volumes.push({ name: path.basename(task.base), sections: task.doc.sections.length });
            resolve(task.formats.map((f) => `${task.base}.${f}`));
          });
        }),
      close: async () => {},
    };
    const run = await runMailing({ data, templates: new TemplateSet(), customers, festival: '春节', year: 2027, today: TODAY, outDir: path.join(dir, 'out'), formats: ['pdf'], resume: false, writers, signal: stop.signal });
    const made = run.rows.filter((r) => r.status === 'ok').length;
    expect(made).toBeGreaterThan(0);
    expect(run.rows.filter((r) => r.status === 'skipped: 已取消，没有生成').length).toBeGreaterThan(0);
    expect(volumes).toEqual([
      { name: 'print-001', sections: made },
      { name: 'envelopes-001', sections: made },
    ]);
  });

  it('leaves a letter it could not write out of its print volume and envelopes', async () => {
    const dir = dataCopy();
    const data = loadData(path.join(dir, 'data'));
    const customers = printOrder(selectCustomers(data, {}));
    const blocked = customers[1]!.id;
    // A folder where the letter's file should go: the letter is built, but cannot be written.
    mkdirSync(path.join(dir, 'out', '2027-春节', 'letters', `${blocked}.pdf`), { recursive: true });
    const run = await runMailing({ data, templates: new TemplateSet(), customers, festival: '春节', year: 2027, today: TODAY, outDir: path.join(dir, 'out'), formats: ['pdf'], resume: false, volumeSize: 5 });
    expect(run.rows.find((r) => r.id === blocked)?.status).toMatch(/^failed: /);
    const first = run.rows.filter((r) => r.status === 'ok').slice(0, 4);
    const envelopes = await pdfPages(new Uint8Array(readFileSync(path.join(run.folder, 'envelopes-001.pdf'))));
    expect(envelopes).toHaveLength(4);
    envelopes.forEach((page, i) => expect(page.replace(/\s+/g, '')).toContain(first[i]!.postcode));
    const print = (await pdfPages(new Uint8Array(readFileSync(path.join(run.folder, 'print-001.pdf'))))).join('');
    expect(print).not.toContain(customers[1]!.name);
    expect(print).toContain(customers[0]!.name);
  }, 60_000);
});

describe('long customer ids', () => {
  it('with a long common start still give each unit its own letter file', async () => {
    const dir = dataCopy();
    const customers = path.join(dir, 'data', 'customers');
    const text = readFileSync(path.join(customers, 'qingcheng-reli.yaml'), 'utf8');
    const long = `qingcheng-reli-${'fengongsi-'.repeat(9)}`;
    for (const i of [1, 2]) writeFileSync(path.join(customers, `${long}${i}.yaml`), text.replace(/^id: .*$/m, `id: ${long}${i}`).replace(/^name: (.*)$/m, `name: $1第${i}分公司`));
    const data = loadData(path.join(dir, 'data'));
    const two = [1, 2].map((i) => data.customers.get(`${long}${i}`)!);
    const run = await runMailing({ data, templates: new TemplateSet(), customers: two, festival: '春节', year: 2027, today: TODAY, outDir: path.join(dir, 'out'), formats: ['pdf'], resume: false });
    expect(run.rows.map((r) => r.status)).toEqual(['ok', 'ok']);
    const [one, other] = run.rows.map((r) => r.files[0]!);
    expect(one).not.toBe(other);
    expect(readdirSync(path.join(run.folder, 'letters'))).toHaveLength(2);
    for (const [i, r] of run.rows.entries()) expect((await pdfPages(new Uint8Array(readFileSync(path.join(run.folder, r.files[0]!))))).join('')).toContain(`第${i + 1}分公司`);
  });
});

describe('--jobs', () => {
  it('refuses a count that is not a whole number from 1', async () => {
    for (const jobs of ['0', 'all', '1.5']) {
      const r = await letters(dataCopy(), '--jobs', jobs);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs 要写 1 到 999 之间的整数');
    }
  });
});

describe('a run killed with SIGKILL', () => {
  it('leaves only whole letters, and --resume finishes the job without duplicates', async () => {
    const dir = dataCopy();
    // 5 × the sample customers, so the kill lands while letters are being written.
    const customers = path.join(dir, 'data', 'customers');
    for (const f of readdirSync(customers)) {
      const text = readFileSync(path.join(customers, f), 'utf8');
      for (let i = 1; i < 5; i++) {
        const id = `${f.replace(/\.yaml$/, '')}-${i}`;
        writeFileSync(path.join(customers, `${id}.yaml`), text.replace(/^id: .*$/m, `id: ${id}`).replace(/^name: (.*)$/m, `name: $1第${i}分部`));
      }
    }
    const args = ['bin/tuangou.js', 'letters', '--festival', '春节', '--year', '2027', '--today', TODAY, '--data', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--format', 'pdf', '--jobs', '2'];
    const lettersDir = path.join(dir, 'out', '2027-春节', 'letters');
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const count = () => readdirSync(lettersDir, { withFileTypes: true }).filter((e) => e.name.endsWith('.pdf')).length;
    for (let waited = 0; waited < 60_000 && !(existsSync(lettersDir) && count() >= 10); waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = count();
    expect(before).toBeGreaterThanOrEqual(10);
    expect(before).toBeLessThan(65);
    for (const f of readdirSync(lettersDir).filter((n) => n.endsWith('.pdf'))) expect(completeFile(path.join(lettersDir, f))).toBe(true);

    // What a kill between writing and renaming leaves: a hidden temp file of the dead process.
    writeFileSync(path.join(lettersDir, `.x.pdf.${child.pid}.0123abcd.tmp`), '%PDF-1.7 cut short');
    const resumed = spawnSync(process.execPath, [...args, '--resume'], { cwd: ROOT });
    expect(resumed.status).toBe(0);
    expect(readdirSync(lettersDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const rows = manifest(path.join(dir, 'out', '2027-春节'));
    const ids = rows.map((r) => r['客户编号']);
    expect(new Set(ids).size).toBe(ids.length);
    const ok = rows.filter((r) => r['状态'] === 'ok');
    expect(ok).toHaveLength(65);
    // Every letter is a PDF a reader opens, one per customer.
    expect(readdirSync(lettersDir).filter((n) => n.endsWith('.pdf')).sort()).toEqual(ok.map((r) => `${r['客户编号']}.pdf`).sort());
    for (const r of ok) expect((await pdfPages(new Uint8Array(readFileSync(path.join(dir, 'out', '2027-春节', r['文件']!))))).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('label sheets', () => {
  it('--labels puts 3 × 8 address labels on each A4 page instead of envelopes', async () => {
    const dir = dataCopy();
    // A label the fonts cannot print fails its customer only, named by file, line and field.
    const reli = path.join(dir, 'data', 'customers', 'qingcheng-reli.yaml');
    writeFileSync(reli, readFileSync(reli, 'utf8').replace(/^address: (.*)$/m, 'address: $1𠮷'));
    expect((await letters(dir, '--format', 'pdf', '--labels')).code).toBe(3);
    const folder = path.join(dir, 'out', '2027-春节');
    expect(manifest(folder).find((r) => r['客户编号'] === 'qingcheng-reli')?.['状态']).toMatch(/^failed: 文书里有不能正确显示的字符：\S*qingcheng-reli\.yaml:5:10 address\(单位地址\) 错误：含有字体中没有的字「𠮷」/u);
    expect(readdirSync(folder)).toContain('labels-001.pdf');
    expect(readdirSync(folder)).not.toContain('envelopes-001.pdf');
    const text = (await pdfPages(new Uint8Array(readFileSync(path.join(folder, 'labels-001.pdf'))))).join('').replace(/\s+/g, '');
    for (const r of manifest(folder).filter((x) => x['状态'] === 'ok')) expect(text).toContain(r['单位名称']!.replace(/\s+/g, ''));
    // The first row's labels take four lines each, so they are centred alike: their postcodes
    // share a baseline (centring on the fitter's estimate set the first one 3 mm higher).
    const proxy = await getDocumentProxy(new Uint8Array(readFileSync(path.join(folder, 'labels-001.pdf'))));
    const items = (await (await proxy.getPage(1)).getTextContent()).items as { str: string; transform: number[] }[];
    const firstRow = items.filter((i) => /^\d{6}$/.test(i.str)).slice(0, 3).map((i) => i.transform[5]!);
    expect(Math.max(...firstRow) - Math.min(...firstRow)).toBeLessThan(0.5);
  });
});

describe('shards', () => {
  it('1/3, 2/3 and 3/3 together are the whole mailing, without overlap, a broken file in exactly one', async () => {
    const dir = dataCopy();
    writeFileSync(path.join(dir, 'data', 'customers', 'broken-unit.yaml'), 'id: broken-unit\nname: 坏数据单位\n');
    const whole = (await letters(dir, '--format', 'pdf', '--out', 'whole')).code;
    expect(whole).toBe(3);
    const all = manifest(path.join(dir, 'whole', '2027-春节')).map((r) => r['客户编号']).sort();
    expect(all).toContain('broken-unit');
    const parts: string[] = [];
    const codes: number[] = [];
    // All three into one shared folder: each shard has a folder of its own there.
    for (const i of [1, 2, 3]) {
      codes.push((await letters(dir, '--format', 'pdf', '--out', 'shards', '--shard', `${i}/3`)).code);
    }
    for (const i of [1, 2, 3]) parts.push(...manifest(path.join(dir, 'shards', `2027-春节-shard${i}of3`)).map((r) => r['客户编号']!));
    expect(parts.sort()).toEqual(all);
    expect(codes.sort()).toEqual([0, 0, 3]);
  });
});

describe('the follow-up schedule', () => {
  it('mails 60 days before 春节 2027 (6 Feb) and visits 3–7 days later, three times', async () => {
    const dir = dataCopy();
    const r = await letters(dir, '--format', 'pdf', '--system', '党政');
    expect(r.stdout).toContain('应在 2026年12月8日 寄出');
    const folder = path.join(dir, 'out', '2027-春节');
    const rows = parse(readFileSync(path.join(folder, 'follow-up.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const visits = rows.filter((x) => x['客户编号'] === 'qcxq-jiedai-zhongxin').map((x) => [x['最早'], x['最晚']]);
    expect(visits).toEqual([
      ['2026-12-11', '2026-12-15'],
      ['2026-12-18', '2026-12-22'],
      ['2026-12-25', '2026-12-29'],
    ]);
    const ics = readFileSync(path.join(folder, 'follow-up.ics'), 'utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261211\r\nDTEND;VALUE=DATE:20261216\r\n');
    // The 决策人's lunar birthday 农历冬月初六 falls on 2026-12-14, inside the season.
    expect(ics).toContain('DTSTART;VALUE=DATE:20261214');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    // An independent RFC 5545 reader gets back every visit of the CSV, text unfolded and unescaped.
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const icsVisits = events.filter((e) => e.summary.startsWith('拜访 '));
    expect(icsVisits).toHaveLength(rows.length);
    // Numbered after the visits already on record, as the visit sheet numbers them.
    const first = icsVisits.find((e) => e.summary === `拜访 ${rows[0]!['单位名称']}（${rows[0]!['拜访次序']}）`)!;
    expect([first.startDate.toString(), first.endDate.toString()]).toEqual([rows[0]!['最早'], addDays(rows[0]!['最晚'] as IsoDate, 1)]);
    expect(first.startDate.isDate).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('--json lists the files, the mailing date as a warning and the failures as errors', async () => {
    const dir = dataCopy();
    const r = await letters(dir, '--format', 'pdf', '--system', '党政', '--json');
    const out = JSON.parse(r.stdout) as { files: string[]; warnings: string[]; errors: string[] };
    expect(out.files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['print-001.pdf', 'envelopes-001.pdf', 'manifest.csv', 'follow-up.ics']));
    expect(out.warnings).toEqual(['应在 2026年12月8日 寄出。']);
    expect(out.errors).toEqual([]);
  });

  it('says when the mailing date is already past', async () => {
    const dir = dataCopy();
    const r = await runCli(['letters', '--festival', '元旦', '--year', '2027', '--today', TODAY, '--data', 'data', '--out', 'out', '--format', 'pdf', '--system', '党政'], dir);
    expect(r.stdout).toMatch(/应在 2026年11月2日 寄出，这个日期已经过了/);
  });

  it('refuses a festival already over, naming the next one, and writes nothing', async () => {
    const dir = dataCopy();
    const r = await runCli(['letters', '--festival', '中秋', '--year', '2026', '--today', TODAY, '--data', 'data', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2026年中秋（2026年9月25日）已经过了/);
    expect(r.stderr).toMatch(/下一个中秋是 2027年9月15日：写 --year 2027/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // Before the calendar's first year too, and on the festival day itself it still mails.
    expect((await runCli(['letters', '--festival', '春节', '--year', '1900', '--today', TODAY, '--data', 'data'], dir)).stderr).toMatch(/1900年春节已经过了/);
    const onTheDay = await runCli(['letters', '--festival', '元旦', '--today', '2027-01-01', '--data', 'data', '--out', 'out', '--format', 'pdf', '--system', '党政'], dir);
    expect(onTheDay.code).toBe(0);
    expect(onTheDay.stdout).toMatch(/^2027年元旦/);
  });

  it('reports a customer file that repeats another one\'s id as failed, instead of mailing one unit fewer', async () => {
    const dir = dataCopy();
    const customers = path.join(dir, 'data/customers');
    writeFileSync(path.join(customers, 'qingcheng-ranqi-2.yaml'), readFileSync(path.join(customers, 'qingcheng-ranqi.yaml'), 'utf8').replace(/^name: .*$/m, 'name: 青城燃气第二分公司'));
    const r = await letters(dir, '--format', 'pdf');
    expect(r.code).toBe(3);
    const row = manifest(path.join(dir, 'out/2027-春节')).find((m) => m['客户编号'] === 'qingcheng-ranqi-2');
    expect(row?.['状态']).toMatch(/^failed: .*qingcheng-ranqi-2\.yaml:1:5 id\(客户编号\) 错误：客户编号「qingcheng-ranqi」重复/);
  });

  it('stops before writing anything when the data folder or the company file is missing', async () => {
    const dir = dataCopy();
    expect((await letters(dir, '--format', 'pdf')).code).toBe(0);
    const folder = path.join(dir, 'out/2027-春节');
    const before = readFileSync(path.join(folder, 'manifest.csv'), 'utf8');
    const typo = await runCli(['letters', '--festival', '春节', '--year', '2027', '--today', TODAY, '--data', 'dta', '--out', 'out'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^错误：数据文件夹「\S*dta」不存在\n提示：不写 --data 时读当前文件夹下的 data\/\n$/);
    expect(readFileSync(path.join(folder, 'manifest.csv'), 'utf8')).toBe(before);
    // A character no font has in company.yaml would be on every letter and envelope: it is named once, nothing is written.
    const company = path.join(dir, 'data/company.yaml');
    writeFileSync(company, readFileSync(company, 'utf8').replace(/^address: (.*)$/m, 'address: $1𠮷'));
    const glyph = await letters(dir, '--out', 'out2');
    expect(glyph.code).toBe(1);
    expect(glyph.stderr).toMatch(
      /^错误：公司资料 \S*data\/company\.yaml 有错误，无法生成文书：\n\S*data\/company\.yaml:4:10 address\(公司地址\) 错误：含有字体中没有的字「𠮷」（U\+20BB7），打印出来会是空白或方框，请改用常用字或去掉这个字符\n提示：/u,
    );
    expect(existsSync(path.join(dir, 'out2'))).toBe(false);
    rmSync(company);
    const noCompany = await letters(dir, '--out', 'out2');
    expect(noCompany.code).toBe(1);
    expect(noCompany.stderr).toMatch(/^错误：公司资料 \S*data\/company\.yaml 有错误，无法生成文书：\n\S*data\/company\.yaml:1:1 错误：缺少公司资料文件 company\.yaml\n提示：文书的抬头、落款、热线和信封的寄信人都取自公司资料/);
    expect(existsSync(path.join(dir, 'out2'))).toBe(false);
  });

  it('stops before writing anything when a folder in the output is a link planted to elsewhere', async () => {
    const dir = dataCopy();
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(dir, 'out/2027-春节'), { recursive: true });
    const link = path.join(dir, 'out/2027-春节/letters');
    symlinkSync(elsewhere, link);
    const r = await letters(dir, '--format', 'pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误：不写入「${link}」：这是一个符号链接（指向「${elsewhere}」），输出文件夹里的链接不会被跟随\n提示：删除这个链接再运行；要写到别的地方，请用 --out 指定那个文件夹\n`);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(path.join(dir, 'out/2027-春节'))).toEqual(['letters']);
  });

  it('stops once, before any letter, on a missing logo or a broken letter template', async () => {
    const dir = dataCopy();
    rmSync(path.join(dir, 'data/assets/logo.png'));
    const noLogo = await letters(dir);
    expect(noLogo.code).toBe(1);
    expect(noLogo.stderr).toMatch(/^错误：找不到图片：assets\/logo\.png\n提示：信函里的图片（公司标志、印章）取自数据文件夹的 assets\//);
    expect(readdirSync(path.join(dir, 'out/2027-春节'))).toEqual([]);
    cpSync(path.join(ROOT, 'data/assets/logo.png'), path.join(dir, 'data/assets/logo.png'));
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine/letter.md'), readFileSync(path.join(ROOT, 'templates/letter.md'), 'utf8').replace('{{#if company.logo}}', '{{#if company.logo}'));
    const broken = await letters(dir, '--templates', 'mine', '--out', 'out2');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^错误：\S*mine\/letter\.md:\d+:1 模板错误：模板语法错误：\{\{ \}\} 写得不完整或不成对/);
    expect(broken.stderr.split('\n').filter((l) => l.includes('模板错误'))).toHaveLength(1);
    expect(existsSync(path.join(dir, 'out2'))).toBe(false);
  });

  it('refuses policies with an error instead of mailing by the defaults', async () => {
    const dir = dataCopy();
    const file = path.join(dir, 'data/policies.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/mailDaysBefore: .*/, 'mailDaysBefore: 六十'));
    const r = await letters(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：政策文件 \S*policies\.yaml 有错误，无法生成文书：\n\S*policies\.yaml:\d+:\d+ festivalLead\.mailDaysBefore\(提前邮寄天数\) 错误：[^]*提示：写错的政策不会改用默认值/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('removes the volumes an earlier run left in the folder, so nothing is printed twice, and says so', async () => {
    const dir = dataCopy();
    expect((await letters(dir, '--format', 'pdf')).code).toBe(0);
    const folder = path.join(dir, 'out/2027-春节');
    expect(readdirSync(folder)).toContain('envelopes-001.pdf');
    const r = await letters(dir, '--format', 'pdf', '--labels');
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['labels-001.pdf', 'print-001.pdf']);
    expect(r.stdout).toContain('注意：删除了上次运行留在这里的 envelopes-001.pdf，免得重复打印');
    // A run of Word letters only makes no volumes, and leaves the last ones alone.
    const word = await letters(dir, '--format', 'docx');
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['labels-001.pdf', 'print-001.pdf']);
    expect(word.stdout).not.toContain('删除了');
  });

  it("fails a customer whose festival deal names a product that is not there, instead of offering the wrong one", async () => {
    const dir = dataCopy();
    const deal = path.join(dir, 'data/deals/2027-chunjie-mengyuan.yaml');
    writeFileSync(deal, readFileSync(deal, 'utf8').replace('product: JX53-ZC', 'product: JX53-XX'));
    const r = await letters(dir, '--format', 'pdf');
    expect(r.code).toBe(3);
    const row = manifest(path.join(dir, 'out/2027-春节')).find((m) => m['客户编号'] === 'mengyuan-ruye');
    expect(row?.['状态']).toMatch(/^failed: 方案「2027-chunjie-mengyuan」有错误，不能用来生成文书：\S*2027-chunjie-mengyuan\.yaml:6:14 items\[0\]\.product\(产品编号\) 错误：没有编号为「JX53-XX」的产品/);
  });

  it('says so when no customer matches the selection', async () => {
    const r = await letters(dataCopy(), '--class', 'A', '--system', '军警', '--status', '潜在');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 封信函已生成[^]*注意：没有客户符合所选的条件，没有信函要寄。/);
  });

  it('refuses a year past the festival calendar instead of failing inside it', async () => {
    const r = await runCli(['letters', '--festival', '春节', '--year', '2101', '--today', TODAY, '--data', 'data'], dataCopy());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year 最晚写 2100（农历节日只算到这一年），收到：2101/);
  });
});
