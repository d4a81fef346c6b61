import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

const broken = path.join(import.meta.dirname, '../fixtures/broken');

describe('tuangou check', () => {
  it('exits 1 and prints every problem as file:line:column 字段(标签) message, grouped by file', async () => {
    const r = await runCli(['check', '--data', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^test\/fixtures\/broken\/customers\/d-formats\.yaml（9 个错误，0 个警告）$/m);
    expect(r.stdout).toMatch(/^ {2}test\/fixtures\/broken\/customers\/d-formats\.yaml:15:13 contacts\[0\]\.mobile\(手机\) 错误：应为 11 位手机号/m);
    expect(r.stdout).toMatch(/共检查 18 个文件：\d+ 个错误，\d+ 个警告/);
  });

  it('gives the same problems as JSON', async () => {
    const r = await runCli(['check', '--data', broken, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files).toBe(18);
    expect(out.errors).toBe(out.issues.filter((i: { severity: string }) => i.severity === 'error').length);
  });

  it('treats a wrong option as a usage error (exit 2)', async () => {
    const r = await runCli(['check', '--dta', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的选项 --dta');
  });

  it('answers --help in Chinese and --version', async () => {
    expect((await runCli(['check', '--help'])).stdout).toContain('用法：tuangou check');
    expect((await runCli(['--version'])).stdout).toMatch(/^tuangou \d+\.\d+\.\d+/);
    expect((await runCli(['nosuch'])).code).toBe(2);
  });
});
