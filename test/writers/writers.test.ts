import { execFileSync } from 'node:child_process';
import { copyFile, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import pdfmake from 'pdfmake';
import { extractImages, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_MARK, type Doc, type Section } from '../../src/document/model.ts';
import { addDays, DATE_RANGE } from '../../src/domain/dates.ts';
import { checkDocGlyphs } from '../../src/fonts/index.ts';
import { readAsset } from '../../src/writers/assets.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { makePng } from './adam7.ts';
import { COMPANY, TABLE_HEADER, fixtureDoc, makeAssets, paragraphs } from './fixture.ts';
import { docxPart, docxText, normalise, pdfPages } from './text.ts';

let assetsDir: string;
let pdf: Uint8Array;
let docx: Uint8Array;
let pages: string[];

beforeAll(async () => {
  assetsDir = await makeAssets();
  [pdf, docx] = await Promise.all([writePdf(fixtureDoc, { assetsDir }), writeDocx(fixtureDoc, { assetsDir })]);
  pages = await pdfPages(pdf);
});
afterAll(() => rm(assetsDir, { recursive: true, force: true }));

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('PDF and DOCX of one Doc', () => {
  it('carry the same text', async () => {
    const fromPdf = normalise(pages.join('\n'), fixtureDoc);
    const fromDocx = normalise(await docxText(docx), fixtureDoc);
    expect(fromPdf.length).toBeGreaterThan(500);
    expect(fromPdf).toBe(fromDocx);
  });
});

describe('PDF writer', () => {
  it('embeds subset CJK fonts, serif and sans, regular and bold', () => {
    const raw = latin1(pdf);
    for (const name of ['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular', 'NotoSansSC-Bold'])
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${name}`));
    expect(raw.match(/\/FontFile2/g)?.length).toBe(4);
    // Four full Noto SC fonts are ~50 MB; subsets of a few hundred glyphs stay small.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('repeats the table header row on the page the table continues on', () => {
    const withHeader = pages.filter((p) => p.includes(TABLE_HEADER.join(' ')));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
  });

  it('numbers every page 第 X 页 / 共 Y 页', () => {
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
  });

  it('marks internal pages confidential and leaves external pages unmarked', () => {
    // The external A5 section is two pages: its heading page and the page after its page break.
    const external = pages.filter((p) => p.includes('团购建议书') || p.includes('扫码添加客服'));
    expect(external).toHaveLength(2);
    expect(external.length).toBeGreaterThan(0);
    for (const p of pages) expect(p.includes(CONFIDENTIAL_MARK)).toBe(!external.includes(p));
  });

  it('writes title and author, nothing else personal, into the metadata', async () => {
    const { info } = await (await getDocumentProxy(new Uint8Array(pdf))).getMetadata();
    expect(info).toMatchObject({ Title: fixtureDoc.meta.title, Author: COMPANY, Creator: 'tuangou' });
    expect(Object.keys(info).filter((k) => !['Title', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate'].includes(k) && !/^(PDFFormatVersion|Is|Language|EncryptFilterName)/.test(k))).toEqual([]);
  });

  it('is the same bytes for the same Doc', async () => {
    expect(Buffer.from(await writePdf(fixtureDoc, { assetsDir })).equals(Buffer.from(pdf))).toBe(true);
  });

  it('writes the same bytes for a Doc after other documents shared the process caches', async () => {
    const other: Doc = { ...fixtureDoc, sections: [fixtureDoc.sections[1] as Section] };
    await writePdf(other, { assetsDir });
    expect(Buffer.from(await writePdf(fixtureDoc, { assetsDir })).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses files and URLs pdfmake would otherwise read for a template', async () => {
    await expect(pdfmake.createPdf({ content: [{ image: '/etc/hostname' }] }).getBuffer()).rejects.toThrow();
    await expect(pdfmake.createPdf({ content: [{ image: 'https://example.com/x.png' }] }).getBuffer()).rejects.toThrow();
  });
});

describe('Chinese line breaking in the PDF', () => {
  const HAN = '团购方案包括礼盒配送与售后服务的全部内容';
  // Every offset puts one punctuation mark at every position of a line once.
  const filler = (n: number) => HAN.repeat(4).slice(0, n);

  it('keeps closing punctuation off line starts and opening punctuation off line ends', async () => {
    const closing = '。，、；：？！）」』》';
    const opening = '（「『《';
    const texts = Array.from({ length: 30 }, (_, n) => `${filler(n + 1)}${closing}${HAN}${opening}${HAN}）${filler(40)}`);
    const lines = (await pdfPages(await writePdf(paragraphs(texts), { assetsDir }))).join('\n').split('\n');
    expect(lines.length).toBeGreaterThan(60);
    for (const line of lines) {
      expect(closing).not.toContain(line.trimStart()[0] ?? '');
      expect(opening).not.toContain(line.trimEnd().at(-1) ?? '');
    }
  });

  it('cuts a word wider than its line after @ or a dot, and starts no line with a mark', async () => {
    // No hyphen or slash: nothing inside it where UAX #14 allows a break.
    const address = 'zhangzhenbang.office.purchase.department@mengyuandairygroupcompanylimited.innermongolia.huhhot.example.com';
    const words = Array.from({ length: 30 }, (_, n) => address.slice(n)).filter((word) => /^[a-z]/.test(word));
    const texts = words.map((word) => `团购${word}`);
    const lines = (await pdfPages(await writePdf(paragraphs(texts), { assetsDir }))).join('\n').split('\n').map((l) => l.trim());
    for (const line of lines) expect(line[0] ?? '').not.toMatch(/[@.\-]/);
    for (const word of words) {
      const at = lines.findIndex((line) => line.length >= 20 && word.startsWith(line) && line !== word);
      expect(at, word).toBeGreaterThanOrEqual(0);
      const [head, next] = [lines[at]!, lines[at + 1]!];
      expect(word.slice(head.length).startsWith(next), next).toBe(true);
      expect(next[0]).toMatch(/[a-z]/);
      // After the last separator that keeps the line at least half full, if there is one.
      if (/[@.]/.test(head.slice(Math.ceil(head.length / 2)))) expect(head.at(-1), head).toMatch(/[@.]/);
    }
  });

  it('never splits a phone number across lines', async () => {
    const phone = '0471-6123456';
    const texts = Array.from({ length: 30 }, (_, n) => `请致电${filler(n + 10)}`);
    const text = (await pdfPages(await writePdf(paragraphs(texts, phone), { assetsDir }))).join('\n');
    expect(text.match(/0471-6123456/g)?.length).toBe(30);
  });
});

describe('DOCX writer', () => {
  it('is the same bytes for the same Doc, dated at the document date, pictures stored as they are', async () => {
    const again = await writeDocx(fixtureDoc, { assetsDir });
    expect(Buffer.from(again).equals(Buffer.from(docx))).toBe(true);
    const core = await docxPart(docx, 'docProps/core.xml');
    const date = new Date(fixtureDoc.meta.created).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const field of ['created', 'modified']) expect(core).toContain(`<dcterms:${field} xsi:type="dcterms:W3CDTF">${date}</dcterms:${field}>`);
    const zip = await JSZip.loadAsync(docx);
    const media = Object.values(zip.files).filter((f) => /^word\/media\//.test(f.name));
    expect(media.length).toBeGreaterThan(0);
    // STORE (0) for pictures, DEFLATE for the XML parts.
    for (const f of media) expect((f as unknown as { _data: { compression: { magic: string } } })._data.compression.magic).toBe('\x00\x00');
  });

  it('can be dated on the first and last day --today accepts, and not a day outside', async () => {
    const dated = (day: string): Doc => ({ ...paragraphs(['日期']), meta: { ...fixtureDoc.meta, created: `${day}T00:00:00Z` } });
    for (const day of [DATE_RANGE.first, DATE_RANGE.last]) expect((await writeDocx(dated(day), { assetsDir })).length).toBeGreaterThan(0);
    await expect(writeDocx(dated(addDays(DATE_RANGE.last, 1)), { assetsDir })).rejects.toThrow();
  });

  it('uses Word structures: repeating header rows, page-number fields, eastAsia fonts', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
    const footers = await Promise.all([1, 2].map((n) => docxPart(docx, `word/footer${n}.xml`).catch(() => '')));
    expect(footers.join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const styles = await docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="Noto Serif CJK SC"/);
    expect(xml).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
    // One definition per heading style, ours: black and bold as in the PDF, not Word's blue.
    for (const level of [1, 2, 3]) {
      const defined = styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?</w:style>`, 'g')) ?? [];
      expect(defined).toHaveLength(1);
      expect(defined[0]).toContain('<w:b/>');
      expect(defined[0]).not.toContain('<w:color');
    }
    // A line before a forced break stays unstretched in a justified paragraph, as in the PDF.
    expect(await docxPart(docx, 'word/settings.xml')).toContain('<w:doNotExpandShiftReturn/>');
  });

  it('lets picture paragraphs grow with the picture and never switches bold off explicitly', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    const pictures = xml.split('<w:p>').filter((p) => p.includes('<w:drawing>') && !p.includes('wp:anchor'));
    expect(pictures.length).toBeGreaterThan(0);
    for (const p of pictures) expect(p).toContain('w:lineRule="auto"');
    expect(xml).not.toContain('<w:b w:val="false"/>');
  });

  it('keeps page size and margins of each section', async () => {
    const xml = await docxPart(docx, 'word/document.xml');
    // A4 portrait 210 × 297 mm, A5 landscape 210 × 148 mm, in twips.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="8391" w:orient="landscape"\/>/);
  });

  it('marks the internal section in its header only', async () => {
    const headers = await Promise.all([1, 2, 3, 4].map((n) => docxPart(docx, `word/header${n}.xml`).catch(() => '')));
    expect(headers.filter((h) => h.includes(CONFIDENTIAL_MARK))).toHaveLength(1);
  });
});

describe('text safety', () => {
  const withText = (text: string): Doc => paragraphs([text]);

  it('finds characters the fonts lack and characters no file may carry', () => {
    const problems = checkDocGlyphs(withText('吉𠮷😀a\u200Bb\u0007c'));
    expect(problems.map((p) => [p.codePoint, p.reason, p.path])).toEqual([
      ['U+20BB7', '字体中没有这个字', 'sections[0].blocks[0].content[0]'],
      ['U+1F600', '字体中没有这个字', 'sections[0].blocks[0].content[0]'],
      ['U+200B', '零宽字符', 'sections[0].blocks[0].content[0]'],
      ['U+0007', '控制字符', 'sections[0].blocks[0].content[0]'],
    ]);
  });

  it('refuses to write U+FFFE or a control character into either format', async () => {
    for (const bad of ['\uFFFE', '\u0001']) {
      await expect(writeDocx(withText(`甲${bad}乙`), { assetsDir })).rejects.toThrow(/不能写入的字符/);
      await expect(writePdf(withText(`甲${bad}乙`), { assetsDir })).rejects.toThrow(/不能写入的字符/);
    }
  });

  it('reads images only from the assets folder', async () => {
    const image = (asset: string): Doc => ({
      ...fixtureDoc,
      sections: [{ ...(fixtureDoc.sections[1] as Section), blocks: [{ type: 'image', asset, width: 20 }] }],
    });
    await expect(writePdf(image('../../etc/passwd'), { assetsDir })).rejects.toThrow(/不在 assets 目录内/);
    await expect(writePdf(image('/etc/passwd'), { assetsDir })).rejects.toThrow(/不在 assets 目录内/);
    await symlink('/etc/hostname', join(assetsDir, 'planted.png'));
    await expect(writeDocx(image('planted.png'), { assetsDir })).rejects.toThrow(/不在 assets 目录内/);
  });

  it('reads an image again when the file changes, and checks the path again when it becomes a link', async () => {
    const dir = await makeAssets();
    const first = await readAsset(dir, 'logo.png');
    expect(await readAsset(dir, 'logo.png')).toBe(first);
    await copyFile(join(dir, 'seal.png'), join(dir, 'logo.png'));
    const changed = await readAsset(dir, 'logo.png');
    expect(changed.data.equals(await readFile(join(dir, 'seal.png')))).toBe(true);
    await rm(join(dir, 'logo.png'));
    await symlink('/etc/hostname', join(dir, 'logo.png'));
    await expect(readAsset(dir, 'logo.png')).rejects.toThrow(/不在 assets 目录内/);
  });

  it('refuses a damaged PNG and one of too many pixels before a writer meets it', async () => {
    const dir = await makeAssets();
    const seal = await readFile(join(dir, 'seal.png'));
    await writeFile(join(dir, 'cut.png'), seal.subarray(0, seal.length - 200));
    const flipped = Buffer.from(seal);
    flipped[60] = (flipped[60] ?? 0) ^ 0xff; // inside the first chunks: the CRC no longer holds
    await writeFile(join(dir, 'flipped.png'), flipped);
    // A tiny file declaring 16000 × 16000 pixels in its header.
    const bomb = Buffer.from(seal.subarray(0, 33));
    bomb.writeUInt32BE(16000, 16);
    bomb.writeUInt32BE(16000, 20);
    await writeFile(join(dir, 'bomb.png'), bomb);
    await expect(readAsset(dir, 'cut.png')).rejects.toThrow('图片文件不完整或已损坏，请重新导出：assets/cut.png');
    await expect(readAsset(dir, 'flipped.png')).rejects.toThrow('图片文件不完整或已损坏，请重新导出：assets/flipped.png');
    await expect(readAsset(dir, 'bomb.png')).rejects.toThrow('图片像素太多（16000 × 16000），不能超过 25 百万像素：assets/bomb.png');
    expect((await readAsset(dir, 'seal.png')).width).toBeGreaterThan(0);
  });

  it('refuses a JPEG cut short or broken anywhere up to its end marker, and says which kinds it cannot print', async () => {
    const dir = await makeAssets();
    const photo = await readFile(join(dir, 'photo.jpg'));
    const sofAt = photo.indexOf(Buffer.from([0xff, 0xc0]));
    const variants: Record<string, Buffer> = {
      'no-eoi.jpg': photo.subarray(0, photo.length - 2), // the usual truncated download
      'in-scan.jpg': photo.subarray(0, photo.length - 20),
      'in-tables.jpg': photo.subarray(0, sofAt + 40),
      'zero-height.jpg': Buffer.from(photo).fill(0, sofAt + 5, sofAt + 7),
      'lossless.jpg': Buffer.from(photo).fill(0xc3, sofAt + 1, sofAt + 2),
    };
    for (const [name, bytes] of Object.entries(variants)) await writeFile(join(dir, name), bytes);
    for (const name of ['no-eoi.jpg', 'in-scan.jpg', 'in-tables.jpg', 'zero-height.jpg']) {
      await expect(readAsset(dir, name)).rejects.toThrow(`图片文件不完整或已损坏，请重新导出：assets/${name}`);
    }
    await expect(readAsset(dir, 'lossless.jpg')).rejects.toThrow('JPEG 的编码方式不受支持（无损、算术编码或 12 位），请另存为普通的 JPEG 或 PNG：assets/lossless.jpg');
    const image = (asset: string): Doc => ({ ...fixtureDoc, sections: [{ ...(fixtureDoc.sections[1] as Section), blocks: [{ type: 'image', asset, width: 20 }] }] });
    await expect(writePdf(image('no-eoi.jpg'), { assetsDir: dir })).rejects.toThrow('图片文件不完整或已损坏');
    await expect(writeDocx(image('no-eoi.jpg'), { assetsDir: dir })).rejects.toThrow('图片文件不完整或已损坏');
    expect(await readAsset(dir, 'photo.jpg')).toMatchObject({ type: 'jpg', width: 24, height: 16 });
  });

  it('takes a 16-bit interlaced PNG, which pdfkit draws right, and still refuses one cut short', async () => {
    const dir = await makeAssets();
    // A gradient: red grows left to right, blue top to bottom, alpha 60 %.
    const gradient = makePng(120, 80, { colorType: 6, bitDepth: 16, interlaced: true }, (x, y) => [x / 119, 0.2, 1 - y / 79, 0.6]);
    expect(PNG.sync.read(gradient).data.subarray(0, 4)).toEqual(Buffer.from([0, 51, 255, 153])); // our test encoder is sound
    await writeFile(join(dir, 'deep.png'), gradient);
    await writeFile(join(dir, 'deep-cut.png'), gradient.subarray(0, gradient.length - 100));
    expect(await readAsset(dir, 'deep.png')).toMatchObject({ type: 'png', width: 120, height: 80 });
    const image: Doc = { ...fixtureDoc, sections: [{ ...(fixtureDoc.sections[1] as Section), blocks: [{ type: 'image', asset: 'deep.png', width: 40 }] }] };
    // pdf.js, reading the image back out of the PDF, finds the gradient's corners where they belong.
    const [drawn] = await extractImages(await getDocumentProxy(await writePdf(image, { assetsDir: dir })), 1);
    const corner = (x: number, y: number) => [...(drawn?.data.subarray((y * 120 + x) * 4, (y * 120 + x) * 4 + 4) ?? [])];
    expect([drawn?.width, drawn?.height, corner(0, 0), corner(119, 0), corner(0, 79), corner(119, 79)]).toEqual([
      120, 80, [0, 51, 255, 153], [255, 51, 255, 153], [0, 51, 0, 153], [255, 51, 0, 153],
    ]);
    expect(Object.keys((await JSZip.loadAsync(await writeDocx(image, { assetsDir: dir }))).files).some((f) => f.startsWith('word/media/'))).toBe(true);
    await expect(readAsset(dir, 'deep-cut.png')).rejects.toThrow('图片文件不完整或已损坏，请重新导出：assets/deep-cut.png');
    for (const colorType of [0, 2, 4] as const) {
      await writeFile(join(dir, `deep${colorType}.png`), makePng(9, 5, { colorType, bitDepth: 16, interlaced: true }, () => [0.5, 0.5, 0.5]));
      expect((await readAsset(dir, `deep${colorType}.png`)).width).toBe(9);
    }
  });

  it('refuses a named pipe as an image instead of waiting on it', async () => {
    const dir = await makeAssets();
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    await expect(readAsset(dir, 'pipe.png')).rejects.toThrow('这是命名管道（FIFO），不是普通文件：assets/pipe.png');
  });
});
