// What every document command shares: its options, the workspace and request from the command
// line, writing the document, and reporting the files written (or, with --json, the errors).
import path from 'node:path';
import { buildDocument, type BuiltDocument, type DocumentKind, type DocumentRequest, type KindRequest } from '../app/documents.ts';
import { writeDocument } from '../app/render.ts';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { DATE_RANGE, inDateRange, isIsoDate, localIsoDate, type IsoDate } from '../domain/dates.ts';
import { AppError, UsageError } from '../errors.ts';
import { FORMATS, type Format } from '../template/frontmatter.ts';
import { shownPath } from '../util/paths.ts';
import { DATA_HELP, DATA_OPTION, dataDir, JSON_HELP, JSON_OPTION, listOption, type Command, type OptionHelp, type Options, type ParsedArgs } from './command.ts';
import { cliHint, cliWarning } from './hints.ts';
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
  readonly ws: Workspace;
  readonly today: IsoDate;
  readonly outDir: string;
  readonly formats: readonly Format[];
}

export function dateOption(args: ParsedArgs, name: string): IsoDate | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !isIsoDate(raw)) throw new UsageError(`--${name} 要写成 YYYY-MM-DD，如 2026-11-24`);
  if (!inDateRange(raw)) throw new UsageError(`--${name} 要在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${raw}`);
  return raw;
}

/** --today, else today's date on this machine. */
export const todayOption = (args: ParsedArgs): IsoDate => dateOption(args, 'today') ?? localIsoDate(new Date());

/** The workspace of --data and --templates, with the run's today, output folder and formats. */
export function context(args: ParsedArgs, io: Io): Context {
  const formats = listOption(args, 'format', FORMATS) ?? [...FORMATS];
  const today = todayOption(args);
  const templatesArg = args.values['templates'];
  const ws = openWorkspace({ data: dataDir(args, io), ...(typeof templatesArg === 'string' && { templates: path.resolve(io.cwd, templatesArg) }) });
  ws.templates(); // a --templates folder that is not there is said before anything else
  const outArg = args.values['out'];
  const outDir = path.resolve(io.cwd, typeof outArg === 'string' ? outArg : 'out');
  return { ws, today, outDir, formats };
}

/** Builds the document a request asks for and writes it in the run's formats; its notices become warnings. */
export async function make(ctx: Context, request: DocumentRequest, warnings: string[]): Promise<{ files: string[]; built: BuiltDocument }> {
  const built = buildDocument(ctx.ws, request);
  warnings.push(...built.notices.filter((n) => n.code !== 'compliance' && n.code !== 'margin').map(cliWarning));
  const files = await writeDocument(ctx.ws, built, { outDir: ctx.outDir, formats: ctx.formats });
  return { files, built };
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
    const hint = cliHint(e);
    io.stdout(`${JSON.stringify({ files: [], warnings, errors: [e.message, ...(hint ? [hint] : [])] }, null, 2)}\n`);
    return e.exitCode;
  }
}

export interface DocumentCommandSpec {
  /** The kind of document, also the built-in template's name. */
  readonly kind: DocumentKind;
  readonly description: string;
  readonly options?: Options;
  readonly help?: readonly OptionHelp[];
  readonly examples: readonly string[];
  /** More of the request from the command line (--date, --contact). */
  readonly input?: (args: ParsedArgs) => Partial<KindRequest>;
  /** After writing: more warnings, and the exit code (e.g. --strict on a violation). */
  readonly after?: (built: BuiltDocument, args: ParsedArgs, warnings: string[]) => number;
}

/** The --date of a visit sheet or pack: the visit's day, from which birthdays ahead and the open deal are taken. */
export function visitDateInput(text: string): Pick<DocumentCommandSpec, 'options' | 'help' | 'input'> {
  return {
    options: { date: { type: 'string' } },
    help: [{ flag: '--date YYYY-MM-DD', text }],
    input: (args) => {
      const date = dateOption(args, 'date');
      return date ? { date } : {};
    },
  };
}

/** A command that makes one kind of document for one customer: proposal, visit, card, allocation, pack. */
export function documentCommand(spec: DocumentCommandSpec): Command {
  const dealOption = ['proposal', 'allocation'].includes(spec.kind);
  return {
    usage: `<客户编号或单位名称>${dealOption ? ' [--deal ID]' : ''}${spec.options?.['date'] ? ' [--date YYYY-MM-DD]' : ''} [--format pdf,docx] [--out DIR] [--today YYYY-MM-DD] [--json]`,
    description: spec.description,
    options: { ...GENERATE_OPTIONS, ...(dealOption && { deal: { type: 'string' } }), ...spec.options },
    help: [...(dealOption ? [{ flag: '--deal ID', text: '方案编号（默认：该客户仍有效的未成交方案）' }] : []), ...(spec.help ?? []), ...GENERATE_HELP],
    examples: spec.examples,
    async run(args, io) {
      if (args.positionals.length > 1) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
      let code = 0;
      const result = await report(args, io, async (warnings) => {
        const ctx = context(args, io);
        const { files, built } = await make(ctx, { kind: spec.kind, ...customerRequest(ctx, args), ...spec.input?.(args) }, warnings);
        code = spec.after?.(built, args, warnings) ?? 0;
        return files;
      });
      return result === 0 ? code : result;
    },
  };
}

/** The customer (first positional), today and --deal of a document request. */
export function customerRequest(ctx: Context, args: ParsedArgs, who: string | undefined = args.positionals[0]): { customer: string; today: IsoDate; deal?: string } {
  if (who === undefined) throw new UsageError('缺少客户：请写客户编号或单位名称');
  const deal = args.values['deal'];
  return { customer: who, today: ctx.today, ...(typeof deal === 'string' && { deal }) };
}
