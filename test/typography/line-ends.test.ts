// What a line end must not part, in both formats: a number from its unit or its own digits
// ("10 箱 60 瓶", "28 号", "31日"), and in a narrow table column a header word (序号) or a short
// term (符合VIP条件). The PDF is read from pdfmake's own lines; the .docx from its XML.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc, Inline, Table } from '../../src/document/model.ts';
import { textWidthPt } from '../../src/fonts/index.ts';
import { TABLE_CELL_PAD_PT, mmToPt, textWidthMm, typeScale } from '../../src/writers/page.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA } from '../pipeline/build.ts';
import { paragraphs } from '../writers/fixture.ts';
import { lineEnds, lineText, linesOf } from '../writers/lines.ts';
import { docxPart } from '../writers/text.ts';

const assetsDir = path.join(DATA, 'assets');
const HAN = '团购方案按人数测算';
const filler = (n: number) => HAN.repeat(8).slice(0, n);
const SENTENCE = '共 10 箱 60 瓶，金桥路 28 号，有效期至2026年12月31日，第 3 次拜访，500ml × 6 瓶/箱。';
/** Every break a line end may take in SENTENCE: after a punctuation mark or a space before a number, or between Chinese characters. */
const PARTED = /\d[ \u00a0]?\|[\p{Script=Han}a-z]|\d\|\d|第[ \u00a0]?\|\d|[a-z]\|[a-z]/u;

describe('a number and its unit', () => {
  // Each paragraph starts the sentence one character further on, so some line end falls on every one of its characters.
  const texts = Array.from({ length: 64 }, (_, n) => `${filler(n + 1)}${SENTENCE}`);

  it('PDF: no line end falls between a number and its unit, inside a number, or after 第', async () => {
    const lines = await linesOf(() => writePdf(paragraphs(texts), { assetsDir }));
    const ends = lineEnds(lines).map(([a, b]) => `${a.trimEnd()}|${b.trimStart()}`);
    // Line ends did fall all over the sentence, so the rule was tried at every place in it.
    expect(ends.length).toBeGreaterThan(30);
    expect(new Set(ends.map((e) => e.split('|')[0]!.slice(-1))).size).toBeGreaterThan(10);
    expect(ends.filter((e) => PARTED.test(e.replace(/^.*?(.{0,3}\|.{0,3}).*$/u, '$1')))).toEqual([]);
    // The units still travel with their numbers as written.
    const all = lines.map(lineText).join('');
    for (const piece of ['10 箱', '60 瓶', '28 号', '31日', '第 3 次', '500ml', '6 瓶']) expect(all).toContain(piece);
  });

  it('DOCX: the space between a number and its unit is a no-break space; the others stay breakable', async () => {
    const xml = await docxPart(await writeDocx(paragraphs([SENTENCE]), { assetsDir }), 'word/document.xml');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toBe(SENTENCE.replace(/(\d|第) (?=[\p{Script=Han}\d])/gu, '$1\u00a0'));
    expect(text).toContain('共 10\u00a0箱 60\u00a0瓶');
    expect(text).toContain('金桥路 28\u00a0号');
  });
});

const cell = (text: string): Inline[] => [{ type: 'text', text }];

/** A table whose first column the template made 1 part in 40: 序号 and 符合VIP条件 would not fit it. */
function narrowTable(): Doc {
  const base = paragraphs([]);
  const table: Table = {
    type: 'table',
    columns: [{ width: 1, align: 'center' }, { width: 1 }, { width: 38 }],
    headerRows: 1,
    rows: [
      [cell('序号'), cell('VIP'), cell('说明')],
      ...Array.from({ length: 3 }, (_, i) => [cell(String(i + 1)), cell('符合VIP条件'), cell(filler(60))]),
    ],
  };
  return { ...base, sections: [{ ...base.sections[0]!, blocks: [table] }] };
}

describe('a narrow table column', () => {
  const doc = narrowTable();
  const section = doc.sections[0]!;
  const size = typeScale(section.page.size).table;
  const widthPt = mmToPt(textWidthMm(section.page));

  it('PDF: is widened to hold its header word and a one-term cell on one line; the wide column gives way', async () => {
    const lines = await linesOf(() => writePdf(doc, { assetsDir }));
    const texts = lines.map(lineText).map((t) => t.trim());
    expect(texts.filter((t) => t === '序号')).toHaveLength(1);
    expect(texts.filter((t) => t === '符合VIP条件')).toHaveLength(3);
    expect(texts).not.toContain('序');
    // The long column still fills the rest: its lines are nearly as wide as the page less the narrow columns.
    const long = lines.filter((l) => lineText(l).startsWith('团购'));
    const narrow = textWidthPt('serif', 'bold', '序号', size) + textWidthPt('serif', 'regular', '符合VIP条件', size) + 4 * TABLE_CELL_PAD_PT;
    expect(Math.max(...long.map((l) => l.maxWidth))).toBeGreaterThan(widthPt - narrow - 2 * TABLE_CELL_PAD_PT - 10);
  });

  it('DOCX: the same column widths, so Word and WPS do not break 序号 either', async () => {
    const xml = await docxPart(await writeDocx(doc, { assetsDir }), 'word/document.xml');
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
    expect(grid).toHaveLength(3);
    expect(grid[0]).toBeGreaterThan(textWidthPt('serif', 'bold', '序号', size) + 2 * TABLE_CELL_PAD_PT);
    expect(grid[1]).toBeGreaterThan(textWidthPt('serif', 'regular', '符合VIP条件', size) + 2 * TABLE_CELL_PAD_PT);
    expect(grid.reduce((a, b) => a + b, 0)).toBeCloseTo(widthPt, -1);
  });
});
