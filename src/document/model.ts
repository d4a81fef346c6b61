// The backend-neutral document model: the only thing the PDF and DOCX writers see.
// Every string in it is plain text taken as written (never markup, JSON or XML), so a
// customer named `A&B贸易` prints as written in both formats.

export type Audience = 'external' | 'internal';
export type FontFamily = 'serif' | 'sans';
export type PageSize = 'A4' | 'A5' | 'DL';
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A run of text. `noWrap` keeps phone numbers and ids on one line. */
export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly noWrap?: boolean;
}
/** A forced line break inside a paragraph or cell. */
export interface LineBreak {
  readonly type: 'break';
}
/**
 * The number of the page on which section `section` of the Doc starts (sections count from 0),
 * as a contents page lists it; the writers fill it in once the pages are laid out.
 */
export interface PageRef {
  readonly type: 'pageRef';
  readonly section: number;
}
export type Inline = TextRun | LineBreak | PageRef;

export interface Heading {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly content: readonly Inline[];
}
export interface Paragraph {
  readonly type: 'paragraph';
  readonly content: readonly Inline[];
  /** The customary two-character (　　) first-line indent of Chinese letters. */
  readonly indent?: boolean;
  readonly align?: Align;
  /** Smaller print, e.g. notes under a table. */
  readonly small?: boolean;
}
export interface List {
  readonly type: 'list';
  readonly style: 'bullet' | 'ordered' | 'checkbox';
  readonly items: readonly (readonly Inline[])[];
}
export interface TableColumn {
  /** Relative width; the writer scales the columns to the text width. */
  readonly width: number;
  readonly align?: Exclude<Align, 'justify'>;
}
export interface Table {
  readonly type: 'table';
  readonly columns: readonly TableColumn[];
  /** The first `headerRows` rows repeat at the top of every page the table spans. */
  readonly headerRows: number;
  readonly rows: readonly (readonly (readonly Inline[])[])[];
}
/** Label–value pairs laid out as a grid, as on the customer info card. */
export interface KeyValueGrid {
  readonly type: 'keyValue';
  /** Pairs per row. */
  readonly columns: 1 | 2 | 3;
  readonly items: readonly { readonly label: string; readonly value: readonly Inline[] }[];
}
/** Company and date lines at the bottom right of a letter, with room for a seal. */
export interface Signature {
  readonly type: 'signature';
  readonly lines: readonly string[];
  /** An asset image (the seal) laid over the signature. */
  readonly seal?: string;
}
export interface Image {
  readonly type: 'image';
  /** Path relative to the data folder's assets/. */
  readonly asset: string;
  /** Width in millimetres. */
  readonly width: number;
  readonly align?: Exclude<Align, 'justify'>;
}
export interface QrCode {
  readonly type: 'qr';
  readonly text: string;
  /** Edge length in millimetres. */
  readonly size: number;
  readonly caption?: string;
  readonly align?: Exclude<Align, 'justify'>;
}
/** Ruled lines for handwritten notes. */
export interface NoteLines {
  readonly type: 'noteLines';
  readonly count: number;
}
export interface PageBreak {
  readonly type: 'pageBreak';
}
/** Blank vertical space, e.g. to set a cover's title down the page. */
export interface Space {
  readonly type: 'space';
  /** Millimetres. */
  readonly height: number;
}

export interface PostcodeBoxes {
  readonly type: 'postcodeBoxes';
  /** Six ASCII digits, or '' for blank boxes. */
  readonly digits: string;
  readonly align?: 'left' | 'right';
  /** Grey instead of red: the envelope of a condolence or sympathy letter, which carries no red. */
  readonly muted?: boolean;
}
/**
 * Address labels for self-adhesive A4 label stock: a grid of equal labels `columns` across the
 * text width, each exactly `height` mm tall, text centred and set smaller when it would not fit.
 */
export interface LabelSheet {
  readonly type: 'labels';
  readonly columns: number;
  /** Millimetres. */
  readonly height: number;
  /** Each label is its lines; the writers pad the last row with empty labels. */
  readonly labels: readonly (readonly (readonly Inline[])[])[];
}

/**
 * Headings and paragraphs in a box exactly `height` mm tall across the text width, centred in
 * it and set smaller alike when they would not fit, so nothing after it moves: an envelope's
 * recipient, whose address may be any length, stays on its one page with the sender below.
 */
export interface FitBox {
  readonly type: 'fit';
  /** Millimetres. */
  readonly height: number;
  readonly blocks: readonly (Heading | Paragraph)[];
}

export type Block =
  | Heading
  | Paragraph
  | List
  | Table
  | KeyValueGrid
  | Signature
  | Image
  | QrCode
  | NoteLines
  | Space
  | PageBreak
  | PostcodeBoxes
  | LabelSheet
  | FitBox;

/**
 * The `default` of every switch over `block.type`: while the cases cover every Block, `block`
 * is `never` here, so a block type added to Block fails to compile until each switch handles it.
 */
export function unhandledBlock(block: never): never {
  throw new Error(`文档块类型「${(block as Block).type}」没有处理`);
}

export interface PageSetup {
  readonly size: PageSize;
  readonly orientation: 'portrait' | 'landscape';
  /** Millimetres: left, top, right, bottom. */
  readonly margins: readonly [number, number, number, number];
}

/** A part of a document that starts on a new page with its own page setup and marking. */
export interface Section {
  readonly page: PageSetup;
  readonly font: FontFamily;
  readonly audience: Audience;
  /** Running header text, e.g. the company name. */
  readonly header?: string;
  /** Footer text beside the page number. */
  readonly footer?: string;
  /** Diagonal watermark text. Internal sections carry 内部资料 注意保密 anyway. */
  readonly watermark?: string;
  /** Whether pages show 第 X 页 / 共 Y 页. */
  readonly pageNumbers: boolean;
  /**
   * The first page is a cover: no running header, footer or page number on it (it still counts);
   * an internal section's cover keeps the confidential mark.
   */
  readonly cover?: boolean;
  readonly blocks: readonly Block[];
}

export interface DocMeta {
  /** Document title without personal data, e.g. 团购建议书. */
  readonly title: string;
  /** The company. */
  readonly author: string;
  /** Fixed creation time for reproducible output (ISO 8601). */
  readonly created: string;
}

export interface Doc {
  readonly meta: DocMeta;
  readonly sections: readonly Section[];
}

export const CONFIDENTIAL_MARK = '内部资料 注意保密';

/** Postcode box geometry in millimetres (GB/T 1416 envelopes), the same in both formats. */
export const POSTCODE_BOX = { width: 8, height: 10, gap: 2, count: 6 } as const;
