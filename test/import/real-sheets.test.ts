// Issue 21: sheets as sales offices really keep them — extra columns, office spellings of
// dates and phones, WeChat ids, military and police ranks, short and long kinship words.
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { canonicalDate, canonicalPhone } from '../../src/import/spellings.ts';
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

describe('values as offices write them', () => {
  it('dates with dots or in Chinese numerals are read as the day they mean', () => {
    expect(canonicalDate('1975.3.8')).toEqual({ ok: true, text: '1975-03-08' });
    expect(canonicalDate('1999.10.1')).toEqual({ ok: true, text: '1999-10-01' });
    expect(canonicalDate('1975．03．08')).toEqual({ ok: true, text: '1975-03-08' });
    expect(canonicalDate('二〇〇一年三月八日')).toEqual({ ok: true, text: '2001-03-08' });
    expect(canonicalDate('一九七五年三月八日')).toEqual({ ok: true, text: '1975-03-08' });
    expect(canonicalDate('一九九九年十月一日')).toEqual({ ok: true, text: '1999-10-01' });
    expect(canonicalDate('二○○八年十二月三十一日')).toEqual({ ok: true, text: '2008-12-31' });
    expect(canonicalDate('1975年三月廿八日')).toEqual({ ok: true, text: '1975-03-28' });
    expect(canonicalDate('三月八日')).toEqual({ ok: true, text: '3月8日' });
    expect(canonicalDate('农历一九七五年八月十五')).toEqual({ ok: true, text: '农历1975年八月十五' });
  });

  it('keeps the spellings the data files read themselves as typed', () => {
    for (const text of ['1975/3/8', '1975年3月8日', '3月8号', '农历八月十五', '农历1975年八月十五', '2026-01-05']) {
      expect(canonicalDate(text)).toEqual({ ok: true, text });
    }
  });

  it('leaves what is ambiguous or impossible an error', () => {
    expect(canonicalDate('75.3.8')).toMatchObject({ ok: false, message: expect.stringContaining('看不出「75.3.8」是哪一天：年份要写满 4 位') });
    expect(canonicalDate('8.3.1975')).toMatchObject({ ok: false, message: expect.stringContaining('看不出「8.3.1975」是哪一天') });
    expect(canonicalDate('3.8')).toMatchObject({ ok: false, message: expect.stringContaining('看不出「3.8」是哪一天（是几月几日，还是哪年几月）') });
    expect(canonicalDate('1975.2.30')).toMatchObject({ ok: false, message: expect.stringMatching(/^日期「1975\.2\.30」不存在/) });
    expect(canonicalDate('一九七五年十三月八日')).toMatchObject({ ok: false, message: expect.stringMatching(/^日期「一九七五年十三月八日」不存在/) });
    expect(canonicalDate('一九七五年三月二十二十日')).toMatchObject({ ok: false, message: expect.stringMatching(/^无法识别的日期「一九七五年三月二十二十日」/) });
  });

  it('landlines with an em dash or a full-width hyphen get a plain hyphen', () => {
    expect(canonicalPhone('0471—7223344')).toBe('0471-7223344');
    expect(canonicalPhone('0471——7223344')).toBe('0471-7223344');
    expect(canonicalPhone('0471－7223346')).toBe('0471-7223346');
    expect(canonicalPhone('(0471) 7223345')).toBe('(0471) 7223345');
  });

  it('imports them in the canonical form, and names the cell of what stays ambiguous', async () => {
    const head = [...UNIT_HEAD, '单位电话', '联系人姓名', '联系人角色', '办公电话', '宅电', '生日', '结婚纪念日', '家庭成员'];
    const good = await importSheet([
      head,
      [...UNIT, '0471—7223300', '王强', '决策人', '0471—7223344', '0471－7223346', '1975.3.8', '一九九九年十月一日', '妻子：王芳（二〇〇一年三月八日）'],
      [...UNIT, '0471-7223300', '李明', '采购', '(0471) 7223345', null, '1980.12.1', '三月八日'],
    ]);
    expect(listed(good.r.stdout, '错误')).toEqual([]);
    expect(good.r.code).toBe(0);
    const value = newCustomer(good.data, good.before);
    expect(value['phone']).toBe('0471-7223300');
    expect(value['contacts']).toEqual([
      { name: '王强', role: '决策人', officePhone: '0471-7223344', homePhone: '0471-7223346', birthday: '1975-03-08', anniversary: '1999-10-01', family: [{ relation: '妻子', name: '王芳', birthday: '2001-03-08' }] },
      { name: '李明', role: '采购', officePhone: '(0471) 7223345', birthday: '1980-12-01', anniversary: '3月8日' },
    ]);

    const bad = await importSheet([
      head,
      [...UNIT, null, '王强', '决策人', '0471—7223344', null, '75.3.8', '1999.2.30', '妻子：王芳（3.8）'],
    ]);
    expect(bad.r.code).toBe(1);
    expect(listed(bad.r.stdout, '错误')).toEqual([
      '客户!J2 生日: 看不出「75.3.8」是哪一天：年份要写满 4 位，按年、月、日的顺序写；请写成 1975-03-08、1975.3.8、一九七五年三月八日 或 3月8日',
      '客户!K2 结婚纪念日: 日期「1999.2.30」不存在：月份应为 1–12，日应在该月天数之内；请写成 1975-03-08、3月8日 或 农历八月十五',
      '客户!L2 家庭成员: 王芳的生日：看不出「3.8」是哪一天（是几月几日，还是哪年几月）：请写成 1975-03-08、1975.3.8、一九七五年三月八日 或 3月8日',
    ]);
    expect(snapshot(bad.data, { backup: true })).toEqual(bad.before);
  });
});

describe('kinship written long or short', () => {
  it('matches a family member and their hobbies whichever form each cell uses', async () => {
    const { data, before, r } = await importSheet([
      [...UNIT_HEAD, '联系人姓名', '联系人角色', '手机', '家庭成员', '家人爱好'],
      [...UNIT, '王强', '决策人', '13800001234', '妻子：王芳；儿子；母亲', '爱人：书法；子：篮球；母：太极'],
      [...UNIT, '李娟', '采购', '13800005678', '夫：赵刚；女', '丈夫：钓鱼；女儿：钢琴'],
    ]);
    expect(listed(r.stdout, '错误')).toEqual([]);
    expect(r.code).toBe(0);
    const [wang, li] = newCustomer(data, before)['contacts'] as Record<string, unknown>[];
    expect(wang?.['family']).toEqual([
      { relation: '妻子', name: '王芳', hobbies: '书法' },
      { relation: '儿子', hobbies: '篮球' },
      { relation: '母亲', hobbies: '太极' },
    ]);
    expect(li?.['family']).toEqual([
      { relation: '夫', name: '赵刚', hobbies: '钓鱼' },
      { relation: '女', hobbies: '钢琴' },
    ]);
  });

  it('updates the member the file already has, keeping the file\'s own word for the relation', async () => {
    // The file has 妻子 王芳 and an unnamed 儿子 whose hobbies are a YAML list.
    const sheet: Cell[][] = [['单位名称', '联系人姓名', '家庭成员', '家人爱好'], ['测试市财政局', '张伟', '妻：王芳；子', '爱人：国画；子：足球、游泳']];
    const { data, before, r } = await importSheet(sheet, ['--json']);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(0);
    expect(out.customers).toEqual([expect.objectContaining({ name: '测试市财政局', action: 'update', changes: ['家庭成员（张伟）'] })]);
    const family = parse(readYaml(data, 'customers/caizheng-ju.yaml'), { schema: 'failsafe' }).contacts[0].family;
    expect(family).toEqual([
      { relation: '妻子', name: '王芳', birthday: '农历1972年三月初八', hobbies: '国画' },
      { relation: '儿子', hobbies: ['足球', '游泳'] },
    ]);
    const oldText = before.get('customers/caizheng-ju.yaml')!;
    expect(readYaml(data, 'customers/caizheng-ju.yaml')).toBe(oldText.replace('hobbies: 书法、太极', 'hobbies: 国画').replace('hobbies: [篮球, 游泳]', 'hobbies: [足球, 游泳]'));
  });

  it('the short forms alone change nothing', async () => {
    const { r } = await importSheet([['单位名称', '联系人姓名', '家庭成员', '家人爱好'], ['测试市财政局', '张伟', '妻：王芳；子', '爱人：书法、太极；子：篮球、游泳']], ['--json']);
    expect(JSON.parse(r.stdout).customers).toEqual([expect.objectContaining({ name: '测试市财政局', action: 'unchanged' })]);
  });
});

describe('微信号', () => {
  const head = [...UNIT_HEAD, '联系人姓名', '联系人角色', '手机', '微信号'];

  it('imports WeChat ids and mobile numbers used as one', async () => {
    const { data, before, r } = await importSheet([
      head,
      [...UNIT, '王强', '决策人', '13800001234', 'wang_qiang-88'],
      [...UNIT, '李明', '采购', '13800005678', 13900001111],
    ]);
    expect(listed(r.stdout, '错误')).toEqual([]);
    expect(r.code).toBe(0);
    expect(newCustomer(data, before)['contacts']).toEqual([
      { name: '王强', role: '决策人', mobile: '13800001234', wechat: 'wang_qiang-88' },
      { name: '李明', role: '采购', mobile: '13800005678', wechat: '13900001111' },
    ]);
  });

  it('refuses ids WeChat would not take, and does not count one as a phone', async () => {
    const { data, before, r } = await importSheet([
      head,
      [...UNIT, '王强', '决策人', '13800001234', '1wangqiang'],
      [...UNIT, '李明', '采购', '13800005678', 'wq'],
      // The rules across fields see a unit once its cells are valid: another unit here.
      ['测试市消防队', '军警', '潜在', '测试市消防路 1 号', '赵六', '决策人', null, 'zhaoliu2026'],
    ]);
    expect(r.code).toBe(1);
    const format = '微信号应为 6–20 位，以字母开头，只用字母、数字、下划线和减号（如 wang_qiang88），或者是 11 位手机号';
    expect(listed(r.stdout, '错误')).toEqual([
      `客户!H2 微信号: ${format}`,
      `客户!H3 微信号: ${format}`,
      '客户!E4 联系人: 至少要有一个电话（手机、办公电话、宅电或单位电话）：微信号不能代替电话',
    ]);
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});

describe('级别 on the ladder of the unit', () => {
  const head = ['单位名称', '所属系统', '客户状态', '单位地址', '联系人姓名', '联系人角色', '手机', '级别'];
  const army: Cell[] = ['测试市武警支队', '军警', '潜在', '测试市营房路 1 号'];
  const firm: Cell[] = ['测试市钢铁集团', '实力企业', '现有', '测试市钢城路 1 号'];

  it('takes military and police ranks in 军警 units and any title in enterprises; VIP counts 副团级 as 副处级', async () => {
    const { root, data, r } = await importSheet([
      head,
      [...army, '高峰', '决策人', '13800007001', '副团级'],
      [...army, '孙涛', '采购', '13800007002', '正营级'],
      [...army, '钱宁', '其他', '13800007003', '二级警司'],
      [...firm, '周立', '决策人', '13800007004', '高级总监'],
      [...firm, '吴敏', '采购', '13800007005', '正处级'],
    ]);
    expect(listed(r.stdout, '错误')).toEqual([]);
    expect(r.code).toBe(0);
    const vip = JSON.parse((await tuangou(['customers', '--vip', '--json', '--data', data], root)).stdout) as { name: string; vip: { name: string; reasons: string[] }[] }[];
    expect(vip.find((c) => c.name === '测试市武警支队')?.vip).toEqual([{ name: '高峰', status: 'qualified', reasons: ['副处级及以上（副团级，相当于副处级）'] }]);
    // An enterprise's people are not officials, whatever their title reads.
    expect(vip.find((c) => c.name === '测试市钢铁集团')).toBeUndefined();
  });

  it('names the cell of a rank off the unit\'s ladder', async () => {
    const { data, before, r } = await importSheet([
      head,
      [...UNIT, '王强', '决策人', '13800001234', '正团级'],
      [...army, '高峰', '决策人', '13800007001', '正团'],
    ]);
    expect(r.code).toBe(1);
    expect(listed(r.stdout, '错误')).toEqual([
      '客户!H2 级别: 「正团级」是军队职级，党政单位用公务员职级：应为以下之一：正部级、副部级、正厅级、副厅级、正处级、副处级、正科级、副科级、科员、其他',
      expect.stringMatching(/^客户!H3 级别: 「正团」不是军警单位用的级别：应为公务员职级（正部级、.*）、军队职级（正大军区级、.*正排级）或警衔、警员职务（总警监、.*警员）。是否想写「正团级」？$/),
    ]);
    expect(snapshot(data, { backup: true })).toEqual(before);
  });
});

describe('the import template', () => {
  it('has a 微信号 column, and a 级别 column that lists every ladder instead of a civil-only drop-down', async () => {
    const { root } = copyData();
    expect((await tuangou(['import', '--template', '模板.xlsx'], root)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, '模板.xlsx'));
    const ws = wb.getWorksheet('客户')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const note = (label: string) => String(ws.getCell(1, header.indexOf(label)).note);
    expect(note('微信号')).toContain('6–20 位，以字母开头，可用字母、数字、下划线和减号');
    expect(note('级别')).toContain('军警单位还可以填军队职级（正大军区级、');
    expect(note('级别')).toContain('企业填本单位的职级，写法不限');
    expect(ws.getCell(2, header.indexOf('级别')).dataValidation).toBeUndefined();
    expect(note('生日')).toContain('1975.3.8、1975年3月8日、一九七五年三月八日');
  });
});
