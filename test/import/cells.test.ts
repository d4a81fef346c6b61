import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, numberText, serialToIso } from '../../src/import/cells.ts';
import { familyHobbiesText, familyText, parseFamily, parseFamilyHobbies } from '../../src/import/compound.ts';
import { makeId } from '../../src/import/plan.ts';
import { cellValue, readXlsx } from '../../src/import/read.ts';
import { readFileSync } from 'node:fs';
import { copyData, tuangou } from './helpers.ts';

describe('numbers from number cells', () => {
  it('gives integers exactly and fractions as Excel shows them', () => {
    expect(numberText(13812345678)).toBe('13812345678');
    expect(numberText(10010)).toBe('10010');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234.5599999999999)).toBe('1234.56');
    expect(numberText(12345.6)).toBe('12345.6');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(999_999_999_999_999)).toBe('999999999999999');
  });

  it('refuses numbers Excel has already cut to 15 digits', () => {
    expect(numberText(1234567890123456)).toBeUndefined();
    expect(numberText(Number.NaN)).toBeUndefined();
  });

  it('reads Excel serial days in both date systems', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBeUndefined(); // Lotus's 1900-02-29
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(27461, false)).toBe('1975-03-08');
    expect(serialToIso(46027.75, false)).toBe('2026-01-05');
    expect(serialToIso(0, true)).toBeUndefined();
    expect(serialToIso(25999, true)).toBe('1975-03-08');
  });

  it('turns a number in a date column into a date, and marks digits columns', () => {
    expect(cellText({ kind: 'number', value: 27461 }, 'date', false)).toEqual({ ok: true, text: '1975-03-08', numeric: false });
    expect(cellText({ kind: 'number', value: 13812345678 }, 'mobile', false)).toEqual({ ok: true, text: '13812345678', numeric: true });
    expect(cellText({ kind: 'text', text: "'+8613812345678" }, 'mobile', false)).toEqual({ ok: true, text: '+8613812345678', numeric: false });
    expect(cellText({ kind: 'text', text: '  \u3000 ' }, 'text', false)).toBeUndefined();
    expect(cellText({ kind: 'text', text: 'a\u0007b' }, 'text', false)).toMatchObject({ ok: false, rule: 'control-char' });
    expect(cellText({ kind: 'error', text: '#N/A' }, 'text', false)).toMatchObject({ ok: false, rule: 'cell-error' });
  });
});

describe('exceljs values', () => {
  it('are read by shape: rich text, hyperlinks, formula results, dates', () => {
    expect(cellValue({ richText: [{ text: '测试' }, { text: '市' }] })).toEqual({ kind: 'text', text: '测试市' });
    expect(cellValue({ text: 'a@b.com', hyperlink: 'mailto:a@b.com' })).toEqual({ kind: 'text', text: 'a@b.com' });
    expect(cellValue({ formula: 'A1', result: '010010' })).toEqual({ kind: 'text', text: '010010' });
    expect(cellValue({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toMatchObject({ kind: 'error' });
    expect(cellValue(new Date(Date.UTC(2026, 0, 5, 23, 59)))).toEqual({ kind: 'date', iso: '2026-01-05' });
    expect(cellValue({ error: '#REF!' } as ExcelJS.CellErrorValue)).toEqual({ kind: 'error', text: '#REF!' });
  });

  it('gives every cell of a merged range the value of its first cell', async () => {
    const { root, data } = copyData();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRows([
      ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机'],
      ['测试市公安局', '执法', '潜在', '测试市公安路 1 号', '王强', '决策人', '13800001234'],
      [null, null, null, null, '李明', '采购', '13800005678'],
    ]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    await wb.xlsx.writeFile(path.join(root, 'merged.xlsx'));
    const book = await readXlsx(readFileSync(path.join(root, 'merged.xlsx')), 'merged.xlsx');
    expect(book.sheets[0]?.rows[2]?.cells.get(1)).toEqual({ kind: 'text', text: '测试市公安局' });
    const out = JSON.parse((await tuangou(['import', 'merged.xlsx', '--data', data, '--json'], root)).stdout);
    expect(out.errors).toBe(0);
    expect(out.customers).toEqual([expect.objectContaining({ name: '测试市公安局', contacts: 2 })]);
  });
});

describe('compound cells', () => {
  it('family members: 关系：姓名（生日）, both ways', () => {
    const raw = [
      { relation: '妻子', name: '王芳', birthday: '农历三月初八' },
      { relation: '儿子', birthday: '2005-06-01' },
      { relation: '母亲' },
    ];
    expect(familyText(raw)).toBe('妻子：王芳（农历三月初八）；儿子（2005-06-01）；母亲');
    expect(parseFamily(familyText(raw)!)).toEqual({ ok: true, value: raw });
    expect(parseFamily('妻子 王芳\n儿子:张小明(2005/6/1)')).toEqual({
      ok: true,
      value: [{ relation: '妻子', name: '王芳' }, { relation: '儿子', name: '张小明', birthday: '2005/6/1' }],
    });
    expect(parseFamily('妻子：王芳（农历')).toMatchObject({ ok: false });
  });

  it('family hobbies: keyed by name, else relation', () => {
    const family = [{ relation: '妻子', name: '王芳', hobbies: ['书法', '太极'] }, { relation: '儿子', hobbies: '篮球;游泳' }, { relation: '母亲' }];
    expect(familyHobbiesText(family)).toBe('王芳：书法、太极；儿子：篮球、游泳');
    expect(parseFamilyHobbies('王芳：书法、太极；儿子：篮球、游泳')).toEqual({ ok: true, value: [['王芳', '书法、太极'], ['儿子', '篮球、游泳']] });
    expect(parseFamilyHobbies('书法')).toMatchObject({ ok: false });
  });
});

describe('ids of new customers', () => {
  const none = () => false;
  it('are ASCII slugs of ASCII names, and a stable hash of Chinese ones', () => {
    expect(makeId('ABC Trading Co.', none)).toBe('abc-trading-co');
    expect(makeId('测试市税务局', none)).toMatch(/^kehu-[0-9a-f]{6}$/);
    expect(makeId('测试市税务局', none)).toBe(makeId('测试市税务局', none));
    expect(makeId('ABC科技', none)).toMatch(/^abc-[0-9a-f]{6}$/);
    expect(makeId('CON', none)).toBe('con-1');
  });

  it('never reuse a taken id', () => {
    const first = makeId('测试市税务局', none);
    expect(makeId('测试市税务局', (id) => id === first)).toMatch(/^kehu-[0-9a-f]{8}$/);
    expect(makeId('abc', (id) => id === 'abc')).toBe('abc-2');
  });
});
