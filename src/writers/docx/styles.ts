// Fonts, styles and list numbering of the DOCX.
import { AlignmentType, LevelFormat, LineRuleType } from 'docx';
import type { IBaseParagraphStyleOptions, IFontAttributesProperties, INumberingOptions, IStylesOptions } from 'docx';
import type { FontFamily } from '../../document/model.ts';
import { fontkitFont } from '../../fonts/index.ts';
import { LINE_PITCH, type TypeScale } from '../page.ts';

/**
 * Word, WPS and LibreOffice pick fonts by name from the reader's machine. Each family is named as
 * the Noto CJK font Linux and LibreOffice users have (Debian's fonts-noto-cjk: the same designs
 * as the PDF's Noto Serif SC / Noto Sans SC) for every script, digits and Latin letters included,
 * so no digit is set in another family. Where that font is missing, the font table (below) sends
 * Word and WPS to 宋体 / 黑体, which every Chinese Windows and WPS has. `hint: eastAsia` sends
 * “”‘’…— to the Chinese font.
 */
const FAMILY_FONTS: Readonly<Record<FontFamily, { readonly name: string; readonly altName: string; readonly family: 'roman' | 'swiss' }>> = {
  serif: { name: 'Noto Serif CJK SC', altName: '宋体', family: 'roman' },
  sans: { name: 'Noto Sans CJK SC', altName: '黑体', family: 'swiss' },
};

const allScripts = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });
export const FONT_NAMES: Readonly<Record<FontFamily, IFontAttributesProperties>> = {
  serif: allScripts(FAMILY_FONTS.serif.name),
  sans: allScripts(FAMILY_FONTS.sans.name),
};

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

/**
 * word/fontTable.xml, which docx 9.7 writes empty (its `fonts` option only embeds font files).
 * Per ISO 29500 §17.8.3.1, an application that cannot find a font by name tries its altName
 * (Word reads the whole value as one name), then matches by panose, charset and family; these
 * come from the embedded fonts of the same design, and charset 86 (GB2312) marks them Chinese.
 */
let fontTable: string | undefined;

/** The same for every document: built once. */
export const fontTableXml = (): string => (fontTable ??= buildFontTable());

function buildFontTable(): string {
  const entries = (Object.keys(FAMILY_FONTS) as FontFamily[]).map((f) => {
    const { name, altName, family } = FAMILY_FONTS[f];
    const os2 = (fontkitFont(f, 'regular') as unknown as { 'OS/2': { panose: number[]; ulCharRange: number[]; codePageRange: number[] } })['OS/2'];
    const panose = os2.panose.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
    const [usb0, usb1, usb2, usb3] = os2.ulCharRange.map(hex8);
    const [csb0, csb1] = os2.codePageRange.map(hex8);
    return (
      `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${family}"/><w:pitch w:val="variable"/>` +
      `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="${usb3}" w:csb0="${csb0}" w:csb1="${csb1}"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`
  );
}

/** Half-points, the unit of w:sz. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export const twips = (pt: number): number => Math.round(pt * 20);

/** Exact line pitch, the same LINE_PITCH × size as the PDF. */
export const lineSpacing = (pt: number) => ({ line: twips(pt * LINE_PITCH), lineRule: LineRuleType.EXACT });

/** Space after a block: half a body line, as in the PDF. */
export const blockGap = (scale: TypeScale): number => twips(scale.body * 0.5);

// docx writes Word's own Heading 1–6 (blue) whatever else is given; ours replace them rather
// than follow them under the same id, which left Word to choose between two definitions.
const heading = (level: 1 | 2 | 3, family: FontFamily, scale: TypeScale): IBaseParagraphStyleOptions => ({
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
        // eastAsia zh-CN: LibreOffice and Word then take the Simplified Chinese forms and line rules.
        run: { font: FONT_NAMES[family], size: halfPoints(scale.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: lineSpacing(scale.body) },
      },
      heading1: heading(1, family, scale),
      heading2: heading(2, family, scale),
      heading3: heading(3, family, scale),
    },
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
