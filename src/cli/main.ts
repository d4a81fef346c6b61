// The CLI entry: picks the command, turns errors into messages and exit codes.
// The only place, with the commands' own output, that prints; nothing here calls process.exit.
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import { parseCommandArgs, type Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { cliHint } from './hints.ts';
import { processIo, type Io } from './io.ts';

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(rootHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`tuangou ${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`错误：没有「${name}」这个命令。\n\n${rootHelp()}`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    const args = parseCommandArgs(command, rest);
    if (args.values['help']) {
      io.stdout(commandHelp(name, command));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    return report(e, io, name);
  }
}

function report(e: unknown, io: Io, name: string): number {
  if (e instanceof AppError) {
    io.stderr(`错误：${e.message}\n`);
    const hint = cliHint(e);
    if (hint) io.stderr(`提示：${hint}\n`);
    if (e.exitCode === 2) io.stderr(`用法见 tuangou ${name} --help\n`);
    return e.exitCode;
  }
  io.stderr(`内部错误（请把下面的信息发给维护者）：\n${e instanceof Error ? e.stack : String(e)}\n`);
  return 1;
}

function rootHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return [
    `tuangou ${VERSION} — 团购文书生成器`,
    '',
    '用法：tuangou <命令> [选项]',
    '',
    '命令：',
    ...lines,
    '',
    '每个命令都有帮助：tuangou <命令> --help',
    '  --version  显示版本',
    '',
  ].join('\n');
}

function commandHelp(name: string, c: Command): string {
  const width = Math.max(...c.help.map((h) => h.flag.length), 10);
  return [
    `用法：tuangou ${name} ${c.usage}`,
    '',
    c.description,
    '',
    '选项：',
    ...c.help.map((h) => `  ${h.flag.padEnd(width)}  ${h.text}`),
    `  ${'-h, --help'.padEnd(width)}  显示本帮助`,
    '',
    '示例：',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
