// 导入/导出 in the studio, through the app in-process: an upload's dry-run plan with every cell
// named, applying it (refused when a file changed since the plan), the template, the export
// with the customer list's filters, and the upload's size limit and Origin check.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieName } from '../../src/studio/security.ts';
import { snapshot } from '../import/helpers.ts';
import { DATA, tempDir } from '../pipeline/build.ts';
import { ORIGIN, PORT, studio, textOf, TOKEN, type Studio } from './helpers.ts';

type Row = readonly (string | undefined)[];

async function xlsx(rows: readonly Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  rows.forEach((r, i) => r.forEach((v, j) => v !== undefined && (ws.getCell(i + 1, j + 1).value = v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEAD = ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机', '生日'];
const GOOD = ['青城新区审计局', '执法', '潜在', '呼和浩特市青城新区政务大厦 5 楼', '白文斌', '决策人', '13912345678', '1975-03-08'];
/** A wrong mobile in G3 and a date that could be either day in H3. */
const BAD = ['青城新区统计局', '党政', '潜在', '呼和浩特市青城新区政务大厦 7 楼', '韩立新', '决策人', '1381234', '8.3.1975'];

let tmp: ReturnType<typeof tempDir>;
let data: string;
let s: Studio;
beforeEach(() => {
  tmp?.remove();
  tmp = tempDir('studio-sheets');
  data = path.join(tmp.dir, 'data');
  cpSync(DATA, data, { recursive: true });
  s = studio({ data, uploadLimit: 64 * 1024 });
});
afterAll(() => tmp.remove());

/** The upload as the page's form sends it: multipart, from the studio's own origin. */
function upload(bytes: Uint8Array, name = '客户.xlsx', headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return Promise.resolve(s.app.request('/sheets/plans', { method: 'POST', body: form, headers: { Host: `127.0.0.1:${PORT}`, Cookie: `${cookieName(PORT)}=${TOKEN}`, Origin: ORIGIN, ...headers } }));
}

/** Uploads and follows the redirect to the plan; the plan's address and page. */
async function plan(bytes: Uint8Array): Promise<{ at: string; page: string }> {
  const res = await upload(bytes);
  expect(res.status, await res.clone().text()).toBe(303);
  const at = res.headers.get('location')!;
  expect(at).toMatch(/^\/sheets\/plans\/[0-9a-f-]{36}$/);
  return { at, page: await s.page(at) };
}

describe('the import page', () => {
  it('offers the upload, the template and the export', async () => {
    const page = await s.page('/sheets');
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('href="/sheets/template.xlsx"');
    expect(page).toContain('action="/sheets/export.xlsx"');
    expect(textOf(page)).toContain('文件不能超过 64 KB');
  });

  it('serves the blank import template', async () => {
    const res = await s.get('/sheets/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('客户导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const headers = (wb.getWorksheet('客户')!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['单位名称', '联系人姓名', '手机']));
  });
});

describe('an upload with errors', () => {
  it('shows every cell at fault by sheet, row, column and field, and writes nothing', async () => {
    const before = snapshot(data);
    const { page } = await plan(await xlsx([HEAD, GOOD, BAD]));
    const rows = [...page.matchAll(/<tr class="(error|warning)">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[2]!));
    expect(rows).toContain('错误 客户 3 G G3 手机 应为 11 位手机号（可带 +86），如 13812345678');
    expect(rows.find((r) => r.startsWith('错误 客户 3 H H3 生日 看不出「8.3.1975」是哪一天'))).toBeDefined();
    const text = textOf(page);
    expect(text).toContain('新建 2 个客户，更新 0 个，不变 0 个； 2 个错误');
    expect(text).toContain('这是预览，还没有写入任何文件');
    // No import of everything; only of the customers without errors.
    expect(page).not.toMatch(/<button[^>]*>导入（/);
    expect(text).toContain('只导入没有错误的 1 个客户');
    expect(snapshot(data)).toEqual(before);
  });

  it('imports only the customers without errors when asked to', async () => {
    const { at } = await plan(await xlsx([HEAD, GOOD, BAD]));
    const res = await s.post(`${at}/apply`, { partial: '1' });
    expect(res.status).toBe(303);
    const text = textOf(await s.page(at));
    expect(text).toMatch(/已写入 1 个客户文件：customers\/[a-z0-9-]+\.yaml/);
    expect(text).toContain('有错误、没有导入的客户（1）：青城新区统计局');
    const file = /已写入 1 个客户文件：(customers\/[a-z0-9-]+\.yaml)/.exec(text)![1]!;
    const yaml = readFileSync(path.join(data, file), 'utf8');
    expect(yaml).toContain('name: 青城新区审计局');
    expect(yaml).toContain('13912345678');
  });
});

describe('applying a plan', () => {
  it('writes what the plan showed, once', async () => {
    const { at, page } = await plan(await xlsx([HEAD, GOOD]));
    expect(textOf(page)).toContain('导入（新建 1 个，更新 0 个）');
    expect((await s.post(`${at}/apply`, {})).status).toBe(303);
    const text = textOf(await s.page(at));
    expect(text).toMatch(/已写入 1 个客户文件/);
    expect(text).toMatch(/写入前的备份和撤销说明在 .*\.backup/);
    // The same plan again writes nothing more.
    const after = snapshot(data);
    expect((await s.post(`${at}/apply`, {})).status).toBe(303);
    expect(snapshot(data)).toEqual(after);
  });

  it('is refused when a customer file changed since the plan, and can be planned again on the new file', async () => {
    const file = path.join(data, 'customers/qcxq-shuiwuju.yaml');
    const { at, page } = await plan(await xlsx([['单位名称', '联系人姓名', '手机'], ['青城新区税务局', '乔振华', '13900001111']]));
    expect(textOf(page)).toContain('更新 1 个');
    const edited = `${readFileSync(file, 'utf8')}# 别人刚加的一行注释\n`;
    writeFileSync(file, edited);
    expect((await s.post(`${at}/apply`, {})).status).toBe(303);
    const refused = await s.page(at);
    expect(textOf(refused)).toContain('qcxq-shuiwuju.yaml 在你读取之后被修改过：为了不覆盖别人的修改，这次没有保存');
    expect(textOf(refused)).toContain('没有导入任何文件');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const again = await s.post(`${at}/replan`, {});
    expect(again.status).toBe(303);
    const next = again.headers.get('location')!;
    expect(next).not.toBe(at);
    expect((await s.post(`${next}/apply`, {})).status).toBe(303);
    expect(textOf(await s.page(next))).toContain('已写入 1 个客户文件：customers/qcxq-shuiwuju.yaml');
    const now = readFileSync(file, 'utf8');
    expect(now).toContain('13900001111');
    expect(now).toContain('# 别人刚加的一行注释');
  });
});

describe('what the upload is refused for', () => {
  it('a file over the size limit: refused before it is read', async () => {
    const res = await upload(new Uint8Array(65 * 1024));
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain('上传的内容超过');
  });

  it('an upload that does not come from a studio page', async () => {
    const before = snapshot(data);
    const res = await upload(await xlsx([HEAD, GOOD]), '客户.xlsx', { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(snapshot(data)).toEqual(before);
  });

  it('a file that is not a spreadsheet, with the import’s own message', async () => {
    const res = await upload(new TextEncoder().encode('not a sheet'), 'notes.txt');
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toMatch(/\.xlsx|\.csv/);
  });

  it('a plan id that is not one of its own', async () => {
    for (const at of ['/sheets/plans/..%2Fx', '/sheets/plans/00000000-0000-0000-0000-000000000000']) expect((await s.get(at)).status, at).toBe(404);
    expect((await s.post('/sheets/plans/..%2Fx/apply', {})).status).toBe(404);
  });
});

describe('the export', () => {
  async function exported(query: string): Promise<{ units: string[]; disposition: string }> {
    const res = await s.get(`/sheets/export.xlsx${query}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('客户')!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('单位名称');
    const units = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && row.getCell(col).value && units.add(String(row.getCell(col).value)));
    return { units: [...units].sort(), disposition: res.headers.get('content-disposition') ?? '' };
  }

  it('exports the customers the customer list shows for the same filters', async () => {
    const all = await exported('');
    expect(all.units).toHaveLength(14);
    const banks = await exported('?system=金融');
    expect(banks.units).toEqual(['北疆人寿保险股份有限公司青城中心支公司', '北疆农村商业银行青城支行'].sort());
    expect(banks.disposition).toContain(encodeURIComponent('客户（金融）-2026-11-24.xlsx'));
    const list = textOf(await s.page('/customers?system=金融'));
    for (const u of banks.units) expect(list).toContain(u);
    // By a contact's name, as the list's search box does.
    expect((await exported('?q=乔振华')).units).toEqual(['青城新区税务局']);
  });
});
