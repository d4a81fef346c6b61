// The people's own occasions as one call: birthday cards, congratulations and condolences for
// the coming days, in batch like the festival letters (print volumes per paper, envelopes or
// labels, manifest, resume), with progress and cancellation.
import { agendaWindow, type AgendaWindow } from '../domain/agenda.ts';
import type { GreetingKind } from '../domain/greetings.ts';
import type { IsoDate } from '../domain/dates.ts';
import { AppError, UsageError } from '../errors.ts';
import { runBatch, type BatchResult } from '../letters/batch.ts';
import { GREETING_COLUMNS, GREETING_TEMPLATES, greetingItem, greetingOrder, occasionsOf } from '../letters/greetings.ts';
import { checkDate, managersCustomers } from './agenda.ts';
import type { BatchOptions } from './mailing.ts';
import type { Workspace } from './workspace.ts';

export interface GreetingsOptions extends BatchOptions {
  readonly today: IsoDate;
  /** The window's first day (today when absent). */
  readonly from?: IsoDate | undefined;
  /** Days after `from` in the window (7 when absent: today and the next 7). */
  readonly days?: number | undefined;
  /** Only these papers (all three when absent). */
  readonly kinds?: readonly GreetingKind[] | undefined;
  /** Only this account manager's customers. */
  readonly manager?: string | undefined;
}

export interface Greetings extends Omit<BatchResult, 'made'>, AgendaWindow {}

export async function runGreetings(ws: Workspace, opts: GreetingsOptions): Promise<Greetings> {
  checkDate('今天', opts.today);
  if (opts.from !== undefined) checkDate('开始日期', opts.from);
  let window: AgendaWindow;
  try {
    window = agendaWindow(opts.today, opts.from, opts.days);
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
  const templates = ws.templates();
  const data = ws.usableData();
  if (opts.signal?.aborted) throw new AppError('问候信函在开始前就取消了，没有写任何文件', { code: 'aborted' });
  const kinds = opts.kinds;
  const occasions = greetingOrder(managersCustomers(data, opts.manager).flatMap((c) => occasionsOf(c, window)).filter((o) => !kinds || kinds.includes(o.kind)));
  const ctx = { data, templates, today: opts.today };
  // One folder per window (and choice of papers and manager), so a rerun with resume finds its letters.
  const folder = ['问候', `${window.from}至${window.to}`, ...(kinds ? [kinds.join('')] : []), ...(opts.manager ? [opts.manager] : [])].join('-');
  const { made: _made, ...result } = await runBatch({
    data,
    templates,
    items: occasions.map((o) => greetingItem(ctx, o)),
    today: opts.today,
    outDir: opts.outDir,
    folder,
    title: `${window.from}至${window.to}问候`,
    letterTemplates: (kinds ?? Object.keys(GREETING_TEMPLATES)).map((k) => GREETING_TEMPLATES[k as GreetingKind]),
    columns: GREETING_COLUMNS,
    formats: opts.formats,
    resume: Boolean(opts.resume),
    labels: Boolean(opts.labels),
    ...(opts.writers ? { writers: opts.writers } : { jobs: opts.jobs ?? 1 }),
    onProgress: opts.onProgress,
    signal: opts.signal,
  });
  return { ...result, ...window };
}
