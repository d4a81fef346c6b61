// How a file is named to the user: relative to the working folder when it lies inside it, so
// messages stay short and can be pasted into the next command; otherwise the absolute path.
import path from 'node:path';

export function shownPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}
