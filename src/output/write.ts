// Files are written whole or not at all: bytes go to a temp file in the target folder, are
// flushed, then renamed over the target. rename replaces a planted symlink instead of writing
// through it, and a killed run leaves at most a stray .tmp file, never a half document.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // wx: never open an existing path, so a symlink planted at the temp name is not followed either.
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A file-name part from an id or a name: no path separators, no control or reserved characters. */
export function safeName(part: string): string {
  const trim = (s: string) => s.replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points, so a character beyond U+FFFF is never split, then trim again.
  const cleaned = trim(
    [...trim(part.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_'))].slice(0, 80).join(''),
  );
  return cleaned === '' ? '_' : cleaned;
}
