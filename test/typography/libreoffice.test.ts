// The .docx of the proposal (宋体 text), visit sheet and card (黑体 text) as LibreOffice sets them,
// converted to PDF: every font it used is the Noto CJK serif or sans the README names, so no
// digit or Latin letter fell back to another family. Needs LibreOffice (soffice) and poppler's
// pdffonts; skipped, by name, where they are missing. Slow (a LibreOffice start, ~5 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { DATA, renderDoc, tempDir } from '../pipeline/build.ts';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const ready = has('soffice') && has('pdffonts') && has('pdftotext');
const DOCS = [
  ['proposal', 'serif', /^NotoSerifCJK/],
  ['visit', 'sans', /^NotoSansCJK/],
  ['card', 'sans', /^NotoSansCJK/],
] as const;

describe.skipIf(!ready)('LibreOffice (skipped when soffice or pdffonts is not installed)', () => {
  const { dir, remove } = tempDir('lo');
  afterAll(remove);

  it('sets the proposal in Noto Serif CJK and the visit sheet and card in Noto Sans CJK, digits included', async () => {
    for (const [template] of DOCS) {
      const { doc } = renderDoc(template, 'mengyuan-ruye');
      writeFileSync(path.join(dir, `${template}.docx`), await writeDocx(doc, { assetsDir: path.join(DATA, 'assets') }));
    }
    // A profile of its own: another LibreOffice running on the machine cannot take the conversion.
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...DOCS.map(([t]) => path.join(dir, `${t}.docx`))], { stdio: 'ignore', timeout: 120_000 });
    for (const [template, , family] of DOCS) {
      const pdf = path.join(dir, `${template}.pdf`);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '')
        .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
      expect(fonts.length, template).toBeGreaterThan(0);
      expect(fonts.filter((f) => !family.test(f)), `${template}: fonts other than ${family.source}`).toEqual([]);
      // The pages do carry digits and Latin letters, so they too were set in those fonts.
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/2026/);
      expect(readFileSync(pdf).length).toBeGreaterThan(10_000);
    }
  }, 180_000);
});
