// The .docx names its fonts so Word, WPS and LibreOffice set 宋体 text in a serif Chinese font and
// 黑体 text in a sans one, digits and Latin letters in the same family; page numbers are set at
// the footer's size; table rows hold together as the PDF's do.
import { describe, expect, it } from 'vitest';
import { fontkitFont } from '../../src/fonts/index.ts';
import { halfPoints } from '../../src/writers/docx/styles.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { typeScale } from '../../src/writers/page.ts';
import { fixtureDoc, makeAssets } from '../writers/fixture.ts';
import { docxPart } from '../writers/text.ts';

const assetsDir = await makeAssets();
const docx = await writeDocx(fixtureDoc, { assetsDir });
const FAMILIES = { serif: ['Noto Serif CJK SC', '宋体', 'roman'], sans: ['Noto Sans CJK SC', '黑体', 'swiss'] } as const;

describe('.docx fonts', () => {
  it('sets every script of the default run to one family, and East Asian text to zh-CN', async () => {
    const styles = await docxPart(docx, 'word/styles.xml');
    const defaults = styles.match(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/)?.[1] ?? '';
    // The fixture's first section is sans.
    const first = fixtureDoc.sections[0]!.font;
    const name = FAMILIES[first][0];
    for (const script of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${script}="${name}"`);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('gives every run the same family for digits, Latin and Chinese text', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    const fonts = [...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const attrs of fonts) {
      const names = new Set([...attrs.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)].map((m) => m[1]));
      expect(names.size).toBe(1);
      expect(Object.values(FAMILIES).map((f) => f[0] as string)).toContain([...names][0]);
    }
  });

  it('lists both fonts in the font table with 宋体 / 黑体 to fall back on, and the panose of the embedded design', async () => {
    const table = await docxPart(docx, 'word/fontTable.xml');
    for (const [family, [name, alt, kind]] of Object.entries(FAMILIES)) {
      const entry = table.match(new RegExp(`<w:font w:name="${name}">([\\s\\S]*?)</w:font>`))?.[1] ?? '';
      expect(entry).toContain(`<w:altName w:val="${alt}"/>`);
      expect(entry).toContain('<w:charset w:val="86"/>');
      expect(entry).toContain(`<w:family w:val="${kind}"/>`);
      const panose = Buffer.from((fontkitFont(family as 'serif' | 'sans', 'regular') as unknown as { 'OS/2': { panose: number[] } })['OS/2'].panose).toString('hex').toUpperCase();
      expect(entry).toContain(`<w:panose1 w:val="${panose}"/>`);
    }
    // Serif and sans tell apart by panose too (2 = serif of the cove kind, 11 = sans).
    expect(table).toMatch(/Noto Serif CJK SC">[\s\S]*?w:panose1 w:val="0202/);
    expect(table).toMatch(/Noto Sans CJK SC">[\s\S]*?w:panose1 w:val="020B/);
  });

  it('sets the page-number fields in runs of the footer size', async () => {
    const footers = (await Promise.all([1, 2, 3].map((n) => docxPart(docx, `word/footer${n}.xml`).catch(() => '')))).filter((f) => f !== '');
    expect(footers.length).toBeGreaterThan(0);
    let fields = 0;
    for (const [i, footer] of footers.entries()) {
      const size = halfPoints(typeScale(fixtureDoc.sections[i]!.page.size).furniture);
      for (const run of footer.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []) {
        if (!/<w:fldChar|<w:instrText/.test(run)) continue;
        fields++;
        expect(run).toContain(`<w:sz w:val="${size}"/>`);
        // The field is the run's only content: no text of another size shares it.
        expect(run).not.toMatch(/<w:t[ >]/);
      }
    }
    expect(fields).toBeGreaterThanOrEqual(2);
  });

  it('keeps each table row on one page and repeats the header rows, as the PDF does', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const table = fixtureDoc.sections[0]!.blocks.find((b) => b.type === 'table')!;
    const header = table.type === 'table' ? table.rows[0]!.map((c) => c.map((i) => (i.type === 'text' ? i.text : '')).join('')) : [];
    const headerRow = rows.find((r) => header.every((h) => r.includes(h)));
    expect(headerRow).toContain('<w:tblHeader/>');
    expect(rows.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(1);
  });

  it('draws ☐ as □, as the PDF does: the fonts have no ☐ and a reader would fall back to another family', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).not.toContain('☐');
    expect(xml).toContain('□');
  });
});
