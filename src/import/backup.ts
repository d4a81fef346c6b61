// Before an import changes a data file, the file is copied to data/.backup/<time>/.
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
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
