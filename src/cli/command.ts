// The shape of one command module, and the argument parsing every command shares.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';
import type { Io } from './io.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface OptionHelp {
  readonly flag: string;
  readonly text: string;
}

export interface Command {
  readonly usage: string;
  readonly description: string;
  readonly options: Options;
  readonly help: readonly OptionHelp[];
  readonly examples: readonly string[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export const DATA_OPTION: Options = { data: { type: 'string' } };
export const DATA_HELP: OptionHelp = { flag: '--data DIR', text: '数据文件夹（默认：当前目录下的 data/，没有时用自带的示例数据）' };
export const JSON_OPTION: Options = { json: { type: 'boolean' } };
export const JSON_HELP: OptionHelp = { flag: '--json', text: '以 JSON 输出，便于其他程序读取' };

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** --data, else ./data, else the sample data shipped with the tool. */
export function dataDir(args: ParsedArgs, io: Io): string {
  const given = args.values['data'];
  if (typeof given === 'string') return path.resolve(io.cwd, given);
  const local = path.resolve(io.cwd, 'data');
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, 'data');
}

/**
 * The data folder a command writes into: --data, or ./data. Never the sample data shipped with
 * the tool, which `dataDir` falls back to for reading. `what`: which folder to name, e.g. 导入到哪个数据文件夹.
 */
export function writableDataDir(args: ParsedArgs, io: Io, what: string): string {
  if (args.values['data'] === undefined && !existsSync(path.resolve(io.cwd, 'data'))) {
    throw new UsageError(`当前目录下没有 data/ 数据文件夹：请用 --data 指定${what}`);
  }
  return dataDir(args, io);
}

export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError(translateParseError((e as Error).message), { cause: e });
  }
  // An empty value (--out '', --format= from an unset shell variable) is never meant: taken as
  // given it means the current folder, or no format at all and a run that writes nothing.
  for (const [name, value] of Object.entries(parsed.values)) {
    if ([value].flat().some((v) => typeof v === 'string' && v.trim() === '')) throw new UsageError(`选项 --${name} 的值不能为空`);
  }
  return parsed;
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `不认识的选项 ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]} 后面要跟一个值`;
  const dashed = /Option '([^']+?)(?: <value>)?' argument is ambiguous/.exec(message);
  if (dashed) return `选项 ${dashed[1]} 的值以 - 开头，要连着写：${dashed[1]}=-…`;
  return `命令行参数有误：${message}`;
}

/** The items of a comma list option (--class A,B), half- or full-width commas. */
export function commaList(raw: string): string[] {
  return raw.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
}

/** Splits a comma list option (--class A,B) and checks every value. */
export function listOption<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = args.values[name];
  if (typeof raw !== 'string') return undefined;
  const items = commaList(raw);
  if (items.length === 0) throw new UsageError(`--${name} 至少要写一项，可选：${allowed.join('、')}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw new UsageError(`--${name} 不接受「${item}」，可选：${allowed.join('、')}`);
  }
  return items as T[];
}
