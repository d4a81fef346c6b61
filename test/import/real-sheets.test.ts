// Issue 21: sheets as sales offices really keep them — extra columns, office spellings of
// dates and phones, WeChat ids, military and police ranks, short and long kinship words.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyData, readYaml, snapshot, tuangou, writeXlsx, type Cell } from './helpers.ts';

const UNIT_HEAD = ['单位名称', '所属系统', '客户状态', '单位地址'];
const UNIT: Cell[] = ['测试市公安局', '党政', '现有', '测试市公安路 1 号'];

/** The import's issue lines under a heading (错误 or 警告), as printed. */
function listed(stdout: string, title: '错误' | '警告'): string[] {
  const start = stdout.indexOf(`${title}（`);
  if (start < 0) return [];
  return stdout.slice(start, stdout.indexOf('\n\n', start)).split('\n').slice(1).map((l) => l.trim());
}

/** The one new customer file the import wrote, read back with every value as text. */
function newCustomer(data: string, before: Map<string, string>): Record<string, unknown> {
  const added = readdirSync(path.join(data, 'customers')).filter((f) => !before.has(`customers/${f}`));
  expect(added).toHaveLength(1);
  return parse(readYaml(data, `customers/${added[0]}`), { schema: 'failsafe' });
}

async function importSheet(rows: Cell[][], extra: string[] = []) {
  const { root, data } = copyData();
  const before = snapshot(data);
  await writeXlsx(path.join(root, 'in.xlsx'), { 客户: rows });
  const r = await tuangou(['import', 'in.xlsx', '--data', data, ...extra], root);
  return { root, data, before, r };
}

describe('Excel date cells before 1900-03-01', () => {
  it('are refused at their cell, not imported a day off', async () => {
    const head = [...UNIT_HEAD, '联系人姓名', '联系人角色', '手机', '生日', '结婚纪念日'];
    const { data, before, r } = await importSheet([
      head,
      // exceljs writes 1900-02-28 as serial 59 and reads it back as 1900-02-27.
      [...UNIT, '王强', '决策人', '13800001234', new Date(Date.UTC(1900, 1, 28)), 60],
      [...UNIT, '李明', '采购', '13800005678', new Date(Date.UTC(1900, 2, 1)), 61],
    ]);
    expect(r.code).toBe(1);
    const message = 'Excel 把 1900 年当作闰年（多了不存在的 1900-02-29），1900-03-01 以前的日期格读出来会差一天或根本不存在：请把这一格设为“文本”格式，写成 1900-02-28 这样的日期';
    expect(listed(r.stdout, '错误')).toEqual([`客户!H2 生日: ${message}`, `客户!I2 结婚纪念日: ${message}`]);
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});

describe('columns the import does not know', () => {
  const rows: Cell[][] = [
    ['序号', ...UNIT_HEAD, '联系人姓名', '联系人角色', '手机', '区域'],
    [1, ...UNIT, '王强', '决策人', '13800001234', '城东'],
  ];

  it('are left out with a warning naming each, in the dry run and in the import', async () => {
    const { root, data, before, r } = await importSheet(rows, ['--dry-run']);
    const warnings = [
      '客户!A1: 「序号」不是导入的列，这一列没有导入，其他列照常导入。可用的列见导入模板（tuangou import --template）',
      '客户!I1: 「区域」不是导入的列，这一列没有导入，其他列照常导入。可用的列见导入模板（tuangou import --template）',
    ];
    expect(r.code).toBe(0);
    expect(listed(r.stdout, '错误')).toEqual([]);
    expect(listed(r.stdout, '警告')).toEqual(expect.arrayContaining(warnings));
    expect(snapshot(data, { backup: true })).toEqual(before);

    const done = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(done.code).toBe(0);
    expect(listed(done.stdout, '警告')).toEqual(expect.arrayContaining(warnings));
    const value = newCustomer(data, before);
    expect(value['contacts']).toEqual([{ name: '王强', role: '决策人', mobile: '13800001234' }]);
    expect(JSON.stringify(value)).not.toContain('城东');
  });

  it('a misspelt known column stays an error with its suggestion', async () => {
    const { data, before, r } = await importSheet([[...rows[0]!.slice(0, 8), '手几'], [...rows[1]!.slice(0, 8), '13800001234']]);
    expect(r.code).toBe(1);
    expect(listed(r.stdout, '错误')).toEqual(['客户!I1: 不认识的列「手几」，是否想写「手机」？这一列不会导入。可用的列见导入模板（tuangou import --template）']);
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});
