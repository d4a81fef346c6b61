// Writer processes get this process's Node options but never code given with -e / -p, which
// they would run again (and, in the build's warm-up, start writers of their own).
import { describe, expect, it } from 'vitest';
import { writerExecArgv } from '../../src/pipeline/writers.ts';

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
