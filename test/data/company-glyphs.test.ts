// company.yaml is on every document (letterhead, signature, hotline, sender): a character no
// font here can print in it stops every document command once, before anything is written,
// naming the company file's line and field.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { companyGlyphIssues } from '../../src/pipeline/glyphs.ts';
import { runCli } from '../cli/run.ts';
import { dataCopy, ROOT, tempDir, TODAY } from '../pipeline/build.ts';

const scratch = tempDir('company-glyphs');
afterAll(scratch.remove);

describe('a character in company.yaml that cannot be printed', () => {
  // U+4DB6 is in Noto Serif SC only: the sans documents (card) would print a box.
  const data = dataCopy(path.join(scratch.dir, 'bad'), 'company.yaml', (t) => t.replace('  - name: 王建国', '  - name: 王\u202E建\u4DB6国'));

  it.each([
    ['card', 'sans'],
    ['proposal', 'serif'],
  ])('stops %s (%s) before anything is written, naming company.yaml, its line and field', async (command) => {
    const out = path.join(scratch.dir, `out-${command}`);
    const r = await runCli([command, 'mengyuan-ruye', '--data', data, '--today', TODAY, '--out', out], ROOT);
    expect(r.code).toBe(1);
    const file = path.join(data, 'company.yaml');
    expect(r.stderr).toBe(
      [
        `错误：公司资料 ${file} 有错误，无法生成文书：`,
        `${file}:13:11 salesContacts[0].name(姓名) 错误：含有文字方向控制符（U+202E），打印出来会是空白或方框，请改用常用字或去掉这个字符`,
        `${file}:13:11 salesContacts[0].name(姓名) 错误：含有字体中没有的字「\u4DB6」（U+4DB6），打印出来会是空白或方框，请改用常用字或去掉这个字符`,
        '提示：文书的抬头、落款、热线和信封的寄信人都取自公司资料',
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('does not stop a list of customers, which prints no company', async () => {
    expect((await runCli(['customers', '--data', data], ROOT)).code).toBe(0);
  });

  it('is looked for in printed fields only: the image file names are not printed', () => {
    const images = dataCopy(path.join(scratch.dir, 'images'), 'company.yaml', (t) => t.replace('logo: logo.png', 'logo: logo\u4DB6.png'));
    expect(companyGlyphIssues(loadData(images))).toEqual([]);
  });
});
