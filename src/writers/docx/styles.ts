// Fonts, styles and list numbering of the DOCX.
import { AlignmentType, LevelFormat, LineRuleType } from 'docx';
import type { IFontAttributesProperties, INumberingOptions, IParagraphStyleOptions, IStylesOptions } from 'docx';
import type { FontFamily } from '../../document/model.ts';
import { LINE_PITCH, type TypeScale } from '../page.ts';

/**
 * Word and WPS pick fonts by name from the reader's machine, and the Noto fonts of the PDF are
 * rarely installed. 宋体 (SimSun) and 黑体 (SimHei) come with every Chinese Windows and WPS,
 * and macOS Word maps them to Songti/Heiti; Latin letters and digits use Times New Roman and
 * Arial, as Chinese office documents do. `hint: eastAsia` sends “”‘’…— to the Chinese font.
 */
export const FONT_NAMES: Readonly<Record<FontFamily, IFontAttributesProperties>> = {
  serif: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman', hint: 'eastAsia' },
  sans: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial', hint: 'eastAsia' },
};

/** Half-points, the unit of w:sz. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export const twips = (pt: number): number => Math.round(pt * 20);

/** Exact line pitch, the same LINE_PITCH × size as the PDF. */
export const lineSpacing = (pt: number) => ({ line: twips(pt * LINE_PITCH), lineRule: LineRuleType.EXACT });

/** Space after a block: half a body line, as in the PDF. */
export const blockGap = (scale: TypeScale): number => twips(scale.body * 0.5);

const heading = (level: 1 | 2 | 3, family: FontFamily, scale: TypeScale): IParagraphStyleOptions => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT_NAMES[family], size: halfPoints(scale.heading[level]), bold: true },
  paragraph: {
    keepNext: true,
    outlineLevel: level - 1,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { ...lineSpacing(scale.heading[level]), before: level === 1 ? 0 : blockGap(scale), after: blockGap(scale) },
  },
});

/** Styles from the first section's family and sizes; other sections set theirs on each run. */
export function styles(family: FontFamily, scale: TypeScale): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT_NAMES[family], size: halfPoints(scale.body) },
        paragraph: { spacing: lineSpacing(scale.body) },
      },
    },
    paragraphStyles: [heading(1, family, scale), heading(2, family, scale), heading(3, family, scale)],
  };
}

/** List indent: two characters of body text, in twips. */
const listIndent = (scale: TypeScale) => ({ left: twips(scale.body * 2), hanging: twips(scale.body * 1.5) });

export const BULLET = 'bullet';
export const ORDERED = 'ordered';

export function numbering(scale: TypeScale): INumberingOptions {
  const style = { paragraph: { indent: listIndent(scale) } };
  return {
    config: [
      { reference: BULLET, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style }] },
      { reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style }] },
    ],
  };
}
