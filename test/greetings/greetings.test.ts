// tuangou greetings on the sample data (today 2026-12-03, the README's example): each paper's
// text in the PDF and the .docx, what a condolence and an official's paper must not hold, the
// window across a lunar new year, resume, and bad events that fail their row only.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/app/workspace.ts';
import { runGreetings, type GreetingsOptions } from '../../src/app/greetings.ts';
import { completeFile } from '../../src/letters/batch.ts';
import { runCli } from '../cli/run.ts';
import { DATA } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const TODAY = '2026-12-03';

function dataCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-greetings-'));
  cpSync(DATA, path.join(dir, 'data'), { recursive: true });
  return dir;
}

type Row = Record<string, string>;
const manifest = (folder: string): Row[] => parse(readFileSync(path.join(folder, 'manifest.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Row[];

async function greetings(dir: string, opts: Partial<GreetingsOptions> = {}) {
  const ws = openWorkspace({ data: path.join(dir, 'data') });
  return runGreetings(ws, { today: TODAY, days: 14, outDir: path.join(dir, 'out'), formats: ['pdf', 'docx'], ...opts });
}

/** The fill and stroke colours a PDF's content streams set, as "r g b". */
function pdfColours(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const colours = new Set<string>();
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let body: Buffer;
    try {
      body = inflateSync(pdf.subarray(start, text.indexOf('endstream', start)));
    } catch {
      continue; // not a deflated stream (a font's or image's raw data)
    }
    for (const c of body.toString('latin1').matchAll(/(?:^|\s)([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b/g)) colours.add(`${c[1]} ${c[2]} ${c[3]}`);
  }
  return [...colours];
}
const grey = (rgb: string) => new Set(rgb.split(' ')).size === 1;

/** The colours a .docx names (text, borders, shading), and whether it holds any picture. */
async function docxColours(docx: Buffer): Promise<{ colours: string[]; media: boolean }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')))).join('');
  const colours = [...xml.matchAll(/w:(?:color|fill)="([0-9A-Fa-f]{6})"/g)].map((m) => m[1]!.toUpperCase());
  return { colours: [...new Set(colours)], media: Object.keys(zip.files).some((n) => n.startsWith('word/media/')) };
}
const greyHex = (hex: string) => hex.slice(0, 2) === hex.slice(2, 4) && hex.slice(2, 4) === hex.slice(4, 6);

describe('greetings for the two weeks from 2026-12-03', () => {
  let dir: string;
  let folder: string;
  let rows: Row[];
  const letter = async (person: string, paper: string) => {
    const row = rows.find((r) => r['人'] === person && r['文书'] === paper)!;
    const [pdfFile, docxFile] = row['文件']!.split(' ').map((f) => path.join(folder, f));
    const pdf = readFileSync(pdfFile!);
    const docx = readFileSync(docxFile!);
    const pages = await pdfPages(new Uint8Array(pdf));
    return { row, pdf, docx, pages, texts: [pages.join(''), await docxText(new Uint8Array(docx))].map((t) => t.replace(/\s+/g, '')) };
  };

  beforeAll(async () => {
    dir = dataCopy();
    const result = await greetings(dir);
    folder = result.folder;
    rows = manifest(folder);
  });

  it('lists every occasion once, cards, then congratulations, then condolences, each with its volumes', () => {
    expect(rows.map((r) => [r['客户编号'], r['人'], r['文书'], r['事由'], r['日子'], r['寄出日期'], r['状态']!.replace(/^(ok|\w+):.*/, '$1')])).toEqual([
      ['qcxq-jiedai-zhongxin', '侯建明', '生日贺卡', '生日', '2026-12-14', '2026-12-11', 'ok'],
      ['qingcheng-reli', '贺立新', '生日贺卡', '生日', '2026-12-06', '2026-12-03', 'ok'],
      ['qcxq-renmin-yiyuan', '白雪梅', '生日贺卡', '生日', '2026-12-08', '2026-12-05', 'ok'],
      ['chilechuan-jiangong', '薛红', '生日贺卡', '生日', '2026-12-09', '2026-12-06', 'ok'],
      ['mengyuan-ruye', '其木格', '生日贺卡', '生日', '2026-12-03', '2026-12-03', 'skipped'],
      ['beijiang-nongshang-qc', '周雅琴', '贺信', '升职', '2026-11-28', '2026-12-03', 'ok'],
      ['qingcheng-zhiye-xueyuan', '高建军', '贺信', '周年', '2026-12-09', '2026-12-06', 'ok'],
      ['beijiang-xitu', '吴立峰', '贺信', '儿子升学', '2026-12-05', '2026-12-03', 'ok'],
      ['qcxq-shuiwuju', '乔振华', '慰问信', '生病', '2026-11-30', '2026-12-03', 'ok'],
      ['mengyuan-ruye', '其木格', '唁函', '父亲丧事', '2026-12-01', '2026-12-03', 'ok'],
    ]);
    expect(readdirSync(folder).filter((f) => f.endsWith('.pdf')).sort()).toEqual(
      ['慰问', '生日', '贺信'].flatMap((g) => [`envelopes-${g}-001.pdf`, `print-${g}-001.pdf`]).sort(),
    );
    expect(rows.every((r) => r['状态'] !== 'ok' || r['文件']!.split(' ').every((f) => completeFile(path.join(folder, f))))).toBe(true);
  });

  it('sends no birthday card to a person whose father died two days before', () => {
    expect(rows.find((r) => r['文书'] === '生日贺卡' && r['人'] === '其木格')?.['状态']).toBe('skipped: 其木格家中有丧事（2026年12月1日），百日内不寄生日贺卡');
  });

  it('prints a birthday card on one A5 page, with the company line for a firm', async () => {
    const { pdf, pages, texts } = await letter('贺立新', '生日贺卡');
    expect(pages).toHaveLength(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.52\d* 595\.27\d*\]/);
    for (const t of texts) {
      expect(t).toContain('尊敬的贺董事长：');
      expect(t).toContain('在您生日到来之际');
      expect(t).toContain('团购热线400-616-8899');
    }
  });

  it('keeps an offer off the paper of a person in a 党政 unit', async () => {
    const { texts } = await letter('侯建明', '生日贺卡');
    for (const t of texts) {
      expect(t).toContain('尊敬的侯主任：');
      expect(t).not.toMatch(/热线|团购|用酒|优惠|赠|¥|元/);
    }
  });

  it('names the occasion in a letter of congratulation', async () => {
    const promotion = await letter('周雅琴', '贺信');
    const school = await letter('吴立峰', '贺信');
    const jubilee = await letter('高建军', '贺信');
    for (const t of promotion.texts) expect(t).toMatch(/^.*贺信尊敬的周行长：欣闻您荣升新职/);
    for (const t of school.texts) expect(t).toContain('尊敬的吴总经理：欣闻令郎金榜题名');
    for (const t of jubilee.texts) {
      // 党委副书记 is addressed as 书记; a college's anniversary may offer the reception's liquor, with the hotline.
      expect(t).toContain('尊敬的高书记：欣逢青城职业技术学院周年庆典');
      expect(t).toContain('庆典期间如需接待用酒');
    }
    expect(pdfColours(jubilee.pdf).length + (jubilee.pdf.includes('/Subtype /Image') ? 1 : 0)).toBeGreaterThan(0);
  });

  it('writes a condolence and a letter of sympathy in black and grey only, without product, price, QR code or slogan', async () => {
    const condolence = await letter('其木格', '唁函');
    const sympathy = await letter('乔振华', '慰问信');
    for (const t of condolence.texts) expect(t).toMatch(/唁函尊敬的其木格主席：惊悉令尊不幸辞世/);
    for (const t of sympathy.texts) expect(t).toMatch(/慰问信尊敬的乔局长：得知您近来身体欠安/);
    const products = readdirSync(path.join(DATA, 'products')).map((f) => /^name: (.*)$/m.exec(readFileSync(path.join(DATA, 'products', f), 'utf8'))![1]!);
    const company = readFileSync(path.join(DATA, 'company.yaml'), 'utf8');
    const slogans = [/^brandStory: (.*)$/m, /^\s+quality: (.*)$/m].map((re) => re.exec(company)![1]!.slice(0, 12));
    for (const { pdf, docx, texts } of [condolence, sympathy]) {
      for (const t of texts) {
        expect(t).not.toMatch(/热线|团购|用酒|¥|元|扫码|400-616/);
        for (const name of [...products, ...slogans]) expect(t).not.toContain(name.replace(/\s+/g, ''));
      }
      expect(pdf.includes('/Subtype /Image')).toBe(false);
      expect(pdfColours(pdf).filter((c) => !grey(c))).toEqual([]);
      const word = await docxColours(docx);
      expect(word.media).toBe(false);
      expect(word.colours.filter((c) => !greyHex(c))).toEqual([]);
    }
  });

  it('never prints the internal note of an event', async () => {
    const notes = ['腰椎手术', '出殡', '饭桌上', '用酒还没定', '总行'];
    for (const r of rows.filter((x) => x['状态'] === 'ok')) {
      const { texts } = await letter(r['人']!, r['文书']!);
      for (const t of texts) for (const n of notes) expect(t).not.toContain(n);
    }
  });
});

describe('the window', () => {
  it('takes lunar birthdays across the lunar new year on the solar days they fall on', async () => {
    const dir = dataCopy();
    const result = await greetings(dir, { from: '2027-01-28', days: 14, kinds: ['生日'], formats: ['pdf'] });
    const cards = result.rows.map((r) => [r.columns[0], r.columns[3]]);
    // 春节 2027 is 6 February: 腊月廿三 falls on 30 January, 腊月廿六 on 2 February, 正月初五 on 10 February.
    expect(cards).toEqual(expect.arrayContaining([['苏永刚', '2027-01-30'], ['郭丽娟', '2027-02-02'], ['周雅琴', '2027-02-10']]));
    expect(result.folder).toMatch(/问候-2027-01-28至2027-02-11-生日$/);
  });
});

describe('--resume', () => {
  it('writes again only the letters missing or cut short', async () => {
    const dir = dataCopy();
    const first = await greetings(dir, { formats: ['pdf'] });
    const lettersDir = path.join(first.folder, 'letters');
    const files = readdirSync(lettersDir).sort();
    rmSync(path.join(lettersDir, files[0]!));
    writeFileSync(path.join(lettersDir, files[1]!), '%PDF-1.7 cut short');
    const untouched = path.join(lettersDir, files[2]!);
    utimesSync(untouched, new Date('2026-01-01'), new Date('2026-01-01'));
    const again = await greetings(dir, { formats: ['pdf'], resume: true });
    expect(readdirSync(lettersDir).sort()).toEqual(files);
    for (const f of files) expect(completeFile(path.join(lettersDir, f))).toBe(true);
    expect(statSync(untouched).mtime.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(again.rows.map((r) => r.status)).toEqual(first.rows.map((r) => r.status));
  });
});

describe('bad events', () => {
  it('fail their own row with file, line and field, and the rest of the batch is made (exit 3)', async () => {
    const dir = dataCopy();
    const xitu = path.join(dir, 'data/customers/beijiang-xitu.yaml');
    writeFileSync(xitu, readFileSync(xitu, 'utf8').replace('person: 吴立峰', 'person: 吴立锋'));
    const tax = path.join(dir, 'data/customers/qcxq-shuiwuju.yaml');
    writeFileSync(tax, readFileSync(tax, 'utf8').replace('kind: 生病', 'kind: 住院'));
    const r = await runCli(['greetings', '--today', TODAY, '--days', '14', '--data', 'data', '--out', 'out', '--format', 'pdf'], dir);
    expect(r.code).toBe(3);
    const folder = path.join(dir, 'out/问候-2026-12-03至2026-12-17');
    const status = (id: string) => manifest(folder).filter((m) => m['客户编号'] === id).map((m) => m['状态']);
    const line = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(status('beijiang-xitu')).toEqual([expect.stringMatching(new RegExp(`^failed: \\S*beijiang-xitu\\.yaml:${line(xitu, '吴立锋')}:13 events\\[0\\]\\.person\\(人\\) 错误：「吴立锋」不在本单位的联系人里，是否想写「吴立峰」？$`))]);
    expect(status('qcxq-shuiwuju')).toEqual([expect.stringMatching(new RegExp(`^failed: \\S*qcxq-shuiwuju\\.yaml:${line(tax, '住院')}:11 events\\[0\\]\\.kind\\(事由\\) 错误：应为以下之一`))]);
    expect(manifest(folder).filter((m) => m['状态'] === 'ok')).toHaveLength(7);
    expect(r.stderr).toContain('beijiang-xitu 吴立锋 贺信：failed: ');
  });

  it('refuses an unknown paper or manager with exit 2, writing nothing', async () => {
    const dir = dataCopy();
    for (const bad of [['--kind', '喜报'], ['--manager', '王建华'], ['--days', '七']]) {
      const r = await runCli(['greetings', '--today', TODAY, '--data', 'data', '--out', 'out', ...bad], dir);
      expect(r.code).toBe(2);
    }
    expect(readdirSync(dir)).toEqual(['data']);
  });
});
