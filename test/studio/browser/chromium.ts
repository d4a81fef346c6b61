// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's `chromium` on the PATH.
// CHROMIUM_PATH=none (or any path that is not an executable file) runs without, as a machine
// lacking it would: the skip path can be tried on a machine that has one.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const BROWSER_TESTS = 'test/studio/browser';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable, or undefined when there is none to use. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen !== undefined && chosen !== '') return executable(chosen) ? chosen : undefined;
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      if (dir !== '' && executable(file)) return file;
    }
  }
  return undefined;
}

/** The one line `npm test` prints when it skips the browser tests. */
export function skipLine(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env['CHROMIUM_PATH'];
  const why = chosen ? `CHROMIUM_PATH=${chosen} 不是可执行文件` : '没有找到 Chromium';
  return `跳过浏览器测试 ${BROWSER_TESTS}：${why}（apt-get install chromium fonts-noto-cjk，或设 CHROMIUM_PATH）`;
}
