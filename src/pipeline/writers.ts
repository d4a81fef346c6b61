// Writes Docs in writer processes, one per core, or in this thread. Building a Doc (views,
// templates, glyph checks) stays with the caller, so every data error still names its file and
// line; the writers only lay out and write, which is most of the time a document takes.
// Processes, not worker threads: measured on 2 cores, two writer threads in one process slowed
// each other down to ~1.8× a letter's time alone, two processes to ~1.2× (1,000 letters:
// 30 s with threads, 25.5 s with processes).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
// Named: the bundle require()s this ES module, and a default import would get its namespace.
import { Tinypool } from 'tinypool';
import { AppError, DataError } from '../errors.ts';
import { writeTask, type RenderTask, type WriteTask } from './write-task.ts';

export interface DocWriters {
  /** How many documents are written at once. */
  readonly jobs: number;
  /**
   * Queues a document; `first` puts it ahead of every document not yet started. Once `signal`
   * aborts, a document not yet started is not: it rejects with an AppError of code `aborted`.
   */
  write(task: WriteTask, opts?: { first?: boolean; signal?: AbortSignal | undefined }): Promise<string[]>;
  close(): Promise<void>;
}

// A writer costs about a second to start (loader, modules, fonts): below this many documents
// per writer the start costs more than the writer saves.
const DOCS_PER_WRITER = 40;

/**
 * Writers for `count` documents: `requested`, else every core if there is work for it. Never
 * more than the cores, where writers only slow each other down (a typed --jobs 999 would start
 * 999 processes of ~150 MB), nor than the documents.
 */
export function writerCount(count: number, requested?: number): number {
  const cores = availableParallelism();
  return Math.max(1, requested === undefined ? Math.min(cores, Math.floor(count / DOCS_PER_WRITER)) : Math.min(requested, cores, count));
}

// tinypool gives a writer process only the variables it is handed, not this process's.
const inheritedEnv = (): Record<string, string> => Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

const SCRIPT_FLAGS = new Set(['-e', '--eval', '-p', '--print']);

/**
 * This process's Node options for a writer (e.g. --import tsx), without code given on the command
 * line: a writer handed `-e <code>` would run that code again, and with it more writers.
 */
export function writerExecArgv(execArgv: readonly string[]): string[] {
  return execArgv.filter((arg, i) => !SCRIPT_FLAGS.has(arg) && !SCRIPT_FLAGS.has(execArgv[i - 1] ?? '') && !/^--(eval|print)=/.test(arg));
}

/**
 * A writer's error arrives as a plain object (tinypool sends its name, message and stack, and
 * printed as such it read "[object Object]"): an Error again, a DataError when it was one.
 */
export function revived(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e !== 'object' || e === null) return new Error(String(e));
  const { name, message = '', stack, hint } = e as { name?: string; message?: string; stack?: string; hint?: string };
  const error = name === 'DataError' ? new DataError(message, hint === undefined ? {} : { hint }) : new Error(message);
  if (stack !== undefined) error.stack = stack;
  return error;
}

// A writer's heap grows to twice what a 250-letter layout needs before V8 collects it; capped,
// V8 collects sooner. Measured on 1,000 letters: writers' peaks 358 → 258 MB, 18 % slower.
const LEAN_HEAP_MB = 384;

/** `jobs` writer processes running bin/worker.js, started now. */
function writerPool(jobs: number, execArgv: readonly string[] = []): Tinypool {
  return new Tinypool({
    filename: fileURLToPath(new URL('../../bin/worker.js', import.meta.url)),
    runtime: 'child_process',
    // Structured clone: a rendered file's bytes come back as bytes, not as JSON.
    serialization: 'advanced',
    minThreads: jobs,
    maxThreads: jobs,
    env: inheritedEnv(),
    execArgv: [...writerExecArgv(process.execArgv), ...execArgv],
  });
}

/** `lean`: cap each writer's heap, slower but far less memory, for long mailings. */
export function docWriters(jobs: number, opts: { lean?: boolean } = {}): DocWriters {
  const pool = jobs > 1 ? writerPool(jobs, opts.lean ? [`--max-old-space-size=${LEAN_HEAP_MB}`] : []) : undefined;
  const run = (task: WriteTask): Promise<string[]> =>
    pool
      ? pool.run(task).catch((e: unknown) => {
          throw revived(e);
        })
      : writeTask(task);
  // Our own queue decides the order; the pool gets two documents per writer, enough that no
  // writer waits for this one to hand it the next. In this process one at a time: two layouts
  // interleaved at their awaits share pdfkit's per-process font state, and a letter's bytes came
  // out different now and then (a writer process takes one document at a time anyway).
  const waiting: (() => void)[] = [];
  let running = 0;
  const next = () => {
    if (running < (pool ? 2 * jobs : 1)) waiting.shift()?.();
  };
  return {
    jobs: Math.max(1, jobs),
    write(task, opts) {
      return new Promise<string[]>((resolve, reject) => {
        const start = () => {
          if (opts?.signal?.aborted) {
            reject(new AppError('已取消，没有开始写', { code: 'aborted' }));
            next();
            return;
          }
          running++;
          run(task)
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        };
        if (opts?.first) waiting.unshift(start);
        else waiting.push(start);
        next();
      });
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}

/**
 * A second process that renders while this one does, for a long-lived front end (the studio)
 * that wants a document's PDF and .docx at once: on two cores the .docx is laid out beside the
 * PDF instead of after it. The process takes about a second to start: until it has rendered a
 * first document (the first one asked for, as a warm-up), `render` answers undefined and the
 * caller renders in its own process.
 */
export interface SideRenderer {
  /** Whether the process has rendered its first document and takes requests. */
  readonly ready: boolean;
  render(task: RenderTask): Promise<Uint8Array> | undefined;
  close(): Promise<void>;
}

// A render allocates ~50 MB that lives until it ends; in V8's default 16 MB young space each
// collection copied the half-built document again (a .docx: ~20 ms of collections a render). A
// young space that holds a render is collected about once per render, for ~100 MB more memory
// in this one process.
const SIDE_YOUNG_SPACE_MB = 64;

export function sideRenderer(): SideRenderer {
  const pool = writerPool(1, [`--max-semi-space-size=${SIDE_YOUNG_SPACE_MB}`]);
  const run = (task: RenderTask) =>
    (pool.run(task, { name: 'renderTask' }) as Promise<Uint8Array>).catch((e: unknown) => {
      throw revived(e);
    });
  let state: 'cold' | 'warming' | 'ready' | 'broken' = 'cold';
  return {
    get ready() {
      return state === 'ready';
    },
    render(task) {
      if (state === 'ready') return run(task);
      if (state === 'cold') {
        state = 'warming';
        // A side process that cannot render stays unused: the caller's own process renders.
        run(task).then(
          () => (state = 'ready'),
          () => (state = 'broken'),
        );
      }
      return undefined;
    },
    close() {
      state = 'broken';
      return pool.destroy();
    },
  };
}
