// Writer processes get this process's Node options but never code given with -e / -p, which
// they would run again (and, in the build's warm-up, start writers of their own); a cancelled
// run's documents still waiting are not written.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError, DataError } from '../../src/errors.ts';
import { docWriters, revived, writerCount, writerExecArgv } from '../../src/pipeline/writers.ts';
import { paragraphs } from '../writers/fixture.ts';
import { DATA, tempDir } from './build.ts';

describe('writerExecArgv', () => {
  it('keeps options such as --import and heap limits', () => {
    expect(writerExecArgv(['--import', 'tsx', '--max-old-space-size=384'])).toEqual(['--import', 'tsx', '--max-old-space-size=384']);
  });

  it('drops -e / --eval / -p / --print and the code after them', () => {
    expect(writerExecArgv(['--import', 'tsx', '-e', 'run()', '--max-old-space-size=384'])).toEqual(['--import', 'tsx', '--max-old-space-size=384']);
    expect(writerExecArgv(['--eval', 'run()'])).toEqual([]);
    expect(writerExecArgv(['-p', '1+1', '--no-warnings'])).toEqual(['--no-warnings']);
    expect(writerExecArgv(['--print=1', '--eval=run()', '--trace-gc'])).toEqual(['--trace-gc']);
  });
});

describe('writerCount', () => {
  const cores = availableParallelism();

  it('uses every core once there are 40 documents a writer, and one writer below that', () => {
    expect(writerCount(39)).toBe(1);
    expect(writerCount(40 * cores)).toBe(cores);
    expect(writerCount(100_000)).toBe(cores);
  });

  it('takes a requested number up to the cores and the documents, and at least one', () => {
    expect(writerCount(1000, 999)).toBe(cores);
    expect(writerCount(1000, 1)).toBe(1);
    expect(writerCount(1, 999)).toBe(1);
    expect(writerCount(0, 999)).toBe(1);
  });
});

describe('revived', () => {
  it('makes the plain object a writer process sends back an Error again, a DataError when it was one', () => {
    const data = revived({ name: 'DataError', message: '生成 print-001.pdf 失败：找不到图片', stack: 'at writer', hint: '看 assets/' });
    expect(data).toBeInstanceOf(DataError);
    expect([data.message, data.stack, (data as DataError).hint]).toEqual(['生成 print-001.pdf 失败：找不到图片', 'at writer', '看 assets/']);
    const other = revived({ name: 'TypeError', message: 'x is undefined' });
    expect(other).not.toBeInstanceOf(DataError);
    expect(other.message).toBe('x is undefined');
    expect(revived('gone').message).toBe('gone');
    const error = new Error('same');
    expect(revived(error)).toBe(error);
  });
});

describe('docWriters', () => {
  it('writes no document still waiting once its signal aborts: it rejects as aborted, the one started is finished', async () => {
    const tmp = tempDir('writers-abort');
    const writers = docWriters(1);
    const stop = new AbortController();
    try {
      const write = (name: string) => writers.write({ doc: paragraphs(['一份文书']), formats: ['pdf'], base: path.join(tmp.dir, name), assetsDir: path.join(DATA, 'assets') }, { signal: stop.signal });
      const [first, second, third] = [write('a'), write('b'), write('c')].map((p) => p.then(() => 'written', (e: AppError) => e.code));
      stop.abort();
      expect(await Promise.all([first, second, third])).toEqual(['written', 'aborted', 'aborted']);
      expect(readdirSync(tmp.dir).filter((f) => !f.startsWith('.'))).toEqual(['a.pdf']);
    } finally {
      await writers.close();
      tmp.remove();
    }
  });
});
