// The ruled notes area ends where its page does instead of moving whole to a page of its own;
// with room for fewer than two lines, it starts the next page together with its heading.
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, Doc } from '../../src/document/model.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA } from '../pipeline/build.ts';
import { pdfPages } from '../writers/text.ts';

const assetsDir = path.join(DATA, 'assets');

/** An internal A4 page: `before` mm of blank space, then a heading and `lines` ruled lines. */
function doc(before: number, lines = 8, pageBreak = false): Doc {
  const blocks: Block[] = [
    { type: 'paragraph', content: [{ type: 'text', text: '正文开头' }] },
    { type: 'space', height: before },
    ...(pageBreak ? [{ type: 'pageBreak' } as const] : []),
    { type: 'heading', level: 2, content: [{ type: 'text', text: '拜访记录' }] },
    { type: 'noteLines', count: lines },
  ];
  return {
    meta: { title: '测试', author: '测试', created: '2026-12-03T00:00:00Z' },
    sections: [{ page: { size: 'A4', orientation: 'portrait', margins: [25, 25, 25, 25] }, font: 'sans', audience: 'internal', footer: '页脚', pageNumbers: true, blocks }],
  };
}

/** Straight lines stroked in the PDF's content streams (the note rules are the only ones). */
function strokedLines(pdf: Uint8Array): number {
  const bytes = Buffer.from(pdf);
  let count = 0;
  for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
    const end = bytes.indexOf('endstream', at);
    try {
      count += (inflateSync(bytes.subarray(at + 7, end)).toString('latin1').match(/ l\n/g) ?? []).length;
    } catch {
      // Not a deflated stream (fonts, images are others): no lines in it.
    }
  }
  return count;
}

async function layout(d: Doc): Promise<{ pages: string[]; lines: number }> {
  const pdf = await writePdf(d, { assetsDir });
  return { pages: (await pdfPages(pdf)).map((p) => p.replace(/\s+/g, '')), lines: strokedLines(pdf) };
}

describe('the notes area', () => {
  it('with room for all of it: every line, one page', async () => {
    const { pages, lines } = await layout(doc(60));
    expect(pages).toHaveLength(1);
    expect(lines).toBe(8);
  });

  it('near the foot of the page: as many lines as fit, on that page, not a page of its own', async () => {
    // 247 mm of text height: below 180 mm of space, the heading and 8 lines (about 82 mm) do not fit.
    const { pages, lines } = await layout(doc(180));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('拜访记录');
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(lines).toBeLessThan(8);
  });

  it('with room for fewer than two lines: all of it on the next page, heading included', async () => {
    const { pages, lines } = await layout(doc(215));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('拜访记录');
    expect(pages[1]).toContain('拜访记录');
    expect(lines).toBe(8);
  });

  it('a page of its own when the template asks for one', async () => {
    const { pages, lines } = await layout(doc(10, 8, true));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('拜访记录');
    expect(lines).toBe(8);
  });
});
