import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeText } from '../../src/import/read.ts';
import { copyData, FIXTURES, tuangou } from './helpers.ts';

const CSV = [
  '单位名称,所属系统,客户状态,单位地址,邮编,单位电话,联系人姓名,联系人角色,职务,手机,生日,本人爱好,客户经理',
  '测试市税务局,党政,现有,测试市新华路 5 号,010040,0471-6660040,刘洋,决策人,局长,13700001111,农历1975年八月十五,钓鱼、围棋,赵敏',
  '测试市税务局,,,,,,郑爽,办公室主任,主任,13700002222,2026年1月5日,,',
].join('\r\n');

async function importCsv(file: string) {
  const { root, data } = copyData();
  const name = path.basename(file);
  copyFileSync(file, path.join(root, name));
  const r = await tuangou(['import', name, '--data', data, '--json'], root);
  return { root, data, r, out: JSON.parse(r.stdout) };
}

function expectTaxBureau(out: { errors: number; customers: { name: string; action: string; contacts: number }[] }) {
  expect(out.errors).toBe(0);
  expect(out.customers).toEqual([expect.objectContaining({ name: '测试市税务局', action: 'create', contacts: 2 })]);
}

describe('CSV encodings', () => {
  it('reads a GBK / GB18030 CSV (the committed fixture, made with iconv) and says so', async () => {
    const { out, data, root } = await importCsv(path.join(FIXTURES, 'gbk.csv'));
    expectTaxBureau(out);
    expect(out.notices).toEqual(['「gbk.csv」不是 UTF-8 编码，已按 GBK / GB18030 读取。请核对下面列出的单位名称和姓名，中文应显示正常。']);
    const value = parse(readFileSync(path.join(root, out.customers[0].file), 'utf8'), { schema: 'failsafe' });
    expect(value).toMatchObject({ name: '测试市税务局', address: '测试市新华路 5 号', postcode: '010040', accountManager: '赵敏' });
    expect(value.contacts).toEqual([
      { name: '刘洋', role: '决策人', title: '局长', mobile: '13700001111', birthday: '农历1975年八月十五', hobbies: '钓鱼、围棋' },
      { name: '郑爽', role: '办公室主任', title: '主任', mobile: '13700002222', birthday: '2026年1月5日' },
    ]);
    expect((await tuangou(['check', '--data', data], root)).stdout).toContain('0 个错误');
  });

  it('reads UTF-8 with a BOM and without one, silently', async () => {
    const dir = copyData().root;
    for (const [name, bytes] of [
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])],
      ['plain.csv', Buffer.from(CSV, 'utf8')],
    ] as const) {
      writeFileSync(path.join(dir, name), bytes);
      const { out } = await importCsv(path.join(dir, name));
      expectTaxBureau(out);
      expect(out.notices).toEqual([]);
    }
  });

  it('reads Excel “Unicode text” (UTF-16 with BOM, tab-separated)', async () => {
    const dir = copyData().root;
    const file = path.join(dir, 'unicode.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV.replace(/,/g, '\t'), 'utf16le')]));
    const { out } = await importCsv(file);
    expectTaxBureau(out);
    expect(out.notices[0]).toContain('UTF-16');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 instead of guessing', () => {
    expect(() => decodeText(Buffer.from([0x41, 0x2c, 0xff, 0xff, 0x0a]), 'x.csv')).toThrow(/无法识别「x\.csv」的文字编码/);
  });
});
