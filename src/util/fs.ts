// File-system questions asked in several places.
import { statSync } from 'node:fs';

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
