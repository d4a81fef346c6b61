import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyData, readYaml, snapshot, tuangou, writeXlsx } from './helpers.ts';

// Columns in another order than the template, and only some of them.
const SHEET = [
  ['联系人姓名', '单位名称', '手机', '职务', '联系人角色', '本人爱好', '家人爱好'],
  ['张伟', '测试市财政局', '13900001111', '局长', '决策人', '钓鱼、书法', '王芳：书法、太极、昆曲'],
  ['王五', '测试市财政局', '13800009999', '采购员', '采购'],
  ['周杰', '测试市移动公司', '13800006666', '采购主管', '采购'],
];

describe('importing into existing customers', () => {
  it('updates the existing file instead of adding a second customer, and keeps what the sheet leaves out', async () => {
    const { root, data } = copyData();
    const before = snapshot(data);
    await writeXlsx(path.join(root, 'in.xlsx'), { 客户: SHEET });
    const r = await tuangou(['import', 'in.xlsx', '--data', data, '--json'], root);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.customers).toEqual([
      expect.objectContaining({ name: '测试市财政局', file: 'data/customers/caizheng-ju.yaml', action: 'update', changes: ['手机（张伟）', '家人爱好（张伟）', '新联系人 王五'], written: true }),
      expect.objectContaining({ name: '测试市移动公司', file: 'data/customers/yidong.yaml', action: 'unchanged', written: false }),
    ]);
    const after = snapshot(data);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get('customers/yidong.yaml')).toBe(before.get('customers/yidong.yaml'));

    const value = parse(after.get('customers/caizheng-ju.yaml')!, { schema: 'failsafe' });
    const old = parse(before.get('customers/caizheng-ju.yaml')!, { schema: 'failsafe' });
    // Everything the sheet does not mention is as it was: unit fields, visits, other contacts' fields.
    const { contacts, ...unit } = value;
    const { contacts: oldContacts, ...oldUnit } = old;
    expect(unit).toEqual(oldUnit);
    expect(contacts).toHaveLength(3);
    expect(contacts[0]).toEqual({
      ...oldContacts[0],
      mobile: '13900001111',
      family: [{ ...oldContacts[0].family[0], hobbies: '书法、太极、昆曲' }, oldContacts[0].family[1]],
    });
    expect(contacts[1]).toEqual(oldContacts[1]);
    expect(contacts[2]).toEqual({ name: '王五', role: '采购', title: '采购员', mobile: '13800009999' });

    // Comments survive a change that adds a contact.
    const text = readYaml(data, 'customers/caizheng-ju.yaml');
    expect(text).toContain('# 财政局：老客户，每年中秋、春节两次福利');
    expect(text).toContain('  # 决策人\n  - name: 张伟');
    expect(text).toContain('# 邮编以 0 开头');

    // The backup holds the file as it was before.
    const [stamp] = readdirSync(path.join(data, '.backup'));
    expect(stamp).toMatch(/^\d{8}-\d{6}$/);
    expect(readYaml(path.join(data, '.backup', stamp!), 'customers/caizheng-ju.yaml')).toBe(before.get('customers/caizheng-ju.yaml'));
    expect(existsSync(path.join(data, '.backup', stamp!, 'customers/yidong.yaml'))).toBe(false);

    // Importing the same sheet again finds nothing to do.
    const again = JSON.parse((await tuangou(['import', 'in.xlsx', '--data', data, '--json'], root)).stdout);
    expect(again.customers.map((c: { action: string }) => c.action)).toEqual(['unchanged', 'unchanged']);
    expect(readdirSync(path.join(data, '.backup'))).toHaveLength(1);
    expect((await tuangou(['check', '--data', data], root)).code).toBe(0);
  });

  it('--dry-run shows created, updated and unchanged customers and writes nothing', async () => {
    const { root, data } = copyData();
    const before = snapshot(data, { backup: true });
    await writeXlsx(path.join(root, 'in.xlsx'), {
      客户: [...SHEET, ['钱七', '测试市消防队', '13812345678', '队长', '决策人', null, null]].map((r, i) =>
        i === 0 ? [...r, '所属系统', '客户状态', '单位地址'] : r[1] === '测试市消防队' ? [...r, '军警', '潜在', '测试市消防路 1 号'] : r,
      ),
    });
    const r = await tuangou(['import', 'in.xlsx', '--data', data, '--dry-run'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('预览（没有写入任何文件）：新建 1 个客户，更新 1 个，不变 1 个。');
    expect(r.stdout).toMatch(/新建\s+data\/customers\/kehu-[0-9a-f]{6}\.yaml\s+测试市消防队\s+1 位联系人/);
    expect(r.stdout).toMatch(/更新\s+data\/customers\/caizheng-ju\.yaml\s+测试市财政局\s+手机（张伟）、家人爱好（张伟）、新联系人 王五/);
    expect(r.stdout).toMatch(/不变\s+data\/customers\/yidong\.yaml\s+测试市移动公司/);
    expect(r.stdout).toContain('没有错误：去掉 --dry-run 即可正式导入。');
    expect(snapshot(data, { backup: true })).toEqual(before);
  });

  it('refuses to change the id of an existing customer', async () => {
    const { root, data } = copyData();
    await writeXlsx(path.join(root, 'in.xlsx'), { 客户: [['单位名称', '客户编号', '联系人姓名'], ['测试市财政局', 'other-id', '张伟']] });
    const r = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('客户!B2 客户编号: 「测试市财政局」已经在 data/customers/caizheng-ju.yaml 里，编号是「caizheng-ju」：导入不能修改编号');
  });

  it('points at the YAML file for a problem in a value the sheet did not touch', async () => {
    const { root, data } = copyData();
    const file = path.join(data, 'customers/zhongxue.yaml');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('postcode: "010030"', 'postcode: "10030"'));
    await writeXlsx(path.join(root, 'in.xlsx'), { 客户: [['单位名称', '联系人姓名', '手机'], ['测试市第二中学', '孙丽', '13800007777']] });
    const r = await tuangou(['import', 'in.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('data/customers/zhongxue.yaml:6:11 邮编: 邮编应为 6 位数字（可以 0 开头，如 010010）');
  });

  it('names a new customer file after the 客户编号 column, and reports an id already in use', async () => {
    const { root, data } = copyData();
    const head = ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机', '客户编号'];
    await writeXlsx(path.join(root, 'in.xlsx'), {
      客户: [
        head,
        ['测试市海关', '执法', '潜在', '测试市海关路 1 号', '马明', '决策人', '13700009999', 'haiguan'],
        ['测试市检察院', '执法', '潜在', '测试市检察路 1 号', '马亮', '决策人', '13700008888', 'caizheng-ju'],
        ['测试市法院', '执法', '潜在', '测试市法院路 1 号', '马丁', '决策人', '13700007777', '../法院'],
      ],
    });
    const r = await tuangou(['import', 'in.xlsx', '--data', data, '--force-partial', '--json'], root);
    const out = JSON.parse(r.stdout);
    expect(out.customers.map((c: { file: string; written: boolean }) => [c.file, c.written])).toEqual([
      ['data/customers/haiguan.yaml', true],
      [expect.stringMatching(/^data\/customers\/kehu-[0-9a-f]{6}\.yaml$/), false],
      [expect.stringMatching(/^data\/customers\/kehu-[0-9a-f]{6}\.yaml$/), false],
    ]);
    expect(out.issues.map((i: { location: string; message: string }) => `${i.location} ${i.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^客户!H3 客户编号「caizheng-ju」重复：与 .*caizheng-ju\.yaml:2 相同，一条记录只建一次$/),
        '客户!H4 编号只用小写字母、数字和连字符',
      ]),
    );
    expect(readYaml(data, 'customers/haiguan.yaml')).toContain('id: haiguan');
  });
});
