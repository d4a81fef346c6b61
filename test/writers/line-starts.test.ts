// Lines as pdfmake sets them, read from its layout (no PDF text extraction guessing at lines):
// in the sample documents none starts with a closing mark or ends with an opening one (GB/T 15834,
// and the %/‰/° that belong to their number), table cells too narrow for a word included; and a
// word wider than its line is cut only when it must be (src/writers/pdf/long-words.ts); no line
// end parts a number from its unit (src/writers/inline.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/document/model.ts';
import { textWidthPt } from '../../src/fonts/index.ts';
import { mmToPt, textWidthMm, typeScale } from '../../src/writers/page.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';
import { paragraphs } from './fixture.ts';
import { lineEnds, linesOf } from './lines.ts';

const STARTS = /^[。，、；：？！）」』》”’…％%‰°,.;:?!)\]}\-·～]/u;
const ENDS = /[（「『《“‘([{]$/u;
const PARTED = /(?:\d[ \u00a0]?\|[\p{Script=Han}a-z])|第[ \u00a0]?\|\d/u;
const TEMPLATES = ['card', 'visit', 'proposal', 'allocation'] as const;
const customers = readdirSync(path.join(DATA, 'customers')).map((f) => f.replace(/\.yaml$/, ''));

describe('lines of the sample documents', () => {
  it.each(customers)('%s: no line starts with a closing mark or ends with an opening one, or parts a number from its unit', async (customer) => {
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
    const texts = lines.map((line) => line.inlines.map((i) => i.text).join('').trim()).filter((t) => t !== '');
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((t) => STARTS.test(t) || ENDS.test(t))).toEqual([]);
    // Nor does a line end part a number from its unit (10 箱 | 60 瓶 may part; 60 | 瓶 not).
    expect(lineEnds(lines).filter(([a, b]) => PARTED.test(`${a.slice(-3)}|${b.trimStart().slice(0, 3)}`))).toEqual([]);
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
    expect(lines[0]?.inlines[0]?.text).toBe(word);
  });

  it.each([
    ['an address', 'zhangzhenbang.office.purchase.department@mengyuandairygroupcompanylimited.innermongolia.example.com'],
    ['letters only', 'abcdefghij'.repeat(12)],
  ])('keeps within the margin when it opens an indented paragraph, and its next line is not indented (%s)', async (_, word) => {
    const doc = paragraphs([`${word}，请致电联系。`]);
    const section = doc.sections[0]!;
    const indented: Doc = { ...doc, sections: [{ ...section, blocks: section.blocks.map((b) => ({ ...b, indent: true })) }] };
    const lines = await linesOf(() => writePdf(indented, { assetsDir: path.join(DATA, 'assets') }));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.getWidth()).toBeLessThanOrEqual(line.maxWidth + 0.01);
    expect(lines[1]!.inlines[0]!.x).toBe(0);
  });
});
