// tuangou agenda: the coming days' list (the library's agenda), as a table or JSON.
import { agenda, AGENDA_KIND_NAMES, type AgendaItem } from '../../app/agenda.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { formatChineseDate } from '../../domain/dates.ts';
import { UsageError } from '../../errors.ts';
import { DATA_HELP, DATA_OPTION, dataDir, JSON_HELP, JSON_OPTION, type Command } from '../command.ts';
import { dateOption, todayOption } from '../generate.ts';
import { textTable } from '../table.ts';

function when(i: AgendaItem): string {
  if (i.date === undefined) return '尽快';
  return i.overdueDays > 0 ? `${i.date} 逾期 ${i.overdueDays} 天` : i.date;
}

export const command: Command = {
  usage: '[--from YYYY-MM-DD] [--days N] [--manager NAME] [--today YYYY-MM-DD] [--data DIR] [--json]',
  description: [
    '列出接下来几天（默认今天和之后 7 天）要做的事，按日期排，逾期的在最前：',
    '上次拜访约定的下次拜访（逾期的写明逾期几天）；超过本级别拜访间隔（policies.yaml 的 visitIntervalDays）没去的客户；',
    '联系人和家人的生日、结婚纪念日（农历的写出今年对应的公历日子）；有效期在这几天结束的方案；节日邮寄资料的日子；符合 VIP 条件还没有推荐的人。',
  ].join('\n'),
  options: { ...DATA_OPTION, ...JSON_OPTION, from: { type: 'string' }, days: { type: 'string' }, manager: { type: 'string' }, today: { type: 'string' } },
  help: [
    { flag: '--from YYYY-MM-DD', text: '从这天开始（默认今天）' },
    { flag: '--days N', text: '列到开始后第 N 天（默认 7，0 只列一天，最多 366）' },
    { flag: '--manager NAME', text: '只列这位客户经理的客户（客户文件的 accountManager）' },
    { flag: '--today YYYY-MM-DD', text: '把“今天”定为这一天，逾期天数从它算（便于复现）' },
    DATA_HELP,
    JSON_HELP,
  ],
  examples: ['tuangou agenda', 'tuangou agenda --manager 王建国', 'tuangou agenda --from 2026-12-28 --days 14 --json'],
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
    const rawDays = args.values['days'];
    if (rawDays !== undefined && (typeof rawDays !== 'string' || !/^\d+$/.test(rawDays))) throw new UsageError('--days 要写成 0 或正整数，如 7');
    const manager = args.values['manager'];
    const list = agenda(openWorkspace({ data: dataDir(args, io) }), {
      today: todayOption(args),
      from: dateOption(args, 'from'),
      days: rawDays === undefined ? undefined : Number(rawDays),
      manager: typeof manager === 'string' ? manager : undefined,
    });
    if (args.values['json']) {
      const items = list.items.map((i) => ({
        date: i.date ?? null,
        overdueDays: i.overdueDays,
        kind: i.kind,
        customer: i.customer ?? null,
        manager: i.manager ?? null,
        person: i.person,
        why: i.why,
      }));
      io.stdout(`${JSON.stringify({ today: list.today, from: list.from, to: list.to, manager: list.manager ?? null, items, skipped: list.skipped }, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${formatChineseDate(list.from)} 至 ${formatChineseDate(list.to)}${list.manager ? `，客户经理 ${list.manager}` : ''}：${list.items.length} 件事\n\n`);
    io.stdout(
      textTable(
        ['日期', '事项', '单位', '人', '客户经理', '说明'],
        list.items.map((i) => [when(i), AGENDA_KIND_NAMES[i.kind], i.customer?.name ?? '（全部客户）', i.person, i.manager ?? '', i.why]),
      ),
    );
    if (list.skipped.length > 0) io.stderr(`注意：${list.skipped.length} 个客户文件有错误，没有列入：${list.skipped.join('、')}。运行 tuangou check 查看。\n`);
    return 0;
  },
};
