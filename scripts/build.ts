// npm run build — `npm ci` runs it as `prepare`. Bundles the CLI into dist/bundle/ for a fast
// start (see bin/bundle.cjs), records the files it was built from, and warms the code cache by
// making each kind of document once from (a small copy of) the sample data in one process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const loader = createRequire(import.meta.url)('../bin/bundle.cjs') as {
  DIST: string;
  BUNDLE: string;
  INPUTS: string;
  CODE_CACHE_PREFIX: string;
  stampOf(file: string): string;
};

// Left to node_modules: pdfkit-levers.ts swaps fontkit in the require cache before pdfmake loads
// pdfkit, which works only on the packages' own module instances; tinypool starts its workers
// from a file next to its own; exceljs is large and used only by import / export.
const EXTERNAL = ['pdfmake', 'fontkit', 'tinypool', 'exceljs'];

/** One of each document, so the code cache holds what making them compiles. */
const WARM_UP_CUSTOMER = 'mengyuan-ruye';
/** A sample customer with a deal to summarise. */
const WARM_UP_DEAL_CUSTOMER = 'qcxq-shuiwuju';
const warmUpCommands = (data: string, out: string): string[][] =>
  [
    ['check'],
    ['pack', WARM_UP_CUSTOMER],
    ['proposal', WARM_UP_CUSTOMER],
    ['allocation', WARM_UP_DEAL_CUSTOMER],
    ['letters', '--festival', '春节', '--year', '2027', '--jobs', '1'],
  ].map((argv) => [...argv, '--data', data, ...(argv[0] === 'check' ? [] : ['--today', '2026-11-24', '--out', out])]);

export async function buildBundle(dir = loader.DIST, opts: { warm?: boolean } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  rmSync(path.join(dir, loader.INPUTS), { force: true }); // not fresh while half-built
  for (const f of readdirSync(dir)) if (f.startsWith(loader.CODE_CACHE_PREFIX)) rmSync(path.join(dir, f));
  const tmp = path.join(dir, `${loader.BUNDLE}.${process.pid}.tmp`);
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/bundle.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    // Every module that finds a file relative to import.meta.url sits two folders below the
    // package root, as the bundle does (dist/bundle/), so its paths (../../templates/) still hold;
    // the others only resolve packages from it, which works from any folder of the package.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    metafile: true,
    logLevel: 'warning',
  });
  // A warning is a construct the bundle gets wrong (another import.meta property, a dynamic require).
  if (result.warnings.length > 0) throw new Error(`esbuild warned ${result.warnings.length} time(s): the bundle would not match the sources`);
  renameSync(tmp, path.join(dir, loader.BUNDLE));
  // The lock file stands for node_modules; this script and tsconfig.json for how it was bundled.
  const sources = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')), 'package-lock.json', 'scripts/build.ts', 'tsconfig.json'];
  const changed = sources.filter((f) => statSync(path.join(ROOT, f)).mtimeMs >= started);
  if (changed.length > 0) {
    // The bundle may hold the old text: left stale, so the sources run until the next build.
    console.error(`打包期间这些文件改动过，打包版暂不使用，请再运行 npm run build：${changed.join('、')}`);
    return;
  }
  const inputs = Object.fromEntries(sources.map((f) => [f, loader.stampOf(path.join(ROOT, f))]));
  if (opts.warm ?? true) warmUp(dir);
  writeFileSync(path.join(dir, loader.INPUTS), `${JSON.stringify({ inputs }, null, 1)}\n`);
}

/**
 * Runs the warm-up commands in one process that loads the bundle, which writes the code cache as
 * it exits. They read a copy of data/ cut down to a few customers, since data/ may hold the team's
 * thousands by now; and a command that fails on the team's data is only reported: the bundle is
 * still right, that command just starts without its code cached.
 */
function warmUp(dir: string): void {
  const work = mkdtempSync(path.join(tmpdir(), 'tuangou-warm-'));
  try {
    const data = path.join(work, 'data');
    try {
      cpSync(path.join(ROOT, 'data'), data, { recursive: true });
    } catch {
      console.error('预热编译缓存：没有 data/ 文件夹，跳过');
      return;
    }
    const customers = path.join(data, 'customers');
    const kept = new Set([`${WARM_UP_CUSTOMER}.yaml`, `${WARM_UP_DEAL_CUSTOMER}.yaml`, ...readdirSync(customers).sort().slice(0, 20)]);
    for (const f of readdirSync(customers)) if (!kept.has(f)) rmSync(path.join(customers, f), { recursive: true });
    const silent = `{ stdout() {}, stderr() {}, isTTY: false, cwd: ${JSON.stringify(work)} }`;
    const script = `
      const { main } = require(${JSON.stringify(path.join(ROOT, 'bin/bundle.cjs'))}).load(${JSON.stringify(dir)});
      (async () => {
        for (const argv of ${JSON.stringify(warmUpCommands(data, path.join(work, 'out')))}) {
          const code = await main(argv, ${silent});
          if (code !== 0) console.error('预热编译缓存：tuangou ' + argv.slice(0, 2).join(' ') + ' 退出码 ' + code + '（不影响使用，只是这个命令启动慢一些）');
        }
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 120_000 });
    if (run.status !== 0) throw new Error(`warming the code cache failed (${run.error?.message ?? `exit ${run.status}`})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle();
