// Errors a user can fix name the file, the line and (for data) the field; a document with an
// error is not written at all.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { dataCopy, FIXTURES, ROOT, tempDir, TODAY } from './build.ts';

const scratch = tempDir('errors');
afterAll(scratch.remove);
const RUNTIME = 'test/fixtures/templates/errors/runtime.md';

let n = 0;
const outDir = () => path.join(scratch.dir, `out${++n}`);

describe('template runtime errors', () => {
  it('name the template file, exit 1 and write nothing', async () => {
    const out = outDir();
    const r = await runCli(['render', RUNTIME, 'mengyuan-ruye', '--today', TODAY, '--out', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：test\/fixtures\/templates\/errors\/runtime\.md:\d+ 模板运行出错：不是有效的日期「蒙源乳业集团有限公司」/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('name the line of the failing {{helper}}', async () => {
    const r = await runCli(['render', RUNTIME, 'mengyuan-ruye', '--today', TODAY, '--out', outDir()], ROOT);
    expect(r.stderr).toContain(`${RUNTIME}:8 模板运行出错`);
  });
});

describe('characters that cannot be printed', () => {
  const FILE = 'customers/mengyuan-ruye.yaml';

  it('are traced to the data file, line and field; exit 1; no file written, an older one left alone', async () => {
    const data = dataCopy(path.join(scratch.dir, 'glyphs'), FILE, (t) =>
      t
        .replace('name: 蒙源乳业集团有限公司', 'name: 蒙源𠮷乳业集团有限公司')
        // The latest past welfare, which only the internal visit sheet prints.
        .replace('items: 每人窖藏浓香两瓶', 'items: 每人😀窖藏\u200b浓香两瓶'),
    );
    const file = path.join(data, FILE);
    const out = outDir();
    mkdirSync(out);
    const older = path.join(out, 'mengyuan-ruye-visit.pdf');
    writeFileSync(older, 'older version');

    const r = await runCli(['render', 'visit', 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('错误：文书里有不能正确显示的字符：');
    expect(r.stderr).toContain(`${file}:2:7 name(单位名称) 错误：含有字体中没有的字「𠮷」（U+20BB7），打印出来会是空白或方框，请改用常用字或去掉这个字符`);
    expect(r.stderr).toContain(`${file}:23:12 pastWelfare[2].items(发放内容) 错误：含有字体中没有的字「😀」（U+1F600）`);
    expect(r.stderr).toContain(`${file}:23:12 pastWelfare[2].items(发放内容) 错误：含有零宽字符（U+200B）`);
    expect(readdirSync(out)).toEqual(['mengyuan-ruye-visit.pdf']);
    expect(readFileSync(older, 'utf8')).toBe('older version');
  });

  it('that come from the template name the template', async () => {
    const out = outDir();
    const r = await runCli(['render', path.join(FIXTURES, 'errors/emoji.md'), 'mengyuan-ruye', '--today', TODAY, '--out', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(FIXTURES, 'errors/emoji.md')}：模板含有字体中没有的字「🎉」（U+1F389）`);
    expect(existsSync(out)).toBe(false);
  });

  it('are reported with --json as errors, with no files', async () => {
    const data = dataCopy(path.join(scratch.dir, 'json'), FILE, (t) => t.replace('items: 每人窖藏浓香两瓶', 'items: 每人😀窖藏浓香两瓶'));
    const out = outDir();
    const r = await runCli(['render', 'visit', 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', out, '--json'], ROOT);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { files: string[]; errors: string[] };
    expect(json.files).toEqual([]);
    expect(json.errors.join('\n')).toContain('pastWelfare[2].items(发放内容)');
    expect(existsSync(out)).toBe(false);
  });
});

describe('documents only a mailing makes', () => {
  it.each(['letter', 'envelope'])('render %s says to use tuangou letters, not an internal error', async (template) => {
    const out = outDir();
    const r = await runCli(['render', template, 'mengyuan-ruye', '--today', TODAY, '--out', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误：模板类型「${template}」不能用 render 单独生成\n提示：信件和信封由 tuangou letters 批量生成\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('dates the documents cannot carry', () => {
  it.each([
    ['card', '--today', '1979-12-31'],
    ['visit', '--date', '2100-01-01'],
  ])('%s %s %s is a usage error naming the range, not a failed .docx', async (command, flag, day) => {
    const out = outDir();
    const r = await runCli([command, 'mengyuan-ruye', flag, day, '--out', out], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^错误：${flag} 要在 1980-01-02 到 2099-12-31 之间，收到：${day}\n`));
    expect(existsSync(out)).toBe(false);
  });
});

describe('an --out that cannot be a folder', () => {
  it.each([['card', 'mengyuan-ruye'], ['letters', '--festival', '春节']])('%s names it in Chinese and exits 1, leaving the file alone', async (...command) => {
    const file = path.join(scratch.dir, `file${++n}`);
    writeFileSync(file, 'x');
    const r = await runCli([...command, '--today', TODAY, '--out', file], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^错误：无法建立文件夹「${file}(/2027-春节)?」：(已经有同名的文件|路径上有一段是文件)`));
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe("a document's own deal with an error", () => {
  const DEAL = 'deals/2027-chunjie-mengyuan.yaml';
  const proposal = (data: string, ...extra: string[]) => runCli(['proposal', 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', outDir(), ...extra], ROOT);

  it('is refused with its errors when it names a product that is not there (it printed another product)', async () => {
    const data = dataCopy(path.join(scratch.dir, 'deal-ref'), DEAL, (t) => t.replace(/(一线职工[^]*?product: )NX52-JC/, '$1NX52-XX'));
    for (const command of ['proposal', 'pack']) {
      const r = await runCli([command, 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', outDir()], ROOT);
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(/^错误：方案「2027-chunjie-mengyuan」有错误，不能用来生成文书：\n\S*2027-chunjie-mengyuan\.yaml:22:14 allocation\[2\]\.product\(产品编号\) 错误：没有编号为「NX52-XX」的产品/);
    }
  });

  it('that did not load is named when the deal is looked for, instead of inviting a second copy', async () => {
    const data = dataCopy(path.join(scratch.dir, 'deal-broken'), DEAL, (t) => t.replace('cases: "270"', 'cases: 二百七十'));
    const open = await proposal(data);
    expect(open.stderr).toMatch(/^错误：客户「蒙源乳业集团有限公司」没有可用的团购方案；方案文件里有错误，要找的方案可能就在其中：\n\S*2027-chunjie-mengyuan\.yaml:9:12 items\[1\]\.cases/);
    const named = await proposal(data, '--deal', '2027-chunjie-mengyuan');
    expect(named.stderr).toMatch(/^错误：找不到方案「2027-chunjie-mengyuan」；方案文件里有错误，它可能就在其中：/);
  });

  it('with a count too large to hold names its line and field, in its own unit, not an internal error', async () => {
    const data = dataCopy(path.join(scratch.dir, 'deal-huge'), DEAL, (t) => t.replace('cases: "270"', 'cases: "99999999999"'));
    const r = await proposal(data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\S*2027-chunjie-mengyuan\.yaml:9:12 items\[1\]\.cases\(箱数\) 错误：超出范围：应在 1 到 100,000 箱 之间\n/);
  });
});

describe('a deal that may not be the one meant', () => {
  it('warns when it has expired, and when the customer has another open deal', async () => {
    const expired = await runCli(['proposal', 'mengyuan-ruye', '--deal', '2027-chunjie-mengyuan', '--today', '2027-03-01', '--out', outDir()], ROOT);
    expect(expired.code).toBe(0);
    expect(expired.stderr).toBe('警告：方案「2027-chunjie-mengyuan」已于 2027年1月20日 过期，文书里写的有效期已经过了\n');
    const DEAL = 'deals/2027-chunjie-mengyuan.yaml';
    // A copy of the deal under another id, valid for a shorter time: the longer-valid one is used.
    const data = dataCopy(path.join(scratch.dir, 'two-deals'), DEAL, (t) => t.replace('validUntil: 2027-01-20', 'validUntil: 2027-01-25'));
    writeFileSync(path.join(data, 'deals/2027-chunjie-mengyuan-b.yaml'), readFileSync(path.join(ROOT, 'data', DEAL), 'utf8').replace('id: 2027-chunjie-mengyuan', 'id: 2027-chunjie-mengyuan-b'));
    const two = await runCli(['proposal', 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', outDir()], ROOT);
    expect(two.stderr).toBe('警告：客户还有 1 个可用方案（2027-chunjie-mengyuan-b），这次用的是「2027-chunjie-mengyuan」；要用别的请写 --deal\n');
  });
});

describe('a helper given the wrong kind of value', () => {
  it.each([
    ['{{caseText deal.bottles 0}}', 'caseText 的每箱瓶数要是正整数'],
    ['{{percent customer.name}}', 'percent 需要一个数字'],
    ['{{join customer.name}}', 'join 需要一个列表'],
  ])('%s names the template line instead of printing nonsense', async (call, message) => {
    const file = path.join(scratch.dir, `helper${++n}.md`);
    writeFileSync(file, `---\ntitle: 试\nview: proposal\naudience: external\n---\n第一行\n\n${call}\n`);
    const r = await runCli(['render', file, 'mengyuan-ruye', '--today', TODAY, '--out', outDir()], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误：${file}:8 模板运行出错：${message}\n`);
  });
});

describe('template errors in partials and partial names', () => {
  /** A template folder with `body` as a template and `partials` in partials/. */
  const folder = (body: string, partials: Record<string, string>) => {
    const dir = path.join(scratch.dir, `set${++n}`);
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    writeFileSync(path.join(dir, 't.md'), `---\ntitle: 试\nview: proposal\naudience: external\n---\n第一行\n\n${body}\n`);
    for (const [name, text] of Object.entries(partials)) writeFileSync(path.join(dir, 'partials', `${name}.hbs`), text);
    return dir;
  };

  it('a dynamic partial is refused by the check, at its line, never an internal error', async () => {
    const dir = folder(`{{> (lookup . 'x')}}`, {});
    const r = await runCli(['render', path.join(dir, 't.md'), 'mengyuan-ruye', '--templates', dir, '--today', TODAY, '--out', outDir()], ROOT);
    expect([r.code, r.stderr]).toEqual([1, `错误：${path.join(dir, 't.md')}:8:1 模板错误：部件名要直接写出，如 {{> 名称}}；不能用 (lookup …) 等表达式算出\n`]);
  });

  it('an error at run time inside a partial names the partial\'s file and line', async () => {
    const dir = folder('{{> amount}}', { amount: '合计：\n{{money customer.name}}\n' });
    const r = await runCli(['render', path.join(dir, 't.md'), 'mengyuan-ruye', '--templates', dir, '--today', TODAY, '--out', outDir()], ROOT);
    expect([r.code, r.stderr]).toEqual([1, `错误：${path.join(dir, 'partials', 'amount.hbs')}:2 模板运行出错：money 需要一个数字\n`]);
  });
});

describe('a data set no document can be made from', () => {
  it('stops every command the same way: a missing folder, a broken company file', async () => {
    const typo = await runCli(['customers', '--data', path.join(scratch.dir, 'dta')], ROOT);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([1, `错误：数据文件夹「${path.join(scratch.dir, 'dta')}」不存在`]);
    const data = dataCopy(path.join(scratch.dir, 'no-company'), 'company.yaml', (t) => t.replace(/^name: .*$/m, 'name: [坏'));
    const r = await runCli(['proposal', 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', outDir()], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：公司资料 \S*company\.yaml 有错误，无法生成文书：\n\S*company\.yaml:\d+:\d+ /);
    // A list of customers needs no company.
    expect((await runCli(['customers', '--data', data], ROOT)).code).toBe(0);
  });
});
