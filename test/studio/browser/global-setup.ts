// Vitest's global setup: on a machine without Chromium the browser tests skip themselves
// (describe.skipIf), and this says so once, with how to get them.
import { chromiumPath, skipLine } from './chromium.ts';

export default function setup(): void {
  if (chromiumPath() === undefined) console.log(skipLine());
}
