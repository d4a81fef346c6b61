// Preloaded into a process (node --import) to make zlib's callbacks finish in the reverse order
// of their calls, as they may on a loaded machine: the first image a document decodes is done last.
import zlib from 'node:zlib';

let calls = 0;
for (const name of ['inflate', 'deflate'] as const) {
  const real = zlib[name] as (buffer: zlib.InputType, callback: zlib.CompressCallback) => void;
  (zlib as unknown as Record<string, unknown>)[name] = (buffer: zlib.InputType, callback: zlib.CompressCallback) => {
    const delay = Math.max(0, 200 - 40 * calls++);
    real(buffer, (error, result) => setTimeout(() => callback(error, result), delay));
  };
}
