// `tuangou studio`: listens on the loopback address, prints the link last, answers it over real
// HTTP, stops on Ctrl-C with exit 0; a host beyond this machine is refused.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { runCli } from '../cli/run.ts';
import { DATA, tempDir, TODAY } from '../pipeline/build.ts';
import { NOT_MADE } from '../../src/letters/batch.ts';
import { studio, textOf } from './helpers.ts';

/** `tuangou studio` run as a user does, in `cwd`, once it has printed its link (the last line). */
async function startCommand(cwd: string): Promise<{ url: URL; done: Promise<number>; stderr: () => string }> {
  let stdout = '';
  let stderr = '';
  let printed: () => void;
  const linked = new Promise<void>((resolve) => (printed = resolve));
  const done = main(['studio', '--port', '0', '--no-open', '--today', TODAY], {
    stdout: (t) => {
      stdout += t;
      if (/\?token=/.test(stdout)) printed();
    },
    stderr: (t) => void (stderr += t),
    isTTY: false,
    cwd,
  });
  await linked;
  return { url: new URL(stdout.trimEnd().split('\n').at(-1)!), done, stderr: () => stderr };
}

describe('tuangou studio', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('studio-cmd');
    cpSync(DATA, path.join(tmp.dir, 'data'), { recursive: true });
  });
  afterEach(() => tmp.remove());

  it('refuses a host other than the loopback address, saying why', async () => {
    for (const host of ['0.0.0.0', '192.168.1.5', 'example.com', '::']) {
      const run = await runCli(['studio', '--host', host, '--no-open'], tmp.dir);
      expect(run.code, host).toBe(2);
      expect(run.stderr).toContain(`--host 只能是 127.0.0.1、localhost 或 ::1，收到：${host}`);
      expect(run.stdout).toBe('');
    }
  });

  it('refuses a port that is not one', async () => {
    for (const port of ['-1', '65536', 'http', '80.5']) {
      const run = await runCli(['studio', `--port=${port}`, '--no-open'], tmp.dir);
      expect(run.code, port).toBe(2);
      expect(run.stderr).toContain('--port 要写成 0–65535 的整数');
    }
  });

  it('refuses to run on the sample data shipped with the tool: it edits files', async () => {
    const run = await runCli(['studio', '--no-open'], path.join(tmp.dir, 'elsewhere'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('当前目录下没有 data/ 数据文件夹');
  });

  it('prints the link last, serves it on 127.0.0.1, and stops on Ctrl-C with exit 0', async () => {
    const { url, done, stderr } = await startCommand(tmp.dir);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const home = await fetch(new URL('/customers', url), { headers: { Cookie: cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('蒙源乳业集团有限公司');
    expect((await fetch(new URL('/customers', url))).status).toBe(401);

    process.emit('SIGINT');
    expect(await done).toBe(0);
    expect(stderr()).toContain('工作台已停止');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops a running mailing on Ctrl-C: the letters made and a manifest listing the rest stay, and the next studio offers to resume', async () => {
    // 60 more customers, so that the run is still queueing letters when Ctrl-C comes.
    const customers = path.join(tmp.dir, 'data', 'customers');
    const sample = readFileSync(path.join(customers, 'qcxq-shuiwuju.yaml'), 'utf8');
    for (let i = 0; i < 60; i++) {
      const doc = parseDocument(sample);
      doc.set('id', `clone-${i}`);
      doc.set('name', `青城新区税务局第${i}分局`);
      writeFileSync(path.join(customers, `clone-${i}.yaml`), doc.toString());
    }
    const { url, done, stderr } = await startCommand(tmp.dir);
    const cookie = (await fetch(url, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
    const started = await fetch(new URL('/mailing/jobs', url), {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ festival: '春节', year: '2027' }),
    });
    expect(started.status).toBe(303);
    // Ctrl-C once the first letter is written, while the others are still to come.
    const status = new URL(`${started.headers.get('location')}/status`, url);
    for (;;) {
      const st = (await (await fetch(status, { headers: { Cookie: cookie, Accept: 'application/json' } })).json()) as { done: number; state: string };
      expect(st.state).toBe('running');
      if (st.done >= 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.emit('SIGINT');
    expect(await done).toBe(0);
    const folder = path.join(tmp.dir, 'out', '2027-春节');
    expect(stderr()).toMatch(new RegExp(`正在进行的节日邮寄已停止：完成 \\d+ / \\d+ 封，已写好的信和清单在 ${folder}`));
    expect(stderr()).toContain('工作台已停止');
    const manifest = readFileSync(path.join(folder, 'manifest.csv'), 'utf8');
    const notMade = manifest.split('\n').filter((l) => l.includes(NOT_MADE)).length;
    expect(notMade).toBeGreaterThan(0);
    // No half-written file: no temp file left anywhere in the run's folder.
    expect(readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    const next = studio({ data: path.join(tmp.dir, 'data'), out: path.join(tmp.dir, 'out') });
    const page = textOf(await next.page('/mailing?festival=春节&year=2027'));
    expect(page).toContain(`还有 ${notMade} 个客户的信函没有生成`);
    expect(page).toContain('接着上次做');
  }, 120_000);
});
