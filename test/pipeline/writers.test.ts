// Writer processes get this process's Node options but never code given with -e / -p, which
// they would run again (and, in the build's warm-up, start writers of their own).
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { writerCount, writerExecArgv } from '../../src/pipeline/writers.ts';

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
