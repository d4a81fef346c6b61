// The festival mailing as one call: which customers, which year, then the letters, volumes,
// envelopes or labels, manifest and follow-up, with progress and cancellation.
import type { DataSet } from '../data/dataset.ts';
import type { Rejected } from '../data/dataset.ts';
import { compareIso, formatChineseDate, isoParts, type IsoDate } from '../domain/dates.ts';
import { FESTIVAL_YEARS, festivalDate, nextFestival, type Festival } from '../domain/festivals.ts';
import { inShard } from '../domain/shard.ts';
import { AppError, UsageError } from '../errors.ts';
import { runMailing, type MailingResult } from '../letters/run.ts';
import { printOrder } from '../letters/select.ts';
import type { DocWriters } from '../pipeline/writers.ts';
import type { Format } from '../template/frontmatter.ts';
import { selectCustomers, type Selection } from '../views/select.ts';
import type { Workspace } from './workspace.ts';

/** How a batch of letters is written: where, in which formats, by which writers, with progress and cancellation. */
export interface BatchOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly resume?: boolean | undefined;
  /** A4 address-label sheets instead of DL envelopes. */
  readonly labels?: boolean | undefined;
  /** Writer processes to start for the run (1: this process), unless `writers` are given. */
  readonly jobs?: number | undefined;
  readonly writers?: DocWriters | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Stops the run cleanly between letters; the manifest lists the letters not made. */
  readonly signal?: AbortSignal | undefined;
}

/** Which customers: class, system, status, VIP, and a shard (one of n stable parts, for several machines sharing a mailing). */
export interface MailingOptions extends Selection, BatchOptions {
  readonly festival: Festival;
  /** The festival's year; its next occurrence from `today` when absent. */
  readonly year?: number | undefined;
  readonly today: IsoDate;
}

export interface Mailing extends MailingResult {
  readonly festival: Festival;
  readonly year: number;
  /** The data the run read (for the policies a front end words its notes with). */
  readonly data: DataSet;
}

/**
 * The festival's year: `year`, else its next occurrence. Never a festival already over: its
 * letters would arrive after it, and its visits would all fall after it too.
 */
export function mailingYear(festival: Festival, year: number | undefined, today: IsoDate): number {
  const next = nextFestival(festival, today);
  if (year === undefined) return next.year;
  const { last } = FESTIVAL_YEARS;
  if (year > last) throw new UsageError(`年份最晚到 ${last}（农历节日只算到这一年），收到：${year}`);
  const date = year < isoParts(today).year ? undefined : festivalDate(festival, year);
  if (date === undefined || compareIso(date, today) < 0) {
    throw new UsageError(`${year}年${festival}${date ? `（${formatChineseDate(date)}）` : ''}已经过了，节日信函要在节前寄到`, {
      hint: `下一个${festival}是 ${formatChineseDate(next.date)}（${next.year} 年）`,
    });
  }
  return year;
}

/** The customers a mailing goes to, in print order. */
export function mailingCustomers(data: DataSet, sel: Selection) {
  return printOrder(selectCustomers(data, sel));
}

/** Runs the mailing. Errors that would fail every letter stop it before anything is written. */
export async function runFestivalMailing(ws: Workspace, opts: MailingOptions): Promise<Mailing> {
  const year = mailingYear(opts.festival, opts.year, opts.today);
  const templates = ws.templates();
  const data = ws.usableData();
  if (opts.signal?.aborted) throw new AppError('节日邮寄在开始前就取消了，没有写任何文件', { code: 'aborted' });
  const { shard } = opts;
  // A broken file belongs to one shard like its customer would, so shard manifests still add up.
  const rejected: ReadonlyMap<string, Rejected> = shard ? new Map([...data.rejectedCustomers].filter(([id]) => inShard(id, shard))) : data.rejectedCustomers;
  const result = await runMailing({
    data,
    templates,
    customers: mailingCustomers(data, opts),
    festival: opts.festival,
    year,
    today: opts.today,
    outDir: opts.outDir,
    formats: opts.formats,
    resume: Boolean(opts.resume),
    labels: Boolean(opts.labels),
    shard,
    rejected,
    ...(opts.writers ? { writers: opts.writers } : { jobs: opts.jobs ?? 1 }),
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  return { ...result, festival: opts.festival, year, data };
}
