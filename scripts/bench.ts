// npm run bench [-- N … | api | studio]: the library API's warm proposal, then festival-letter throughput on synthetic customers built from the
// sample data's schema; `studio`: the studio's start, its customer list of 1,000 customers, and a save to the new proposal's preview.
// Prints figures; asserts nothing (speed is never a test).
// Per-letter figures are taken in this process; the whole `letters` command runs as a user runs
// it (bin/tuangou.js) in a child process, so its time counts the start and its peak memory is the
// command's alone (with its writer processes).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { buildDocument } from '../src/app/documents.ts';
import { renderDocuments } from '../src/app/render.ts';
import { openWorkspace } from '../src/app/workspace.ts';
import { loadData } from '../src/data/load.ts';
import type { Doc } from '../src/document/model.ts';
import type { Format } from '../src/template/frontmatter.ts';
import { VOLUME_SIZE } from '../src/letters/batch.ts';
import { letterDoc } from '../src/letters/run.ts';
import { printOrder } from '../src/letters/select.ts';
import { TemplateSet } from '../src/pipeline/templates.ts';
import { docWriters } from '../src/pipeline/writers.ts';
import { selectCustomers } from '../src/views/select.ts';
import { writePdf } from '../src/writers/pdf/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';
const CORES = availableParallelism();

/** A data folder with n customers: the sample customers cloned under new ids and unit names. */
function syntheticData(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), `tuangou-bench-${n}-`));
  cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
  rmSync(path.join(dir, 'deals'), { recursive: true });
  const customers = path.join(dir, 'customers');
  const samples = readdirSync(customers)
    .filter((f) => !f.startsWith('minimal'))
    .map((f) => readFileSync(path.join(customers, f), 'utf8'));
  rmSync(customers, { recursive: true });
  mkdirSync(customers);
  for (let i = 0; i < n; i++) {
    const doc = parseDocument(samples[i % samples.length]!);
    doc.set('id', `bench-${i}`);
    doc.set('name', `${String(doc.get('name'))}第${i}分部`);
    writeFileSync(path.join(customers, `bench-${i}.yaml`), doc.toString());
  }
  return dir;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** Milliseconds to write every Doc in `format` with `jobs` writers, once the writers are started. */
async function writeAll(docs: readonly Doc[], format: Format, jobs: number, assetsDir: string): Promise<number> {
  const out = mkdtempSync(path.join(tmpdir(), 'tuangou-bench-docs-'));
  const writers = docWriters(jobs);
  const task = (doc: Doc, i: number) => writers.write({ doc, formats: [format], base: path.join(out, String(i)), assetsDir });
  try {
    await Promise.all(docs.slice(0, writers.jobs).map(task)); // start every writer, fonts loaded
    const [, ms] = await timed(async () => {
      const underWay = new Set<Promise<unknown>>();
      for (const [i, doc] of docs.entries()) {
        if (underWay.size >= 2 * writers.jobs) await Promise.race(underWay);
        const p: Promise<unknown> = task(doc, i).finally(() => underWay.delete(p));
        underWay.add(p);
      }
      await Promise.all(underWay);
    });
    return ms;
  } finally {
    await writers.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** A process and all its descendants, from /proc (Linux). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  for (const pids = [root]; pids.length > 0; ) {
    const pid = pids.pop()!;
    tree.push(pid);
    pids.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of a process and all its descendants, in MB. */
function treeRssMb(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kb / 1024;
}

/** The share of the last minute in which at least one task here waited for a CPU, in % (Linux pressure stall information). */
function cpuPressure(): string {
  try {
    return /some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'latin1'))?.[1] ?? '?';
  } catch {
    return '?';
  }
}

/**
 * The whole `letters` command in a child process, from its start to its exit: wall time, and the
 * peak of the resident memory of it and its writer processes together, sampled every 50 ms.
 */
async function wholeCommand(dataDir: string): Promise<{ ms: number; rssMb: number; printKb: number }> {
  const out = mkdtempSync(path.join(tmpdir(), 'tuangou-bench-out-'));
  try {
    const argv = ['bin/tuangou.js', 'letters', '--festival', '春节', '--year', '2027', '--today', TODAY, '--data', dataDir, '--out', out];
    const start = performance.now();
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 50);
    const code = await new Promise((resolve) => child.on('exit', resolve));
    const ms = performance.now() - start;
    clearInterval(sampler);
    if (code !== 0) throw new Error(`tuangou letters failed (exit ${String(code)})`);
    const folder = path.join(out, '2027-春节');
    const printKb = readdirSync(folder).filter((f) => f.startsWith('print-')).reduce((kb, f) => kb + statSync(path.join(folder, f)).size / 1024, 0);
    return { ms, rssMb: Math.round(peak), printKb };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `tuangou proposal` (PDF + .docx) as a salesperson runs it: wall time from process start to
 * exit, in seconds, `runs` times.
 */
function proposalFromStart(runs: number): number[] {
  const out = mkdtempSync(path.join(tmpdir(), 'tuangou-bench-proposal-'));
  try {
    return Array.from({ length: runs }, () => {
      const t = performance.now();
      const run = spawnSync(process.execPath, ['bin/tuangou.js', 'proposal', 'mengyuan-ruye', '--today', TODAY, '--out', out], { cwd: ROOT });
      if (run.status !== 0) throw new Error(`tuangou proposal failed: ${run.stderr.toString()}`);
      return (performance.now() - t) / 1000;
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The library API as a long-lived front end (the studio) uses it: a warm workspace builds and
 * renders one proposal, PDF and .docx bytes, `runs` times; then one customer file changes on
 * disk and the next build says how many files it read again.
 */
async function warmProposal(runs: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-bench-api-'));
  cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
  const ws = openWorkspace({ data: dir, renderProcess: true });
  const once = async () => {
    const built = buildDocument(ws, { kind: 'proposal', customer: 'mengyuan-ruye', today: TODAY });
    await renderDocuments(ws, built, ['pdf', 'docx']);
  };
  // Fonts, layout tables and code warmed as in a running studio, the second process included.
  for (let i = 0; i < 3 || !ws.renderer?.ready; i++) {
    await once();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ms: number[] = [];
  const treeCpu = () => processTree(process.pid).reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = treeCpu();
  for (let i = 0; i < runs; i++) ms.push((await timed(once))[1]);
  const cpuEach = (treeCpu() - cpuBefore) / runs;
  ms.sort((a, b) => a - b);
  console.log(`常驻工作区里一份建议书（生成 + PDF 和 .docx 的字节，${runs} 次）中位数 ${ms[runs >> 1]!.toFixed(0)} ms（${ms[0]!.toFixed(0)}–${ms.at(-1)!.toFixed(0)} ms）`);
  console.log(`  每次两个进程共用 CPU ${cpuEach.toFixed(0)} ms（含 V8 的垃圾回收和编译线程）；这一分钟里有任务在等 CPU 的时间占 ${cpuPressure()}%（/proc/pressure/cpu：两核都忙或宿主占去 CPU 时高）`);
  ws.data(); // every file read once
  const file = path.join(dir, 'customers/qcxq-shuiwuju.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}# 改过\n`);
  const before = ws.fileReads;
  ws.data();
  console.log(`  改动一个客户文件后重读全部数据：读了 ${ws.fileReads - before} 个文件（共 ${ws.data().files} 个）`);
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
}

function docsFor(dataDir: string): Doc[] {
  const data = loadData(dataDir);
  const mailing = { data, templates: new TemplateSet(), festival: '春节', year: 2027, today: TODAY } as const;
  return printOrder(selectCustomers(data, {})).map((customer) => letterDoc(mailing, customer));
}

async function bench(n: number): Promise<void> {
  const dataDir = syntheticData(n);
  const assetsDir = path.join(dataDir, 'assets');
  const per = (ms: number, count = n) => (ms / count).toFixed(1);
  console.log(`\nN = ${n}（${CORES} 核）`);
  if (n <= 1000) {
    const docs = docsFor(dataDir);
    const pdf1 = await writeAll(docs, 'pdf', 1, assetsDir);
    const pdfAll = await writeAll(docs, 'pdf', CORES, assetsDir);
    const docx1 = await writeAll(docs, 'docx', 1, assetsDir);
    const docxAll = await writeAll(docs, 'docx', CORES, assetsDir);
    const merged = docs.slice(0, Math.min(n, VOLUME_SIZE));
    const [bytes, mergedMs] = await timed(() => writePdf({ meta: docs[0]!.meta, sections: merged.flatMap((d) => d.sections) }, { assetsDir }));
    console.log(`  单封 PDF，单线程           ${per(pdf1)} ms/封`);
    console.log(`  单封 PDF，${CORES} 个写文件进程     ${per(pdfAll)} ms/封`);
    console.log(`  单封 .docx，单线程         ${per(docx1)} ms/封`);
    console.log(`  单封 .docx，${CORES} 个写文件进程   ${per(docxAll)} ms/封`);
    console.log(`  合并打印 PDF（${merged.length} 封一册）  ${per(mergedMs, merged.length)} ms/封，${(bytes.length / 1024 / merged.length).toFixed(1)} KB/封`);
    console.log(`  单封 PDF ÷ 合并 PDF（单线程）${(pdf1 / n / (mergedMs / merged.length)).toFixed(2)}`);
  }
  const whole = await wholeCommand(dataDir);
  console.log(`  letters 全流程（PDF + .docx + 打印 + 信封 + 清单 + 日程，默认写文件进程数） ${(whole.ms / 1000).toFixed(1)} s，${per(whole.ms)} ms/客户，打印文件 ${(whole.printKb / n).toFixed(1)} KB/封`);
  console.log(`  letters 全流程峰值内存（RSS，主进程加各写文件进程，每 50 ms 采样） ${whole.rssMb} MB`);
  rmSync(dataDir, { recursive: true, force: true });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 10 ms ticks). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
  return (utime! + stime!) * 10;
}

/** The median of timings in ms, with their range. */
function median(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `中位数 ${sorted[sorted.length >> 1]!.toFixed(0)} ms（${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)} ms，${ms.length} 次）`;
}

/**
 * `tuangou studio` as a user starts it (bin/tuangou.js, a child process) on 1,000 customers — the
 * sample customers and deals plus synthetic ones: from the process start to the printed link;
 * then over HTTP as the browser asks, the customer list, and a save of the edit form followed by
 * the customer's page and its proposal preview.
 */
async function studioBench(): Promise<void> {
  const dir = syntheticData(1000 - readdirSync(path.join(ROOT, 'data/customers')).length);
  cpSync(path.join(ROOT, 'data/customers'), path.join(dir, 'customers'), { recursive: true });
  cpSync(path.join(ROOT, 'data/deals'), path.join(dir, 'deals'), { recursive: true });
  const customers = readdirSync(path.join(dir, 'customers')).length;
  const start = performance.now();
  const child = spawn(process.execPath, ['bin/tuangou.js', 'studio', '--no-open', '--port', '0', '--today', TODAY, '--data', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const link = /^http:\/\/\S+\?token=\S+$/m.exec(out);
        if (link) resolve(new URL(link[0]));
      });
      child.on('exit', (code) => reject(new Error(`tuangou studio exited (${String(code)})`)));
    });
    console.log(`工作台从启动到监听（tuangou studio，${customers} 个客户） ${((performance.now() - start) / 1000).toFixed(2)} s`);
    const first = await fetch(url, { redirect: 'manual' });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const get = async (at: string) => {
      const res = await fetch(new URL(at, url), { headers: { Cookie: cookie } });
      if (res.status !== 200) throw new Error(`GET ${at}: ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    };
    const [list, cold] = await timed(() => get('/customers'));
    const rows = (list.toString().match(/<tr data-id=/g) ?? []).length;
    const warm: number[] = [];
    for (let i = 0; i < 11; i++) warm.push((await timed(() => get('/customers')))[1]);
    console.log(`  客户列表（${rows} 行）：第一次 ${cold.toFixed(0)} ms（读全部客户文件）；之后${median(warm)}`);
    const filtered: number[] = [];
    for (let i = 0; i < 11; i++) filtered.push((await timed(() => get(`/customers?class=A&q=${encodeURIComponent('银行')}`)))[1]);
    console.log(`  客户列表筛选加搜索 ${median(filtered)}`);

    const customer = '/customers/mengyuan-ruye';
    const parts: [number, number, number][] = [];
    const { formValues } = await import('../test/studio/helpers.ts');
    const save = async (i: number) => {
      const values = formValues((await get(`${customer}/edit`)).toString());
      const body = new URLSearchParams(Object.entries({ ...values, name: `蒙源乳业集团有限公司${i % 2 === 0 ? '' : '（总部）'}`, _op: 'save' }).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x])));
      return timed(async () => {
        const res = await fetch(new URL(`${customer}/edit`, url), { method: 'POST', body, redirect: 'manual', headers: { Cookie: cookie, Origin: url.origin } });
        if (res.status !== 303) throw new Error(`save: ${res.status}`);
        await res.arrayBuffer();
        const saved = performance.now();
        const page = (await get(`${customer}?saved=1`)).toString();
        const shown = performance.now();
        const preview = /<iframe id="preview"[^>]* src="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
        const pdf = await get(preview);
        if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('no PDF');
        parts.push([saved, shown, performance.now()]);
      });
    };
    for (let i = 0; i < 3; i++) await save(i); // fonts, layout tables and code warmed as in a studio in use
    parts.length = 0;
    const chain: number[] = [];
    const cpuBefore = cpuMs(child.pid!);
    for (let i = 0; i < 11; i++) chain.push((await save(i + 1))[1]);
    const cpuEach = (cpuMs(child.pid!) - cpuBefore) / chain.length;
    const began = chain.map((ms, i) => parts[i]![2] - ms);
    console.log(`  保存 → 客户页 → 新建议书预览（PDF）${median(chain)}`);
    console.log(`    其中保存 ${median(parts.map((p, i) => p[0] - began[i]!))}；客户页 ${median(parts.map((p) => p[1] - p[0]))}；预览 PDF ${median(parts.map((p) => p[2] - p[1]))}`);
    console.log(`    工作台进程每次用的 CPU（不受别的进程抢占影响）平均 ${cpuEach.toFixed(0)} ms`);
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('studio')) {
  await studioBench();
  process.exit(0);
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
await warmProposal(21);
if (process.argv.includes('api')) process.exit(0);
// Both command-line figures run bin/tuangou.js, which runs the bundle only while it is fresh.
const bundled = (createRequire(import.meta.url)('../bin/bundle.cjs') as { fresh(): boolean }).fresh();
if (!bundled) console.log('注意：打包版不是最新的，命令行走源代码（慢）；先运行 npm run build');
const seconds = proposalFromStart(5).sort((a, b) => a - b);
console.log(`从启动到写完一份建议书（PDF + .docx，5 次）中位数 ${seconds[2]!.toFixed(2)} s（${seconds[0]!.toFixed(2)}–${seconds[4]!.toFixed(2)} s）`);
for (const n of sizes.length > 0 ? sizes : [100, 1000, 10_000]) await bench(n);
