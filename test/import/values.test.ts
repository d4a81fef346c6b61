import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyData, readYaml, snapshot, tuangou, writeXlsx, type Cell } from './helpers.ts';

const HEAD = ['单位名称', '所属系统', '客户状态', '单位地址', '邮编', '单位电话', '职工人数', '预计年采购额', '联系人姓名', '联系人角色', '职务', '手机', '家庭邮编', '生日', '结婚纪念日', '家庭成员', '家人爱好', '本人爱好', '购买过的产品', '客户经理'];
const UNIT = ['测试市税务局', '党政', '现有', '测试市新华路 5 号', '010040', '0471-6660040', 150, 123456.78];

function row(contact: Cell[]): Cell[] {
  return [...UNIT, ...contact];
}

/** The one new customer file the import wrote, read back with every value as text. */
function newCustomer(data: string, before: Map<string, string>): { file: string; text: string; value: Record<string, unknown> } {
  const added = readdirSync(path.join(data, 'customers')).filter((f) => !before.has(`customers/${f}`));
  expect(added).toHaveLength(1);
  const file = `customers/${added[0]}`;
  const text = readYaml(data, file);
  return { file, text, value: parse(text, { schema: 'failsafe' }) };
}

describe('cell values', () => {
  it('keeps exact text: leading-zero postcodes, phones, +86, and numbers without float damage', async () => {
    const { root, data } = copyData();
    const before = snapshot(data);
    await writeXlsx(path.join(root, 'in.xlsx'), {
      客户: [
        HEAD,
        row(['刘洋', '决策人', '局长', 13700001111, '010020', new Date(Date.UTC(1975, 2, 8)), '2026/1/5', '妻子：王芳（农历三月初八）；儿子', '王芳：书法；儿子：篮球', '钓鱼、围棋', 'P-1、P-2', '赵敏']),
        row(['郑爽', '办公室主任', '主任', '+8613700002222', null, '农历八月十五', '2026年1月5日']),
        row(['马丽', '采购', '采购员', ' 137 0000 3333 ', null, '农历1975年八月十五', 45000]),
      ],
    });
    const r = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(r.stdout).not.toContain('错误（');
    expect(r.code).toBe(0);
    const { file, text, value } = newCustomer(data, before);
    expect(file).toMatch(/^customers\/kehu-[0-9a-f]{6}\.yaml$/);
    expect(value).toMatchObject({
      name: '测试市税务局',
      postcode: '010040',
      phone: '0471-6660040',
      headcount: '150',
      expectedAnnualPurchase: '123456.78',
      accountManager: '赵敏',
    });
    const [liu, zheng, ma] = value['contacts'] as Record<string, unknown>[];
    expect(liu).toEqual({
      name: '刘洋',
      role: '决策人',
      title: '局长',
      mobile: '13700001111',
      homePostcode: '010020',
      birthday: '1975-03-08',
      anniversary: '2026/1/5',
      family: [
        { relation: '妻子', name: '王芳', birthday: '农历三月初八', hobbies: '书法' },
        { relation: '儿子', hobbies: '篮球' },
      ],
      hobbies: '钓鱼、围棋',
      purchasedProducts: ['P-1', 'P-2'],
    });
    expect(zheng).toMatchObject({ mobile: '+8613700002222', birthday: '农历八月十五', anniversary: '2026年1月5日' });
    // Spaces around a cell are dropped; inside it they are the data's (the phone check allows them).
    expect(ma).toMatchObject({ mobile: '137 0000 3333', birthday: '农历1975年八月十五', anniversary: '2023-03-15' });
    // Every leading-zero and all-digit value is quoted, so no other YAML reader turns it into a number.
    expect(text).toContain('postcode: "010040"');
    expect(text).toContain('homePostcode: "010020"');
    expect(text).toContain('mobile: "13700001111"');
    expect(text).toContain('headcount: "150"');
    expect(text).toMatch(/^# 由 tuangou import 从「in\.xlsx」导入/);
    expect(text).not.toMatch(/: 0\d+$/m);
    expect((await tuangou(['check', '--data', data], root)).stdout).toContain('0 个错误');
  });

  it('reports digits Excel has already damaged instead of importing them', async () => {
    const { root, data } = copyData();
    const before = snapshot(data);
    await writeXlsx(path.join(root, 'in.xlsx'), {
      客户: [
        HEAD,
        row(['刘洋', '决策人', '局长', '1.37E+10', 10020]),
        row(['郑爽', '办公室主任', '主任', 4716662222]),
        row(['马丽', '采购', '采购员', 1234567890123456]),
      ],
    });
    const r = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('客户!L2 手机: 「1.37E+10」是科学计数法：Excel 把长数字改成了这种写法，原来的数字已经丢失。请把这一列设为“文本”格式，重新输入原来的号码后再导入');
    expect(r.stdout).toContain('客户!M2 家庭邮编: 邮编「10020」不足 6 位：这一格是数字格式，开头的 0 被 Excel 去掉了。');
    expect(r.stdout).toContain('客户!L3 手机: 应为 11 位手机号（可带 +86），如 13812345678（这一格是数字格式：开头的 0 或 + 号可能被 Excel 去掉了');
    expect(r.stdout).toContain('客户!L4 手机: 这一格是超过 15 位的数字，Excel 只保留 15 位有效数字，原来的号码已经丢失。');
    expect(snapshot(data)).toEqual(before);
  });
});
