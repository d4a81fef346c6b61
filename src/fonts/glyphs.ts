// Characters that would print as boxes, print nothing, or corrupt a .docx: found before rendering,
// because pdfkit draws .notdef silently and docx writes some of them into invalid XML.
import type { FontFamily } from '../document/model.ts';
import { FONT_WEIGHTS, fontkitFont } from './registry.ts';

export interface GlyphProblem {
  readonly char: string;
  /** e.g. U+200B */
  readonly codePoint: string;
  /** UTF-16 index into the checked string. */
  readonly index: number;
  /** The fonts have no glyph for it, or no writer may emit it at all. */
  readonly kind: 'missing' | 'refused';
  readonly reason: string;
}

/**
 * Characters the fonts lack but that have a look-alike the PDF writer draws instead.
 * ☐ (U+2610) is missing from Noto Sans/Serif SC; □ (U+25A1) is the box Chinese forms use anyway.
 */
export const GLYPH_SUBSTITUTES: ReadonlyMap<string, string> = new Map([['☐', '□']]);

export function substituteGlyphs(text: string): string {
  let out = text;
  for (const [from, to] of GLYPH_SUBSTITUTES) out = out.replaceAll(from, to);
  return out;
}

const REFUSED: readonly (readonly [RegExp, string])[] = [
  // \t and \n are the only controls the writers turn into layout (tab, line break).
  [/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u, '控制字符'],
  [/[\u200B-\u200F\u2060\uFEFF]/u, '零宽字符'],
  [/[\u202A-\u202E\u2066-\u2069]/u, '文字方向控制符'],
  [/[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u, '私用区字符'],
];

// Verdicts per character, kept: a mailing asks about the same few thousand characters in every letter.
const refusedVerdicts = new Map<string, string | undefined>();
const drawable: Record<FontFamily, Map<number, boolean>> = { serif: new Map(), sans: new Map() };

function refusedReason(char: string): string | undefined {
  if (refusedVerdicts.has(char)) return refusedVerdicts.get(char);
  const reason = refusedReasonOf(char);
  refusedVerdicts.set(char, reason);
  return reason;
}

function refusedReasonOf(char: string): string | undefined {
  const cp = char.codePointAt(0) ?? 0;
  if (cp >= 0xd800 && cp <= 0xdfff) return '不成对的代理项（损坏的文字）';
  // U+FDD0–U+FDEF and U+nFFFE/U+nFFFF in every plane (U+FFFE makes docx write invalid XML).
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return '非字符';
  return REFUSED.find(([re]) => re.test(char))?.[1];
}

function* chars(text: string): Generator<{ char: string; index: number }> {
  let index = 0;
  // for…of walks code points; a lone surrogate comes out as a one-unit string.
  for (const char of text) {
    yield { char, index };
    index += char.length;
  }
}

function problem(char: string, index: number, kind: GlyphProblem['kind'], reason: string): GlyphProblem {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return { char, codePoint: `U+${hex}`, index, kind, reason };
}

/** Characters no writer may emit, whatever the font: controls, zero-width, bidi, private use, noncharacters. */
export function refusedCharProblems(text: string): GlyphProblem[] {
  const out: GlyphProblem[] = [];
  for (const { char, index } of chars(text)) {
    const reason = refusedReason(char);
    if (reason) out.push(problem(char, index, 'refused', reason));
  }
  return out;
}

/** Refused characters plus characters that the family's embedded fonts (regular and bold) cannot draw. */
export function glyphProblems(text: string, family: FontFamily): GlyphProblem[] {
  const known = drawable[family];
  const canDraw = (cp: number): boolean => {
    let yes = known.get(cp);
    if (yes === undefined) {
      yes = FONT_WEIGHTS.every((w) => fontkitFont(family, w).hasGlyphForCodePoint(cp));
      known.set(cp, yes);
    }
    return yes;
  };
  const out: GlyphProblem[] = [];
  for (const { char, index } of chars(text)) {
    const reason = refusedReason(char);
    if (reason) {
      out.push(problem(char, index, 'refused', reason));
      continue;
    }
    if (char === '\n' || char === '\t') continue;
    const drawn = (GLYPH_SUBSTITUTES.get(char) ?? char).codePointAt(0) ?? 0;
    if (!canDraw(drawn)) out.push(problem(char, index, 'missing', '字体中没有这个字'));
  }
  return out;
}
