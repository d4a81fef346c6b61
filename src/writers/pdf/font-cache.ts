// pdfkit calls fontkit.create for every document, so every document re-parses the CJK fonts'
// tables (cmap, glyf, GSUB…) as it lays out and subsets text. Handing pdfkit one shared
// fontkit Font per font buffer removes that: measured 62 → 44 ms per letter, identical bytes.
// fontkit's exports are read-only getters, so the module's cache entry is replaced before
// pdfkit first requires it. Pinned: verified with pdfkit 0.19.1 and fontkit 2.0.4; a test
// checks the versions and that documents rendered in turn stay byte-identical.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfkitRequire = createRequire(require.resolve('pdfmake'));
const fontkitId = createRequire(pdfkitRequire.resolve('pdfkit')).resolve('fontkit');

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;
const real = require(fontkitId) as { create: Create };
const shared = new WeakMap<Uint8Array, Map<string, unknown>>();

function create(buffer: Uint8Array, postscriptName?: string): unknown {
  let byName = shared.get(buffer);
  if (!byName) shared.set(buffer, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (font === undefined) byName.set(key, (font = real.create(buffer, postscriptName)));
  return font;
}

const entry = require.cache[fontkitId];
if (entry) entry.exports = { ...real, create };

/** True when pdfkit will get the shared fonts (the fontkit module pdfkit loads is ours). */
export const fontsShared = (): boolean => (createRequire(pdfkitRequire.resolve('pdfkit'))('fontkit') as { create: Create }).create === create;
