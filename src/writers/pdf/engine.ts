// The one place pdfmake is configured. Importing the PDF writer runs this, so every process and
// worker thread that can render has both access policies before its first document.
// Must run before pdfmake loads pdfkit.
import './pdfkit-levers.ts';
import './pdfmake-levers.ts';
import './text-runs.ts';
import './keep-with-next.ts';
import './long-words.ts';
import { realpathSync } from 'node:fs';
import { basename, sep } from 'node:path';
import pdfmake from 'pdfmake';
import type { FontFamily } from '../../document/model.ts';
import { FONT_DIRS, FONT_FILES, fontBuffer } from '../../fonts/index.ts';

function underFontDirs(path: string): boolean {
  try {
    const real = realpathSync(path);
    return FONT_DIRS.some((dir) => real.startsWith(dir + sep));
  } catch {
    return false;
  }
}

// Fonts come from pdfmake's virtual file system and images arrive as data URLs (see assets.ts),
// so pdfmake needs no file of its own; the fonts directories stay readable as a fallback. The
// assets folder is not listed: images are read and checked by readAsset, not by pdfmake.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(underFontDirs);

const vfsName = (family: FontFamily, weight: 'regular' | 'bold'): string => basename(FONT_FILES[family][weight]);
const descriptor = (family: FontFamily) => ({
  normal: vfsName(family, 'regular'),
  bold: vfsName(family, 'bold'),
  // The CJK fonts have no italics; italic runs print upright rather than as a fake slant.
  italics: vfsName(family, 'regular'),
  bolditalics: vfsName(family, 'bold'),
});
pdfmake.setFonts({ serif: descriptor('serif'), sans: descriptor('sans') });

/**
 * Puts the family's TTFs into pdfmake's virtual file system, once per process: with a path,
 * pdfkit would read the 10–15 MB file again for every document.
 */
function loadFamily(family: FontFamily): void {
  for (const weight of ['regular', 'bold'] as const) {
    const name = vfsName(family, weight);
    if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, fontBuffer(family, weight));
  }
}

export async function renderPdf(definition: object, families: Iterable<FontFamily>): Promise<Uint8Array> {
  for (const family of families) loadFamily(family);
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
