// The visit sheet's last festival welfare is the latest by the festival's date, not by year alone.
import path from 'node:path';
import { expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

it('mengyuan-ruye: 2026 中秋 is the last festival welfare, not 2026 端午 (both in the file)', async () => {
  const { doc } = renderDoc('visit', 'mengyuan-ruye');
  const assetsDir = path.join(DATA, 'assets');
  for (const text of [(await pdfPages(await writePdf(doc, { assetsDir }))).join(''), await docxText(await writeDocx(doc, { assetsDir }))]) {
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain('上次节日福利：2026年中秋，每人窖藏浓香两瓶');
    expect(squeezed).not.toContain('上次节日福利：2026年端午');
  }
});
