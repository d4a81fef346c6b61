// Recording a visit: appended through saveRecord (comments kept, backup made), refused with the
// field named and the file left byte-identical; the CLI writes only into ./data or --data.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agenda } from '../../src/app/agenda.ts';
import { logVisit } from '../../src/app/visits.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { UsageError } from '../../src/errors.ts';
import { runCli } from '../cli/run.ts';
import { dataCopy, tempDir } from '../pipeline/build.ts';

const FILE = 'customers/mengyuan-ruye.yaml';
const VISIT = ['--date', '2026-12-03', '--mode', '登门', '--by', '王建国', '--met', '其木格,刘海军', '--outcome', '合同条款已商定', '--next-step', '送合同盖章', '--next-date', '2026-12-08', '--today', '2026-12-03'];

describe('log-visit', () => {
  let tmp: ReturnType<typeof tempDir>;
  let data: string;
  let file: string;
  beforeEach(() => {
    tmp = tempDir('visits');
    data = dataCopy(tmp.dir, FILE, (t) => t.replace('visits:\n', '# 按日期先后记\nvisits: # 每次拜访后补记\n').replace('    met: 张振邦、其木格\n', '    met: 张振邦、其木格 # 董事长亲自到场\n'));
    file = path.join(data, FILE);
  });
  afterEach(() => tmp.remove());

  const backups = () => (existsSync(path.join(data, '.backup')) ? readdirSync(path.join(data, '.backup')) : []);

  it('appends the visit, keeping comments and layout, after a backup', async () => {
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['log-visit', 'mengyuan-ruye', ...VISIT], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已在 data/customers/mengyuan-ruye.yaml 记下 2026-12-03 的拜访（visits[3]）');
    const after = readFileSync(file, 'utf8');
    const added = [
      // The edit quotes what YAML 1.1 or core would read as other than text (src/import/yaml-edit.ts).
      '  - date: "2026-12-03"',
      '    mode: 登门',
      '    by: 王建国',
      '    met: 其木格、刘海军',
      '    outcome: 合同条款已商定',
      '    nextStep: 送合同盖章',
      '    nextDate: "2026-12-08"',
    ].join('\n');
    const lastVisitEnd = '    nextDate: 2026-12-02\n';
    expect(after).toBe(before.replace(lastVisitEnd, `${lastVisitEnd}${added}\n`));
    expect(after).toContain('# 按日期先后记\nvisits: # 每次拜访后补记\n');
    expect(after).toContain('    met: 张振邦、其木格 # 董事长亲自到场\n');
    const [backup] = backups();
    expect(readFileSync(path.join(data, '.backup', backup ?? '', FILE), 'utf8')).toBe(before);

    // The agenda now takes the new visit as the latest: its next date, no longer the overdue one.
    const due = agenda(openWorkspace({ data }), { today: '2026-12-03', manager: '王建国' }).items.filter((i) => i.customer?.id === 'mengyuan-ruye' && i.kind === 'visit-due');
    expect(due.map((i) => [i.date, i.person])).toEqual([['2026-12-08', '其木格、刘海军']]);
  });

  it('refuses wrong values naming each option and field, leaving the file byte-identical and no backup', async () => {
    const before = readFileSync(file);
    const r = await runCli(['log-visit', 'mengyuan-ruye', ...VISIT, '--date', '2026-12-04', '--mode', '微信', '--met', '其木哥', '--next-date', '2026-12-01'], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 6)).toEqual([
      '错误：拜访记录有 4 处错误，没有写入：',
      '--date（日期）：2026-12-04 晚于今天（2026-12-03）：只记录已经做过的拜访，下次拜访写在下次日期里',
      '--mode（方式）：「微信」不是拜访方式，应为以下之一：登门、电话、邮寄、品鉴会',
      '--met（会见对象）：「其木哥」不是这个单位的联系人或中介人，是否想写「其木格」？新认识的人请先加进联系人',
      '--next-date（下次日期）：2026-12-01 早于这次拜访的日期 2026-12-04',
      '用法见 tuangou log-visit --help',
    ]);
    const next = await runCli(['log-visit', 'mengyuan-ruye', ...VISIT, '--next-date', '2026-12-01', '--json'], tmp.dir);
    expect(next.code).toBe(2);
    expect(JSON.parse(next.stdout).errors).toEqual([{ field: 'visits[3].nextDate', label: '下次日期', message: '2026-12-01 早于这次拜访的日期 2026-12-03' }]);
    const notADate = await runCli(['log-visit', 'mengyuan-ruye', ...VISIT, '--date', '2026-02-30'], tmp.dir);
    expect(notADate.stderr).toContain('--date（日期）：「2026-02-30」不是日期');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(backups()).toEqual([]);
  });

  it('refuses through the library with the issues a form can place', () => {
    const ws = openWorkspace({ data });
    let error: unknown;
    try {
      logVisit(ws, { customer: '蒙源乳业集团有限公司', today: '2026-12-03', date: '2026-12-03', mode: '登门', by: '王建国', outcome: '谈妥', nextDate: '2026-11-01' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).issues.map((i) => [i.file.endsWith(FILE), i.field, i.label, i.severity])).toEqual([[true, 'visits[3].nextDate', '下次日期', 'error']]);
    expect((error as UsageError).message).toBe('拜访记录有 1 处错误，没有保存：\nvisits[3].nextDate(下次日期)：2026-11-01 早于这次拜访的日期 2026-12-03');
  });

  it('adds the first visit of a customer that has none, and takes the intermediary as someone met', () => {
    const ws = openWorkspace({ data });
    const logged = logVisit(ws, { customer: 'beijiang-xitu', today: '2026-12-03', date: '2026-12-01', mode: '电话', by: '赵振宇', met: ['乔海燕'], outcome: '约好 12 月 10 日面谈', now: new Date(2026, 11, 3, 9) });
    expect(logged.index).toBe(3);
    const minimal = logVisit(ws, { customer: 'minimal-beijiang-renshou', today: '2026-12-03', date: '2026-12-02', mode: '登门', by: '李晓燕', outcome: '初次拜访' });
    expect(minimal.index).toBe(0);
    expect(readFileSync(minimal.file, 'utf8')).toMatch(/\nvisits:\n {2}- date: "2026-12-02"\n {4}mode: 登门\n {4}by: 李晓燕\n {4}outcome: 初次拜访\n$/);
    expect(openWorkspace({ data }).check().errors).toBe(0);
  });

  it('writes only into ./data or --data, never the sample data shipped with the tool', async () => {
    const elsewhere = path.join(tmp.dir, 'empty');
    mkdirSync(elsewhere);
    const r = await runCli(['log-visit', 'mengyuan-ruye', ...VISIT], elsewhere);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('当前目录下没有 data/ 数据文件夹：请用 --data 指定要写入的数据文件夹');
    const missing = await runCli(['log-visit', 'mengyuan-ruye', '--date', '2026-12-03', '--data', data], tmp.dir);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, '错误：缺少 --mode']);
  });
});
