// tuangou report and the classes tuangou customers lists, from the command line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { FIXTURE } from './expected.ts';

const out = mkdtempSync(path.join(tmpdir(), 'tuangou-report-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const SAMPLE = path.join(import.meta.dirname, '../../data');

describe('tuangou report', () => {
  it('writes the week as PDF, .docx and .xlsx, named after the week and the manager', async () => {
    const r = await runCli(['report', 'week', '--data', FIXTURE, '--week', '2026-W53', '--manager', '甲经理', '--today', '2027-01-05', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const ext of ['pdf', 'docx', 'xlsx']) expect(existsSync(path.join(out, `weekly-report-2026-W53-甲经理.${ext}`)), ext).toBe(true);
  });

  it('takes a range with --from and --to and writes only the formats asked for', async () => {
    const r = await runCli(['report', 'week', '--data', FIXTURE, '--from', '2026-12-01', '--to', '2026-12-31', '--format', 'xlsx', '--today', '2026-12-06', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: string) => path.basename(f))).toEqual(['weekly-report-2026-12-01_2026-12-31.xlsx']);
  });

  it('writes the customer evaluation', async () => {
    const r = await runCli(['report', 'customer', 'e1', '--data', FIXTURE, '--today', '2026-12-06', '--out', out, '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`已生成 ${path.join(out, 'e1-customer-report.pdf')}`);
  });

  it('refuses what it cannot do with exit code 2 and a Chinese message', async () => {
    const cases: [string[], RegExp][] = [
      [['report'], /请写 report week 或 report customer/],
      [['report', 'week', '--week', '2026-49'], /周要写成 2026-W49/],
      [['report', 'week', '--week', '2026-W49', '--from', '2026-12-01', '--to', '2026-12-02'], /只写一种/],
      [['report', 'week', '--from', '2026-12-01'], /同时写开始/],
      [['report', 'week', '--manager', '丙经里'], /是否想写「丙经理」/],
      [['report', 'customer', 'e1', '--format', 'xlsx'], /--format 不接受「xlsx」/],
      [['report', 'customer', 'e1', '--manager', '甲经理'], /--manager 只用于 report week/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli([...args, '--data', FIXTURE, '--today', '2026-12-06', '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('tuangou customers', () => {
  it('lists the 80/20 class beside the expected-purchase class, and the prospect colour in words', async () => {
    const r = await runCli(['customers', '--data', FIXTURE, '--today', '2026-12-06', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; class: string | null; revenueClass: string | null; colour: string | null }[];
    const by = Object.fromEntries(rows.map((c) => [c.id, [c.class, c.revenueClass, c.colour]]));
    expect(by).toEqual({
      e1: ['C', 'A', null], e2: ['D', 'A', null], e3: ['B', 'A', null], e4: [null, 'C', null], e5: [null, 'B', null], e6: [null, 'C', null], e7: [null, 'B', null],
      p1: ['C', null, '黄'], p2: [null, null, '黄'], p3: [null, null, '红'],
    });
    const table = await runCli(['customers', '--data', SAMPLE, '--today', '2026-12-04']);
    expect(table.stdout.split('\n')[0]).toMatch(/^级别\s+销售额级别\s+商机\s+编号/);
    expect(table.stdout).toMatch(/绿\s+beijiang-xitu/);
  });
});
