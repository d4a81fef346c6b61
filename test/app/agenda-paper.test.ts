// The agenda as files (tuangou agenda --format): the printed 周工作计划 and the calendar.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENDA_KIND_NAMES, agenda, writeAgenda } from '../../src/app/agenda.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { addDays } from '../../src/domain/dates.ts';
import { runCli } from '../cli/run.ts';
import { ROOT } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/agenda');
const ws = openWorkspace({ data: FIXTURE });
const REQ = { today: '2026-12-05' };
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the printed plan and the calendar', () => {
  let out: string;
  let files: readonly string[];
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'tuangou-agenda-'));
    ({ files } = await writeAgenda(ws, REQ, { outDir: out, formats: ['pdf', 'docx', 'ics'] }));
  });

  it('are named by the window', () => {
    expect(files.map((f) => path.basename(f))).toEqual(['pdf', 'docx', 'ics'].map((e) => `周工作计划-2026-12-05至2026-12-12.${e}`));
  });

  it('print every item, grouped by day, in the PDF and the .docx alike', async () => {
    const list = agenda(ws, REQ);
    const pdf = squeeze((await pdfPages(new Uint8Array(readFileSync(files[0]!)))).join(''));
    const docx = squeeze(await docxText(new Uint8Array(readFileSync(files[1]!))));
    expect(pdf).toContain('内部资料');
    for (const text of [pdf, docx]) {
      for (const heading of ['逾期未办', '2026年12月6日星期日', '2026年12月12日星期六', '尽快（没有日子）', '结果']) expect(text).toContain(heading);
      for (const i of list.items) {
        expect(text).toContain(squeeze(`${AGENDA_KIND_NAMES[i.kind]}`));
        expect(text).toContain(squeeze(i.customer?.name ?? '（全部客户）'));
        expect(text).toContain(squeeze(i.why));
      }
      // Each item under its own day: the birthday on 12月9日, after that day's heading and before the next.
      const at = (s: string) => text.indexOf(squeeze(s));
      expect(at('2026年12月9日星期三')).toBeLessThan(at('生日：农历冬月初一'));
      expect(at('生日：农历冬月初一')).toBeLessThan(at('2026年12月10日星期四'));
      expect(text).toContain(squeeze('计划拜访（2026-11-30，逾期 5 天）'));
    }
  });

  it('hold one all-day event per item on its day, overdue ones today, with UIDs that stay the same', async () => {
    const list = agenda(ws, REQ);
    const ics = readFileSync(files[2]!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(list.items.length);
    for (const [n, i] of list.items.entries()) {
      const e = events[n]!;
      const day = i.date === undefined ? list.from : i.overdueDays > 0 ? list.today : i.date;
      expect([e.startDate.toString(), e.endDate.toString(), e.startDate.isDate]).toEqual([day, addDays(day, 1), true]);
      expect(e.summary).toContain(i.person);
      expect(e.description).toContain(i.why);
    }
    expect(events[1]!.summary).toBe('计划拜访：嘉禾能源有限公司 林小雨（逾期 5 天，原定 2026-11-30）');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    // Next day's file: the same items keep their UIDs, so a calendar updates them.
    const later = mkdtempSync(path.join(tmpdir(), 'tuangou-agenda-'));
    const { files: again } = await writeAgenda(ws, { today: '2026-12-06' }, { outDir: later, formats: ['ics'] });
    const uids = new ICAL.Component(ICAL.parse(readFileSync(again[0]!, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
    expect(uids).toContain(events[1]!.uid);
  });
});

describe('tuangou agenda --format', () => {
  it('writes the files asked for, lists them, and refuses an unknown format', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tuangou-agenda-'));
    const r = await runCli(['agenda', '--data', FIXTURE, '--today', '2026-12-05', '--format', 'ics', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual([path.join(out, '周工作计划-2026-12-05至2026-12-12.ics')]);
    const bad = await runCli(['agenda', '--data', FIXTURE, '--today', '2026-12-05', '--format', 'xlsx', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^错误：--format 不接受「xlsx」，可选：pdf、docx、ics\n/);
  });
});
