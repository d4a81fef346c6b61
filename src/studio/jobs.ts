// Long tasks the studio runs for a page (a festival mailing): one at a time, each with an id
// the page polls for its progress, a cancel that stops it cleanly, and its result or error
// kept for the page to show after it ends.
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobControl {
  /** Aborted by cancel(); the task stops at its next safe point. */
  readonly signal: AbortSignal;
  progress(done: number, total: number): void;
}

export type Task<R> = (control: JobControl) => Promise<R>;

export interface Job<R, L> {
  readonly id: string;
  /** What the job was started with (a mailing's festival, year, filters). */
  readonly label: L;
  readonly startedAt: Date;
  readonly state: JobState;
  readonly done: number;
  /** Unknown (undefined) until the task says how much there is to do. */
  readonly total: number | undefined;
  readonly result: R | undefined;
  readonly error: unknown;
  /** Settles when the task has ended, whichever way. */
  readonly finished: Promise<void>;
  cancel(): void;
}

/** Ids are random UUIDs: a URL cannot guess another job, and nothing else is looked up. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface JobsOptions<R> {
  /** A result that says the task stopped early on its signal (the job is then `cancelled`). */
  readonly cancelled?: (result: R) => boolean;
  /** Finished jobs kept for their pages; the oldest are forgotten first. */
  readonly keep?: number;
}

export class Jobs<R, L> {
  private readonly jobs = new Map<string, Job<R, L>>();
  private readonly keep: number;

  constructor(private readonly opts: JobsOptions<R> = {}) {
    this.keep = opts.keep ?? 20;
  }

  /** Starts the task unless one is running: then that one is returned as `busy`. */
  start(label: L, task: Task<R>): { readonly job: Job<R, L> } | { readonly busy: Job<R, L> } {
    const busy = this.running();
    if (busy) return { busy };
    const controller = new AbortController();
    const job = {
      id: randomUUID(),
      label,
      startedAt: new Date(),
      state: 'running' as JobState,
      done: 0,
      total: undefined as number | undefined,
      result: undefined as R | undefined,
      error: undefined as unknown,
      finished: Promise.resolve(),
      cancel: () => controller.abort(),
    };
    const control: JobControl = {
      signal: controller.signal,
      progress: (done, total) => {
        job.done = done;
        job.total = total;
      },
    };
    // The task starts on the next turn, so `start` returns before any of its work is done.
    job.finished = Promise.resolve()
      .then(() => task(control))
      .then(
        (result) => {
          job.result = result;
          job.state = this.opts.cancelled?.(result) ? 'cancelled' : 'done';
        },
        (error: unknown) => {
          job.error = error;
          job.state = error instanceof AppError && error.code === 'aborted' ? 'cancelled' : 'failed';
        },
      );
    this.jobs.set(job.id, job);
    this.forgetOld();
    return { job };
  }

  /** The job with this id; anything that is not one of our ids finds nothing. */
  get(id: string): Job<R, L> | undefined {
    return ID.test(id) ? this.jobs.get(id) : undefined;
  }

  running(): Job<R, L> | undefined {
    return [...this.jobs.values()].find((j) => j.state === 'running');
  }

  /** Newest first. */
  list(): Job<R, L>[] {
    return [...this.jobs.values()].reverse();
  }

  private forgetOld(): void {
    const ended = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of ended.slice(0, Math.max(0, this.jobs.size - this.keep))) this.jobs.delete(j.id);
  }
}
