// The static check: every field a template names is looked up in its view's schema, in every
// branch, before anything runs; problems name the file, the line in the file (front matter
// lines included) and, when there is a likely intended field, 是否想写「…」.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { TemplateSet } from '../../src/pipeline/templates.ts';
import { runCli } from '../cli/run.ts';
import { FIXTURES, ROOT, tempDir } from '../pipeline/build.ts';

const lint = path.join(FIXTURES, 'lint');
const scratch = tempDir('lint');
afterAll(scratch.remove);

/** The message of the error TemplateSet.get throws for a template file. */
function problems(file: string): string {
  try {
    new TemplateSet().get(file);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error(`${file} passed the check`);
}

let n = 0;
/** A template written to the scratch folder. */
function template(source: string): string {
  const file = path.join(scratch.dir, `t${++n}.md`);
  writeFileSync(file, source);
  return file;
}

describe('template lint', () => {
  it('finds a misspelt field in an {{else}} branch this data never takes, and one inside an #if argument', () => {
    const file = path.join(lint, 'misspelt.md');
    const message = problems(file);
    // Line 11 of the file: 5 front matter lines, then line 6 of the body.
    expect(message).toContain(`${file}:11:3 模板错误：找不到字段「custmer」，是否想写「customer」？`);
    expect(message).toContain(`${file}:14:7 模板错误：找不到字段「deal.extraDiscont」，是否想写「deal.extraDiscount」？`);
    expect(message.split('\n')).toHaveLength(2);
  });

  it('reports through the CLI with exit code 1 and writes nothing', async () => {
    const out = path.join(scratch.dir, 'out');
    const r = await runCli(['render', 'test/fixtures/templates/lint/misspelt.md', 'mengyuan-ruye', '--today', '2026-11-24', '--out', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/templates/lint/misspelt.md:11:3 模板错误：找不到字段「custmer」，是否想写「customer」？');
    expect(r.stderr).toContain('test/fixtures/templates/lint/misspelt.md:14:7 模板错误');
    expect(r.stdout).toBe('');
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('names an unknown helper and suggests the closest one', () => {
    const file = path.join(lint, 'unknown-helper.md');
    expect(problems(file)).toBe(`${file}:6:6 模板错误：没有名为「mony」的帮助函数，是否想写「money」？`);
  });

  it('names an unknown partial and suggests the closest one', () => {
    const file = path.join(lint, 'unknown-partial.md');
    expect(problems(file)).toBe(`${file}:8:1 模板错误：找不到部件「contact-as」，是否想写「contact-us」？（部件放在 templates/partials/ 里）`);
  });

  it('refuses #each over something that is not a list', () => {
    const file = path.join(lint, 'each-not-list.md');
    expect(problems(file)).toBe(`${file}:6:9 模板错误：{{#each}} 需要一个列表，「customer.name」不是列表`);
  });

  it('refuses printing an object', () => {
    const file = path.join(lint, 'print-object.md');
    expect(problems(file)).toBe(`${file}:6:6 模板错误：「deal.total」是一组数据，不能直接输出：列表请用 {{#each}}，对象请写到具体字段`);
  });

  it('refuses printing a list', () => {
    const file = template('---\ntitle: x\nview: proposal\naudience: external\n---\n\n产品：{{products}}\n');
    expect(problems(file)).toBe(`${file}:7:6 模板错误：「products」是一组数据，不能直接输出：列表请用 {{#each}}，对象请写到具体字段`);
  });

  it('refuses a bare helper name, which Handlebars would call instead of reading the field', () => {
    const file = template('---\ntitle: x\nview: visit\naudience: internal\n---\n{{#each plan}}\n{{date}} {{this.date.text}}\n{{/each}}\n');
    expect(problems(file)).toBe(`${file}:7:3 模板错误：「date」是帮助函数的名字，不带参数时不会取字段：要输出字段请写 {{this.date}}，要调用帮助函数请给出参数`);
  });

  it('refuses .length: an empty list is already false in {{#if list}}', () => {
    const file = path.join(lint, 'length.md');
    expect(problems(file)).toBe(`${file}:6:7 模板错误：找不到字段「deal.allocation.length」`);
  });

  it('checks the header, footer and watermark too', () => {
    const file = path.join(lint, 'footer-typo.md');
    expect(problems(file)).toBe(`${file}（footer）:1:4 模板错误：找不到字段「customer.nam」，是否想写「customer.name」？`);
  });

  it('lists the fields there are when nothing is close', () => {
    const file = template('---\ntitle: x\nview: proposal\naudience: external\n---\n{{customer.zzzzzz}}\n');
    expect(problems(file)).toBe(
      `${file}:6:3 模板错误：找不到字段「customer.zzzzzz」；这里可用的字段：name, system, address, postcode, headcount`,
    );
  });

  it('checks inside #each, #with, block parameters, ../ and partials with the right scope', () => {
    const ok = template(
      [
        '---',
        'title: x',
        'view: proposal',
        'audience: external',
        '---',
        '{{#each deal.lines}}{{inc @index}} {{product}} {{../customer.name}} {{@root.today.text}}{{/each}}',
        '{{#each products as |p|}}{{p.name}}{{#each p.fab}}{{feature}}{{p.grade}}{{/each}}{{/each}}',
        '{{#with company}}{{name}}{{#if bank}}{{bank.account}}{{/if}}{{/with}}',
        '{{> contact-us}}',
        '{{!-- 注释里的 {{nothing}} 不检查 --}}',
      ].join('\n'),
    );
    expect(() => new TemplateSet().get(ok)).not.toThrow();

    const bad = template(
      [
        '---',
        'title: x',
        'view: proposal',
        'audience: external',
        '---',
        '{{#each deal.lines}}{{prodcut}}{{/each}}',
        '{{#with company}}{{customer.name}}{{/with}}',
        '{{@index}}',
      ].join('\n'),
    );
    const message = problems(bad);
    expect(message).toContain(`${bad}:6:23 模板错误：找不到字段「prodcut」，是否想写「product」？`);
    // Inside #with company, customer is ../customer.
    expect(message).toContain(`${bad}:7:20 模板错误：找不到字段「customer」；这里可用的字段：name, shortName`);
    expect(message).toContain(`${bad}:8:3 模板错误：「@index」只能在 {{#each}} 里面用`);
  });

  it('refuses an internal view in an external template', () => {
    const file = template('---\ntitle: x\nview: card\naudience: external\n---\n{{customer.name}}\n');
    expect(problems(file)).toBe(`${file}:1:1 模板设置错误：「card」视图含有内部资料，不能用于 audience: external 的模板`);
  });

  it.each([
    // Handlebars finds the open block at the end of the file, and says so.
    ['{{#if recipient}}\n没有结束\n', 10, '模板到结尾还有块没有用 {{/…}} 结束，停在「if recipient}}没有结束」'],
    ['第三行 {{#if recipient}\n', 8, '{{ }} 写得不完整或不成对，停在「第三行 {{#if recipient}」'],
    ['{{#if recipient}}x{{/each}}\n', 8, '{{#if}} 要用 {{/if}} 结束，这里写的是 {{/each}}'],
  ])('reports a Handlebars syntax error in Chinese at its line in the file: %j', (body, line, message) => {
    const file = template(`---\ntitle: x\nview: proposal\naudience: external\n---\n第一行\n\n${body}`);
    expect(problems(file)).toBe(`${file}:${line}:1 模板错误：模板语法错误：${message}`);
  });

  it('passes every built-in template', () => {
    const set = new TemplateSet();
    for (const name of ['proposal', 'product', 'visit', 'card', 'allocation', 'pack']) expect(() => set.get(name)).not.toThrow();
  });
});
