// Every line pdfmake sets in the sample documents, as it sets them: none starts with a closing
// mark or ends with an opening one (GB/T 15834 and the ‰/%/° that belong to their number),
// including table cells too narrow for a word (src/writers/pdf/long-words.ts).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';

interface Line {
  inlines: { text: string }[];
}
const LayoutBuilder = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine(node: unknown): Line | null } } }).default;

const STARTS = /^[。，、；：？！）」』》”’…％%‰°,.;:?!)\]}\-·～]/u;
const ENDS = /[（「『《“‘([{]$/u;
const TEMPLATES = ['card', 'visit', 'proposal', 'allocation'] as const;
const customers = readdirSync(path.join(DATA, 'customers')).map((f) => f.replace(/\.yaml$/, ''));

/** The text of every line set while `render` runs. */
async function linesOf(render: () => Promise<unknown>): Promise<string[]> {
  const proto = LayoutBuilder.prototype;
  const buildNextLine = proto.buildNextLine;
  const lines: string[] = [];
  proto.buildNextLine = function (node) {
    const line = buildNextLine.call(this, node);
    const text = line?.inlines.map((i) => i.text).join('').trim();
    if (text) lines.push(text);
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
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((l) => STARTS.test(l) || ENDS.test(l))).toEqual([]);
  });
});
