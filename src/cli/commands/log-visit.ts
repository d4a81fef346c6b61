// tuangou log-visit: records a visit in the customer's file (through the library's logVisit).
import { logVisit } from '../../app/visits.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { VISIT_MODES } from '../../data/schema.ts';
import { AppError, UsageError } from '../../errors.ts';
import { shownPath } from '../../util/paths.ts';
import { commaList, DATA_HELP, DATA_OPTION, JSON_HELP, JSON_OPTION, writableDataDir, type Command, type ParsedArgs } from '../command.ts';
import { todayOption } from '../generate.ts';

/** The option each field of a visit comes from, to name it in a refusal. */
const OPTION_OF: Readonly<Record<string, string>> = { date: '--date', mode: '--mode', met: '--met', nextDate: '--next-date' };

function required(args: ParsedArgs, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`缺少 --${name}`);
  return v.trim();
}

function optional(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export const command: Command = {
  usage: '<客户编号或单位名称> --date YYYY-MM-DD --mode M --by NAME [--met A,B] --outcome TEXT [--next-step TEXT] [--next-date YYYY-MM-DD] [--today YYYY-MM-DD] [--data DIR] [--json]',
  description: [
    '在客户文件的拜访记录（visits）末尾加一条：日期、方式、拜访人、会见对象、结果、下一步、下次日期。',
    '文件里的注释和格式保持原样，写入前备份到 data/.backup/<时间>/；有一项不对就什么都不写，并指出是哪一项。',
    '会写文件，所以要在含有 data/ 的文件夹里运行，或用 --data 指定数据文件夹（不会写进自带的示例数据）。',
  ].join('\n'),
  options: {
    ...DATA_OPTION,
    ...JSON_OPTION,
    date: { type: 'string' },
    mode: { type: 'string' },
    by: { type: 'string' },
    met: { type: 'string' },
    outcome: { type: 'string' },
    'next-step': { type: 'string' },
    'next-date': { type: 'string' },
    today: { type: 'string' },
  },
  help: [
    { flag: '--date YYYY-MM-DD', text: '拜访日期（不能晚于今天）' },
    { flag: '--mode M', text: `拜访方式：${VISIT_MODES.join('、')}` },
    { flag: '--by NAME', text: '拜访人（客户经理）' },
    { flag: '--met A,B', text: '会见对象：这个单位的联系人或中介人，多人用逗号分开' },
    { flag: '--outcome TEXT', text: '这次拜访的结果' },
    { flag: '--next-step TEXT', text: '下一步要做的事' },
    { flag: '--next-date YYYY-MM-DD', text: '下次拜访日期（不能早于这次），tuangou agenda 按它列出到期的拜访' },
    { flag: '--today YYYY-MM-DD', text: '把“今天”定为这一天（便于复现）' },
    DATA_HELP,
    JSON_HELP,
  ],
  examples: [
    'tuangou log-visit mengyuan-ruye --date 2026-12-03 --mode 登门 --by 王建国 --met 其木格,刘海军 --outcome 合同条款已商定 --next-step 送合同盖章 --next-date 2026-12-08',
  ],
  async run(args, io) {
    const [customer, ...rest] = args.positionals;
    if (customer === undefined) throw new UsageError('缺少客户：请写客户编号或单位名称');
    if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
    const dir = writableDataDir(args, io, '要写入的数据文件夹');
    const met = optional(args, 'met');
    const request = {
      customer,
      today: todayOption(args),
      date: required(args, 'date'),
      mode: required(args, 'mode'),
      by: required(args, 'by'),
      met: met === undefined ? [] : commaList(met.replace(/[、]/g, ',')),
      outcome: required(args, 'outcome'),
      nextStep: optional(args, 'next-step'),
      nextDate: optional(args, 'next-date'),
    };
    const json = Boolean(args.values['json']);
    try {
      const logged = logVisit(openWorkspace({ data: dir }), request);
      const file = shownPath(logged.file, io.cwd);
      const backup = shownPath(logged.backupDir, io.cwd);
      if (json) io.stdout(`${JSON.stringify({ file, backup, index: logged.index, errors: [] }, null, 2)}\n`);
      else io.stdout(`已在 ${file} 记下 ${request.date} 的拜访（visits[${logged.index}]）。\n原来的文件备份在 ${backup}\n`);
      return 0;
    } catch (e) {
      const named = e instanceof UsageError ? withOptions(e) : e;
      if (!json || !(named instanceof AppError)) throw named;
      const errors = named.issues.length > 0 ? named.issues.map((i) => ({ field: i.field, label: i.label, message: i.message })) : [{ message: named.message }];
      io.stdout(`${JSON.stringify({ file: null, backup: null, errors }, null, 2)}\n`);
      return named.exitCode;
    }
  },
};

/** A refused visit, each problem named by the option it came from. */
function withOptions(e: UsageError): UsageError {
  const input = e.issues.filter((i) => i.rule === 'visit-input');
  if (input.length === 0) return e;
  const lines = input.map((i) => `${OPTION_OF[i.field.replace(/^visits\[\d+\]\./, '')] ?? i.field}（${i.label}）：${i.message}`);
  return new UsageError(`拜访记录有 ${input.length} 处错误，没有写入：\n${lines.join('\n')}`, { issues: e.issues, cause: e });
}
