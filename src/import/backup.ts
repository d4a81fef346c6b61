// Before an import changes a data file, the file is copied to data/.backup/<time>/.
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { writeAtomic } from '../output/write.ts';
import path from 'node:path';

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

/**
 * Backs up the files about to be updated and writes the backup's manifest: what `source` is
 * about to update and create, and how to undo it.
 */
export function backupBeforeWrite(dataDir: string, change: { source: string; updated: readonly string[]; created: readonly string[] }, now: Date): string {
  const dir = backup(dataDir, change.updated, now);
  const rel = (f: string) => path.relative(dataDir, f).split(path.sep).join('/');
  const manifest = {
    source: change.source,
    time: now.toISOString(),
    updated: change.updated.map(rel),
    created: change.created.map(rel),
    note: '撤销这次修改：把本文件夹里的文件复制回数据文件夹，并删除 created 里列出的新文件',
  };
  writeAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { create: true, private: true });
  return dir;
}
