// The fictional sample data in <repo>/data: it must load without errors and cover what the
// documents are shown with (all 8 systems, classes A–D, VIP states, one deliberate violation).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { DEFAULT_POLICIES } from '../../src/data/policies.ts';
import { SYSTEMS } from '../../src/data/schema.ts';
import { runCli } from './run.ts';

const dataDir = path.join(import.meta.dirname, '../../data');
const OPEN = ['草拟', '已发送', '洽谈中'];

interface CustomerRow {
  id: string;
  system: string;
  status: string;
  class: string | null;
  vip: { name: string; status: string }[];
}

describe('sample data folder', () => {
  it('passes tuangou check with 0 errors', async () => {
    const r = await runCli(['check', '--data', dataDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 个错误');
    expect(r.stdout).toMatch(/共检查 \d+ 个文件：0 个错误/);
  });

  it('warns only about the deliberately minimal customer, the deliberate commissions to a decider\'s kin, and the 蒙源 allocation that leaves 12 of its staff out', async () => {
    const r = await runCli(['check', '--data', dataDir, '--json']);
    const out = JSON.parse(r.stdout) as { errors: number; issues: { file: string; rule: string }[] };
    expect(out.errors).toBe(0);
    const [headcount, others] = [out.issues.filter((i) => i.rule === 'allocation-headcount'), out.issues.filter((i) => i.rule !== 'allocation-headcount' && i.rule !== 'commission-to-relative')];
    // The proposal says whom it covers (test/documents/filing.test.ts).
    expect(headcount.map((i) => path.basename(i.file))).toEqual(['2027-chunjie-mengyuan.yaml']);
    for (const issue of others) expect(issue.file).toMatch(/customers[/\\]minimal-[a-z0-9-]+\.yaml$/);
  });

  it('lists customers of all 8 systems, classes A, B, C and D, existing and prospects', async () => {
    const r = await runCli(['customers', '--data', dataDir, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as CustomerRow[];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((c) => c.system))).toEqual(new Set(SYSTEMS));
    for (const cls of ['A', 'B', 'C', 'D']) expect(rows.some((c) => c.class === cls)).toBe(true);
    expect(new Set(rows.map((c) => c.status))).toEqual(new Set(['现有', '潜在']));
    // The class boundaries belong to the higher class.
    expect(rows.find((c) => c.id === 'qcxq-shuiwuju')?.class).toBe('B');
    expect(rows.find((c) => c.id === 'beijiang-tongxin-qc')?.class).toBe('C');
    // One approved VIP, and one nominated but not approved (shown as qualified).
    const vips = rows.flatMap((c) => c.vip);
    expect(vips.some((v) => v.status === 'approved')).toBe(true);
    expect(vips.some((v) => v.name === '周雅琴' && v.status === 'qualified')).toBe(true);
  });

  it('keeps postcodes as text, policies at their defaults, and one open deal per customer', () => {
    const data = loadData(dataDir);
    expect(data.company?.postcode).toBe('010010');
    expect(data.policies).toEqual(DEFAULT_POLICIES);
    const policyKeys = readFileSync(path.join(dataDir, 'policies.yaml'), 'utf8').match(/^[a-zA-Z]+(?=:)/gm);
    expect(policyKeys?.sort()).toEqual(Object.keys(DEFAULT_POLICIES).sort());

    const minimal = [...data.customers.values()].find((c) => c.id.startsWith('minimal-'));
    expect(minimal?.expectedAnnualPurchase).toBeUndefined();

    const deals = [...data.deals.values()];
    expect(deals.length).toBeGreaterThanOrEqual(5);
    const open = deals.filter((d) => OPEN.includes(d.status)).map((d) => d.customer);
    expect(new Set(open).size).toBe(open.length);
    expect(open.length).toBeGreaterThanOrEqual(4);
    // Exactly one deal carries the deliberate §9 violation: a gift to a person.
    const violating = deals.filter((d) => d.gifts?.some((g) => g.recipient === '个人'));
    expect(violating.map((d) => d.id)).toEqual(['2027-yuandan-shuiwuju']);
  });
});
