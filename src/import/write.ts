// Writing safely (hardening.md items 39, 44): every file that will change is copied to
// data/.backup/<time>/ first; each file is written to a temp file in its own folder, synced,
// then renamed over the old one (or linked to a new name, which fails instead of overwriting).
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, constants, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors.ts';

/** 2026-01-05 08:03:09 → 20260105-080309 (local time, no characters Windows forbids). */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Copies each file (absolute, inside dataDir) to dataDir/.backup/<stamp>/<same relative path>. */
export function backup(dataDir: string, files: readonly string[], now: Date): string {
  const root = path.join(dataDir, '.backup');
  let dir = path.join(root, stamp(now));
  for (let n = 2; existsSync(dir); n++) dir = path.join(root, `${stamp(now)}-${n}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const file of files) {
    const rel = path.relative(dataDir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`备份的文件不在数据文件夹里：${file}`);
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    copyFileSync(file, target, constants.COPYFILE_EXCL);
    chmodSync(target, 0o600);
  }
  return dir;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every system can sync a directory (Windows); the rename itself is still atomic.
  }
}

/**
 * Writes `data` to `file` atomically. `create` refuses to replace an existing file; otherwise the
 * old file's permissions are kept. New files are private (0600): they hold personal data.
 */
export function writeAtomic(file: string, data: string | Uint8Array, opts: { create: boolean }): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = opts.create || !existsSync(file) ? 0o600 : statSync(file).mode & 0o777;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, mode);
    if (opts.create) {
      linkSync(temp, file);
      unlinkSync(temp);
    } else {
      renameSync(temp, file);
    }
    syncDir(dir);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw writeError(e, file);
  }
}

function writeError(e: unknown, file: string): DataError {
  const code = (e as { code?: string }).code;
  const why: Record<string, string> = {
    EEXIST: '文件已经存在，没有覆盖',
    ENOSPC: '磁盘空间不足',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限，或文件被其他程序占用',
    EBUSY: '文件被其他程序占用',
    ENAMETOOLONG: '文件名太长',
    EROFS: '磁盘是只读的',
  };
  return new DataError(`无法写入「${file}」：${(code && why[code]) ?? (e as Error).message}`, { cause: e });
}
