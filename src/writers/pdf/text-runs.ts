// pdfmake writes every inline of a line as a text object of its own, and a Chinese character is
// an inline of its own: a page of Chinese was ~1,500 text objects (colour, font, matrix, glyph),
// most of a PDF's render time. Here the characters of one style that pdfmake set side by side at
// one pitch go out as one text object, the pitch as character spacing (Tc): each glyph lands
// where pdfmake placed it. Only Chinese characters and full-width punctuation are joined, whose
// glyphs do not change with their neighbours (pdfkit-levers.ts shapes such a run from its
// characters; the levers test checks that against fontkit shaping the whole run). pdfmake's own
// note in renderLine asks for this ("lines without differently styled inlines should be written
// to pdf as one stream"); patched on its pinned Renderer (0.3.11, checked by the levers test).
import { createRequire } from 'node:module';
import { CONTEXT_FREE } from './pdfkit-levers.ts';

interface Inline {
  text: string;
  x: number;
  width: number;
  font: object;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
}
interface RendererProto {
  renderLine(this: unknown, line: Line, x: number, y: number): void;
}

const require = createRequire(import.meta.url);
const { default: Renderer } = require('pdfmake/js/Renderer.js') as { default: { prototype: RendererProto } };

// Anything that draws more than the glyphs, or moves them, keeps an inline on its own.
const OWN = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', '_pageRef', 'background', 'decoration', 'sup', 'sub', 'fontFeatures'] as const;
const joinable = (i: Inline): boolean => CONTEXT_FREE.test(i.text) && !i.characterSpacing && OWN.every((k) => !i[k]);
const single = (i: Inline): boolean => i.text.length === 1;
const sameStyle = (a: Inline, b: Inline): boolean => a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity;

/** The room beyond `a`'s own width that pdfmake left before `b`. */
const gap = (a: Inline, b: Inline): number => b.x - (a.x + a.width);
// pdfmake spreads a justified line's slack by adding i × spacing to each x: equal within rounding.
const SAME = 1e-6;

/**
 * The line's inlines with each run of joinable ones as one inline. Set close, any such inlines
 * join; spread (a justified line), only single characters do, the spread becoming Tc, which
 * PDF adds after every glyph: inside an inline of two (书，) it would open a gap pdfmake never set.
 */
export function joinedInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let run: Inline[] = [];
  let spacing = 0;
  const flush = () => {
    const [first] = run;
    if (first !== undefined) {
      const last = run[run.length - 1]!;
      out.push(run.length === 1 ? first : { ...first, text: run.map((i) => i.text).join(''), width: last.x + last.width - first.x, characterSpacing: spacing });
    }
    run = [];
  };
  for (const inline of inlines) {
    const prev = run[run.length - 1];
    if (prev !== undefined && joinable(inline) && sameStyle(prev, inline)) {
      const room = gap(prev, inline);
      const pitch = run.length === 1 ? room : spacing;
      const fits = Math.abs(room - pitch) < SAME && (Math.abs(pitch) < SAME ? true : pitch > 0 && single(inline) && run.every(single));
      if (fits) {
        spacing = Math.abs(pitch) < SAME ? 0 : pitch;
        run.push(inline);
        continue;
      }
    }
    flush();
    if (joinable(inline)) run.push(inline);
    else out.push(inline);
  }
  flush();
  return out;
}

const renderLine = Renderer.prototype.renderLine;
Renderer.prototype.renderLine = function (line, x, y) {
  // The line's own methods (heights, ascender) read the joined inlines, which have the same fonts.
  const joined = Object.create(line as object) as Line;
  joined.inlines = joinedInlines(line.inlines);
  return renderLine.call(this, joined, x, y);
};
