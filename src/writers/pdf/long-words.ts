// A word wider than a whole line (an e-mail address or web address in a narrow table cell) has
// to be cut. pdfmake cuts it after the last character that fits, wherever that falls, so a card
// printed "zhangzhenbang@mengyuan" and then "-dairy.example.com" on the next line. Here such a
// word is cut first, where a reader expects the cut: after @ . - / _ , else between letters, so
// that no line starts with a mark. Only a word in one style: one that changes style midway is
// still cut by pdfmake. Patched on pdfmake's LayoutBuilder, which exports no seam for it: pdfmake
// is pinned (0.3.11), and the line-breaking tests fail if the patch stops working.
import { createRequire } from 'node:module';

interface PdfInline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  lineEnd?: boolean;
  trailingCut?: number;
  leadingCut?: number;
}
interface TextNode {
  _inlines?: PdfInline[];
}
interface LayoutBuilderProto {
  writer: { context(): { availableWidth: number } };
  buildNextLine(this: LayoutBuilderProto, textNode: TextNode): unknown;
}
interface TextInlinesClass {
  new (pdfDocument: null): { widthOfText(text: string, inline: PdfInline): number };
}

const require = createRequire(import.meta.url);
const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilderProto } };
const { default: TextInlines } = require('pdfmake/js/TextInlines.js') as { default: TextInlinesClass };

const SEPARATOR = /[@./_\-,:;?&=#~]/u;
const STARTS_LINE = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

/**
 * Where to cut `text` so that its first `fits` characters at most stay on the line: after a
 * separator (not the point or comma inside a number), else between two letters, either only
 * while the line stays at least half full; else where pdfmake would (a number is never cut by choice).
 */
export function cutAt(text: string, fits: number): number {
  const is = (re: RegExp, c: number) => re.test(text[c] ?? '');
  const inNumber = (c: number) => is(DIGIT, c - 2) && is(DIGIT, c);
  const half = Math.ceil(fits / 2);
  for (let c = fits; c >= half; c--) if (is(SEPARATOR, c - 1) && is(STARTS_LINE, c) && !inNumber(c)) return c;
  for (let c = fits; c >= half; c--) if (is(LETTER, c - 1) && is(LETTER, c)) return c;
  return fits;
}

function longestFit(text: string, width: number, measure: (s: string) => number): number {
  let [low, high, best] = [1, text.length, 1];
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measure(text.slice(0, mid)) <= width) [best, low] = [mid, mid + 1];
    else high = mid - 1;
  }
  return best;
}

const measurer = new TextInlines(null);
const proto = LayoutBuilder.prototype;
const buildNextLine = proto.buildNextLine;

// pdfmake cuts only a word that starts a line (a line takes any first word), so only the first
// matters. It fits that word to the whole line even when the paragraph's first-line indent (a
// negative leading cut) comes before it, and its remainder keeps the indent; neither here.
proto.buildNextLine = function (textNode) {
  const word = textNode._inlines?.[0];
  const room = this.writer.context().availableWidth + Math.min(0, word?.leadingCut ?? 0);
  // Trailing spaces hang past the line's end, as pdfmake's own line fitting lets them.
  if (word && !word.noWrap && word.text.length > 1 && word.width - (word.trailingCut ?? 0) > room) {
    const measure = (s: string) => measurer.widthOfText(s, word);
    const cut = cutAt(word.text, longestFit(word.text.trimEnd(), room, measure));
    const rest: PdfInline = { ...word, text: word.text.slice(cut), leadingCut: 0 };
    rest.width = measure(rest.text);
    const head: PdfInline = { ...word, text: word.text.slice(0, cut), trailingCut: 0 };
    head.width = measure(head.text);
    delete head.noNewLine;
    delete head.lineEnd;
    textNode._inlines!.splice(0, 1, head, rest);
  }
  return buildNextLine.call(this, textNode);
};
