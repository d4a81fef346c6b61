// npm run build — `npm ci` runs it as `prepare`. Bundles the CLI into dist/bundle/ for a fast
// start (see bin/bundle.cjs), records the files it was built from, and warms the code cache by
// making each kind of document once from the sample data in one process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
const warmUpCommands = (out: string): string[][] => [
  ['check'],
  ...[['pack', 'mengyuan-ruye'], ['proposal', 'mengyuan-ruye'], ['allocation', 'qcxq-shuiwuju'], ['letters', '--festival', '春节', '--year', '2027']].map((argv) => [
    ...argv,
    ...['--today', '2026-11-24', '--out', out],
  ]),
];

export async function buildBundle(dir = loader.DIST, opts: { warm?: boolean } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  rmSync(path.join(dir, loader.INPUTS), { force: true }); // not fresh while half-built
  for (const f of readdirSync(dir)) if (f.startsWith(loader.CODE_CACHE_PREFIX)) rmSync(path.join(dir, f));
  const tmp = path.join(dir, `${loader.BUNDLE}.${process.pid}.tmp`);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/bundle.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    // Every module that uses import.meta.url sits two folders below the package root, as the
    // bundle does (dist/bundle/), so its relative paths (../../templates/) still hold.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    metafile: true,
    logLevel: 'warning',
  });
  renameSync(tmp, path.join(dir, loader.BUNDLE));
  // The lock file stands for node_modules; this script and tsconfig.json for how it was bundled.
  const sources = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')), 'package-lock.json', 'scripts/build.ts', 'tsconfig.json'];
  const inputs = Object.fromEntries(sources.map((f) => [f, loader.stampOf(path.join(ROOT, f))]));
  if (opts.warm ?? true) warmUp(dir);
  writeFileSync(path.join(dir, loader.INPUTS), `${JSON.stringify({ inputs }, null, 1)}\n`);
}

/**
 * Runs the warm-up commands in one process that loads the bundle, which writes the code cache as
 * it exits. data/ may hold the team's own data by now, so a command that fails there is only
 * reported: the bundle is still right, that command just starts without its code cached.
 */
function warmUp(dir: string): void {
  const out = mkdtempSync(path.join(tmpdir(), 'tuangou-warm-'));
  const silent = `{ stdout() {}, stderr() {}, isTTY: false, cwd: ${JSON.stringify(ROOT)} }`;
  const script = `
    const { main } = require(${JSON.stringify(path.join(ROOT, 'bin/bundle.cjs'))}).load(${JSON.stringify(dir)});
    (async () => {
      for (const argv of ${JSON.stringify(warmUpCommands(out))}) {
        const code = await main(argv, ${silent});
        if (code !== 0) console.error('预热编译缓存：tuangou ' + argv.slice(0, 2).join(' ') + ' 退出码 ' + code + '（不影响使用，只是这个命令启动慢一些）');
      }
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`warming the code cache failed (exit ${run.status})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle();
