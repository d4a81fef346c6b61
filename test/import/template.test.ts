import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/import/columns.ts';
import { labelAt } from '../../src/data/labels.ts';
import { customerSchema, ROLES, SYSTEMS } from '../../src/data/schema.ts';
import { copyData, tuangou } from './helpers.ts';

const AGREED = '单位名称 所属系统 客户状态 单位地址 邮编 单位电话 单位网址 职工人数 预计年采购额 联系人姓名 联系人角色 职务 级别 办公电话 宅电 手机 邮箱 家庭住址 家庭邮编 生日 结婚纪念日 家庭成员 本人爱好 家人爱好 购买过的产品 备注'.split(' ');

async function template() {
  const { root, data } = copyData();
  const r = await tuangou(['import', '--template', '模板.xlsx'], root);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, '模板.xlsx'));
  return { root, data, wb, ws: wb.getWorksheet('客户')! };
}

describe('the import template', () => {
  it('has the agreed headers first, taken from the data model, then the optional extra columns', async () => {
    const { ws } = await template();
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, AGREED.length)).toEqual(AGREED);
    expect(header).toEqual(COLUMNS.map((c) => c.label));
    expect(COLUMNS.find((c) => c.key === 'contact.mobile')?.label).toBe(labelAt(customerSchema, ['contacts', 0, 'mobile']));
    expect(ws.rowCount).toBe(1);
  });

  it('has a note on every header and drop-downs on every enumerated column', async () => {
    const { ws } = await template();
    COLUMNS.forEach((c, i) => {
      const head = ws.getCell(1, i + 1);
      expect(typeof head.note === 'string' ? head.note : JSON.stringify(head.note)).toContain(c.label);
      const dv = ws.getCell(2, i + 1).dataValidation;
      if (c.allowed) {
        expect(dv).toMatchObject({ type: 'list', formulae: [`"${c.allowed.join(',')}"`] });
        expect(ws.getCell(500, i + 1).dataValidation?.type).toBe('list');
      } else {
        expect(dv).toBeUndefined();
      }
    });
    const system = ws.getCell(2, 2).dataValidation;
    expect(system.formulae).toEqual([`"${SYSTEMS.join(',')}"`]);
    const roleColumn = COLUMNS.findIndex((c) => c.key === 'contact.role') + 1;
    expect(ws.getCell(2, roleColumn).dataValidation.formulae).toEqual([`"${ROLES.join(',')}"`]);
    const postcode = ws.getCell(1, 5).note;
    expect(String(typeof postcode === 'string' ? postcode : '')).toContain('6 位数字，可以 0 开头');
    // Digits columns are text, so 010010 stays 010010 when typed in Excel.
    expect(ws.getColumn(5).numFmt).toBe('@');
  });

  it('has a 说明 sheet, and a filled-in copy imports (the 说明 sheet is skipped)', async () => {
    const { root, data, wb, ws } = await template();
    expect(wb.getWorksheet('说明')).toBeDefined();
    const at = (label: string) => COLUMNS.findIndex((c) => c.label === label) + 1;
    const fill: Record<string, string> = { 单位名称: '测试市公安局', 所属系统: '执法', 客户状态: '潜在', 单位地址: '测试市公安路 1 号', 邮编: '010070', 联系人姓名: '王强', 联系人角色: '决策人', 职务: '局长', 手机: '13800001234' };
    for (const [label, v] of Object.entries(fill)) ws.getCell(2, at(label)).value = v;
    await wb.xlsx.writeFile(path.join(root, '填好.xlsx'));
    const r = await tuangou(['import', '填好.xlsx', '--data', data, '--json'], root);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.notices).toEqual(['工作表「说明」的前 10 行里没有「单位名称」表头，没有导入。']);
    expect(out.customers).toEqual([expect.objectContaining({ name: '测试市公安局', action: 'create', written: true })]);
  });

  it('does not overwrite a file', async () => {
    const { root } = await template();
    const r = await tuangou(['import', '--template', '模板.xlsx'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已经存在，没有覆盖');
    expect(existsSync(path.join(root, '模板.xlsx'))).toBe(true);
  });
});

describe('the import command line', () => {
  it('never writes into the sample data shipped with the tool', async () => {
    const { root } = copyData();
    const r = await tuangou(['import', 'x.xlsx'], path.join(root, 'data'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('当前目录下没有 data/ 数据文件夹：请用 --data 指定导入到哪个数据文件夹');
  });

  it('answers --help in Chinese and rejects a missing file name', async () => {
    const { root } = copyData();
    expect((await tuangou(['import', '--help'], root)).stdout).toContain('用法：tuangou import <文件.xlsx|文件.csv> [--dry-run] [--force-partial]');
    expect((await tuangou(['export', '--help'], root)).stdout).toContain('用法：tuangou export <文件.xlsx|文件.csv> [--class A,B]');
    const r = await tuangou(['import'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请给出要导入的表格文件（.xlsx 或 .csv）');
  });
});
