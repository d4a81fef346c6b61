// Files are written whole or not at all: bytes go to a temp file in the target folder, are
// synced, then renamed over the target (or linked to a new name, which fails instead of
// overwriting). rename replaces a planted symlink instead of writing through it, and a killed
// run leaves at most a stray .tmp file, never a half document. (hardening.md items 39, 44)
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../errors.ts';
import { fsReason, isFolder } from '../util/fs.ts';

export interface WriteOptions {
  /** Refuse to replace an existing file. */
  readonly create?: boolean;
  /** A new file holds personal data: readable by its owner only (0600), not 0644. */
  readonly private?: boolean;
  /**
   * Synced to disk before it replaces the target, and the folder after (default). Documents
   * made from the data skip both: they can be made again, a power cut can leave one short but
   * never half-replaced, and `--resume` checks every file's head and tail. Two syncs per file
   * were a tenth of a letter's time.
   */
  readonly durable?: boolean;
  /**
   * The output folder the user gave (--out): no folder between it and the file may be a
   * symbolic link. Without it, the file's own folder is taken as that root.
   */
  readonly root?: string;
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

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temp files a killed run left in `dir` (ours by name, from a process no longer
 * running: another run writing into the same folder keeps its own); returns their paths.
 */
export function removeStrayTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no folder yet
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP.exec(name)?.[1];
    if (pid === undefined || running(Number(pid))) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed.push(path.join(dir, name));
    } catch {
      // gone already
    }
  }
  return removed;
}

/** Whether a process of this id is alive (EPERM: alive, but another user's). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Refuses when a folder from below `root` down to `dir` is a symbolic link: one planted in the
 * output folder (out/2027-春节/letters → elsewhere) would have documents written, and stray temp
 * files removed, wherever it points. `root` itself may be a link: the user chose it.
 */
export function refuseLinks(dir: string, root: string): void {
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${dir} is not under ${root}`);
  let at = root;
  for (const part of rel === '' ? [] : rel.split(path.sep)) {
    at = path.join(at, part);
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) continue;
      link = readlinkSync(at);
    } catch {
      return; // not there yet: what is made from here on is a folder, not a link
    }
    throw new DataError(`不写入「${at}」：这是一个符号链接（指向「${link}」），输出文件夹里的链接不会被跟随`, {
      hint: '删除这个链接再运行；要写到别的地方，请用 --out 指定那个文件夹',
    });
  }
}

/**
 * `mkdir -p`, with the reason in Chinese when it cannot be done; below `root`, refusing a
 * symbolic link on the way (refuseLinks). Not Node's recursive mkdir: where mkdir answers
 * ENOENT under a folder that exists (/proc), that one loops forever.
 */
export function makeFolder(dir: string, root: string = dir): void {
  refuseLinks(dir, root);
  const make = (d: string, again = true): void => {
    if (isFolder(d)) return;
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && isFolder(d)) return; // made meanwhile by another writer
      const parent = path.dirname(d);
      if (code !== 'ENOENT' || parent === d || !again) throw e;
      make(parent);
      make(d, false);
    }
  };
  try {
    make(dir);
  } catch (e) {
    throw fsError(e, `无法建立文件夹「${dir}」`);
  }
}

/** Writes `data` to `file` atomically; a replaced file keeps its permissions. */
export function writeAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const dir = path.dirname(file);
  makeFolder(dir, opts.root);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = !opts.create && existsSync(file) ? statSync(file).mode & 0o777 : opts.private ? 0o600 : 0o644;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    if (opts.durable !== false) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, mode);
    if (opts.create) {
      linkSync(temp, file);
      unlinkSync(temp);
    } else {
      renameSync(temp, file);
    }
    if (opts.durable !== false) syncDir(dir);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw fsError(e, `无法写入「${file}」`);
  }
}

function fsError(e: unknown, what: string): DataError {
  return new DataError(`${what}：${fsReason(e, 'write')}`, { cause: e });
}

const MAX_CHARS = 80;
/** A file name holds 255 bytes; the extension and the temp file's decoration (writeAtomic) need ~30. */
const MAX_BYTES = 200;
const HASH_LENGTH = 10;

/** The longest start of `text` within both limits, cut on whole characters (never half a surrogate pair). */
function cut(text: string, chars: number, bytes: number): string {
  let out = '';
  let size = 0;
  let count = 0;
  for (const char of text) {
    size += Buffer.byteLength(char);
    if (++count > chars || size > bytes) break;
    out += char;
  }
  return out;
}

/**
 * A file-name part from an id or a name: no path separators, no control or reserved characters,
 * at most 80 characters and 200 bytes. Distinct names give distinct parts: a name that had to be
 * cleaned or cut ends in a hash of the name as given, so two long ids with a common start (or an
 * id's card and its proposal) never share a file.
 */
export function safeName(part: string): string {
  const wanted = part.normalize('NFC');
  const trim = (s: string) => s.replace(/^[.\s]+|[.\s]+$/g, '');
  const cleaned = trim(wanted.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_'));
  if (cleaned !== '' && cleaned === wanted && cut(cleaned, MAX_CHARS, MAX_BYTES) === cleaned) return cleaned;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, HASH_LENGTH);
  const start = trim(cut(cleaned, MAX_CHARS - HASH_LENGTH - 1, MAX_BYTES - HASH_LENGTH - 1));
  return `${start === '' ? '_' : start}-${hash}`;
}
