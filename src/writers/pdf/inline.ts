// Inline content as pdfmake text items; the pieces a line must keep whole (src/writers/inline.ts)
// become noWrap items, which pdfmake's UAX #14 breaker then never splits.
import type { Inline } from '../../document/model.ts';
import { substituteGlyphs } from '../../fonts/index.ts';
import { flattenRuns } from '../inline.ts';

export interface PdfText {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly noWrap?: boolean;
  /** pdfmake puts the page number of the node with this id in place of the text. */
  readonly pageReference?: string;
}

/** The pdfmake id of a section's first node, which page references point at. */
export const sectionAnchor = (section: number): string => `section-${section}`;

export function pdfInlines(content: readonly Inline[]): PdfText[] {
  return flattenRuns(content).map((run) => {
    if (run.kind === 'break') return { text: '\n' };
    if (run.pageOf !== undefined) return { text: run.text, pageReference: sectionAnchor(run.pageOf), ...(run.bold && { bold: true }) };
    // No font has a tab glyph; an ideographic space is the nearest fixed gap.
    const text = substituteGlyphs(run.text.replaceAll('\t', '\u3000'));
    return { text, ...(run.noWrap && { noWrap: true }), ...(run.bold && { bold: true }), ...(run.italic && { italics: true }) };
  });
}
