// The studio in a real Chromium, started as a user starts it (tuangou studio, the printed link):
// the customer list and its filters, a customer's page and its proposal preview, a festival
// mailing run to the end with its progress, and a spreadsheet upload with its cells named.
// Each step takes a screenshot of the page it looks at (docs/studio/*.png with STUDIO_SCREENSHOTS=1).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../writers/text.ts';
import { chromiumPath } from './chromium.ts';
import { newPage, openBrowser, ROOT, screenshot, startStudio, type RunningStudio } from './harness.ts';

const TODAY = '2026-11-24';

/** The sample customers as their files say: id, unit name, and class recomputed from the thresholds. */
function sampleCustomers(): { id: string; name: string; cls: string }[] {
  const policies = parse(readFileSync(path.join(ROOT, 'data/policies.yaml'), 'utf8')) as { classThresholds: Record<'A' | 'B' | 'C', string> };
  const t = policies.classThresholds;
  return readdirSync(path.join(ROOT, 'data/customers'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const c = parse(readFileSync(path.join(ROOT, 'data/customers', f), 'utf8')) as { id: string; name: string; expectedAnnualPurchase?: string };
      const amount = c.expectedAnnualPurchase === undefined ? undefined : Number(c.expectedAnnualPurchase);
      const cls = amount === undefined ? '未分级' : amount >= Number(t.A) ? 'A' : amount >= Number(t.B) ? 'B' : amount >= Number(t.C) ? 'C' : 'D';
      return { id: c.id, name: c.name, cls };
    });
}

const rowNames = (page: Page) => page.locator('table.customers tbody tr td:nth-child(2)').allInnerTexts();

describe.skipIf(chromiumPath() === undefined)('the studio in Chromium', () => {
  let studio: RunningStudio;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [studio, browser] = await Promise.all([startStudio({ today: TODAY }), openBrowser()]);
    page = await newPage(browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    expect(await studio?.stop()).toBe(0);
  });

  it('opens the printed link: the token becomes a cookie and the home page shows', async () => {
    await page.goto(studio.url);
    expect(page.url()).toBe(`${studio.origin}/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('工作台');
    await screenshot(page, 'home', { fullPage: false }); // the agenda runs on for pages
  });

  it('lists every sample customer, and filters them by class', async () => {
    const samples = sampleCustomers();
    await page.click('nav a:text-is("客户")');
    await page.waitForURL(`${studio.origin}/customers`);
    expect((await rowNames(page)).sort()).toEqual(samples.map((c) => c.name).sort());
    await screenshot(page, 'customers');
    await page.selectOption('select[name=class]', 'A');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/class=A/);
    const a = samples.filter((c) => c.cls === 'A').map((c) => c.name);
    expect(a.length).toBeGreaterThan(1);
    expect((await rowNames(page)).sort()).toEqual(a.sort());
  });

  it('opens a customer and previews the proposal: the PDF the page shows holds the unit’s name', async () => {
    await page.click('table.customers a:text-is("蒙源乳业集团有限公司")');
    await page.waitForURL(`${studio.origin}/customers/mengyuan-ruye`);
    await expect(page.locator('h1').innerText()).resolves.toContain('蒙源乳业集团有限公司');
    const proposal = page.locator('a[data-preview]', { hasText: '建议书' }).first();
    const url = await proposal.getAttribute('href');
    expect(url).toMatch(/^\/customers\/mengyuan-ruye\/documents\//);
    await proposal.click();
    await expect.poll(() => page.locator('iframe#preview').getAttribute('src')).toBe(url);
    // The bytes the frame shows, fetched with the page's own cookie.
    const res = await page.request.get(`${studio.origin}${url}`);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfPages(await res.body())).join('\n');
    expect(text).toContain('蒙源乳业集团有限公司');
    expect(text).toContain('团购建议书');
    await page.waitForTimeout(1500); // the PDF viewer draws the first page
    await screenshot(page, 'customer');
  });

  it('shows a wrong mobile at its field and saves nothing; corrected, saves it with the file’s comments kept', async () => {
    const file = path.join(studio.dataDir, 'customers/qcxq-shuiwuju.yaml');
    const before = readFileSync(file, 'utf8');
    expect(before).toContain('mobile: "13804719087"');
    await page.goto(`${studio.origin}/customers/qcxq-shuiwuju/edit`);
    const field = page.locator('#field-contacts-0-mobile');
    await field.locator('input').fill('1380471908');
    await expect.poll(() => field.locator('.field-error').innerText()).toContain('应为 11 位手机号');
    for (const save of await page.locator('button.save').all()) await expect(save.isDisabled()).resolves.toBe(true);
    await screenshot(page, 'edit-error');
    // Sent all the same (the disabled button bypassed): the server refuses it, at the field.
    await Promise.all([page.waitForEvent('load'), page.locator('button.save').first().evaluate((b: { form: { submit(): void } }) => b.form.submit())]);
    await expect(page.locator('#field-contacts-0-mobile .field-error').innerText()).resolves.toContain('应为 11 位手机号');
    expect(readFileSync(file, 'utf8')).toBe(before);

    await page.locator('#field-contacts-0-mobile input').fill('13804719088');
    await expect.poll(() => page.locator('#field-contacts-0-mobile .field-error').innerText()).toBe('');
    await Promise.all([page.waitForURL(/saved=1/), page.locator('button.save').first().click()]);
    const after = readFileSync(file, 'utf8');
    // Only that line changed; the comments and the rest of the file as they were.
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['    mobile: "13804719088"']);
    expect(after).toContain('# 正好 50000 元：按规则归入 B 类（门槛本身属于较高一级）');
  });

  it('runs a small festival mailing to the end, showing its progress, then the manifest', async () => {
    await page.click('nav a:text-is("节日邮寄")');
    await page.selectOption('select[name=festival]', '春节');
    for (const system of ['执法', '金融']) await page.check(`input[name=system][value=${system}]`);
    await page.click('form.mailing-form button[type=submit]');
    await expect(page.locator('.mailing-preview .letters').innerText()).resolves.toBe('3');
    await expect(page.locator('.mailing-preview .mail-date').innerText()).resolves.toBe('2026年12月8日');
    await screenshot(page, 'mailing');
    await page.click('.mailing-preview button[type=submit]');
    await page.waitForURL(/\/mailing\/jobs\/[0-9a-f-]{36}$/);
    // The progress bar while the writers start and write; the page reloads itself at the end.
    const bar = page.locator('.job progress');
    const shown = await bar.count();
    // A screenshot once a letter is done, unless the run ends first (the page then reloads).
    const done = page.locator('.job .done');
    await expect.poll(async () => (await done.count()) === 0 || Number(await done.innerText().catch(() => '1')) >= 1, { timeout: 90_000 }).toBe(true);
    if ((await bar.count()) > 0) await screenshot(page, 'mailing-progress');
    await page.locator('table.manifest').waitFor({ timeout: 90_000 });
    expect(shown).toBe(1);
    const summary = (await page.locator('.summary').innerText()).replace(/\s+/g, '');
    expect(summary).toBe('3封信函已生成，1个跳过，0个失败。');
    const rows = await page.locator('table.manifest tbody tr').count();
    expect(rows).toBe(4);
    await expect(page.locator('ul.downloads a').allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('全部信函（3 封'), '合并打印文件 第 1 册', '信封 第 1 册']));
    await screenshot(page, 'mailing-manifest');
    // A download as the browser makes it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('ul.downloads a:text-is("合并打印文件 第 1 册")')]);
    expect(download.suggestedFilename()).toBe('2027-春节-print-001.pdf');
    const pdf = readFileSync((await download.path())!);
    expect((await pdfPages(pdf)).join('\n')).toContain('2027年春节致青城新区税务局的一封信');
  }, 120_000);

  it('uploads a spreadsheet with errors and names each cell at fault', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    const rows = [
      ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机'],
      ['青城新区统计局', '党政', '潜在', '呼和浩特市青城新区政务大厦 7 楼', '韩立新', '决策人', '1381234'],
      ['青城新区审计局', '外星', '潜在', '呼和浩特市青城新区政务大厦 5 楼', '白文斌', '决策人', '13912345678'],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = readdirSync(path.join(studio.dataDir, 'customers')).sort();
    await page.click('nav a:text-is("导入/导出")');
    await page.setInputFiles('input[name=file]', { name: '新客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.click('form.upload button[type=submit]');
    await page.waitForURL(/\/sheets\/plans\//);
    const errors = (await page.locator('table.issues tr.error').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(errors).toContain('错误 客户 2 G G2 手机 应为 11 位手机号（可带 +86），如 13812345678');
    expect(errors.find((t) => t.startsWith('错误 客户 3 B B3 所属系统'))).toBeDefined();
    await screenshot(page, 'import-plan');
    expect(readdirSync(path.join(studio.dataDir, 'customers')).sort()).toEqual(before);
  });
});
