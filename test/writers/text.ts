// Text layers of generated files, normalised so a PDF and a .docx of one Doc compare equal.
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { CONFIDENTIAL_MARK, type Doc, type Inline } from '../../src/document/model.ts';

/** One string per page, as a PDF reader's text layer gives it. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: false });
  return text;
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export async function docxPart(docx: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the .docx`);
  return file.async('string');
}

/** The body text of word/document.xml: runs in order, paragraphs and breaks as newlines. */
export async function docxText(docx: Uint8Array): Promise<string> {
  const xml = await docxPart(docx, 'word/document.xml');
  const marks: Record<string, string> = { '<w:tab/>': '\t', '<w:noBreakHyphen/>': '-' };
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<\/w:p>|<w:tab\/>|<w:noBreakHyphen\/>/g)]
    .map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : (marks[m[0]] ?? '\n')))
    .join('');
}

const squeeze = (s: string): string => s.replace(/\s+/gu, '');
const plain = (content: readonly Inline[]): string => content.map((i) => (i.type === 'text' ? i.text : '')).join('');

/**
 * What both formats must agree on. Page furniture (header, footer, page numbers, marks) is
 * dropped because the PDF repeats it on every page and the .docx keeps it out of the body;
 * so are the header rows a PDF table repeats after a page break, list numbers (Word numbering
 * is not text) and the ☐ the PDF draws as □. So are page references (a contents page's
 * numbers): the PDF prints the page, the .docx holds a field Word fills in when it opens the file.
 */
export function normalise(text: string, doc: Doc): string {
  let out = squeeze(text.replaceAll('☐', '□')).replace(/第\d+页\/共\d+页/g, '');
  const furniture = new Set([CONFIDENTIAL_MARK]);
  for (const s of doc.sections) for (const t of [s.header, s.footer, s.watermark]) if (t) furniture.add(t);
  for (const t of [...furniture].sort((a, b) => b.length - a.length)) out = out.replaceAll(squeeze(t), '');
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.type !== 'table' || b.headerRows === 0) continue;
      const head = squeeze(b.rows.slice(0, b.headerRows).flatMap((r) => r.map(plain)).join(''));
      const first = out.indexOf(head);
      if (first >= 0) out = out.slice(0, first + head.length) + out.slice(first + head.length).replaceAll(head, '');
    }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const s of doc.sections)
    for (const [k, b] of s.blocks.entries()) {
      if (b.type !== 'table') continue;
      const after = s.blocks[k + 1];
      for (const [r, row] of b.rows.entries()) {
        const at = row.findIndex((cell) => cell.some((i) => i.type === 'pageRef'));
        if (at < 0) continue;
        // The digits between the row's text and what follows it (the next row, or the next block).
        const before = squeeze(row.slice(0, at).map(plain).join(''));
        const next = b.rows[r + 1]?.map(plain).join('') ?? (after?.type === 'paragraph' ? plain(after.content) : '');
        out = out.replace(new RegExp(`(${escape(before)})\\d+?(?=${escape(squeeze(next).slice(0, 4))})`), '$1');
      }
    }
  return out.replace(/(?<!\d)\d+\.(?!\d)/g, '');
}
