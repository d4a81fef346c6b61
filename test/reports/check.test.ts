// check on the reports' data: targets.yaml and deal stages, each problem at its file, line and field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { FIXTURE } from './expected.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-report-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(FIXTURE, dir, { recursive: true });

// A file that loads, with problems across records and files.
writeFileSync(
  path.join(dir, 'targets.yaml'),
  [
    'targets:',
    '  - manager: 甲经里', // 2: unknown manager
    '    period: 2026-W49',
    '    visits: "4"',
    '  - manager: 乙经理', // 5
    '    period: 2027 元旦', // 6: 2026-11-02 … 2027-01-01
    '    revenue: "1000"',
    '  - manager: 乙经理',
    '    period: 2027 春节', // 9: 2026-12-08 … 2027-02-06, overlaps 元旦 on revenue
    '    revenue: "2000"',
    '  - manager: 甲经理',
    '    period: 2027 春节', // 12: other manager: no overlap
    '    revenue: "1"',
    '  - manager: 乙经理',
    '    period: 2026-12', // 15: a month inside the seasons: another kind, no overlap
    '    revenue: "1"',
    '',
  ].join('\n'),
);
// A file whose records do not pass their schema.
const broken = mkdtempSync(path.join(tmpdir(), 'tuangou-report-check-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));
cpSync(FIXTURE, broken, { recursive: true });
writeFileSync(
  path.join(broken, 'targets.yaml'),
  [
    'targets:',
    '  - manager: 乙经理',
    '    period: 2027-W53', // 3: 2027 has 52 weeks
    '    visits: "1"',
    '  - manager: 丙经理',
    '    period: 2026-13', // 6
    '    visits: "1"',
    '  - manager: 丙经理', // 8: no measure
    '    period: 2026-12',
    '  - manager: 甲经理',
    '    period: 2027 圣诞', // 11
    '    visits: "0"', // 12: out of range
    '',
  ].join('\n'),
);

writeFileSync(
  path.join(dir, 'deals/d9.yaml'),
  [
    'id: d9',
    'customer: e2',
    'occasion: 招待',
    'items:',
    '  - product: P1',
    '    bottles: "6"',
    'validUntil: 2026-12-31',
    'status: 已成交', // 8
    'owner: 丁经理', // 9
    'stages:',
    '  - stage: 报价',
    '    date: 2026-11-20',
    '  - stage: 草拟', // 13: backwards
    '    date: 2026-11-10', // 14: earlier
    '  - stage: 未成交', // 15: no reason; disagrees with 已成交
    '    date: 2026-11-25',
    '',
  ].join('\n'),
);

// A purchase under a deal that is not there, and under another unit's deal.
writeFileSync(
  path.join(dir, 'customers/e2.yaml'),
  `${readFileSync(path.join(FIXTURE, 'customers/e2.yaml'), 'utf8').replace('visits:', ['  - date: 2026-12-03', '    product: P1', '    bottles: "1"', '    amount: "100"', '    deal: d6', '  - date: 2026-12-03', '    product: P1', '    bottles: "1"', '    amount: "100"', '    deal: d1', 'visits:'].join('\n'))}`,
);

const data = loadData(dir);
const issues = data.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: path.relative(dir, i.file) }));
const at = (file: string, line: number, field: string) => issues.filter((i) => i.file === file && i.line === line && i.field === field).map((i) => i.message);
const brokenIssues = loadData(broken).issues.filter((i) => i.severity === 'error' && i.file.endsWith('targets.yaml'));
const brokenAt = (line: number, field: string) => brokenIssues.filter((i) => i.line === line && i.field === field).map((i) => i.message);

describe('check on targets and deal stages', () => {
  it('reports unknown managers and overlapping periods of the targets file at their line and field', () => {
    expect(at('targets.yaml', 2, 'targets[0].manager')).toEqual(['「甲经里」不是团购部的客户经理（company.yaml 的 salesContacts），是否想写「甲经理」？']);
    expect(at('targets.yaml', 9, 'targets[2].period')).toEqual([
      expect.stringMatching(/^乙经理 的「2027 春节」（2026-12-08–2027-02-06）与 .*targets\.yaml:6 的「2027 元旦」（2026-11-02–2027-01-01）重叠，两处都定了 revenue/),
    ]);
    expect(issues.filter((i) => i.file === 'targets.yaml'), issues.map(formatIssue).join('\n')).toHaveLength(2);
    expect(issues.find((i) => i.field === 'targets[0].manager')?.label).toBe('客户经理');
  });

  it('reports a period that is not a period, a target without a measure, a count out of range', () => {
    expect(brokenAt(3, 'targets[0].period')).toEqual([expect.stringContaining('「2027-W53」不是一个周期：2027 年只有 52 周')]);
    expect(brokenAt(6, 'targets[1].period')).toEqual([expect.stringContaining('月份应为 01–12')]);
    expect(brokenAt(8, 'targets[2]')).toEqual([expect.stringContaining('至少要定一项指标')]);
    expect(brokenAt(11, 'targets[3].period')).toEqual([expect.stringContaining('没有「圣诞」这个节日')]);
    expect(brokenAt(12, 'targets[3].visits')).toEqual([expect.stringContaining('超出范围')]);
    expect(brokenIssues, brokenIssues.map(formatIssue).join('\n')).toHaveLength(5);
    expect(brokenIssues[0]?.label).toBe('周期');
    // A targets file with errors is left out whole.
    expect(loadData(broken).targets).toEqual([]);
  });

  it('reports a deal history that goes backwards, a lost deal without its reason, a status that disagrees, an unknown owner', () => {
    expect(at('deals/d9.yaml', 9, 'owner')).toEqual([expect.stringContaining('「丁经理」不是团购部的客户经理')]);
    expect(at('deals/d9.yaml', 13, 'stages[1].stage')).toEqual([expect.stringContaining('「草拟」不能排在「报价」之后')]);
    expect(at('deals/d9.yaml', 14, 'stages[1].date')).toEqual(['阶段的日期要按先后写：2026-11-10 早于上一条的 2026-11-20']);
    expect(at('deals/d9.yaml', 15, 'stages[2].stage')).toEqual(['未成交要写明原因（reason），以便总结', '最后一个阶段「未成交」与状态「已成交」不一致']);
    expect(issues.filter((i) => i.file === 'deals/d9.yaml')).toHaveLength(5);
  });

  it('reports a purchase under a deal that is not there or is another unit\'s', () => {
    const e2 = issues.filter((i) => i.file === 'customers/e2.yaml').map((i) => [i.line, i.field, i.message]);
    expect(e2).toEqual([
      [27, 'purchases[2].deal', '没有编号为「d6」的方案，是否想写「d9」？'],
      [32, 'purchases[3].deal', '方案「d1」是客户 e1 的，不是这个单位的'],
    ]);
  });

  it('finds nothing wrong in the fixture itself or the sample data', () => {
    expect(loadData(FIXTURE).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loadData(path.join(import.meta.dirname, '../../data')).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
