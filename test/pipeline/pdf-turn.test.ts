// One PDF layout at a time in a process: the next starts only when the one before has ended,
// whether it succeeded or failed; other formats do not wait.
import { describe, expect, it } from 'vitest';
import { inTurn } from '../../src/pipeline/document.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('inTurn', () => {
  it('starts a PDF only after the one before has ended, even when that one failed', async () => {
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const runs = [inTurn('pdf', job('a')), inTurn('pdf', job('b', true)), inTurn('pdf', job('c'))];
    const docx = inTurn('docx', job('d'));
    const settled = await Promise.allSettled([...runs, docx]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(log.filter((l) => !l.startsWith('d'))).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    // The .docx started beside the first PDF, not after it.
    expect(log.indexOf('d start')).toBeLessThan(log.indexOf('a end'));
  });
});
