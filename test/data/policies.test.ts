// policies.yaml: values that only make sense together are errors `check` names by file, line
// and field, and a generating command refuses a policies file with errors instead of
// silently following the defaults.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { refuseUnusable } from '../../src/pipeline/usable.ts';
import { DEFAULT_POLICIES } from '../../src/data/policies.ts';
import { DataError } from '../../src/errors.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder holding only policies.yaml; the missing company.yaml is reported on its own file. */
function withPolicies(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-policies-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'policies.yaml'), yaml);
  const data = loadData(dir);
  return { data, issues: data.issues.filter((i) => path.basename(i.file) === 'policies.yaml') };
}

const lead = (from: string, to: string) =>
  ['festivalLead:', '  mailDaysBefore: "60"', `  firstVisitFrom: "${from}"`, `  firstVisitTo: "${to}"`, '  minVisits: "3"', ''].join('\n');

describe('policies.yaml values checked together', () => {
  it('reports a first-visit window that starts after it ends on firstVisitFrom', () => {
    const { data, issues } = withPolicies(lead('30', '7'));
    expect(issues.map((i) => [i.line, i.column, i.field, i.label, i.severity])).toEqual([
      [3, 19, 'festivalLead.firstVisitFrom', '首访最早（邮寄后天数）', 'error'],
    ]);
    expect(issues[0]?.message).toContain('不能晚于首访最晚');
    // The rejected file falls back to the defaults, which is why commands must refuse it.
    expect(data.policies.festivalLead).toEqual(DEFAULT_POLICIES.festivalLead);
  });

  it('accepts a window of one day', () => {
    const { data, issues } = withPolicies(lead('5', '5'));
    expect(issues).toEqual([]);
    expect(data.policies.festivalLead).toMatchObject({ firstVisitFrom: 5, firstVisitTo: 5 });
  });

  it('reports class thresholds that do not go down from A to C', () => {
    const { issues } = withPolicies(['classThresholds:', '  A: "10000"', '  B: "50000"', '  C: "20000"', ''].join('\n'));
    expect(issues.map((i) => [i.line, i.field, i.label, i.severity])).toEqual([[2, 'classThresholds', '客户分级门槛', 'error']]);
    expect(issues[0]?.message).toContain('A 类 ≥ B 类 ≥ C 类');
  });
});

describe('policies.yaml ranges', () => {
  it('refuses values past their range at their line, naming the range in the value\'s unit', () => {
    // 100000 visits ran out of memory; 10000 wrote a 34 MB calendar reaching the 23rd century.
    const { issues } = withPolicies(
      ['festivalLead:', '  mailDaysBefore: "400"', '  firstVisitFrom: "3"', '  firstVisitTo: "70"', '  minVisits: "100000"', 'vip:', '  singlePurchase: "99999999999"', '  monthlyPurchase: "20000"', '  minRank: 副处级', ''].join('\n'),
    );
    expect(issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [2, 'festivalLead.mailDaysBefore', '超出范围：应在 1 到 365 天 之间'],
      [4, 'festivalLead.firstVisitTo', '超出范围：应在 0 到 60 天 之间'],
      [5, 'festivalLead.minVisits', '超出范围：应在 1 到 10 次 之间'],
      [7, 'vip.singlePurchase', '超出范围：不能超过 10,000,000,000 元'],
    ]);
  });

  it('take the largest value of each range', () => {
    const { data, issues } = withPolicies(['festivalLead:', '  mailDaysBefore: "365"', '  firstVisitFrom: "60"', '  firstVisitTo: "60"', '  minVisits: "10"', ''].join('\n'));
    expect(issues).toEqual([]);
    expect(data.policies.festivalLead).toEqual({ mailDaysBefore: 365, firstVisitFrom: 60, firstVisitTo: 60, minVisits: 10 });
  });
});

describe('policies.yaml visit intervals', () => {
  const intervals = (a: string, b: string, c: string, d: string) =>
    ['visitIntervalDays:', `  A: "${a}"`, `  B: "${b}"`, `  C: "${c}"`, `  D: "${d}"`, ''].join('\n');

  it('defaults to 14, 30, 60 and 90 days and takes the file’s values', () => {
    expect(DEFAULT_POLICIES.visitIntervalDays).toEqual({ A: 14, B: 30, C: 60, D: 90 });
    const { data, issues } = withPolicies(intervals('7', '21', '45', '120'));
    expect(issues).toEqual([]);
    expect(data.policies.visitIntervalDays).toEqual({ A: 7, B: 21, C: 45, D: 120 });
  });

  it('reports a zero, a value above a year and a text on their lines', () => {
    const { issues } = withPolicies(intervals('0', '30', '400', '400'));
    expect(issues.map((i) => [i.line, i.field, i.label, i.message])).toEqual([
      [2, 'visitIntervalDays.A', 'A类', '超出范围：应在 1 到 365 天 之间'],
      [4, 'visitIntervalDays.C', 'C类', '超出范围：应在 1 到 365 天 之间'],
      [5, 'visitIntervalDays.D', 'D类', '超出范围：应在 1 到 365 天 之间'],
    ]);
    expect(withPolicies(intervals('14', '30', '60', '九十')).issues.map((i) => [i.line, i.field, i.message])).toContainEqual([5, 'visitIntervalDays.D', '应为整数']);
  });

  it('reports a less important class visited more often than a more important one', () => {
    const { issues } = withPolicies(intervals('30', '14', '60', '90'));
    expect(issues.map((i) => [i.line, i.field, i.label, i.severity])).toEqual([[2, 'visitIntervalDays', '拜访间隔（天）', 'error']]);
    expect(issues[0]?.message).toContain('A 类 ≤ B 类 ≤ C 类 ≤ D 类');
  });
});

describe('refuseUnusable and policies.yaml', () => {
  // These folders hold only policies.yaml: the company is not what is tested.
  const refuseBrokenPolicies = (data: Parameters<typeof refuseUnusable>[0]) => refuseUnusable(data, { company: false });
  it('refuses a wrong value, naming file, line and field, instead of using the default', () => {
    const { data } = withPolicies(['festivalLead:', '  mailDaysBefore: 六十', '  firstVisitFrom: "3"', '  firstVisitTo: "7"', '  minVisits: "3"', ''].join('\n'));
    expect(data.policies.festivalLead.mailDaysBefore).toBe(60);
    const refuse = () => refuseBrokenPolicies(data);
    expect(refuse).toThrow(DataError);
    expect(refuse).toThrow('policies.yaml:2:19 festivalLead.mailDaysBefore(提前邮寄天数) 错误：应为整数');
  });

  it('refuses the window check too', () => {
    expect(() => refuseBrokenPolicies(withPolicies(lead('30', '7')).data)).toThrow(/policies\.yaml:3:19 festivalLead\.firstVisitFrom\(首访最早（邮寄后天数）\) 错误/);
  });

  it('lets valid policies, a policies file left out, and errors in other files through', () => {
    expect(() => refuseBrokenPolicies(withPolicies(lead('3', '7')).data)).not.toThrow();
    const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-policies-'));
    dirs.push(dir);
    const data = loadData(dir);
    expect(data.issues.some((i) => i.severity === 'error')).toBe(true); // company.yaml is missing
    expect(() => refuseBrokenPolicies(data)).not.toThrow();
  });
});
