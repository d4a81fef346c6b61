// Every string of a Doc with a pointer to where it is, so a glyph problem names its block.
import { unhandledBlock, type Block, type Doc, type FontFamily, type Inline } from '../document/model.ts';
import { glyphProblems, refusedCharProblems, type GlyphProblem } from './glyphs.ts';

export interface DocText {
  /** e.g. `sections[1].blocks[4].rows[2][0][1]` */
  readonly path: string;
  readonly text: string;
  /** The family the text is drawn in; null for text that is stored but not drawn (metadata, QR data). */
  readonly family: FontFamily | null;
}

export type DocGlyphProblem = GlyphProblem & { readonly path: string };

function* inlineTexts(path: string, content: readonly Inline[]): Generator<[string, string]> {
  for (const [i, inline] of content.entries()) if (inline.type === 'text') yield [`${path}[${i}]`, inline.text];
}

function* blockTexts(p: string, block: Block): Generator<[string, string]> {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      yield* inlineTexts(`${p}.content`, block.content);
      break;
    case 'list':
      for (const [i, item] of block.items.entries()) yield* inlineTexts(`${p}.items[${i}]`, item);
      break;
    case 'table':
      for (const [r, row] of block.rows.entries())
        for (const [c, cell] of row.entries()) yield* inlineTexts(`${p}.rows[${r}][${c}]`, cell);
      break;
    case 'keyValue':
      for (const [i, item] of block.items.entries()) {
        yield [`${p}.items[${i}].label`, item.label];
        yield* inlineTexts(`${p}.items[${i}].value`, item.value);
      }
      break;
    case 'signature':
      for (const [i, line] of block.lines.entries()) yield [`${p}.lines[${i}]`, line];
      break;
    case 'qr':
      if (block.caption !== undefined) yield [`${p}.caption`, block.caption];
      break;
    case 'postcodeBoxes':
      yield [`${p}.digits`, block.digits];
      break;
    case 'labels':
      for (const [i, label] of block.labels.entries())
        for (const [l, line] of label.entries()) yield* inlineTexts(`${p}.labels[${i}][${l}]`, line);
      break;
    case 'fit':
      for (const [i, inner] of block.blocks.entries()) yield* blockTexts(`${p}.blocks[${i}]`, inner);
      break;
    case 'image':
    case 'noteLines':
    case 'space':
    case 'pageBreak':
      break;
    default:
      unhandledBlock(block);
  }
}

export function* docTexts(doc: Doc): Generator<DocText> {
  yield { path: 'meta.title', text: doc.meta.title, family: null };
  yield { path: 'meta.author', text: doc.meta.author, family: null };
  for (const [s, section] of doc.sections.entries()) {
    const p = `sections[${s}]`;
    const family = section.font;
    for (const key of ['header', 'footer', 'watermark'] as const) {
      const text = section[key];
      if (text !== undefined) yield { path: `${p}.${key}`, text, family };
    }
    for (const [b, block] of section.blocks.entries()) {
      for (const [path, text] of blockTexts(`${p}.blocks[${b}]`, block)) yield { path, text, family };
      if (block.type === 'qr') yield { path: `${p}.blocks[${b}].text`, text: block.text, family: null };
    }
  }
}

/** Glyph problems of every text in the Doc, each with the path of the text it was found in. */
export function checkDocGlyphs(doc: Doc): DocGlyphProblem[] {
  return [...docTexts(doc)].flatMap(({ path, text, family }) =>
    (family ? glyphProblems(text, family) : refusedCharProblems(text)).map((p) => ({ ...p, path })),
  );
}
