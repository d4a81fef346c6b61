// Reads a spreadsheet file into plain rows of typed cell values with their addresses:
// .xlsx through exceljs (after the guard rails), .csv with its encoding detected.
// Nothing here knows the data model; cells.ts turns values into field text.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { DataError } from '../errors.ts';
import { readRegular } from '../util/fs.ts';
import { checkSize, checkWorkbookZip, formatOf, MAX_FILE_BYTES, sniff, type SpreadsheetFormat } from './guard.ts';

export type CellValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** An Excel date cell, as its calendar date. */
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'error'; readonly text: string };

export interface SheetRow {
  readonly row: number;
  /** By column number (A = 1); empty cells are absent. */
  readonly cells: ReadonlyMap<number, CellValue>;
}

export interface Sheet {
  readonly name: string;
  readonly rows: readonly SheetRow[];
}

export interface Workbook {
  readonly format: SpreadsheetFormat;
  readonly sheets: readonly Sheet[];
  /** Things the user should know that are not problems: the encoding used, sheets skipped. */
  readonly notices: readonly string[];
  /** Workbooks made on old Macs count days from 1904; raw serial numbers need it. */
  readonly date1904: boolean;
}

export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;

export async function readSpreadsheet(file: string): Promise<Workbook> {
  const name = path.basename(file);
  formatOf(name); // a file that is no spreadsheet is said before one that is not there
  const bytes = readRegular(file, MAX_FILE_BYTES);
  if (!Buffer.isBuffer(bytes)) {
    if (bytes.size !== undefined) checkSize(bytes.size, name);
    const missing = (bytes.cause as { code?: string } | undefined)?.code === 'ENOENT';
    throw new DataError(missing ? `找不到要导入的文件「${file}」` : `要导入的文件「${name}」读不出来：${bytes.reason}`, { cause: bytes.cause });
  }
  return spreadsheetFromBytes(bytes, name);
}

/** A spreadsheet given as its bytes (an upload), `name` telling its format (.xlsx or .csv). */
export async function spreadsheetFromBytes(bytes: Uint8Array, name: string): Promise<Workbook> {
  const format = formatOf(name);
  checkSize(bytes.byteLength, name);
  sniff(bytes, format, name);
  return format === 'xlsx' ? readXlsx(bytes, name) : readCsv(bytes, name);
}

// ---------- CSV ----------

export interface Decoded {
  readonly text: string;
  readonly encoding: string;
  readonly notice?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * UTF-8 (with or without BOM) is taken as it is; UTF-16 with a BOM (Excel's “Unicode 文本”)
 * and GB18030 — a superset of GBK and GB2312, what Chinese Windows saves by default — are
 * read too, and the user is told which was used. Anything else is refused, never guessed.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: utf8.decode(bytes), encoding: 'UTF-8' };
    } catch (e) {
      throw new DataError(`「${file}」以 UTF-8 标记开头，但内容不是有效的 UTF-8`, { cause: e });
    }
  }
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (bom16) {
    const text = new TextDecoder(bom16, { fatal: true }).decode(bytes);
    return { text, encoding: 'UTF-16', notice: `「${file}」是 UTF-16 编码（Excel 的“Unicode 文本”），已按 UTF-16 读取。` };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding below
  }
  try {
    const text = gb18030.decode(bytes);
    return {
      text,
      encoding: 'GB18030',
      notice: `「${file}」不是 UTF-8 编码，已按 GBK / GB18030 读取。请核对下面列出的单位名称和姓名，中文应显示正常。`,
    };
  } catch (e) {
    throw new DataError(`无法识别「${file}」的文字编码：既不是 UTF-8，也不是 GBK / GB18030`, {
      hint: '请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”后再导入',
      cause: e,
    });
  }
}

/** Comma unless the header line clearly uses tabs or semicolons. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
}

export function readCsv(bytes: Uint8Array, file: string): Workbook {
  const decoded = decodeText(bytes, file);
  let records: string[][];
  try {
    records = parseCsv(decoded.text, {
      delimiter: delimiterOf(decoded.text),
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new DataError(`「${file}」不是有效的 CSV${line ? `（第 ${line} 行附近）` : ''}：${(e as Error).message}`, {
      hint: '常见原因是引号没有成对；请在 Excel 或 WPS 里重新另存为 CSV',
      cause: e,
    });
  }
  if (records.length > MAX_ROWS) throw new DataError(`「${file}」有 ${records.length} 行，一次最多导入 ${MAX_ROWS} 行`);
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    if (record.length > MAX_COLUMNS) throw new DataError(`「${file}」第 ${i + 1} 行有 ${record.length} 列，最多 ${MAX_COLUMNS} 列`);
    const cells = new Map<number, CellValue>();
    record.forEach((text, j) => {
      if (text !== '') cells.set(j + 1, { kind: 'text', text });
    });
    if (cells.size > 0) rows.push({ row: i + 1, cells });
  });
  // A CSV file has no sheet name; its file name stands in for one in cell addresses.
  const sheet = file.replace(/\.csv$/i, '');
  return { format: 'csv', sheets: [{ name: sheet, rows }], notices: decoded.notice ? [decoded.notice] : [], date1904: false };
}

// ---------- XLSX ----------

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Workbook> {
  checkWorkbookZip(bytes, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DataError(`无法读取工作簿「${file}」：文件可能已损坏（${(e as Error).message}）`, {
      hint: '请在 Excel 或 WPS 里打开它，确认能正常显示后另存为 .xlsx 再导入',
      cause: e,
    });
  }
  const notices: string[] = [];
  const sheets: Sheet[] = [];
  let total = 0;
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') {
      if (ws.actualRowCount > 0) notices.push(`工作表「${ws.name}」是隐藏的，没有导入。`);
      return;
    }
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (++total > MAX_ROWS) throw new DataError(`「${file}」超过 ${MAX_ROWS} 行，一次最多导入 ${MAX_ROWS} 行`);
      const cells = new Map<number, CellValue>();
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > MAX_COLUMNS) throw new DataError(`「${file}」工作表「${ws.name}」超过 ${MAX_COLUMNS} 列`);
        // A merged range holds its value in the top-left cell; every cell of it means that value.
        const value = cellValue(cell.isMerged ? cell.master.value : cell.value);
        if (value) cells.set(col, value);
      });
      if (cells.size > 0) rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: ws.name, rows });
  });
  return { format: 'xlsx', sheets, notices, date1904: Boolean(wb.properties.date1904) };
}

/**
 * Every exceljs value shape, explicitly (hardening.md item 36): rich text and hyperlinks give
 * their text, formulas their cached result, dates their calendar day. Never `cell.text`,
 * which formats numbers and dates by the machine's locale.
 */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v === '' ? undefined : { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof Date) return dateValue(v);
  if ('richText' in v) return cellValue(v.richText.map((r) => r.text).join(''));
  if ('hyperlink' in v) return cellValue(v.text as ExcelJS.CellValue);
  if ('error' in v) return { kind: 'error', text: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return { kind: 'error', text: '公式没有保存计算结果' };
    return cellValue(result as ExcelJS.CellValue);
  }
  return { kind: 'error', text: '无法识别的单元格内容' };
}

/** exceljs gives Excel dates as UTC instants; the UTC day is the day shown in the cell. */
function dateValue(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return { kind: 'error', text: '无效的日期' };
  const iso = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return { kind: 'date', iso };
}
