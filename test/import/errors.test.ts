import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyData, snapshot, tuangou, writeXlsx } from './helpers.ts';

const HEAD = ['单位名称', '所属系统', '客户状态', '单位地址', '邮编', '联系人姓名', '联系人角色', '职务', '手机', '办公电话', '邮箱', '生日', '家庭成员', '家人爱好', '购买过的产品', '办公电活', '手机'];
//            A           B           C           D           E       F             G             H       I       J           K       L       M           N           O               P       Q

async function plantedErrors() {
  const { root, data } = copyData();
  await writeXlsx(path.join(root, 'bad.xlsx'), {
    客户: [
      HEAD,
      ['测试市公安局', '党政', '现有', '测试市公安路 1 号', '01001', '王强', '决策人', '局长', '1381234567', null, 'wang-at-example.com', '农历十三月初一', null, null, null, '0471-1'],
      ['测试市公安局', '执法', null, null, null, '同上', '其他', '科长', '13800001234'],
      [null, null, null, null, null, '赵六', '采购', '采购员', '13800005678'],
      ['测试市公安局', null, null, null, null, '王强', '采购', '司机', '13800004321'],
      ['测试市公安局', null, null, null, null, null, null, null, '13800008765'],
      ['测试市消防队', '军警', '潜在', '测试市消防路 1 号', '010050', '钱七', '决策人', '队长', null, null, null, null, null, null, 'P-9'],
      ['测试市边防站', null, '老客户', '边防路 1 号 13812345678', null, '孙八', '领导', '指导员', null, '孙八办公室 0471-6665555', null, '2026-02-30', '妻子：王芳（农历三月初八', '书法'],
    ],
  });
  return { root, data };
}

describe('a sheet with planted errors', () => {
  it('names sheet, cell and field of every problem, and writes nothing', async () => {
    const { root, data } = await plantedErrors();
    const before = snapshot(data);
    const r = await tuangou(['import', 'bad.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    const start = r.stdout.indexOf('错误（');
    const errors = r.stdout.slice(start, r.stdout.indexOf('\n\n', start)).split('\n').slice(1).map((l) => l.trim());
    expect(errors).toEqual([
      // the header row
      '客户!P1: 不认识的列「办公电活」，是否想写「办公电话」？这一列不会导入。可用的列见导入模板（tuangou import --template）',
      '客户!Q1 手机: 「手机」列重复（I1 已有）：这一列不会导入',
      // 测试市公安局: formats, a placeholder, rows that disagree, a duplicate contact
      '客户!E2 邮编: 邮编应为 6 位数字（可以 0 开头，如 010010）',
      '客户!I2 手机: 应为 11 位手机号（可带 +86），如 13812345678',
      '客户!K2 邮箱: 邮箱格式不对，如 name@example.com',
      '客户!L2 生日: 无法识别的日期「农历十三月初一」：请写成 1975-03-08、3月8日 或 农历八月十五',
      '客户!B3 所属系统: 与 B2 的「党政」不一致：同一单位的各行应填相同内容，或只在其中一行填写',
      '客户!F3 联系人姓名: 「同上」是占位内容，不能代替真实信息：不知道就整行删去',
      '客户!A4 单位名称: 每一行都要填单位名称（同一单位的几行可以合并单元格）：这一行没有导入',
      '客户!F5 联系人姓名: 单位 + 联系人「测试市公安局｜王强」在第 2 行已经有了：一位联系人只占一行',
      '客户!F6 联系人姓名: 这一行填了联系人的手机，但没有联系人姓名：这一行的联系人信息没有导入',
      // 测试市消防队: the rules across fields and files
      '客户!F7 联系人: 至少要有一个电话（手机、办公电话、宅电或单位电话）',
      '客户!O7 购买过的产品: 没有编号为「P-9」的产品，是否想写「P-1」？',
      // 测试市边防站: required, enumerated, merged fields, impossible dates, compound cells
      '客户!B8 所属系统: 应为以下之一：党政、执法、金融、通讯、能源、文教卫生、军警、实力企业',
      '客户!C8 客户状态: 应为以下之一：现有、潜在',
      '客户!D8 单位地址: 这一栏混入了电话号码：电话请单独填在电话栏',
      '客户!G8 联系人角色: 应为以下之一：决策人、业务负责人、办公室主任、工会主席、采购、其他',
      '客户!J8 办公电话: 电话栏里混入了文字（姓名、地址或说明），一栏只填一个号码',
      '客户!L8 生日: 日期「2026-02-30」不存在：月份应为 1–12，日应在该月天数之内；请写成 1975-03-08、3月8日 或 农历八月十五',
      '客户!M8 家庭成员: 「妻子：王芳（农历三月初八」写法不对：每人写成 关系：姓名（生日），如 妻子：王芳（农历三月初八），多人用分号分开',
      '客户!N8 家人爱好: 「书法」写法不对：每人写成 姓名或关系：爱好，如 王芳：书法、太极，多人用分号分开',
    ]);
    expect(r.stdout).toContain('没有写入任何文件');
    expect(snapshot(data, { backup: true })).toEqual(before);
  });

  it('gives the same places as JSON, with sheet and cell apart', async () => {
    const { root, data } = await plantedErrors();
    const r = await tuangou(['import', 'bad.xlsx', '--data', data, '--json'], root);
    const out = JSON.parse(r.stdout);
    expect(out.blocked).toBe(true);
    expect(out.written).toBe(0);
    expect(out.issues).toContainEqual({
      severity: 'error',
      location: '客户!I2',
      sheet: '客户',
      cell: 'I2',
      row: 2,
      label: '手机',
      message: '应为 11 位手机号（可带 +86），如 13812345678',
      rule: 'schema',
      customer: '测试市公安局',
    });
  });

  it('with --force-partial writes the customers without errors and lists the rest', async () => {
    const { root, data } = copyData();
    await writeXlsx(path.join(root, 'mixed.xlsx'), {
      客户: [
        ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机'],
        ['测试市公安局', '党政', '现有', '测试市公安路 1 号', '王强', '决策人', '1381234567'],
        ['测试市消防队', '军警', '潜在', '测试市消防路 1 号', '钱七', '决策人', '13812345678'],
      ],
    });
    const blocked = await tuangou(['import', 'mixed.xlsx', '--data', data], root);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('没有写入任何文件');
    const r = await tuangou(['import', 'mixed.xlsx', '--data', data, '--force-partial', '--json'], root);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.written).toBe(1);
    expect(out.customers.map((c: { name: string; action: string; written: boolean }) => [c.name, c.action, c.written])).toEqual([
      ['测试市公安局', 'create', false],
      ['测试市消防队', 'create', true],
    ]);
    const text = (await tuangou(['import', 'mixed.xlsx', '--data', data, '--force-partial'], root)).stdout;
    expect(text).toContain('有错误、没有导入的客户（1）：测试市公安局');
  });
});

describe('家人爱好 next to 家庭成员', () => {
  it('names a person who is not among the row\'s family, instead of adding them back as a relation', async () => {
    const { root, data } = copyData();
    await writeXlsx(path.join(root, 'family.xlsx'), {
      客户: [HEAD.slice(0, 14), ['测试市公安局', '党政', '现有', '测试市公安路 1 号', '010010', '王强', '决策人', '局长', '13812345678', null, null, null, '妻子：孙桂兰', '孙桂兰：二胡；杜若溪：钢琴、插花']],
    });
    const before = snapshot(data);
    const r = await tuangou(['import', 'family.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('客户!N2 家人爱好: 「杜若溪」不在这一行的家庭成员里：先在家庭成员里写上，或删掉这条爱好');
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});
