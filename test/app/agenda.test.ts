// The agenda on dated fixtures (test/fixtures/agenda, "today" 2026-12-05) and on the sample
// data for the --today the README names.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agenda, type AgendaItem } from '../../src/app/agenda.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { runCli } from '../cli/run.ts';
import { DATA, ROOT } from '../pipeline/build.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/agenda');
const ws = openWorkspace({ data: FIXTURE });
const row = (i: AgendaItem) => [i.date ?? null, i.overdueDays, i.kind, i.customer?.id ?? null, i.person, i.why];

describe('agenda (library)', () => {
  it('lists each kind of item for the week from today, sorted by date, the overdue first and the undated last', () => {
    const list = agenda(ws, { today: '2026-12-05' });
    expect([list.from, list.to]).toEqual(['2026-12-05', '2026-12-12']);
    expect(list.items.map(row)).toEqual([
      ['2026-10-31', 35, 'visit-interval', 'b-yifeng', '周正', 'B 类客户至少每 30 天拜访一次，上次拜访是 2026-10-01'],
      ['2026-11-30', 5, 'visit-due', 'a-jiahe', '林小雨', '计划的拜访：送春节方案。（上次 2026-11-20 登门）'],
      ['2026-12-06', 0, 'anniversary', 'b-yifeng', '周正', '结婚纪念日：12月6日，第 30 年'],
      ['2026-12-08', 0, 'mailing', null, '2 个客户', '2027年春节（2027年2月6日）前 60 天寄出节日资料；首次拜访在寄出后第 3–7 天'],
      ['2026-12-09', 0, 'birthday', 'a-jiahe', '陈一鸣', '生日：农历冬月初一（公历12月9日），56 岁'],
      ['2026-12-10', 0, 'deal-expiring', 'a-jiahe', '陈一鸣', '方案「a-chunjie」（春节2027，洽谈中）有效期到这天'],
      [null, 0, 'vip', 'b-yifeng', '周正', '符合VIP条件，还没有推荐：副处级及以上（正处级）'],
    ]);
    // Not listed: the A customer's interval (its planned visit comes first), the closed deal
    // a-done ending 2026-12-09, 陈一鸣's VIP (put forward already).
  });

  it('shows a family member’s 腊月三十 on 除夕 across the lunar new year, from another day', () => {
    const list = agenda(ws, { today: '2026-12-05', from: '2027-02-01', days: 7, manager: '甲经理' });
    expect(list.items.filter((i) => i.kind === 'birthday').map(row)).toEqual([
      ['2027-02-05', 0, 'birthday', 'a-jiahe', '林小雨的母亲', '生日：农历腊月三十（公历2月5日）'],
    ]);
    // Overdue is still counted from today, whatever the window.
    expect(list.items[0]).toMatchObject({ kind: 'visit-due', date: '2026-11-30', overdueDays: 5 });
  });

  it('keeps to one account manager’s customers and suggests the manager meant', () => {
    const mine = agenda(ws, { today: '2026-12-05', manager: '乙经理' });
    expect(new Set(mine.items.map((i) => i.customer?.id ?? '全部'))).toEqual(new Set(['b-yifeng', '全部']));
    expect(mine.items.find((i) => i.kind === 'mailing')?.person).toBe('1 个客户');
    expect(() => agenda(ws, { today: '2026-12-05', manager: '丙经理' })).toThrow('没有客户经理是「丙经理」的客户，是否想写「乙经理」？');
  });

  it('refuses a window of a negative or too many days', () => {
    expect(() => agenda(ws, { today: '2026-12-05', days: 400 })).toThrow('天数应为 0–366 的整数');
  });
});

describe('tuangou agenda', () => {
  it('prints an aligned table', async () => {
    const r = await runCli(['agenda', '--data', FIXTURE, '--today', '2026-12-05', '--manager', '甲经理']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '2026年12月5日 至 2026年12月12日，客户经理 甲经理：4 件事',
      '',
      '日期                  事项      单位              人        客户经理  说明',
      '────────────────────  ────────  ────────────────  ────────  ────────  ─────────────────────────────────────────────────────────────────────────',
      '2026-11-30 逾期 5 天  计划拜访  嘉禾能源有限公司  林小雨    甲经理    计划的拜访：送春节方案。（上次 2026-11-20 登门）',
      '2026-12-08            节日邮寄  （全部客户）      1 个客户            2027年春节（2027年2月6日）前 60 天寄出节日资料；首次拜访在寄出后第 3–7 天',
      '2026-12-09            生日      嘉禾能源有限公司  陈一鸣    甲经理    生日：农历冬月初一（公历12月9日），56 岁',
      '2026-12-10            方案到期  嘉禾能源有限公司  陈一鸣    甲经理    方案「a-chunjie」（春节2027，洽谈中）有效期到这天',
      '',
    ]);
  });

  it('writes JSON, and refuses a bad option with exit 2', async () => {
    const r = await runCli(['agenda', '--data', FIXTURE, '--today', '2026-12-05', '--days', '0', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ today: '2026-12-05', from: '2026-12-05', to: '2026-12-05', manager: null, skipped: [] });
    expect(out.items.map((i: { kind: string; date: string | null; overdueDays: number }) => [i.kind, i.date, i.overdueDays])).toEqual([
      ['visit-interval', '2026-10-31', 35],
      ['visit-due', '2026-11-30', 5],
      ['vip', null, 0],
    ]);
    expect(out.items[0].customer).toEqual({ id: 'b-yifeng', name: '青城市税务局' });
    for (const bad of [['--days', '七'], ['--from', '2026-13-01'], ['--manager', '丙经理']]) {
      const e = await runCli(['agenda', '--data', FIXTURE, '--today', '2026-12-05', ...bad]);
      expect(e.code).toBe(2);
    }
  });

  it('shows every kind of item on the sample data for the --today the README names', async () => {
    const r = await runCli(['agenda', '--data', DATA, '--today', '2026-12-03', '--json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as { kind: string; date: string | null; overdueDays: number; why: string }[];
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['visit-due', 'visit-interval', 'birthday', 'anniversary', 'deal-expiring', 'mailing', 'vip']));
    expect(items.some((i) => i.kind === 'visit-due' && i.overdueDays > 0)).toBe(true);
    expect(items.some((i) => i.kind === 'visit-interval' && i.overdueDays > 0)).toBe(true);
    expect(items).toContainEqual(expect.objectContaining({ kind: 'birthday', date: '2026-12-06', why: '生日：农历十月廿八（公历12月6日）' }));
    // 其木格's father died on 2026-12-01 (events): her birthday two days later is no day for congratulations.
    expect(items).toContainEqual(expect.objectContaining({ kind: 'birthday', date: '2026-12-03', why: '生日：12月3日，51 岁；家中有丧事（2026年12月1日），不宜祝贺' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'deal-expiring', date: '2026-12-08' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'mailing', date: '2026-12-08' }));
  });
});
