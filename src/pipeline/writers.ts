// Writes Docs in worker threads, one per core, or in this thread. Building a Doc (views,
// templates, glyph checks) stays with the caller, so every data error still names its file and
// line; the threads only lay out and write, which is most of the time a document takes.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { writeTask, type WriteTask } from './write-task.ts';

export interface DocWriters {
  /** How many documents are written at once. */
  readonly jobs: number;
  write(task: WriteTask): Promise<string[]>;
  close(): Promise<void>;
}

// A thread costs about a second to start (loader, modules, fonts): below this many documents
// per thread the start costs more than the thread saves.
const DOCS_PER_THREAD = 40;

/** The default number of threads for `count` documents: every core, if there is work for it. */
export function defaultJobs(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(count / DOCS_PER_THREAD)));
}

export function docWriters(jobs: number): DocWriters {
  if (jobs <= 1) return { jobs: 1, write: writeTask, close: async () => {} };
  const pool = new Tinypool({
    filename: fileURLToPath(new URL('../../bin/worker.js', import.meta.url)),
    minThreads: jobs,
    maxThreads: jobs,
  });
  return { jobs, write: (task) => pool.run(task), close: () => pool.destroy() };
}
