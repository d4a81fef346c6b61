// The pdfkit, pdfmake and docx levers (src/writers/pdf/pdfkit-levers.ts, pdfmake-levers.ts,
// src/writers/docx/docx-levers.ts) reach into pinned versions and must not change what is
// written: the same documents rendered with the libraries as shipped, in another process, hold
// the same PDF objects byte for byte, and the same .docx bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leversOn } from '../../src/writers/pdf/pdfkit-levers.ts';
import { attributeObject, docxLeversOn } from '../../src/writers/docx/docx-levers.ts';
import { ROOT } from '../pipeline/build.ts';
import { childSamples, sampleDocs } from './sample-docs.ts';
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
    const plain = childSamples('pdf', { env: { TUANGOU_PDF_PLAIN: '1' } });
    const ours = await sampleDocs('pdf');
    expect(ours).toHaveLength(plain.length);
    ours.forEach((pdf, i) => {
      const objects = pdfObjects(pdf);
      expect(objects.size).toBeGreaterThan(20);
      expect(objects).toEqual(pdfObjects(plain[i]!));
    });
  }, 60_000);

  it('write the same bytes in a fresh process as in one that kept everything, whichever image zlib finishes first', async () => {
    // A fresh process decodes the logo and the seal; pdfkit wrote each when zlib finished it.
    const fresh = childSamples('pdf', { preload: './test/writers/zlib-backwards.ts' });
    // Here, the second time through: images, layouts and deflated font subsets all kept.
    await sampleDocs('pdf');
    const ours = await sampleDocs('pdf');
    ours.forEach((pdf, i) => expect(Buffer.from(pdf).equals(fresh[i]!)).toBe(true));
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

describe('docx lever', () => {
  it('is on, for the pinned docx', () => {
    // docx's exports hide its package.json.
    expect(versionOf(path.join(ROOT, 'node_modules', 'docx'))).toBe('9.7.1');
    expect(docxLeversOn()).toBe(true);
  });

  it('keeps the attributes docx keeps, in its order, the last of a repeated key winning', () => {
    const root = { a: { key: 'w:val', value: 'x' }, b: { key: 'w:color', value: undefined }, c: { key: 'w:sz', value: 0 }, d: { key: 'w:val', value: 'y' } };
    expect(JSON.stringify(attributeObject(root))).toBe('{"_attr":{"w:val":"y","w:sz":0}}');
  });

  it('writes the same .docx bytes as docx as shipped', async () => {
    const plain = childSamples('docx', { env: { TUANGOU_DOCX_PLAIN: '1' } });
    const ours = await sampleDocs('docx');
    expect(ours).toHaveLength(plain.length);
    ours.forEach((docx, i) => {
      expect(docx.length).toBeGreaterThan(10_000);
      expect(Buffer.from(docx).equals(plain[i]!)).toBe(true);
    });
  }, 60_000);
});
