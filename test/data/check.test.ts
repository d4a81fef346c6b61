// The broken-data fixture holds one planted case per rule; every expected problem is
// matched on file, line, field and rule (or, for field formats, on the message).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { formatIssue, type Issue } from '../../src/data/issues.ts';
import { parseYaml } from '../../src/data/yaml.ts';

const dir = path.join(import.meta.dirname, '../fixtures/broken');
const data = loadData(dir);

type Expected = [file: string, line: number, field: string, ruleOrMessage: string, severity: 'e' | 'w'];

const expected: Expected[] = [
  ['customers/b-dup-unit.yaml', 2, 'name', 'duplicate', 'e'],
  ['customers/b-dup-unit.yaml', 11, 'contacts[0].name', 'duplicate', 'e'],
  ['customers/c-placeholders.yaml', 6, 'postcode', 'placeholder', 'e'],
  ['customers/c-placeholders.yaml', 7, 'headcount', 'placeholder', 'e'],
  ['customers/c-placeholders.yaml', 11, 'contacts[0].name', 'placeholder', 'e'],
  ['customers/c-placeholders.yaml', 13, 'contacts[0].title', 'placeholder', 'e'],
  ['customers/c-placeholders.yaml', 19, 'contacts[1].notes', 'placeholder', 'e'],
  ['customers/c-placeholders.yaml', 20, 'contacts[1].email', 'blank', 'w'],
  ['customers/d-formats.yaml', 3, 'system', '应为以下之一', 'e'],
  ['customers/d-formats.yaml', 5, 'address', '混入了电话号码', 'e'],
  ['customers/d-formats.yaml', 6, 'postcode', '6 位数字', 'e'],
  ['customers/d-formats.yaml', 7, 'phone', '带区号', 'e'],
  ['customers/d-formats.yaml', 15, 'contacts[0].mobile', '11 位手机号', 'e'],
  ['customers/d-formats.yaml', 16, 'contacts[0].officePhone', '混入了文字', 'e'],
  ['customers/d-formats.yaml', 17, 'contacts[0].email', '邮箱格式', 'e'],
  ['customers/d-formats.yaml', 18, 'contacts[0].birthday', '无法识别的日期', 'e'],
  ['customers/d-formats.yaml', 19, 'contacts[0].anniversary', '不存在', 'e'],
  ['customers/d-formats.yaml', 20, 'contacts[0].wechat', '微信号应为 6–20 位', 'e'],
  ['customers/e-structure.yaml', 1, 'address', '缺少必填项', 'e'],
  ['customers/e-structure.yaml', 9, 'mobil', 'unknown-field', 'e'],
  ['customers/e-structure.yaml', 10, '__proto__', 'unknown-field', 'e'],
  ['customers/f-syntax.yaml', 5, '', 'yaml-syntax', 'e'],
  ['customers/g-directive.yaml', 1, '', 'yaml-directive', 'e'],
  ['customers/h-dupkey.yaml', 3, '', '重复的字段名', 'e'],
  ['customers/h-dupkey.yaml', 4, '', '类型标记', 'e'],
  ['customers/i-alias-bomb.yaml', 1, '', 'yaml-alias', 'e'],
  ['customers/j-gbk.yaml', 1, '', 'yaml-encoding', 'e'],
  ['customers/k-rules.yaml', 1, 'postcode', 'recommended', 'w'],
  ['customers/k-rules.yaml', 1, 'headcount', 'recommended', 'w'],
  ['customers/k-rules.yaml', 1, 'expectedAnnualPurchase', 'recommended', 'w'],
  ['customers/k-rules.yaml', 1, 'accountManager', 'recommended', 'w'],
  ['customers/k-rules.yaml', 7, 'contacts', 'no-decision-maker', 'w'],
  ['customers/k-rules.yaml', 7, 'contacts[0]', 'no-phone', 'e'],
  ['customers/k-rules.yaml', 7, 'contacts[0].name', 'title-in-name', 'w'],
  ['customers/k-rules.yaml', 13, 'contacts[1].rank', '「副师级」是军队职级，文教卫生单位用公务员职级：应为以下之一：正部级、副部级、正厅级、副厅级、正处级、副处级、正科级、副科级、科员、其他', 'e'],
  ['customers/k-rules.yaml', 17, 'contacts[1].purchasedProducts[0]', 'unknown-product', 'e'],
  ['customers/k-rules.yaml', 20, 'purchases[0].product', 'unknown-product', 'e'],
  ['customers/k-rules.yaml', 23, 'purchases[0].buyer', 'unknown-contact', 'w'],
  ['deals/bad-refs.yaml', 2, 'customer', 'unknown-customer', 'e'],
  ['deals/bad-refs.yaml', 8, 'items[1].product', 'unknown-product', 'e'],
  ['deals/bad-shape.yaml', 5, 'items[0]', '填且只填一项', 'e'],
  ['deals/bad-shape.yaml', 8, 'validUntil', 'YYYY-MM-DD', 'e'],
  ['deals/bad-shape.yaml', 9, 'status', '应为以下之一', 'e'],
  ['deals/no-year.yaml', 3, 'occasion', '年份', 'e'],
  ['products/above-retail.yaml', 11, 'groupPrices[0].price', 'group-above-retail', 'e'],
  ['products/good.yaml', 1, 'id', 'duplicate', 'e'],
  ['products/claims.yaml', 15, 'fab[0].advantage', 'ad-claim', 'e'],
  ['products/claims.yaml', 16, 'fab[0].benefit', 'competitor-named', 'w'],
  ['products/claims.yaml', 20, 'tasting.taste', 'ad-claim', 'e'],
  ['products/claims.yaml', 26, 'comparisons[0].ours', 'price-in-text', 'e'],
];

describe('check on the broken fixture', () => {
  const actual = data.issues.map((i) => ({ ...i, file: path.relative(dir, i.file) }));

  it.each(expected)('%s:%i %s → %s', (file, line, field, ruleOrMessage, severity) => {
    const match = actual.filter(
      (i) =>
        i.file === file &&
        i.line === line &&
        i.field === field &&
        (i.rule === ruleOrMessage || i.message.includes(ruleOrMessage)) &&
        i.severity === (severity === 'e' ? 'error' : 'warning'),
    );
    expect(match, `no issue ${file}:${line} ${field} ${ruleOrMessage}\n${actual.map(formatIssue).join('\n')}`).toHaveLength(1);
  });

  it('reports nothing it was not asked to', () => {
    expect(actual).toHaveLength(expected.length);
  });

  it('names the Chinese label of every field it reports', () => {
    const labelled = actual.filter((i) => i.field !== '' && i.rule !== 'unknown-field');
    for (const i of labelled) expect(i.label, `${i.file}:${i.line} ${i.field}`).not.toBe('');
    expect(actual.find((i) => i.field === 'contacts[0].mobile')?.label).toBe('手机');
    expect(actual.find((i) => i.field === 'groupPrices[0].price')?.label).toBe('团购价（元/瓶）');
  });

  it('says which words are forbidden and which competitor is named, and where it was declared', () => {
    const at = (field: string) => actual.find((i) => i.file === 'products/claims.yaml' && i.field === field)?.message;
    expect(at('fab[0].advantage')).toBe('「不上头」是酒类广告不能有的说法（宣称饮后没有不适，广告法第二十三条）：对外文书只写可以核实的事实，如原料、工艺、储存年限、价格');
    expect(at('tasting.taste')).toContain('「养生」是酒类广告不能有的说法（宣称养生、保健功效');
    expect(at('fab[0].benefit')).toBe('提到了竞品「测试老窖」（产品 P-5 的对比对象）：对外文书不点名其他品牌，请写“同价位同类产品”');
  });

  it('suggests the field or id that was probably meant', () => {
    expect(actual.find((i) => i.rule === 'unknown-customer')?.message).toContain('a-good');
    expect(actual.find((i) => i.field === 'mobil')?.message).toContain('可用的字段');
  });

  it('keeps only valid records and their leading zeros', () => {
    expect([...data.customers.keys()].sort()).toEqual(['a-good', 'b-dup-unit', 'k-rules']);
    expect(data.customers.get('a-good')?.postcode).toBe('010010');
    expect(data.company?.postcode).toBe('010010');
  });
});

describe('reading for one customer', () => {
  const customerFiles = 11;
  const ofFile = (issues: typeof data.issues, name: string) => issues.filter((i) => path.basename(i.file) === name);

  it('reads customers/<id>.yaml as the only customer file, with the same findings for it', () => {
    const one = loadData(dir, { customer: 'k-rules' });
    expect([...one.customers.keys()]).toEqual(['k-rules']);
    expect(one.files).toBe(data.files - (customerFiles - 1));
    expect(ofFile(one.issues, 'k-rules.yaml')).toEqual(ofFile(data.issues, 'k-rules.yaml'));
    expect(one.issues.filter((i) => i.file.includes('/customers/') && !i.file.endsWith('k-rules.yaml'))).toEqual([]);
    // A deal's customer cannot be looked up among one customer; its products still are.
    expect(ofFile(one.issues, 'bad-refs.yaml').map((i) => i.rule)).toEqual(['unknown-product']);
  });

  it('reads every file when the named file does not load, with the same errors', () => {
    const read = loadData(dir, { customer: 'd-formats' });
    expect(read.files).toBe(data.files);
    expect(read.rejectedCustomers.get('d-formats')?.issues).toEqual(data.rejectedCustomers.get('d-formats')?.issues);
  });

  it('reads every customer file when the customer is given by unit name or its file holds another id or does not load', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tuangou-scope-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const good = readFileSync(path.join(copy, 'customers/a-good.yaml'), 'utf8');
      writeFileSync(path.join(copy, 'customers/z-file.yaml'), good.replace('id: a-good', 'id: z-record').replace('测试市财政局', '测试市审计局'));
      const all = loadData(copy);
      for (const customer of ['测试市审计局', 'z-record', 'z-file']) {
        const read = loadData(copy, { customer });
        expect(read.files, customer).toBe(all.files);
        expect(read.issues, customer).toEqual(all.issues);
      }
      expect(loadData(copy, { customer: '测试市审计局' }).customers.has('z-record')).toBe(true);
      // A broken file named after an id, while another file holds that customer validly.
      writeFileSync(path.join(copy, 'customers/z-record.yaml'), 'id: [');
      expect(loadData(copy, { customer: 'z-record' }).customers.get('z-record')?.name).toBe('测试市审计局');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('of two records with one id keeps the one whose file is named after it, as the read for that customer does', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tuangou-scope-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const good = readFileSync(path.join(copy, 'customers/a-good.yaml'), 'utf8');
      // Sorted first, and not named after its id.
      writeFileSync(path.join(copy, 'customers/0-old.yaml'), good.replace('测试市财政局', '测试市旧财政局'));
      const all = loadData(copy);
      expect(all.customers.get('a-good')?.name).toBe('测试市财政局');
      expect(all.issues.some((i) => i.rule === 'duplicate' && i.file.endsWith('a-good.yaml'))).toBe(true);
      expect(loadData(copy, { customer: 'a-good' }).customers.get('a-good')).toEqual(all.customers.get('a-good'));
      // The record left out is a rejected file, with its own error naming the one kept.
      const dropped = all.rejectedCustomers.get('0-old');
      expect(dropped?.issues.map((i) => [i.line, i.field, i.rule])).toEqual([[1, 'id', 'duplicate']]);
      expect(dropped?.issues[0]?.message).toMatch(/^客户编号「a-good」重复：与 .*a-good\.yaml:1 相同，这个文件里的客户不会用到$/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('entries that cannot be read', () => {
  it('are errors of their own file, in Chinese; hidden files (editor locks) are not read at all', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tuangou-unreadable-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const customers = path.join(copy, 'customers');
      symlinkSync('user@host.1:1', path.join(customers, '.#a-good.yaml')); // Emacs lock
      writeFileSync(path.join(customers, '._a-good.yaml'), Buffer.from([0, 5, 22, 7])); // macOS resource fork
      symlinkSync('nowhere.yaml', path.join(customers, 'dangling.yaml'));
      symlinkSync('loop.yaml', path.join(customers, 'loop.yaml'));
      mkdirSync(path.join(customers, 'folder.yaml'));
      rmSync(path.join(copy, 'products'), { recursive: true });
      writeFileSync(path.join(copy, 'products'), '');
      const read = loadData(copy);
      const unreadable = read.issues.filter((i) => i.rule === 'unreadable').map((i) => [path.relative(copy, i.file), i.message]);
      expect(unreadable).toEqual([
        ['customers/dangling.yaml', '是指向不存在的文件的链接，或刚被删除'],
        ['customers/folder.yaml', '这是文件夹，不是文件'],
        ['customers/loop.yaml', '链接绕成了圈'],
        ['products', '这是文件，应该是文件夹'],
      ]);
      expect([...read.rejectedCustomers.keys()]).toEqual(expect.arrayContaining(['dangling', 'folder', 'loop']));
      expect(read.issues.some((i) => path.basename(i.file).startsWith('.'))).toBe(false);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('files that are not plain files, or too big', () => {
  it('are refused unread, each named in Chinese: a named pipe, a device, a file over 1 MB', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tuangou-special-'));
    try {
      cpSync(dir, copy, { recursive: true });
      execFileSync('mkfifo', [path.join(copy, 'customers/pipe.yaml')]);
      symlinkSync('/dev/zero', path.join(copy, 'products/zero.yaml'));
      writeFileSync(path.join(copy, 'deals/huge.yaml'), `notes: "${'x'.repeat(1024 * 1024)}"\n`);
      const read = loadData(copy);
      const refused = read.issues.filter((i) => ['unreadable', 'file-too-large'].includes(i.rule)).map((i) => formatIssue({ ...i, file: path.relative(copy, i.file) }));
      expect(refused).toEqual([
        'customers/pipe.yaml:1:1 错误：这是命名管道（FIFO），不是普通文件',
        'deals/huge.yaml:1:1 错误：文件太大（1.1 MB），不能超过 1 MB',
        'products/zero.yaml:1:1 错误：这是设备文件，不是普通文件',
      ]);
      expect(read.rejectedCustomers.has('pipe')).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('YAML syntax errors', () => {
  const messages = (text: string) => parseYaml(text, 'c.yaml').issues.map((i) => `${i.line}:${i.column} ${i.message}`);

  it('report a Tab indent alone, not every line it throws out of place', () => {
    expect(messages('id: a\ncontacts:\n\t- name: 张三\n    role: 决策人\n    title: 局长\n')).toEqual(['3:1 YAML 格式错误：不能用 Tab 缩进，请用空格']);
  });

  it('are told in Chinese, never in the parser\'s English', () => {
    for (const text of ['id: a\nname: "甲\\q乙"\n', 'id: a\nname: [甲,\n  - 乙]\n', 'id: a\nname: 甲\n  地址 乙: 丙\n']) {
      expect(messages(text).length, text).toBeGreaterThan(0);
      for (const m of messages(text)) expect(m).toMatch(/^\d+:\d+ YAML 格式错误：[^A-Za-z]+$/);
    }
  });
});

/** The issues of `rule` in the sample data as it is, and after `edit` of one of its files. */
function ruleBeforeAndAfter(rule: string, file: string, edit: (text: string) => string): [Issue[], Issue[]] {
  const copy = mkdtempSync(path.join(tmpdir(), 'tuangou-sample-'));
  try {
    cpSync(path.join(import.meta.dirname, '../../data'), copy, { recursive: true });
    const before = loadData(copy).issues.filter((i) => i.rule === rule);
    writeFileSync(path.join(copy, file), edit(readFileSync(path.join(copy, file), 'utf8')));
    return [before, loadData(copy).issues.filter((i) => i.rule === rule)];
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

describe('control characters', () => {
  it('are errors in one-line fields, named by line, field and code point; notes may hold line breaks and tabs', () => {
    const [before, after] = ruleBeforeAndAfter('schema', 'customers/mengyuan-ruye.yaml', (t) =>
      t
        .replace('name: 蒙源乳业集团有限公司', 'name: "蒙源乳业\\rBEGIN:VEVENT"')
        .replace('mobile: "13904710888"', 'mobile: "1390471\\r0888"')
        .replace('email: zhangzhenbang@', 'email: "zhang\\u001bzhenbang@')
        .replace('example.com\n    homeAddress', 'example.com"\n    homeAddress')
        .replace('hobbies: 草原越野、收藏老酒', 'hobbies: "草原越野\\n收藏老酒"')
        .replace('notes: 本地龙头企业，', 'notes: "第一行\\n\\t第二行"\n    # ')
        .replace('notes: 集团下属牧场', 'notes: "回车\\r不行"\n# '),
    );
    expect(before).toEqual([]);
    expect(after.map((i) => [i.line, i.field, i.message])).toEqual([
      [2, 'name', '含有回车符（U+000D）：这一栏只能写一行，请删去（多行的说明写在备注里）'],
      [34, 'contacts[0].mobile', '含有回车符（U+000D）：这一栏只能写一行，请删去（多行的说明写在备注里）'],
      [36, 'contacts[0].email', '含有控制字符（U+001B）：这一栏只能写一行，请删去（多行的说明写在备注里）'],
      [50, 'contacts[0].hobbies', '含有换行（U+000A）：这一栏只能写一行，请删去（多行的说明写在备注里）'],
      [154, 'notes', '含有回车符（U+000D）：多行文字只能用换行分行，请删去'],
    ]);
  });
});

describe('visit records', () => {
  it('are errors at nextDate when the next visit is dated before the visit itself', () => {
    const [before, after] = ruleBeforeAndAfter('next-before-visit', 'customers/mengyuan-ruye.yaml', (t) => t.replace('nextDate: 2026-10-20', 'nextDate: 2026-09-02'));
    expect(before).toEqual([]);
    expect(after.map((i) => [i.field, i.severity, i.message])).toEqual([['visits[0].nextDate', 'error', '下次日期 2026-09-02 早于这次拜访的日期 2026-09-22']]);
  });
});

describe('customer status', () => {
  it('warns at status when a prospect (潜在) has purchases recorded', () => {
    const [before, after] = ruleBeforeAndAfter('prospect-bought', 'customers/qingcheng-ranqi.yaml', (t) => t.replace('status: 现有', 'status: 潜在'));
    expect(before).toEqual([]);
    expect(after.map((i) => [path.basename(i.file), i.line, i.field, i.severity, i.message])).toEqual([
      ['qingcheng-ranqi.yaml', 4, 'status', 'warning', '已有购买记录（purchases），客户状态应改为「现有」'],
    ]);
  });
});

describe('deal rules across files', () => {
  it('warn at the allocation when it does not add up to the order, with both totals', () => {
    const [before, after] = ruleBeforeAndAfter('allocation-total', 'deals/2027-chunjie-mengyuan.yaml', (t) => t.replace('people: "810"', 'people: "800"'));
    expect(before).toEqual([]);
    expect(after.map((i) => [path.basename(i.file), i.line, i.field, i.severity, i.message])).toEqual([
      ['2027-chunjie-mengyuan.yaml', 11, 'allocation', 'warning', '人均分配合计 1660 瓶，与订货的 1680 瓶不一致'],
    ]);
  });

  it('are errors at their own line and field, in their own unit, when a number is too large to hold or to be real', () => {
    const [before, after] = ruleBeforeAndAfter('schema', 'deals/2027-chunjie-mengyuan.yaml', (t) =>
      t
        .replace('people: "810"', 'people: "99999999999999999999"')
        .replace(/bottlesEach: "2"\n(\s+product: NX52-JC)/, 'bottlesEach: "99999"\n$1')
        .replace('cases: "270"', 'cases: "100001"')
        .replace('valueEach: "168"', 'valueEach: "99999999999999999999"'),
    );
    expect(before).toEqual([]);
    expect(after.map((i) => [path.basename(i.file), i.line, i.field, i.message])).toEqual([
      ['2027-chunjie-mengyuan.yaml', 9, 'items[1].cases', '超出范围：应在 1 到 100,000 箱 之间'],
      ['2027-chunjie-mengyuan.yaml', 20, 'allocation[2].people', '超出范围：应在 1 到 10,000,000 人 之间'],
      ['2027-chunjie-mengyuan.yaml', 21, 'allocation[2].bottlesEach', '超出范围：应在 1 到 100 瓶 之间'],
      ['2027-chunjie-mengyuan.yaml', 28, 'gifts[0].valueEach', '超出范围：不能超过 1,000,000 元'],
    ]);
  });

  it('warn at extraDiscount above the policy cap, naming the bottles and the cap', () => {
    const [before, after] = ruleBeforeAndAfter('discount-cap', 'deals/2026-huiyi-jiangong.yaml', (t) => t.replace('extraDiscount: "2"', 'extraDiscount: "5"'));
    expect(before).toEqual([]);
    expect(after.map((i) => [path.basename(i.file), i.field, i.severity, i.message])).toEqual([
      ['2026-huiyi-jiangong.yaml', 'extraDiscount', 'warning', '额外折让 5% 超过政策上限：180 瓶的上限是 2%；超出上限要记下谁在哪天批准（discountApproval），否则不能生成对外文书'],
    ]);
  });
});
