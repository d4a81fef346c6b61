import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

const broken = path.join(import.meta.dirname, '../fixtures/broken');

describe('tuangou check', () => {
  it('exits 1 and prints every problem as file:line:column 字段(标签) message, grouped by file', async () => {
    const r = await runCli(['check', '--data', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^test\/fixtures\/broken\/customers\/d-formats\.yaml（10 个错误，0 个警告）$/m);
    expect(r.stdout).toMatch(/^ {2}test\/fixtures\/broken\/customers\/d-formats\.yaml:15:13 contacts\[0\]\.mobile\(手机\) 错误：应为 11 位手机号/m);
    expect(r.stdout).toMatch(/共检查 19 个文件：\d+ 个错误，\d+ 个警告/);
  });

  it('gives the same problems as JSON', async () => {
    const r = await runCli(['check', '--data', broken, '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.files).toBe(19);
    expect(out.errors).toBe(out.issues.filter((i: { severity: string }) => i.severity === 'error').length);
  });

  it('treats a wrong option as a usage error (exit 2)', async () => {
    const r = await runCli(['check', '--dta', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不认识的选项 --dta');
    // A value starting with a dash reads as an option to Node's parser; say how to write it.
    const dashed = await runCli(['check', '--data', '-x']);
    expect([dashed.code, dashed.stderr.split('\n')[0]]).toEqual([2, '错误：选项 --data 的值以 - 开头，要连着写：--data=-…']);
  });

  it('treats an empty option value as a usage error (exit 2) in every command, before anything is written', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'tuangou-empty-'));
    try {
      const cases: [argv: string[], message: string][] = [
        [['letters', '--festival', '春节', '--format', ''], '错误：选项 --format 的值不能为空'],
        [['letters', '--festival', '春节', '--class', ''], '错误：选项 --class 的值不能为空'],
        [['letters', '--festival', '春节', '--out='], '错误：选项 --out 的值不能为空'],
        [['proposal', 'mengyuan-ruye', '--format', ' '], '错误：选项 --format 的值不能为空'],
        [['check', '--data', ''], '错误：选项 --data 的值不能为空'],
        [['customers', '--system', '，'], '错误：--system 至少要写一项，可选：党政、执法、金融、通讯、能源、文教卫生、军警、实力企业'],
      ];
      for (const [argv, message] of cases) {
        const r = await runCli(argv, cwd);
        expect([argv.join(' '), r.code, r.stderr.split('\n')[0], r.stdout]).toEqual([argv.join(' '), 2, message, '']);
      }
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('answers --help in Chinese and --version', async () => {
    expect((await runCli(['check', '--help'])).stdout).toContain('用法：tuangou check');
    expect((await runCli(['--version'])).stdout).toMatch(/^tuangou \d+\.\d+\.\d+/);
    expect((await runCli(['nosuch'])).code).toBe(2);
  });
});

describe('a document for one customer, with errors elsewhere in the data', () => {
  const commands = [['card'], ['pack'], ['render', 'card']];

  it.each(commands)('%s by id reads only that customer’s file and says so in its warning', async (...command) => {
    const out = mkdtempSync(path.join(tmpdir(), 'tuangou-one-'));
    try {
      const r = await runCli([...command, 'a-good', '--data', broken, '--out', out, '--format', 'docx', '--json']);
      expect(r.code).toBe(0);
      const { warnings } = JSON.parse(r.stdout) as { warnings: string[] };
      expect(warnings.join('\n')).toMatch(/^已读的数据文件中另有 \d+ 个错误（不影响本文书；其他客户的文件这次没有读）/m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('by unit name reads every file and counts every error', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tuangou-one-'));
    try {
      const errors = JSON.parse((await runCli(['check', '--data', broken, '--json'])).stdout).errors as number;
      const r = await runCli(['card', '测试市财政局', '--data', broken, '--out', out, '--format', 'docx', '--json']);
      expect(JSON.parse(r.stdout).warnings).toContain(`数据中另有 ${errors} 个错误（不影响本文书），运行 tuangou check 查看全部数据`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
