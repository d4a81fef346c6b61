// tuangou studio: starts the local web studio (src/studio) on the loopback address, prints its
// link as the last line, opens the browser, and runs until Ctrl-C.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { startStudio } from '../../studio/server.ts';
import { writableDataDir, DATA_HELP, DATA_OPTION, type Command } from '../command.ts';
import { dateOption } from '../generate.ts';

/** The host names the studio may listen on: this machine only (sharing over a network needs accounts). */
const LOOPBACK: Readonly<Record<string, '127.0.0.1' | '::1'>> = { '127.0.0.1': '127.0.0.1', localhost: '127.0.0.1', '::1': '::1', '[::1]': '::1' };

function portOption(raw: unknown): number {
  if (raw === undefined) return 0;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > 65535) throw new UsageError('--port 要写成 0–65535 的整数（0 表示随便找一个空闲端口）');
  return Number(raw);
}

/** Opens the link in the default browser; a machine without one (a server, CI) just has the printed link. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser to open: the link is printed
  }
}

export const command: Command = {
  usage: '[--data DIR] [--templates DIR] [--out DIR] [--port N] [--host 127.0.0.1] [--no-open] [--today YYYY-MM-DD]',
  description: [
    '启动团购工作台：在本机浏览器里查看客户和待办、预览和下载文书、修改资料（修改前检查并备份）。',
    '只在本机（127.0.0.1）上提供服务；最后一行打印带口令的链接，只有打开这个链接的浏览器能用。按 Ctrl-C 停止。',
    '会修改数据文件，所以要在含有 data/ 的文件夹里运行，或用 --data 指定数据文件夹（不会写进自带的示例数据）。',
  ].join('\n'),
  options: {
    ...DATA_OPTION,
    templates: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'no-open': { type: 'boolean' },
    today: { type: 'string' },
  },
  help: [
    DATA_HELP,
    { flag: '--templates DIR', text: '自己的模板文件夹，同名模板优先于自带模板' },
    { flag: '--out DIR', text: '节日邮寄等批量生成的文件放在这里（默认 out/）' },
    { flag: '--port N', text: '端口（默认随便找一个空闲端口）' },
    { flag: '--host H', text: '只能是 127.0.0.1、localhost 或 ::1：工作台不对网络开放' },
    { flag: '--no-open', text: '不自动打开浏览器' },
    { flag: '--today YYYY-MM-DD', text: '把“今天”定为这一天（便于复现）' },
  ],
  examples: ['tuangou studio', 'tuangou studio --data ~/团购资料 --port 8700 --no-open'],
  async run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`多余的参数：${args.positionals.join(' ')}`);
    const hostArg = args.values['host'];
    const host = typeof hostArg === 'string' ? LOOPBACK[hostArg.toLowerCase()] : '127.0.0.1';
    if (host === undefined) {
      throw new UsageError(`工作台只在本机上提供服务，--host 只能是 127.0.0.1、localhost 或 ::1，收到：${String(hostArg)}`, {
        hint: '在网络上共享需要账号和权限，目前还不支持',
      });
    }
    const port = portOption(args.values['port']);
    const data = writableDataDir(args, io, '工作台要使用的数据文件夹');
    const templates = args.values['templates'];
    const out = args.values['out'];
    const today = dateOption(args, 'today');
    const studio = await startStudio({
      data,
      ...(typeof templates === 'string' && { templates: path.resolve(io.cwd, templates) }),
      out: path.resolve(io.cwd, typeof out === 'string' ? out : 'out'),
      host,
      port,
      today,
      log: io.stderr,
    });
    io.stdout(`团购工作台已启动，数据文件夹：${data}\n按 Ctrl-C 停止。请在浏览器里打开：\n${studio.url}\n`);
    if (!args.values['no-open']) openBrowser(studio.url);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
    const { stopped } = await studio.close();
    for (const task of stopped) {
      if (task.folder === undefined) {
        io.stderr('\n正在进行的节日邮寄在开始前就停止了，没有写任何文件。\n');
        continue;
      }
      io.stderr(`\n正在进行的节日邮寄已停止：完成 ${task.done}${task.total === undefined ? '' : ` / ${task.total}`} 封，已写好的信和清单在 ${task.folder}\n`);
      io.stderr('下次打开工作台，在“节日邮寄”里选同一个节日和年份，点“接着上次做”：已写好的信不再重写。\n');
    }
    io.stderr('\n工作台已停止。\n');
    return 0;
  },
};
