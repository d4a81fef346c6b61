// The studio's job runner: one job at a time, progress as the task reports it, a cancel that
// reaches the task's signal, and the result or error kept after the end.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { Jobs, type JobControl } from '../../src/studio/jobs.ts';

/** A task that waits until the test lets it go, reporting what it is told. */
function gated<R>(result: R) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let control!: JobControl;
  const task = async (c: JobControl) => {
    control = c;
    await gate;
    return result;
  };
  return { task, release, control: () => control };
}

describe('Jobs', () => {
  it('runs a task, reports its progress and keeps its result', async () => {
    const jobs = new Jobs<string, string>();
    const g = gated('fertig');
    const started = jobs.start('春节', g.task);
    if (!('job' in started)) throw new Error('not started');
    const { job } = started;
    expect(job.state).toBe('running');
    expect(job.total).toBeUndefined();
    await Promise.resolve(); // the task starts on the next turn
    await Promise.resolve();
    g.control().progress(3, 7);
    expect([job.done, job.total]).toEqual([3, 7]);
    g.release();
    await job.finished;
    expect(job.state).toBe('done');
    expect(job.result).toBe('fertig');
    expect(jobs.get(job.id)).toBe(job);
  });

  it('runs one job at a time: a second start returns the running one as busy', async () => {
    const jobs = new Jobs<number, string>();
    const g = gated(1);
    const first = jobs.start('a', g.task);
    const second = jobs.start('b', async () => 2);
    expect('busy' in second && 'job' in first && second.busy === first.job).toBe(true);
    g.release();
    if ('job' in first) await first.job.finished;
    const third = jobs.start('c', async () => 3);
    expect('job' in third).toBe(true);
    if ('job' in third) {
      await third.job.finished;
      expect(third.job.result).toBe(3);
    }
    expect(jobs.list().map((j) => j.label)).toEqual(['c', 'a']);
  });

  it('cancel aborts the task’s signal; a result that says it stopped early makes the job cancelled', async () => {
    const jobs = new Jobs<{ cancelled: boolean }, string>({ cancelled: (r) => r.cancelled });
    const started = jobs.start('x', (c) => new Promise((resolve) => c.signal.addEventListener('abort', () => resolve({ cancelled: true }))));
    if (!('job' in started)) throw new Error('not started');
    await Promise.resolve();
    started.job.cancel();
    await started.job.finished;
    expect(started.job.state).toBe('cancelled');
    expect(started.job.result).toEqual({ cancelled: true });
  });

  it('keeps the error of a failed task; an aborted AppError counts as cancelled', async () => {
    const jobs = new Jobs<void, string>();
    const failed = jobs.start('bad', async () => {
      throw new AppError('模板有错误', { code: 'template' });
    });
    if (!('job' in failed)) throw new Error('not started');
    await failed.job.finished;
    expect(failed.job.state).toBe('failed');
    expect((failed.job.error as AppError).message).toBe('模板有错误');
    const aborted = jobs.start('stop', async () => {
      throw new AppError('节日邮寄在开始前就取消了，没有写任何文件', { code: 'aborted' });
    });
    if (!('job' in aborted)) throw new Error('not started');
    await aborted.job.finished;
    expect(aborted.job.state).toBe('cancelled');
  });

  it('finds nothing for an id that is not one of its own, such as a path', async () => {
    const jobs = new Jobs<number, string>();
    const started = jobs.start('a', async () => 1);
    if (!('job' in started)) throw new Error('not started');
    await started.job.finished;
    for (const id of ['../x', '..%2Fx', '', started.job.id.toUpperCase(), `${started.job.id}/../x`]) expect(jobs.get(id), id).toBeUndefined();
  });

  it('forgets the oldest finished jobs beyond what it keeps', async () => {
    const jobs = new Jobs<number, number>({ keep: 2 });
    for (const n of [1, 2, 3]) {
      const s = jobs.start(n, async () => n);
      if ('job' in s) await s.job.finished;
    }
    expect(jobs.list().map((j) => j.label)).toEqual([3, 2]);
  });
});
