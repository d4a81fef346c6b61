// The font registry, the glyph checks and the walk over a Doc's texts.
export {
  FONT_DIRS,
  FONT_FILES,
  FONT_WEIGHTS,
  fontBuffer,
  fontkitFont,
  parsedFont,
  textWidthPt,
  type FontWeight,
} from './registry.ts';
export {
  GLYPH_SUBSTITUTES,
  glyphProblems,
  refusedCharProblems,
  substituteGlyphs,
  type GlyphProblem,
} from './glyphs.ts';
export { checkDocGlyphs, docTexts, type DocGlyphProblem, type DocText } from './doc-texts.ts';
