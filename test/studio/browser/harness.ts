// The studio as a user starts it — `tuangou studio` in a process of its own, on a copy of the
// sample data — and a real Chromium to open its printed link with.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './chromium.ts';

export const ROOT = path.join(import.meta.dirname, '../../..');

export interface RunningStudio {
  /** The printed link, token included. */
  readonly url: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The temp folder holding data/ (the studio's data folder) and out/. */
  readonly dir: string;
  readonly dataDir: string;
  /** Everything the command printed so far. */
  output(): string;
  /** Ctrl-C, as a user stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const LINK = /^(http:\/\/127\.0\.0\.1:\d+)\/\?token=\S+$/m;

/** Starts `tuangou studio --no-open --port 0` on a fresh copy of data/, in its own temp folder. */
export async function startStudio(opts: { readonly today: string; readonly args?: readonly string[] }): Promise<RunningStudio> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-studio-'));
  const dataDir = path.join(dir, 'data');
  cpSync(path.join(ROOT, 'data'), dataDir, { recursive: true });
  mkdirSync(path.join(dir, 'out'));
  const args = [path.join(ROOT, 'bin/tuangou.js'), 'studio', '--no-open', '--port', '0', '--data', dataDir, '--today', opts.today, ...(opts.args ?? [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const link = await new Promise<RegExpExecArray>((resolve, reject) => {
    const look = () => {
      const m = LINK.exec(out);
      if (m) resolve(m);
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`tuangou studio exited (${code}) before printing its link:\n${out}${err}`)));
  });
  return {
    url: link[0],
    origin: link[1]!,
    dir,
    dataDir,
    output: () => out + err,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function openBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('no Chromium (the tests should have been skipped)');
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** A page of the size a laptop shows, in Chinese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  return context.newPage();
}

const SHOTS = path.join(ROOT, 'docs/studio');

/**
 * A screenshot of the whole page (or of what the window shows): into docs/studio/<name>.png with STUDIO_SCREENSHOTS=1
 * (to refresh the committed ones), else into a temp folder, so a test run leaves the work tree alone.
 */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  const dir = process.env['STUDIO_SCREENSHOTS'] === '1' ? SHOTS : path.join(tmpdir(), 'tuangou-studio-shots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
  return file;
}
