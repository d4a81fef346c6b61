// Finding Chromium for the browser tests, and the line `npm test` prints without one.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath, skipLine } from './chromium.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fake = path.join(dir, 'chromium');
writeFileSync(fake, '#!/bin/sh\n');
chmodSync(fake, 0o755);

describe('chromiumPath', () => {
  it('takes CHROMIUM_PATH when it is an executable file', () => {
    expect(chromiumPath({ CHROMIUM_PATH: fake, PATH: '' })).toBe(fake);
  });

  it('finds chromium on the PATH', () => {
    expect(chromiumPath({ PATH: ['/nonexistent', dir].join(path.delimiter) })).toBe(fake);
  });

  it('has none with CHROMIUM_PATH=none or a missing file, even when the PATH has one', () => {
    for (const chosen of ['none', path.join(dir, 'missing'), dir]) expect(chromiumPath({ CHROMIUM_PATH: chosen, PATH: dir }), chosen).toBeUndefined();
  });

  it('has none when nothing on the PATH is chromium', () => {
    expect(chromiumPath({ PATH: '/nonexistent' })).toBeUndefined();
  });
});

describe('skipLine', () => {
  it('says in one line which tests are skipped and how to get them', () => {
    expect(skipLine({})).toBe('跳过浏览器测试 test/studio/browser：没有找到 Chromium（apt-get install chromium fonts-noto-cjk，或设 CHROMIUM_PATH）');
    expect(skipLine({ CHROMIUM_PATH: 'none' })).toBe('跳过浏览器测试 test/studio/browser：CHROMIUM_PATH=none 不是可执行文件（apt-get install chromium fonts-noto-cjk，或设 CHROMIUM_PATH）');
  });
});
