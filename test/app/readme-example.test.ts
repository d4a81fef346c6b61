// The README's library example runs as written: copied out of the README into a folder with a
// copy of the sample data, importing 'tuangou' as another project would.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { dataCopy, ROOT, tempDir } from '../pipeline/build.ts';

const run = promisify(execFile);
const tmp = tempDir('readme-api');
afterAll(() => tmp.remove());

function example(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 作为程序库使用（API）'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('no ts block in the README API section');
  return code;
}

it('README: the library example runs as written and does what it says', async () => {
  dataCopy(tmp.dir, 'customers/mengyuan-ruye.yaml', (t) => t.replace(/^website: .*$/m, '$& # 单位网址'));
  mkdirSync(path.join(tmp.dir, 'node_modules'));
  symlinkSync(ROOT, path.join(tmp.dir, 'node_modules/tuangou'), 'dir');
  writeFileSync(path.join(tmp.dir, 'package.json'), '{ "type": "module" }\n'); // an ES module project, as ours is
  writeFileSync(path.join(tmp.dir, 'example.ts'), example());
  const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['example.ts'], { cwd: tmp.dir });
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('mengyuan-ruye-proposal.pdf 已生成');
  // The unsaved text lacks what check requires of a customer file.
  expect(lines.slice(1, -1)).toEqual(expect.arrayContaining(['1:1 address 缺少必填项', '1:1 contacts 缺少必填项']));
  expect(lines.at(-1)).toBe('已保存，备份在 .backup/');
  const file = readFileSync(path.join(tmp.dir, 'data/customers/mengyuan-ruye.yaml'), 'utf8');
  expect(file).toMatch(/^website: www\.mengyuan\.example\.com # 单位网址$/m);
  expect(readdirSync(path.join(tmp.dir, 'data/.backup')).length).toBe(1);
  expect(readdirSync(tmp.dir).sort()).toEqual(['data', 'example.ts', 'node_modules', 'package.json']);
});
