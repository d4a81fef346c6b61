import { readdirSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { SYSTEMS } from '../../data/schema.ts';
import { CLASSES } from '../../domain/classify.ts';
import { mailingYear, runFestivalMailing } from '../../app/mailing.ts';
import { formatChineseDate, type IsoDate } from '../../domain/dates.ts';
import { FESTIVAL_YEARS, FESTIVALS, nextFestival, type Festival } from '../../domain/festivals.ts';
import { parseShard } from '../../domain/shard.ts';
import { UsageError } from '../../errors.ts';
import { LEAN_FROM } from '../../letters/batch.ts';
import { docWriters, writerCount, type DocWriters } from '../../pipeline/writers.ts';
import { dataDir, listOption, type Command, type ParsedArgs } from '../command.ts';
import type { Io } from '../io.ts';
import { context, GENERATE_HELP, GENERATE_OPTIONS, todayOption } from '../generate.ts';
import { isDataFile } from '../../data/load.ts';

export const command: Command = {
  usage: '--festival 春节|中秋|端午|元旦|国庆 [--year YYYY] [--class A,B] [--system 金融,…] [--status 现有|潜在] [--vip] [--labels] [--jobs N] [--shard i/n] [--resume] [--out DIR] [--today YYYY-MM-DD]',
  description: [
    '节日邮寄：为选中的每个客户生成一封节日信函（PDF 和 .docx），合并成按系统、单位排序的打印文件（每 250 封一册），',
    '信封（DL 220×110 毫米，带六个邮编方格）或 --labels 的 A4 地址标签，与打印文件一一对应分册，',
    '并写出 manifest.csv（每个客户一行：文件和状态）、follow-up.csv 和 follow-up.ics（首次拜访窗口、后续拜访、关键联系人在这段时间的生日和纪念日）。',
    '输出在 <out>/<年>-<节日>/ 下。个别客户出错只跳过该客户并记入清单，其余照常生成；有失败时退出码为 3。',
  ].join('\n'),
  options: {
    ...GENERATE_OPTIONS,
    festival: { type: 'string' },
    year: { type: 'string' },
    class: { type: 'string' },
    system: { type: 'string' },
    status: { type: 'string' },
    vip: { type: 'boolean' },
    shard: { type: 'string' },
    jobs: { type: 'string' },
    resume: { type: 'boolean' },
    labels: { type: 'boolean' },
  },
  help: [
    { flag: '--festival 春节', text: `节日：${FESTIVALS.join('、')}` },
    { flag: '--year YYYY', text: '年份（默认：今天之后最近的一次该节日；已经过了的节日不能选）' },
    { flag: '--class A,B', text: '只寄这些级别的客户' },
    { flag: `--system ${SYSTEMS[2]}`, text: `只寄这些系统的客户（${SYSTEMS.join('、')}）` },
    { flag: '--status 现有', text: '只寄现有或潜在客户' },
    { flag: '--vip', text: '只寄有 VIP 或符合 VIP 条件联系人的客户' },
    { flag: '--jobs N', text: '同时写几份文件（写文件的进程数，最多到 CPU 核心数，再多只会互相拖慢）；默认用满全部 CPU 核心，客户少于 80 个时在本进程里写' },
    { flag: '--shard i/n', text: '只做稳定划分的第 i 份（共 n 份），多台机器分担时用；输出在 <年>-<节日>-shard<i>of<n>/ 下，各份清单合起来就是全部' },
    { flag: '--resume', text: '跳过已经完整生成的信函，接着上次中断的地方做' },
    { flag: '--labels', text: '打印 A4 地址标签纸（每页 3 × 8 张），代替 DL 信封' },
    ...GENERATE_HELP,
  ],
  examples: ['tuangou letters --festival 春节', 'tuangou letters --festival 中秋 --year 2027 --class A,B --system 金融', 'tuangou letters --festival 春节 --shard 2/3 --resume'],
  async run(args, io) {
    const festival = args.values['festival'];
    if (typeof festival !== 'string' || !(FESTIVALS as readonly string[]).includes(festival)) {
      throw new UsageError(`--festival 要写节日名：${FESTIVALS.join('、')}`);
    }
    const yearArg = args.values['year'];
    if (yearArg !== undefined && !/^\d{4}$/.test(String(yearArg))) throw new UsageError('--year 要写四位年份，如 2027');
    const year = yearOption(festival as Festival, yearArg === undefined ? undefined : Number(yearArg), todayOption(args));
    let shard;
    try {
      shard = typeof args.values['shard'] === 'string' ? parseShard(args.values['shard']) : undefined;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const jobsArg = args.values['jobs'];
    if (jobsArg !== undefined && !/^[1-9]\d{0,2}$/.test(String(jobsArg))) throw new UsageError('--jobs 要写 1 到 999 之间的整数，如 --jobs 2');
    const status = listOption(args, 'status', ['现有', '潜在'] as const);
    const classes = listOption(args, 'class', CLASSES);
    const systems = listOption(args, 'system', SYSTEMS);
    // The writers start (about a second) while the data loads, sized by the customer files.
    const files = customerFileCount(dataDir(args, io));
    const writers = docWriters(writerCount(files, jobsArg === undefined ? undefined : Number(jobsArg)), { lean: files > LEAN_FROM });
    try {
      return await mailing(args, io, festival as Festival, { year, shard, status, classes, systems }, writers);
    } finally {
      await writers.close();
    }
  },
};

/** The festival's year (see mailingYear), its errors in the command line's words. */
function yearOption(festival: Festival, year: number | undefined, today: IsoDate): number {
  if (year !== undefined && year > FESTIVAL_YEARS.last) throw new UsageError(`--year 最晚写 ${FESTIVAL_YEARS.last}（农历节日只算到这一年），收到：${year}`);
  try {
    return mailingYear(festival, year, today);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const next = nextFestival(festival, today);
    throw new UsageError(e.message, { hint: `下一个${festival}是 ${formatChineseDate(next.date)}：写 --year ${next.year}，或不写 --year`, cause: e });
  }
}

interface Selection {
  readonly year: number;
  readonly shard: ReturnType<typeof parseShard> | undefined;
  readonly status: readonly ('现有' | '潜在')[] | undefined;
  readonly classes: readonly (typeof CLASSES)[number][] | undefined;
  readonly systems: readonly (typeof SYSTEMS)[number][] | undefined;
}

function customerFileCount(dir: string): number {
  try {
    return readdirSync(path.join(dir, 'customers')).filter(isDataFile).length;
  } catch {
    return 0; // loading will say what is wrong with the folder
  }
}

async function mailing(args: ParsedArgs, io: Io, festival: Festival, sel: Selection, writers: DocWriters): Promise<number> {
  const ctx = context(args, io);
  const { year, classes, systems, status, shard } = sel;
  const bar = io.isTTY ? new SingleBar({ format: '生成信函 [{bar}] {value}/{total}', hideCursor: true }) : undefined;
  // Ctrl-C stops the run between letters: the letters made are kept and the manifest says which.
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once('SIGINT', interrupt);
  let result;
  try {
    result = await runFestivalMailing(ctx.ws, {
      festival,
      year,
      today: ctx.today,
      outDir: ctx.outDir,
      formats: ctx.formats,
      classes,
      systems,
      status,
      vipOnly: Boolean(args.values['vip']),
      shard,
      resume: Boolean(args.values['resume']),
      labels: Boolean(args.values['labels']),
      writers,
      signal: stop.signal,
      onProgress: (done: number, total: number) => (done === 0 ? bar?.start(total, 0) : bar?.update(done)),
    });
  } finally {
    process.off('SIGINT', interrupt);
  }
  bar?.stop();
  const ok = result.rows.filter((r) => r.status === 'ok').length;
  const skipped = result.rows.filter((r) => r.status.startsWith('skipped'));
  const failed = result.rows.filter((r) => r.status.startsWith('failed'));
  const when = result.mailingPast
    ? `注意：按提前 ${result.data.policies.festivalLead.mailDaysBefore} 天邮寄，应在 ${formatChineseDate(result.mailingDate)} 寄出，这个日期已经过了，请尽快寄出；跟进日程已从今天算起。`
    : `应在 ${formatChineseDate(result.mailingDate)} 寄出。`;
  // Said plainly next to the mailing date: an empty manifest alone looks like a mailing that
  // went wrong, and files gone from the folder should not be a surprise.
  const notes = [
    when,
    ...(result.cancelled ? ['注意：运行被中断，清单里标为“已取消”的客户没有生成信函；加 --resume 再运行一次可以接着做。'] : []),
    ...(result.rows.length === 0 ? ['注意：没有客户符合所选的条件，没有信函要寄。'] : []),
    ...(result.removed.length > 0 ? [`注意：删除了上次运行留在这里的 ${result.removed.join('、')}，免得重复打印`] : []),
  ];
  if (args.values['json']) {
    const warnings = [...notes, ...skipped.map((r) => `${r.id}：${r.status}`)];
    io.stdout(`${JSON.stringify({ files: result.files, warnings, errors: failed.map((r) => `${r.id}：${r.status}`) }, null, 2)}\n`);
  } else {
    io.stdout(`${year}年${festival}：${ok} 封信函已生成，${skipped.length} 个跳过，${failed.length} 个失败。输出在 ${result.folder}\n${notes.join('\n')}\n`);
    for (const r of [...skipped, ...failed]) io.stderr(`${r.id}：${r.status}\n`);
  }
  return result.cancelled ? 130 : result.failed > 0 ? 3 : 0;
}
