// tuangou greetings: birthday cards, congratulations and condolences for the coming days (the
// library's runGreetings), with a progress bar, Ctrl-C between letters, and exit 3 on failures.
import { SingleBar } from 'cli-progress';
import { runGreetings } from '../../app/greetings.ts';
import { formatChineseDate } from '../../domain/dates.ts';
import { GREETING_KINDS } from '../../domain/greetings.ts';
import { UsageError } from '../../errors.ts';
import { listOption, type Command } from '../command.ts';
import { context, dateOption, GENERATE_HELP, GENERATE_OPTIONS } from '../generate.ts';

export const command: Command = {
  usage: '[--from YYYY-MM-DD] [--days N] [--kind 生日,贺信,慰问] [--manager NAME] [--labels] [--resume] [--out DIR] [--today YYYY-MM-DD]',
  description: [
    '为接下来几天（默认今天和之后 7 天）的个人喜事和不幸写信：生日在这几天的联系人（公历或农历）寄 A5 生日贺卡；',
    '客户文件 events 里记下的升职、婚嫁、升学、乔迁、开业、周年寄贺信，生病寄慰问信，丧事寄唁函（这几天里的，和 30 天内刚发生的）。',
    '和节日信函一样批量生成：每封一个 PDF / .docx，按文书分册的打印文件，信封或 --labels 的地址标签，manifest.csv，--resume 接着做。',
    '输出在 <out>/问候-<开始>至<结束>/ 下。家中有丧事的人百日内不寄贺卡和贺信；个别出错只记入清单，有失败时退出码为 3。',
  ].join('\n'),
  options: {
    ...GENERATE_OPTIONS,
    from: { type: 'string' },
    days: { type: 'string' },
    kind: { type: 'string' },
    manager: { type: 'string' },
    resume: { type: 'boolean' },
    labels: { type: 'boolean' },
  },
  help: [
    { flag: '--from YYYY-MM-DD', text: '从这天开始（默认今天）' },
    { flag: '--days N', text: '到开始后第 N 天（默认 7，最多 366）' },
    { flag: '--kind K,…', text: `只写这几种（逗号分开）：${GREETING_KINDS.join('、')}；慰问包括慰问信和唁函` },
    { flag: '--manager NAME', text: '只写这位客户经理的客户' },
    { flag: '--resume', text: '跳过已经完整生成的信函，接着上次中断的地方做' },
    { flag: '--labels', text: '打印 A4 地址标签纸（每页 3 × 8 张），代替 DL 信封' },
    ...GENERATE_HELP,
  ],
  examples: ['tuangou greetings', 'tuangou greetings --kind 生日 --days 14', 'tuangou greetings --from 2026-12-01 --manager 王建国 --resume'],
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
    const rawDays = args.values['days'];
    if (rawDays !== undefined && (typeof rawDays !== 'string' || !/^\d+$/.test(rawDays))) throw new UsageError('--days 要写成 0 或正整数，如 7');
    const kinds = listOption(args, 'kind', GREETING_KINDS);
    const manager = args.values['manager'];
    const ctx = context(args, io);
    const bar = io.isTTY ? new SingleBar({ format: '生成信函 [{bar}] {value}/{total}', hideCursor: true }) : undefined;
    const stop = new AbortController();
    const interrupt = () => stop.abort();
    process.once('SIGINT', interrupt);
    let result;
    try {
      result = await runGreetings(ctx.ws, {
        today: ctx.today,
        from: dateOption(args, 'from'),
        days: rawDays === undefined ? undefined : Number(rawDays),
        kinds,
        manager: typeof manager === 'string' ? manager : undefined,
        outDir: ctx.outDir,
        formats: ctx.formats,
        resume: Boolean(args.values['resume']),
        labels: Boolean(args.values['labels']),
        // A week's greetings are a handful of letters: written in this process.
        jobs: 1,
        signal: stop.signal,
        onProgress: (done, total) => (done === 0 ? bar?.start(total, 0) : bar?.update(done)),
      });
    } finally {
      process.off('SIGINT', interrupt);
    }
    bar?.stop();
    const ok = result.rows.filter((r) => r.status === 'ok').length;
    const skipped = result.rows.filter((r) => r.status.startsWith('skipped'));
    const failed = result.rows.filter((r) => r.status.startsWith('failed'));
    const line = (r: (typeof result.rows)[number]) => `${r.id}${r.columns[0] ? ` ${r.columns[0]}` : ''}${r.columns[1] ? ` ${r.columns[1]}` : ''}：${r.status}`;
    const notes = [
      ...(result.cancelled ? ['注意：运行被中断，清单里标为“已取消”的没有生成；加 --resume 再运行一次可以接着做。'] : []),
      ...(result.rows.length === 0 ? ['这几天没有要寄的贺卡、贺信或慰问信。'] : []),
      ...(result.removed.length > 0 ? [`注意：删除了上次运行留在这里的 ${result.removed.join('、')}，免得重复打印`] : []),
    ];
    if (args.values['json']) {
      io.stdout(`${JSON.stringify({ files: result.files, warnings: [...notes, ...skipped.map(line)], errors: failed.map(line) }, null, 2)}\n`);
    } else {
      io.stdout(`${formatChineseDate(result.from)} 至 ${formatChineseDate(result.to)}：${ok} 封已生成，${skipped.length} 封不寄，${failed.length} 封失败。输出在 ${result.folder}\n${notes.map((n) => `${n}\n`).join('')}`);
      for (const r of [...skipped, ...failed]) io.stderr(`${line(r)}\n`);
    }
    return result.cancelled ? 130 : result.failed > 0 ? 3 : 0;
  },
};
