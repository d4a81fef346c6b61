import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyData, FIXTURE_DATA, readYaml, snapshot, tuangou } from './helpers.ts';

const REPO_DATA = path.join(import.meta.dirname, '../../data');
// LibreOffice Calc, when installed, re-saves the export as a person's edit would.
const CALC = ['/usr/lib/libreoffice/share/registry/calc.xcd', '/usr/local/lib/libreoffice/share/registry/calc.xcd'].some((f) => existsSync(f));
const hasRepoData = existsSync(path.join(REPO_DATA, 'customers')) && readdirSync(path.join(REPO_DATA, 'customers')).length > 0;

/** The data exported to out.xlsx and opened as a person would, with a column finder by header. */
async function exportedSheet(root: string, data: string) {
  await tuangou(['export', 'out.xlsx', '--data', data], root);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, 'out.xlsx'));
  const ws = wb.getWorksheet('客户')!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  return { wb, ws, header, col: (label: string) => header.indexOf(label) };
}

async function roundTrip(from: string, ext: 'xlsx' | 'csv') {
  const { root, data } = copyData(from);
  const before = snapshot(data, { backup: true });
  const exported = await tuangou(['export', `out.${ext}`, '--data', data], root);
  expect(exported.stderr).toBe('');
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/自检：重新读取导出的文件，\d+ 个客户与数据文件一致/);
  const imported = await tuangou(['import', `out.${ext}`, '--data', data, '--json'], root);
  const report = JSON.parse(imported.stdout);
  return { root, data, before, report, imported };
}

describe('export → import round trip', () => {
  for (const ext of ['xlsx', 'csv'] as const) {
    it(`changes nothing on the fixture data (${ext})`, async () => {
      const { data, before, report } = await roundTrip(FIXTURE_DATA, ext);
      expect(report.errors).toBe(0);
      expect(report.customers.map((c: { action: string }) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      expect(report.written).toBe(0);
      // Not one byte of the data folder changed, and no backup was needed.
      expect(snapshot(data, { backup: true })).toEqual(before);
    });
  }

  it('exports a two-line note as one quoted CSV field, the row whole for any reader', async () => {
    const { root } = await roundTrip(FIXTURE_DATA, 'csv');
    const text = readFileSync(path.join(root, 'out.csv'), 'utf8');
    const rows = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows.some((r) => r.includes('第一行备注\n第二行备注'))).toBe(true);
    expect(text).toContain('"第一行备注\n第二行备注"');
  });

  it.skipIf(!hasRepoData)('changes nothing on every sample customer of <repo>/data (xlsx and csv)', async () => {
    for (const ext of ['xlsx', 'csv'] as const) {
      const { data, before, report } = await roundTrip(REPO_DATA, ext);
      const customers = readdirSync(path.join(REPO_DATA, 'customers')).filter((f) => /\.ya?ml$/.test(f));
      expect(report.customers.length).toBeGreaterThan(0);
      expect(report.customers.length).toBeLessThanOrEqual(customers.length);
      expect(report.customers.filter((c: { action: string }) => c.action !== 'unchanged')).toEqual([]);
      expect(snapshot(data, { backup: true })).toEqual(before);
    }
  });

  it('exports a 称呼 column and imports a 称呼 typed into it as the contact\'s salutation', async () => {
    const { root, data } = copyData();
    const { wb, ws, header, col } = await exportedSheet(root, data);
    expect(header).toContain('称呼');
    expect(ws.getCell(2, col('联系人姓名')).value).toBe('张伟');
    ws.getCell(2, col('称呼')).value = '张局长';
    await wb.xlsx.writeFile(path.join(root, 'edited.xlsx'));
    const r = await tuangou(['import', 'edited.xlsx', '--data', data], root);
    expect(r.code).toBe(0);
    expect(readYaml(data, 'customers/caizheng-ju.yaml')).toMatch(/\n {4}salutation: 张局长\n/);
  });

  it('after an edit in Excel, changes only the edited value and keeps the comments', async () => {
    const { root, data } = copyData();
    const { wb, ws, col } = await exportedSheet(root, data);
    // Row 2 is 张伟 of 测试市财政局: a new mobile, typed as a number as people do.
    expect(ws.getCell(2, col('联系人姓名')).value).toBe('张伟');
    ws.getCell(2, col('手机')).value = 13900001111;
    await wb.xlsx.writeFile(path.join(root, 'edited.xlsx'));
    const original = readYaml(data, 'customers/caizheng-ju.yaml');

    const r = await tuangou(['import', 'edited.xlsx', '--data', data], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/更新\s+data\/customers\/caizheng-ju\.yaml\s+测试市财政局\s+手机（张伟）/);
    const updated = readYaml(data, 'customers/caizheng-ju.yaml');
    const diff = updated.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(diff).toEqual(['    mobile: "13900001111"']);
    expect(updated).toContain('# 财政局：老客户，每年中秋、春节两次福利');
    expect(updated).toContain('postcode: "010010"   # 邮编以 0 开头');
    expect(updated).toContain('  # 决策人');

    // The old file is in the backup, with a manifest saying how to undo.
    const backups = readdirSync(path.join(data, '.backup'));
    expect(backups).toHaveLength(1);
    const dir = path.join(data, '.backup', backups[0]!);
    expect(readFileSync(path.join(dir, 'customers/caizheng-ju.yaml'), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toMatchObject({
      source: 'edited.xlsx',
      updated: ['customers/caizheng-ju.yaml'],
      created: [],
    });
    // And check agrees with the result.
    expect((await tuangou(['check', '--data', data], root)).code).toBe(0);
  });

  it.skipIf(!CALC)('survives being opened and saved again by LibreOffice Calc (xlsx and csv)', async () => {
    const { root, data } = copyData();
    const before = snapshot(data, { backup: true });
    await tuangou(['export', 'out.xlsx', '--data', data], root);
    const profile = `file://${path.join(root, 'lo-profile')}`;
    for (const target of ['xlsx:Calc MS Excel 2007 XML', 'csv:Text - txt - csv (StarCalc):44,34,76']) {
      const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', path.join(root, 'resaved'), path.join(root, 'out.xlsx')], { timeout: 120_000 });
      expect(r.status).toBe(0);
    }
    for (const name of ['out.xlsx', 'out.csv']) {
      const out = JSON.parse((await tuangou(['import', path.join('resaved', name), '--data', data, '--json'], root)).stdout);
      expect(out.errors).toBe(0);
      expect(out.customers.map((c: { action: string }) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    }
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});
