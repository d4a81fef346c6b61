// 节日邮寄 in the studio, through the app in-process: the preview before running, a small
// mailing run to the end in the background, its manifest and files, cancel, one run at a time,
// and the files served by name from the run's own folder only.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { festivalDate } from '../../src/domain/festivals.ts';
import { fixLink, mailingRequest } from '../../src/studio/routes/mailing.ts';
import { DATA, tempDir } from '../pipeline/build.ts';
import { pdfPages } from '../writers/text.ts';
import { studio, textOf, type Studio } from './helpers.ts';

/** 执法 and 金融 in the sample data: two letters, one customer without a postcode, and here one whose unit name the fonts cannot print. */
const SMALL = { festival: '春节', year: '2027', system: ['执法', '金融'] };

let tmp: ReturnType<typeof tempDir>;
let s: Studio;
beforeAll(() => {
  tmp = tempDir('studio-mailing');
  const data = path.join(tmp.dir, 'data');
  cpSync(DATA, data, { recursive: true });
  const file = path.join(data, 'customers/qcxq-shuiwuju.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('name: 青城新区税务局', 'name: 青城新区𠮷税务局'));
  s = studio({ data, out: path.join(tmp.dir, 'out') });
});
afterAll(() => tmp.remove());

/** The page's text with no spaces at all: where tags were is no concern of these tests. */
const squeeze = (page: string): string => textOf(page).replace(/\s+/g, '');

interface Status {
  state: string;
  done: number;
  total: number | null;
}

async function status(id: string): Promise<Status> {
  const res = await s.get(`/mailing/jobs/${id}/status`);
  expect(res.status).toBe(200);
  return (await res.json()) as Status;
}

/** Starts a mailing from the page's button; the id of its job. */
async function start(form: Record<string, string | readonly string[]>): Promise<string> {
  const res = await s.post('/mailing/jobs', form);
  expect(res.status, await res.clone().text()).toBe(303);
  const id = /^\/mailing\/jobs\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1];
  expect(id).toBeDefined();
  return id!;
}

/** Polls the status as the page does until the run ends; every status seen. */
async function finish(id: string): Promise<Status[]> {
  const seen: Status[] = [];
  for (;;) {
    const st = await status(id);
    seen.push(st);
    if (st.state !== 'running') return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the mailing form', () => {
  it('offers the festival whose mailing date comes next, and says how many letters and when to mail them', async () => {
    // 2026-11-24: 元旦's mailing date (60 days before 2027-01-01) is past; 春节's (2027-02-06) is 2026-12-08.
    expect(addDays(festivalDate('春节', 2027), -60)).toBe('2026-12-08');
    const text = squeeze(await s.page('/mailing'));
    expect(text).toContain('2027年春节（2027年2月6日）');
    expect(text).toContain('应在2026年12月8日寄出（节日前60天）');
    // Every sample customer but the one without a postcode.
    expect(text).toContain('：13封信函，另有1个客户缺少邮编，会跳过');
  });

  it('counts the letters of the customers chosen', async () => {
    const text = squeeze(await s.page('/mailing?festival=春节&system=执法&system=金融'));
    expect(text).toContain('2027年春节（2027年2月6日）：3封信函，另有1个客户缺少邮编，会跳过');
    expect(text).toContain('生成3封信函');
    const none = textOf(await s.page('/mailing?festival=春节&class=A&system=军警'));
    expect(none).toContain('没有客户符合所选的条件');
    expect(none).not.toContain('生成 0 封信函');
    // The one 潜在 bank has no postcode: nothing to mail, and no button to mail it.
    const nowhere = await s.page('/mailing?festival=春节&system=金融&status=潜在');
    expect(textOf(nowhere)).toContain('选中的客户都缺少邮编，没有信函能寄');
    expect(nowhere).not.toContain('action="/mailing/jobs"');
  });

  it('says in the page when the festival of that year is over, and which one is next', async () => {
    const text = textOf(await s.page('/mailing?festival=中秋&year=2026'));
    expect(text).toContain('2026年中秋（2026年9月25日）已经过了，节日信函要在节前寄到');
    expect(text).toContain('下一个中秋是 2027年9月15日（2027 年）');
  });

  it('refuses a festival or a filter value it does not know', async () => {
    for (const q of ['festival=情人节', 'festival=春节&class=E', 'festival=春节&year=27']) {
      const res = await s.get(`/mailing?${q}`);
      expect(res.status, q).toBe(400);
    }
    expect(() => mailingRequest((n) => (n === 'festival' ? ['春节'] : n === 'system' ? ['外星'] : []))).toThrow('所属系统只能选');
  });
});

/** The first run, of SMALL; a later run into the same folder takes its downloads over. */
let id: string;

describe('a mailing run from the studio', () => {
  let seen: Status[];
  beforeAll(async () => {
    id = await start(SMALL);
    seen = await finish(id);
  }, 120_000);

  it('runs to the end, reporting its progress', () => {
    const last = seen.at(-1)!;
    expect(last).toEqual({ state: 'done', done: 4, total: 4 });
    // Never more done than there is, never going back.
    for (const [i, st] of seen.entries()) {
      if (st.total !== null) expect(st.done).toBeLessThanOrEqual(st.total);
      if (i > 0) expect(st.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
  });

  it('shows the manifest, problems first, the failed row linking to the field at fault', async () => {
    const page = await s.page(`/mailing/jobs/${id}`);
    const text = textOf(page);
    expect(squeeze(page)).toContain('2封信函已生成，1个跳过，1个失败');
    expect(text).toContain('应在 2026年12月8日 寄出');
    const rows = [...page.matchAll(/<tr class="(\w+)-row"><td>([^<]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(['failed qcxq-shuiwuju', 'skipped minimal-beijiang-renshou', 'ok qcxq-shichang-jianguan', 'ok beijiang-nongshang-qc']);
    expect(page).toContain('href="/customers/qcxq-shuiwuju/edit#field-name"');
    expect(text).toContain('含有字体中没有的字「𠮷」');
    expect(text).toContain('跳过：缺少邮编，无法邮寄');
  });

  it('offers the print volume, envelopes, manifest and calendar, and serves them from the run’s folder', async () => {
    const page = await s.page(`/mailing/jobs/${id}`);
    const links = [...page.matchAll(/href="(\/mailing\/jobs\/[^"]+)"/g)].map((m) => m[1]!.replace(id, 'ID'));
    expect(links).toEqual([
      '/mailing/jobs/ID/letters.zip',
      '/mailing/jobs/ID/files/print-001.pdf',
      '/mailing/jobs/ID/files/envelopes-001.pdf',
      '/mailing/jobs/ID/files/manifest.csv',
      '/mailing/jobs/ID/files/follow-up.csv',
      '/mailing/jobs/ID/files/follow-up.ics',
    ]);
    const folder = path.join(tmp.dir, 'out/2027-春节');
    const print = await s.get(`/mailing/jobs/${id}/files/print-001.pdf`);
    expect(print.headers.get('content-type')).toBe('application/pdf');
    expect(print.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('2027-春节-print-001.pdf')}`);
    const bytes = new Uint8Array(await print.arrayBuffer());
    expect(Buffer.from(bytes).equals(readFileSync(path.join(folder, 'print-001.pdf')))).toBe(true);
    const text = (await pdfPages(bytes)).join('\n');
    expect(text).toContain('2027年春节致青城新区市场监督管理局的一封信');
    expect(text).toContain('2027年春节致北疆农村商业银行青城支行的一封信');
    expect(text).not.toContain('税务局');
    const envelopes = (await pdfPages(new Uint8Array(await (await s.get(`/mailing/jobs/${id}/files/envelopes-001.pdf`)).arrayBuffer()))).map((p) => p.replace(/\s+/g, ''));
    expect(envelopes).toHaveLength(2);
    expect(envelopes[0]).toContain('温振东局长收');
    expect(envelopes[1]).toContain('杜建平行长收');
    const ics = await s.get(`/mailing/jobs/${id}/files/follow-up.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('拜访 青城新区市场监督管理局（第 2 次）');
  });

  it('zips every letter made, byte for byte as written', async () => {
    const res = await s.get(`/mailing/jobs/${id}/letters.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('2027-春节-信函.zip'));
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = ['qcxq-shichang-jianguan', 'beijiang-nongshang-qc'].flatMap((n) => [`letters/${n}.pdf`, `letters/${n}.docx`]);
    expect(Object.keys(files).sort()).toEqual(names.sort());
    for (const n of names) expect(Buffer.from(files[n]!).equals(readFileSync(path.join(tmp.dir, 'out/2027-春节', n))), n).toBe(true);
  });

  it('serves nothing but the names the run wrote in its folder', async () => {
    for (const name of ['..%2F..%2Fdata%2Fcompany.yaml', '..%2Fdata%2Fcompany.yaml', 'letters', 'letters%2Fbeijiang-nongshang-qc.pdf', '.', '%2Fetc%2Fpasswd']) {
      const res = await s.get(`/mailing/jobs/${id}/files/${name}`);
      expect(res.status, name).toBe(404);
    }
    for (const path of ['/mailing/jobs/../x', '/mailing/jobs/..%2Fx/status', '/mailing/jobs/00000000-0000-0000-0000-000000000000', `/mailing/jobs/${id.toUpperCase()}/letters.zip`]) {
      const res = await s.get(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('lists the run on the mailing page', async () => {
    const text = textOf(await s.page('/mailing'));
    expect(text).toMatch(/这次打开工作台以来的邮寄 2027年春节 · 已完成/);
  });
});

describe('starting and stopping', () => {
  it('refuses a start or a cancel that does not come from a studio page', async () => {
    const before = await s.page('/mailing');
    const res = await s.post('/mailing/jobs', SMALL, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(await s.page('/mailing')).toBe(before);
  });

  it('runs one mailing at a time, and a cancel stops it with the letters not made listed', async () => {
    const id = await start({ festival: '春节', year: '2027' });
    const second = await s.post('/mailing/jobs', SMALL);
    expect(second.status).toBe(409);
    const busy = await second.text();
    expect(textOf(busy)).toContain('另一次节日邮寄正在进行');
    expect(busy).toContain(`href="/mailing/jobs/${id}"`);
    expect((await s.post(`/mailing/jobs/${id}/cancel`, {}, { Origin: 'http://evil.example' })).status).toBe(403);
    const cancel = await s.post(`/mailing/jobs/${id}/cancel`, {});
    expect(cancel.status).toBe(303);
    const seen = await finish(id);
    expect(seen.at(-1)!.state).toBe('cancelled');
    const text = textOf(await s.page(`/mailing/jobs/${id}`));
    expect(text).toContain('已取消');
    // Cancelled before its first letter (the writers were still starting) or between letters.
    expect(text).toMatch(/节日邮寄在开始前就取消了，没有写任何文件|已取消：清单里标为“已取消”的客户没有生成信函/);
  }, 120_000);
});

describe('a later run into the same folder', () => {
  it('takes the downloads over: the earlier run’s page says so and serves none of its files', async () => {
    const later = await start(SMALL);
    await finish(later);
    const text = textOf(await s.page(`/mailing/jobs/${id}`));
    expect(text).toContain('之后的一次生成');
    expect(text).toContain('这次的文件已被它替换，请从那里下载');
    expect((await s.get(`/mailing/jobs/${id}/files/print-001.pdf`)).status).toBe(404);
    expect((await s.get(`/mailing/jobs/${id}/letters.zip`)).status).toBe(404);
    expect((await s.get(`/mailing/jobs/${later}/files/print-001.pdf`)).status).toBe(200);
    expect(textOf(await s.page(`/mailing/jobs/${later}`))).not.toContain('之后的一次生成');
  }, 120_000);
});

describe('fixLink', () => {
  const issue = (file: string, field: string) => ({ severity: 'error' as const, file, line: 9, column: 5, field, label: '', message: '…', rule: 'x' });
  const row = (...issues: ReturnType<typeof issue>[]) => ({ id: 'qcxq-shuiwuju', unit: '', recipient: '', address: '', postcode: '', columns: [], files: [], status: 'failed: …', issues });
  it('links the first field its issues name, in a customer file or its deal', () => {
    expect(fixLink(row(issue('data/customers/qcxq-shuiwuju.yaml', 'contacts[0].name')))).toBe('/customers/qcxq-shuiwuju/edit#field-contacts-0-name');
    expect(fixLink(row(issue('company.yaml', ''), issue('customers/qcxq-shuiwuju.yaml', 'name')))).toBe('/customers/qcxq-shuiwuju/edit#field-name');
    expect(fixLink(row(issue('/home/a/data/deals/qcxq-2027.yaml', 'items[1].price')))).toBe('/customers/qcxq-shuiwuju/deals/qcxq-2027/edit#field-items-1-price');
  });
  it('links the customer’s page when no issue names a field of a customer or deal file', () => {
    expect(fixLink({ ...row(), issues: undefined as never })).toBe('/customers/qcxq-shuiwuju');
    expect(fixLink(row(issue('customers/qcxq-shuiwuju.yaml', '')))).toBe('/customers/qcxq-shuiwuju');
    expect(fixLink(row(issue('company.yaml', 'name')))).toBe('/customers/qcxq-shuiwuju');
  });
});
