// Page furniture of a section: running header, footer with page numbers, watermark. Each node is
// tagged: pdfmake lists them among a page's nodes, and keeping a heading with what follows it
// must not take the footer for the text that follows.
import { CONFIDENTIAL_MARK, type Section } from '../../document/model.ts';
import { FURNITURE_EDGE_MM, FURNITURE_GREY, MARK_RED, mmToPt, typeScale } from '../page.ts';
import { FURNITURE_TAG, type PdfNode } from './blocks.ts';

const GREY = `#${FURNITURE_GREY}`;
const RED = `#${MARK_RED}`;

type Dynamic = (currentPage: number, pageCount: number) => PdfNode | null;

/**
 * Whether a call of a section's header or footer is for the section's first page. pdfmake calls
 * them page by page in order, on each layout pass (it may lay out twice): a page number not past
 * the last one seen starts a new pass.
 */
function firstPageTracker(): (page: number) => boolean {
  let [first, last] = [0, 0];
  return (page) => {
    if (page <= last) first = page;
    if (first === 0) first = page;
    last = page;
    return page === first;
  };
}

export function pageNumberText(current: number, total: number): string {
  return `第 ${current} 页 / 共 ${total} 页`;
}

/** The header: company name on the left; internal sections add the confidential mark on every page. */
export function header(section: Section): Dynamic | null {
  const internal = section.audience === 'internal';
  if (section.header === undefined && !internal) return null;
  const [left, , right] = section.page.margins.map(mmToPt) as [number, number, number, number];
  const node = (running: boolean): PdfNode => ({
    columnGap: 12,
    columns: [
      { text: running ? (section.header ?? '') : '', alignment: 'left', style: FURNITURE_TAG },
      { width: 'auto', text: internal ? CONFIDENTIAL_MARK : '', alignment: 'right', color: RED, bold: true, style: FURNITURE_TAG },
    ],
    style: FURNITURE_TAG,
    font: section.font,
    fontSize: typeScale(section.page.size).furniture,
    color: GREY,
    margin: [left, mmToPt(FURNITURE_EDGE_MM), right, 0],
  });
  const [page, cover] = [node(true), node(false)];
  if (!section.cover) return () => page;
  const isFirst = firstPageTracker();
  return (current) => (!isFirst(current) ? page : internal ? cover : null);
}

export function footer(section: Section): Dynamic | null {
  if (section.footer === undefined && !section.pageNumbers) return null;
  const [left, , right, bottom] = section.page.margins.map(mmToPt) as [number, number, number, number];
  const size = typeScale(section.page.size).furniture;
  // pdfmake gives the footer the bottom margin as its box; its text goes FURNITURE_EDGE_MM above the edge.
  const top = Math.max(0, bottom - mmToPt(FURNITURE_EDGE_MM) - size * 1.5);
  const isFirst = firstPageTracker();
  return (current, total) => (section.cover && isFirst(current) ? null : {
    columnGap: 12,
    columns: [
      { text: section.footer ?? '', alignment: 'left', style: FURNITURE_TAG },
      { width: 'auto', text: section.pageNumbers ? pageNumberText(current, total) : '', alignment: 'right', style: FURNITURE_TAG },
    ],
    style: FURNITURE_TAG,
    font: section.font,
    fontSize: size,
    color: GREY,
    margin: [left, top, right, 0],
  });
}

/** Internal sections always carry a light diagonal mark; `watermark` replaces its text. */
export function watermark(section: Section): PdfNode | null {
  const text = section.watermark ?? (section.audience === 'internal' ? CONFIDENTIAL_MARK : undefined);
  if (text === undefined) return null;
  return { text, font: section.font, bold: true, color: '#808080', opacity: 0.12 };
}
