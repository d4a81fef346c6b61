// Writers of data files (import, the studio's forms, log-visit) never lose each other's updates:
// one at a time holds the data folder's lock, and each refuses to write a file that changed on
// disk since it read it (a version: the hash of the bytes it read).
import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { shownPath } from '../util/paths.ts';
import { running } from './write.ts';

const LOCK = '.tuangou.lock';
/** Writes hold the lock for milliseconds; a writer waits this long before saying the folder is busy. */
const WAIT_MS = 3_000;
const STEP_MS = 25;

/** The version of a file's content: changes whenever a byte does. */
export function versionOf(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 20);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the data folder's lock, waiting a little for another writer; a lock left by a process no longer running is taken over. */
function acquire(dataDir: string): string {
  const file = path.join(dataDir, LOCK);
  for (let waited = 0; ; waited += STEP_MS) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number.parseInt(readOr(file), 10);
    if (!Number.isInteger(holder) || !running(holder)) {
      // Left by a killed writer (or half-written by one): nobody holds it.
      try {
        unlinkSync(file);
      } catch {
        // another writer took it over first
      }
      continue;
    }
    if (waited >= WAIT_MS) {
      throw new AppError(`数据文件夹 ${shownPath(dataDir)} 正在被另一个程序（进程 ${holder}）写入，请稍后再试`, { code: 'locked' });
    }
    sleep(STEP_MS);
  }
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Runs `write` while holding the data folder's lock. */
export function withDataLock<T>(dataDir: string, write: () => T): T {
  const lock = acquire(dataDir);
  try {
    return write();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // removed by hand meanwhile
    }
  }
}

/**
 * Refuses to go on when `file` is not at `version` any more (changed or removed since it was
 * read): writing now would silently undo someone else's edit. `undefined` means it must not exist.
 */
export function assertVersion(file: string, version: string | undefined): void {
  let now: string | undefined;
  try {
    now = versionOf(readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (now === version) return;
  const what = version === undefined ? '在你读取之后被别人新建了' : now === undefined ? '在你读取之后被删除了' : '在你读取之后被修改过';
  throw new AppError(`${shownPath(file)} ${what}：为了不覆盖别人的修改，这次没有保存`, {
    code: 'conflict',
    hint: '重新读取这个文件，在最新的内容上再改一次',
  });
}
