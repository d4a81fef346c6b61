// The weekly workbook opened by LibreOffice Calc (soffice, headless): every sheet converted to
// CSV by Calc itself, the manager rows' columns summed and compared with the report's totals.
// Skipped, by name, where LibreOffice is not installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { weeklyReport } from '../../src/app/reports.ts';
import { weeklyReportWorkbook } from '../../src/app/report-workbook.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { FIXTURE } from './expected.ts';

function findSoffice(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const soffice = findSoffice();

describe.skipIf(!soffice)('the weekly workbook in LibreOffice Calc (skipped when soffice is not installed)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-calc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens in Calc with numbers that sum to the report totals', { timeout: 180_000 }, async () => {
    const ws = openWorkspace({ data: FIXTURE });
    const req = { week: '2026-W49', today: '2026-12-06' };
    const report = weeklyReport(ws, req);
    const xlsx = path.join(dir, 'week.xlsx');
    writeFileSync(xlsx, await weeklyReportWorkbook(ws, req));
    // Every sheet to its own UTF-8 CSV (the last token, -1), cell values unformatted.
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsx],
      { stdio: 'ignore', timeout: 170_000 },
    );
    const sheet = (name: string): string[][] => parse(readFileSync(path.join(dir, `week-${name}.csv`), 'utf8')) as string[][];
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()).toEqual(
      ['汇总', '按客户经理', '目标', '拜访', '方案进展', '商机', '久未拜访'].map((s) => `week-${s}.csv`).sort(),
    );

    const [header, ...rows] = sheet('按客户经理');
    const sum = (name: string) => rows.reduce((n, r) => n + Number(r[header!.indexOf(name)]), 0);
    expect(rows.map((r) => r[0])).toEqual(['甲经理', '乙经理', '丙经理']);
    expect(sum('拜访')).toBe(report.total.visits);
    expect(sum('瓶数')).toBe(report.total.bottles);
    expect(Math.round(sum('销售额') * 100)).toBe(report.total.revenue);
    expect(Math.round(sum('成本') * 100)).toBe(report.total.cost);
    expect(Math.round(sum('毛利') * 100)).toBe(report.total.margin);
    expect(report.total.revenue).toBe(600900);

    const summary = new Map(sheet('汇总').map(([k, v]) => [k, v]));
    expect(Math.round(Number(summary.get('销售额（元）')) * 100)).toBe(report.total.revenue);
    // The days as the report has them (that they are date cells, not text, weekly.test.ts reads back with exceljs).
    expect(sheet('拜访').slice(1).map((r) => r[0])).toEqual(report.visits.map((v) => v.date));
  });
});
