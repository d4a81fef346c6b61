// What every document command shares: its options, finding the customer and deal, building
// and writing the document, and reporting the files written (or, with --json, the errors).
import path from 'node:path';
import type { DataSet } from '../data/dataset.ts';
import { dealFileErrors, findCustomer, refuseUnusable } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import { loadData } from '../data/load.ts';
import type { Customer, Deal } from '../data/schema.ts';
import { compareIso, DATE_RANGE, formatChineseDate, inDateRange, isIsoDate, type IsoDate } from '../domain/dates.ts';
import { AppError, DataError, UsageError } from '../errors.ts';
import { safeName } from '../output/write.ts';
import { buildDoc, writeDoc, type Part } from '../pipeline/document.ts';
import { tracedRecords, type Traced } from '../pipeline/glyphs.ts';
import { TemplateSet } from '../pipeline/templates.ts';
import { FORMATS, type Format } from '../template/frontmatter.ts';
import { shownPath } from '../util/paths.ts';
import { closest } from '../util/suggest.ts';
import { buildView, openDeals, type ViewInput } from '../views/build.ts';
import { DATA_HELP, DATA_OPTION, dataDir, JSON_HELP, JSON_OPTION, listOption, type Command, type OptionHelp, type Options, type ParsedArgs } from './command.ts';
import type { Io } from './io.ts';

export const GENERATE_OPTIONS: Options = {
  ...DATA_OPTION,
  ...JSON_OPTION,
  templates: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  today: { type: 'string' },
};

export const GENERATE_HELP: readonly OptionHelp[] = [
  DATA_HELP,
  { flag: '--templates DIR', text: '自己的模板文件夹，同名模板优先于自带模板' },
  { flag: '--out DIR', text: '输出文件夹（默认 out/）' },
  { flag: '--format pdf,docx', text: '输出格式（默认两种都出）' },
  { flag: '--today YYYY-MM-DD', text: '把“今天”定为这一天，文书中的日期、生日提醒都按它算（便于复现）' },
  JSON_HELP,
];

export interface Context {
  readonly data: DataSet;
  readonly templates: TemplateSet;
  readonly today: IsoDate;
  readonly outDir: string;
  readonly formats: readonly Format[];
}

/** Today in the machine's time zone, as the salesperson's calendar shows it. */
function localToday(): IsoDate {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function dateOption(args: ParsedArgs, name: string): IsoDate | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !isIsoDate(raw)) throw new UsageError(`--${name} 要写成 YYYY-MM-DD，如 2026-11-24`);
  if (!inDateRange(raw)) throw new UsageError(`--${name} 要在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${raw}`);
  return raw;
}

/** --today, else today's date on this machine. */
export const todayOption = (args: ParsedArgs): IsoDate => dateOption(args, 'today') ?? localToday();

/** `customer`: the one customer the command is for (as typed), so other customers' files need not be read. */
export function context(args: ParsedArgs, io: Io, customer?: string): Context {
  const formats = listOption(args, 'format', FORMATS) ?? [...FORMATS];
  const today = todayOption(args);
  const templatesArg = args.values['templates'];
  const templates = new TemplateSet(typeof templatesArg === 'string' ? path.resolve(io.cwd, templatesArg) : undefined);
  const outArg = args.values['out'];
  const outDir = path.resolve(io.cwd, typeof outArg === 'string' ? outArg : 'out');
  const data = loadData(dataDir(args, io), { customer });
  refuseUnusable(data);
  return { data, templates, today, outDir, formats };
}

/** The customer by id or exact unit name; its file must have loaded without errors. */
export function customerArg(ctx: Context, wanted: string | undefined): Customer {
  if (wanted === undefined) throw new UsageError('缺少客户：请写客户编号或单位名称');
  const customer = findCustomer(ctx.data, wanted);
  if (customer) return customer;
  const broken = ctx.data.rejectedCustomers.get(wanted)?.issues ?? [];
  if (broken.length > 0) {
    throw new DataError(`客户「${wanted}」的数据有错误，无法生成文书：\n${broken.map(formatIssue).join('\n')}`);
  }
  const all = [...ctx.data.customers.values()];
  const guess = closest(wanted, [...all.map((c) => c.id), ...all.map((c) => c.name)]);
  throw new DataError(`找不到客户「${wanted}」${guess ? `，是否想写「${guess}」？` : ''}`, {
    hint: '客户可用编号或完整的单位名称指定；tuangou customers 列出全部客户',
  });
}

/**
 * --deal, or the customer's open deal on `on` (today, or a visit's date); undefined when it has
 * none and none was asked for. Warns when the deal may not be the one meant.
 */
export function dealArg(ctx: Context, args: ParsedArgs, customer: Customer, warnings: string[], on: IsoDate = ctx.today): Deal | undefined {
  const id = args.values['deal'];
  const open = typeof id === 'string' ? [] : openDeals(ctx.data, customer, on);
  const deal = typeof id === 'string' ? ctx.data.deals.get(id) : open[0];
  if (typeof id === 'string' && !deal) {
    const broken = dealFileErrors(ctx.data);
    if (broken.length > 0) throw new DataError(`找不到方案「${id}」；方案文件里有错误，它可能就在其中：\n${broken.map(formatIssue).join('\n')}`);
    const guess = closest(id, ctx.data.deals.keys());
    throw new DataError(`找不到方案「${id}」${guess ? `，是否想写「${guess}」？` : ''}`);
  }
  if (!deal) return undefined;
  if (deal.customer !== customer.id) throw new DataError(`方案「${deal.id}」属于客户 ${deal.customer}，不是「${customer.name}」的方案`);
  // Printed without a word, either would pass for a current offer.
  if (compareIso(deal.validUntil, on) < 0) warnings.push(`方案「${deal.id}」已于 ${formatChineseDate(deal.validUntil)} 过期，文书里写的有效期已经过了`);
  const others = open.slice(1);
  if (others.length > 0) warnings.push(`客户还有 ${others.length} 个可用方案（${others.map((d) => d.id).join('、')}），这次用的是「${deal.id}」；要用别的请写 --deal`);
  return deal;
}

/**
 * Builds one document from parts and writes it under the output folder. Data errors in other
 * files do not stop it; they are added to `warnings`.
 */
export async function make(ctx: Context, parts: readonly Part[], title: string, traced: readonly Traced[], name: string, warnings: string[]): Promise<string[]> {
  const doc = buildDoc(ctx.templates, { parts, title, data: ctx.data, traced, today: ctx.today });
  const formats = ctx.formats.filter((f) => parts.every((p) => !p.template.front.formats || p.template.front.formats.includes(f)));
  if (formats.length === 0) throw new UsageError(`模板只支持 ${parts[0]?.template.front.formats?.join('、')} 格式`);
  const errors = ctx.data.issues.filter((i) => i.severity === 'error').length;
  const [where, unread] = ctx.data.onlyCustomer === undefined ? ['数据中', ''] : ['已读的数据文件中', '；其他客户的文件这次没有读'];
  if (errors > 0) warnings.push(`${where}另有 ${errors} 个错误（不影响本文书${unread}），运行 tuangou check 查看全部数据`);
  return writeDoc(doc, formats, path.join(ctx.outDir, safeName(name)), path.join(ctx.data.dir, 'assets'));
}

/** One template for one customer (id or name), with the deal from --deal or its open deal. */
export async function renderOne(
  ctx: Context,
  args: ParsedArgs,
  templateName: string,
  who: string | undefined,
  extra: Partial<ViewInput>,
  warnings: string[],
): Promise<{ files: string[]; view: unknown }> {
  const template = ctx.templates.get(templateName);
  const customer = customerArg(ctx, who);
  const deal = dealArg(ctx, args, customer, warnings);
  const view = buildView(template.front.view, { data: ctx.data, customer, ...(deal && { deal }), today: ctx.today, ...extra });
  const files = await make(ctx, [{ template, view }], `${template.front.title}—${customer.name}`, tracedRecords(ctx.data, customer, deal), `${customer.id}-${template.name}`, warnings);
  return { files, view };
}

/**
 * Runs a generating command: prints the files written, or with --json `{files, warnings, errors}`.
 * Warnings are data problems elsewhere in the folder that did not stop this document.
 */
export async function report(args: ParsedArgs, io: Io, run: (warnings: string[]) => Promise<string[]>): Promise<number> {
  const warnings: string[] = [];
  const json = Boolean(args.values['json']);
  try {
    const files = await run(warnings);
    const shown = files.map((f) => shownPath(f, io.cwd));
    if (json) io.stdout(`${JSON.stringify({ files: shown, warnings, errors: [] }, null, 2)}\n`);
    else {
      for (const w of warnings) io.stderr(`警告：${w}\n`);
      for (const f of shown) io.stdout(`已生成 ${f}\n`);
    }
    return 0;
  } catch (e) {
    if (!json || !(e instanceof AppError)) throw e;
    io.stdout(`${JSON.stringify({ files: [], warnings, errors: [e.message, ...(e.hint ? [e.hint] : [])] }, null, 2)}\n`);
    return e.exitCode;
  }
}

export interface DocumentCommandSpec {
  /** The built-in template's name, also the view kind it receives. */
  readonly template: string;
  readonly description: string;
  readonly options?: Options;
  readonly help?: readonly OptionHelp[];
  readonly examples: readonly string[];
  /** Extra view input from the command line (--date, --contact). */
  readonly input?: (args: ParsedArgs) => Partial<ViewInput>;
  /** After writing: more warnings, and the exit code (e.g. --strict on a violation). */
  readonly after?: (view: unknown, args: ParsedArgs, warnings: string[]) => number;
}

/** A command that renders one built-in template for one customer: proposal, visit, card, allocation. */
export function documentCommand(spec: DocumentCommandSpec): Command {
  const dealOption = ['proposal', 'allocation'].includes(spec.template);
  return {
    usage: `<客户编号或单位名称>${dealOption ? ' [--deal ID]' : ''} [--format pdf,docx] [--out DIR] [--today YYYY-MM-DD] [--json]`,
    description: spec.description,
    options: { ...GENERATE_OPTIONS, ...(dealOption && { deal: { type: 'string' } }), ...spec.options },
    help: [...(dealOption ? [{ flag: '--deal ID', text: '方案编号（默认：该客户仍有效的未成交方案）' }] : []), ...(spec.help ?? []), ...GENERATE_HELP],
    examples: spec.examples,
    async run(args, io) {
      if (args.positionals.length > 1) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
      let code = 0;
      const result = await report(args, io, async (warnings) => {
        const { files, view } = await renderOne(context(args, io, args.positionals[0]), args, spec.template, args.positionals[0], spec.input?.(args) ?? {}, warnings);
        code = spec.after?.(view, args, warnings) ?? 0;
        return files;
      });
      return result === 0 ? code : result;
    },
  };
}
