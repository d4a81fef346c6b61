// File-system questions asked in several places.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { DataError } from '../errors.ts';

/** True when `path` is a folder (following links); false when it is missing or anything else. */
export const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

type Reason = string | { readonly read: string; readonly write: string };
const REASONS: Readonly<Record<string, Reason>> = {
  EACCES: { read: '没有读取权限', write: '没有写入权限' },
  EPERM: { read: '没有读取权限', write: '没有写入权限，或文件被其他程序占用' },
  ENOENT: { read: '是指向不存在的文件的链接，或刚被删除', write: '路径不存在，也建不出来' },
  ENOTDIR: { read: '这是文件，应该是文件夹', write: '路径上有一段是文件，不是文件夹' },
  EISDIR: '这是文件夹，不是文件',
  ELOOP: '链接绕成了圈',
  EEXIST: '已经有同名的文件，没有覆盖',
  ENOSPC: '磁盘空间不足',
  EBUSY: '文件被其他程序占用',
  ENAMETOOLONG: '文件名太长',
  EROFS: '磁盘是只读的',
};

/** Why reading or writing a file failed, in Chinese; Node's own message for a code not listed. */
export function fsReason(e: unknown, access: 'read' | 'write'): string {
  const reason = REASONS[(e as { code?: string }).code ?? ''];
  if (reason === undefined) return (e as Error).message;
  return typeof reason === 'string' ? reason : reason[access];
}

/** Why a file was not read: not a plain file, too big, or the system's reason. */
export interface Refused {
  readonly rule: 'file-too-large' | 'unreadable';
  /** In Chinese, without the file's name. */
  readonly reason: string;
  /** The size found, for file-too-large. */
  readonly size?: number;
  /** The system's error, for unreadable. */
  readonly cause?: unknown;
}

const KINDS: readonly [test: (s: Stats) => boolean, what: string][] = [
  [(s) => s.isDirectory(), '这是文件夹，不是文件'],
  [(s) => s.isFIFO(), '这是命名管道（FIFO），不是普通文件'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), '这是设备文件，不是普通文件'],
  [(s) => s.isSocket(), '这是套接字，不是普通文件'],
];

/** 1536 → "1.5 KB", rounded up so that a file just over a limit is not shown as the limit. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${Math.ceil(value * 10) / 10} ${unit}`;
}

/**
 * Reads a file from a user's folder, refusing anything but a regular file of at most `maxBytes`.
 * It is opened without blocking (a named pipe would otherwise wait for a writer forever) and the
 * opened descriptor is checked, not the path, so a link swapped in between cannot slip past; at
 * most `maxBytes + 1` bytes are read, as stat says 0 for files whose size it does not know.
 */
export function readRegular(file: string, maxBytes: number): Buffer | Refused {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { rule: 'unreadable', reason: fsReason(e, 'read'), cause: e };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { rule: 'unreadable', reason: KINDS.find(([test]) => test(stats))?.[1] ?? '这不是普通文件' };
    const tooLarge = (size: number): Refused => ({ rule: 'file-too-large', size, reason: `文件太大（${formatBytes(size)}），不能超过 ${formatBytes(maxBytes)}` });
    if (stats.size > maxBytes) return tooLarge(stats.size);
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge(length);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (e) {
    return { rule: 'unreadable', reason: fsReason(e, 'read'), cause: e };
  } finally {
    closeSync(fd);
  }
}

/** readRegular for callers that stop at the first problem: a DataError naming `shown`. */
export function readRegularFile(file: string, maxBytes: number, shown = file): Buffer {
  const read = readRegular(file, maxBytes);
  if (Buffer.isBuffer(read)) return read;
  throw new DataError(`${shown}：${read.reason}`, { cause: read.cause });
}
