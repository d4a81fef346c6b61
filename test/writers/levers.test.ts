// The pdfkit and pdfmake levers (src/writers/pdf/pdfkit-levers.ts, pdfmake-levers.ts) reach
// into pinned versions and must not change what is written: the same documents rendered with
// pdfkit and pdfmake as shipped, in another process, hold the same PDF objects byte for byte.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leversOn } from '../../src/writers/pdf/pdfkit-levers.ts';
import { ROOT } from '../pipeline/build.ts';
import { samplePdfs } from './sample-pdfs.ts';
import { renderDoc, DATA } from '../pipeline/build.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { pdfPages } from './text.ts';

const versionOf = (dir: string): string => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

/**
 * Object number → the object's bytes, read through the xref table. A lever may change the
 * order objects are written in (a kept image is written at once, not last), not their content.
 */
function pdfObjects(pdf: Uint8Array): Map<number, string> {
  const text = Buffer.from(pdf).toString('latin1');
  const xref = text.slice(text.lastIndexOf('\nxref\n') + 6);
  const [, first, count] = /^(\d+) (\d+)\n/.exec(xref) ?? [];
  const rows = xref.split('\n').slice(1, 1 + Number(count));
  const offsets = rows.map((r, i) => ({ id: Number(first) + i, at: Number(r.slice(0, 10)), used: r.includes(' n') })).filter((o) => o.used);
  const sorted = [...offsets].sort((a, b) => a.at - b.at);
  const end = text.lastIndexOf('\nxref\n');
  return new Map(sorted.map((o, i) => [o.id, text.slice(o.at, sorted[i + 1]?.at ?? end)]));
}

describe('pdfkit and pdfmake levers', () => {
  it('are on, for the pinned pdfmake, pdfkit and fontkit', () => {
    const require = createRequire(import.meta.url);
    expect(versionOf(path.dirname(require.resolve('pdfmake/package.json')))).toBe('0.3.11');
    const pdfkitDir = path.dirname(createRequire(require.resolve('pdfmake')).resolve('pdfkit/package.json'));
    expect(versionOf(pdfkitDir)).toBe('0.19.1');
    const fontkitMain = createRequire(path.join(pdfkitDir, 'x.js')).resolve('fontkit');
    expect(versionOf(fontkitMain.slice(0, fontkitMain.lastIndexOf(`${path.sep}fontkit${path.sep}`) + 'fontkit'.length + 1))).toBe('2.0.4');
    expect(leversOn()).toBe(true);
  });

  it('write the same objects as pdfkit and pdfmake as shipped', async () => {
    const plain = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'test/writers/sample-pdfs.ts'], {
        cwd: ROOT,
        env: { ...process.env, TUANGOU_PDF_PLAIN: '1' },
        maxBuffer: 64 << 20,
      }).toString(),
    ) as string[];
    const ours = await samplePdfs();
    expect(ours).toHaveLength(plain.length);
    ours.forEach((pdf, i) => {
      const objects = pdfObjects(pdf);
      expect(objects.size).toBeGreaterThan(20);
      expect(objects).toEqual(pdfObjects(Buffer.from(plain[i]!, 'base64')));
    });
  }, 60_000);

  it('write the same bytes in a fresh process as in one that kept everything, whichever image zlib finishes first', async () => {
    // A fresh process decodes the logo and the seal; pdfkit wrote each when zlib finished it.
    const fresh = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', '--import', './test/writers/zlib-backwards.ts', 'test/writers/sample-pdfs.ts'], { cwd: ROOT, maxBuffer: 64 << 20 }).toString(),
    ) as string[];
    // Here, the second time through: images, layouts and deflated font subsets all kept.
    await samplePdfs();
    const ours = await samplePdfs();
    ours.forEach((pdf, i) => expect(Buffer.from(pdf).equals(Buffer.from(fresh[i]!, 'base64'))).toBe(true));
  }, 60_000);

  it('keep the proposal’s heading with its table in one layout, not two', async () => {
    const require = createRequire(import.meta.url);
    const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { tryLayoutDocument: (...a: unknown[]) => unknown } } };
    const layout = LayoutBuilder.prototype.tryLayoutDocument;
    let layouts = 0;
    LayoutBuilder.prototype.tryLayoutDocument = function (...a) {
      layouts++;
      return layout.apply(this, a);
    };
    try {
      const pdf = await writePdf(renderDoc('proposal', 'mengyuan-ruye').doc, { assetsDir: path.join(DATA, 'assets') });
      expect(layouts).toBe(1);
      // The heading at the foot of page 3 went to page 4 with the table it heads.
      const pages = (await pdfPages(pdf)).map((p) => p.replace(/\s+/g, ''));
      const at = pages.findIndex((p) => p.includes('三、团购优惠方案'));
      expect(at).toBeGreaterThan(0);
      expect(pages[at]!.indexOf('三、团购优惠方案')).toBeLessThan(pages[at]!.indexOf('序号产品规格数量'));
    } finally {
      LayoutBuilder.prototype.tryLayoutDocument = layout;
    }
  });
});
