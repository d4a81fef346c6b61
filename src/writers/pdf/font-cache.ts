// pdfkit calls fontkit.create for every document, so every document re-parses the CJK fonts'
// tables (cmap, glyf, GSUB…) as it lays out and subsets text. Handing pdfkit the registry's one
// parsed Font per font file removes that: measured 62 → 44 ms per letter, identical bytes.
// fontkit's exports are read-only getters, so the module's cache entry is replaced before
// pdfkit first requires it. Pinned: verified with pdfkit 0.19.1 and fontkit 2.0.4; a test
// checks the versions and that documents rendered in turn stay byte-identical.
import { createRequire } from 'node:module';
import { parsedFont } from '../../fonts/index.ts';

const require = createRequire(import.meta.url);
const pdfkitRequire = createRequire(require.resolve('pdfmake'));
const fontkitId = createRequire(pdfkitRequire.resolve('pdfkit')).resolve('fontkit');

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;
const real = require(fontkitId) as { create: Create };
// Our TTFs are single fonts, not collections, so the postscript name pdfkit passes selects nothing.
const create: Create = (buffer) => parsedFont(buffer);

const entry = require.cache[fontkitId];
if (entry) entry.exports = { ...real, create };

/** True when pdfkit will get the shared fonts (the fontkit module pdfkit loads is ours). */
export const fontsShared = (): boolean => (createRequire(pdfkitRequire.resolve('pdfkit'))('fontkit') as { create: Create }).create === create;
