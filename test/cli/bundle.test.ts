// The bundled CLI (scripts/build.ts, bin/bundle.cjs) makes the same documents as the sources,
// is used only while fresh, and reuses its code cache.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../scripts/build.ts';
import { runCli } from './run.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const loader = createRequire(import.meta.url)('../../bin/bundle.cjs') as { fresh(dir: string): boolean; INPUTS: string; CODE_CACHE_PREFIX: string };
const ARGS = ['proposal', 'mengyuan-ruye', '--today', '2026-11-24'];

let dist: string;
let out: string;
beforeAll(async () => {
  // Two folders below the root, like dist/bundle/: the bundle finds templates/ by relative paths.
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  dist = mkdtempSync(path.join(ROOT, 'dist', 'test-'));
  out = mkdtempSync(path.join(tmpdir(), 'tuangou-bundle-out-'));
  await buildBundle(dist, { warm: false });
});
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** Runs the CLI from the bundle in `dist`, in a process of its own, writing into `folder`. */
function runBundled(folder: string): void {
  const script = `require(${JSON.stringify(path.join(ROOT, 'bin/bundle.cjs'))}).load(${JSON.stringify(dist)}).main(${JSON.stringify([...ARGS, '--out', folder])}).then((c) => (process.exitCode = c));`;
  execFileSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: 'pipe' });
}

describe('bundled CLI', () => {
  it('writes the same proposal, byte for byte, as the sources do', async () => {
    const fromSources = path.join(out, 'sources');
    const r = await runCli([...ARGS, '--out', fromSources], ROOT);
    expect(r.code).toBe(0);
    const fromBundle = path.join(out, 'bundle');
    runBundled(fromBundle);
    for (const ext of ['pdf', 'docx']) {
      const file = `mengyuan-ruye-proposal.${ext}`;
      expect(readFileSync(path.join(fromBundle, file)).equals(readFileSync(path.join(fromSources, file))), ext).toBe(true);
    }
  });

  it('writes its code cache once and then uses it as it is', () => {
    const caches = () => readdirSync(dist).filter((f) => f.startsWith(loader.CODE_CACHE_PREFIX));
    for (const f of caches()) rmSync(path.join(dist, f));
    runBundled(path.join(out, 'first'));
    expect(caches()).toHaveLength(1);
    const cache = path.join(dist, caches()[0]!);
    const written = statSync(cache).mtimeMs;
    runBundled(path.join(out, 'second')); // every script accepted its cache: nothing to write
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('is fresh only while every recorded source is unchanged', () => {
    expect(loader.fresh(dist)).toBe(true);
    const file = path.join(dist, loader.INPUTS);
    const recorded = readFileSync(file, 'utf8');
    const { inputs } = JSON.parse(recorded) as { inputs: Record<string, string> };
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/writers/pdf/engine.ts', 'package-lock.json', 'scripts/build.ts']));
    try {
      writeFileSync(file, JSON.stringify({ inputs: { ...inputs, 'src/cli/main.ts': '1:1' } }));
      expect(loader.fresh(dist)).toBe(false);
      rmSync(file);
      expect(loader.fresh(dist)).toBe(false);
    } finally {
      writeFileSync(file, recorded);
    }
  });
});
