// Lines as pdfmake sets them, read from its layout (no PDF text extraction guessing at lines):
// in the sample documents none starts with a closing mark or ends with an opening one (GB/T 15834,
// and the %/‰/° that belong to their number), table cells too narrow for a word included; and a
// word wider than its line is cut only when it must be (src/writers/pdf/long-words.ts).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidthPt } from '../../src/fonts/index.ts';
import { mmToPt, textWidthMm, typeScale } from '../../src/writers/page.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';
import { paragraphs } from './fixture.ts';

interface Line {
  inlines: { text: string }[];
}
const LayoutBuilder = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine(node: unknown): Line | null } } }).default;

const STARTS = /^[。，、；：？！）」』》”’…％%‰°,.;:?!)\]}\-·～]/u;
const ENDS = /[（「『《“‘([{]$/u;
const TEMPLATES = ['card', 'visit', 'proposal', 'allocation'] as const;
const customers = readdirSync(path.join(DATA, 'customers')).map((f) => f.replace(/\.yaml$/, ''));

/** Every line set while `render` runs, as the texts of its pieces. */
async function linesOf(render: () => Promise<unknown>): Promise<string[][]> {
  const proto = LayoutBuilder.prototype;
  const buildNextLine = proto.buildNextLine;
  const lines: string[][] = [];
  proto.buildNextLine = function (node) {
    const line = buildNextLine.call(this, node);
    if (line && line.inlines.length > 0) lines.push(line.inlines.map((i) => i.text));
    return line;
  };
  try {
    await render();
  } finally {
    proto.buildNextLine = buildNextLine;
  }
  return lines;
}

describe('lines of the sample documents', () => {
  it.each(customers)('%s: no line starts with a closing mark or ends with an opening one', async (customer) => {
    const lines = await linesOf(async () => {
      for (const template of TEMPLATES) {
        let doc;
        try {
          doc = renderDoc(template, customer).doc;
        } catch {
          continue; // no open deal for a proposal or an allocation
        }
        await writePdf(doc, { assetsDir: path.join(DATA, 'assets') });
      }
    });
    const texts = lines.map((pieces) => pieces.join('').trim()).filter((t) => t !== '');
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((t) => STARTS.test(t) || ENDS.test(t))).toEqual([]);
  });
});

describe('a word wider than its line', () => {
  it('is left whole when it fits once its trailing space hangs past the line end', async () => {
    const doc = paragraphs([]);
    const page = doc.sections[0]!.page;
    const [available, size] = [mmToPt(textWidthMm(page)), typeScale(page.size).body];
    const width = (text: string) => textWidthPt('serif', 'regular', text, size);
    const candidates = Array.from({ length: 60 }, (_, n) => Array.from({ length: 12 }, (_, m) => `${'b'.repeat(n + 20)}@${'i'.repeat(m)}`)).flat();
    const word = candidates.find((w) => width(w) < available - 0.5 && width(`${w} `) > available + 0.5);
    expect(word).toBeDefined();
    const lines = await linesOf(() => writePdf(paragraphs([`${word} 后文`]), { assetsDir: path.join(DATA, 'assets') }));
    // The word in one piece (pdfmake itself splits off the space): a word cut in two would be
    // two pieces, spread apart in a justified line.
    expect(lines[0]?.[0]).toBe(word);
  });
});
