// Sheet rows → customers: finds the header row, maps headers to columns, reads every cell,
// and groups rows by 单位名称 (one row per contact). Problems of the sheet itself — unknown
// columns (misspelt ones are errors, others are left out with a warning), unreadable cells,
// rows that disagree about their unit — are reported here.
import { closest } from '../util/suggest.ts';
import { cellText, type CellResult } from './cells.ts';
import { COLUMNS, CONTACT_NAME, columnByHeader, normaliseHeader, UNIT_NAME, type Column } from './columns.ts';
import { parseFamily, parseFamilyHobbies, splitList, type FamilyMember } from './compound.ts';
import { cellAddress, sheetIssue, type ImportIssue } from './issues.ts';
import type { CellValue, Sheet, Workbook } from './read.ts';
import { canonicalDate, canonicalPhone } from './spellings.ts';

export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** A value read from one cell: text, a list of texts, family members or hobby pairs. */
export interface Placed {
  readonly column: Column;
  readonly text: string;
  readonly raw: unknown;
  readonly at: CellRef;
  /** Came from a number cell in a column of digits (postcode, phone): Excel may have eaten a 0. */
  readonly numeric: boolean;
}

export interface SheetContact {
  readonly name: string;
  readonly row: RowRef;
  /** By field name of the contact (name, mobile, …, familyHobbies). */
  readonly fields: ReadonlyMap<string, Placed>;
}

export interface SheetCustomer {
  readonly name: string;
  readonly rows: RowRef[];
  /** By field name of the customer. */
  readonly fields: Map<string, Placed>;
  readonly contacts: SheetContact[];
}

export interface Rows {
  readonly customers: SheetCustomer[];
  readonly issues: ImportIssue[];
  readonly notices: string[];
  /** Data rows read (not counting headers and blank rows). */
  readonly dataRows: number;
  /** The column number of each column key, per sheet. */
  readonly layout: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const HEADER_SEARCH_ROWS = 10;

export function collectRows(book: Workbook): Rows {
  const issues: ImportIssue[] = [];
  const notices: string[] = [];
  const layout = new Map<string, Map<string, number>>();
  const customers = new Map<string, SheetCustomer>();
  let dataRows = 0;

  for (const sheet of book.sheets) {
    const header = sheet.rows.slice(0, HEADER_SEARCH_ROWS).find(isHeaderRow);
    if (!header) {
      if (sheet.rows.length > 0) notices.push(`工作表「${sheet.name}」的前 ${HEADER_SEARCH_ROWS} 行里没有「${UNIT_NAME.label}」表头，没有导入。`);
      continue;
    }
    const columns = mapHeader(sheet, header.row, header.cells, issues);
    layout.set(sheet.name, new Map([...columns].map(([col, c]) => [c.key, col])));
    const headless = new Set<number>();
    for (const r of sheet.rows) {
      if (r.row <= header.row) continue;
      for (const col of r.cells.keys()) {
        if (!columns.has(col) && !header.cells.has(col) && !headless.has(col)) {
          headless.add(col);
          issues.push(sheetIssue('error', { kind: 'cell', sheet: sheet.name, row: r.row, col }, '', 'no-header', '这一列没有表头，内容不会导入：请在第一行写上列名（见导入模板）'));
        }
      }
      if (readRow(sheet, r.row, r.cells, columns, book.date1904, customers, issues)) dataRows++;
    }
  }
  if (layout.size === 0) {
    issues.push(sheetIssue('error', { kind: 'none' }, '', 'no-header', `没有找到表头：表格的第一行应是列名，至少要有「${UNIT_NAME.label}」`));
  }
  return { customers: [...customers.values()], issues, notices, dataRows, layout };
}

/**
 * The header row has 单位名称 and either another known column or nothing else: the column
 * list of the template's 说明 sheet (单位名称 | 必填 | …) is not a header.
 */
function isHeaderRow(r: { readonly cells: ReadonlyMap<number, CellValue> }): boolean {
  const found = [...r.cells.values()].map((v) => (v.kind === 'text' ? columnByHeader(v.text) : undefined));
  if (!found.includes(UNIT_NAME)) return false;
  return found.filter(Boolean).length >= 2 || found.every(Boolean);
}

function mapHeader(sheet: Sheet, row: number, cells: ReadonlyMap<number, CellValue>, issues: ImportIssue[]): Map<number, Column> {
  const columns = new Map<number, Column>();
  const seen = new Map<Column, number>();
  const known = COLUMNS.map((c) => c.label);
  for (const [col, v] of [...cells].sort(([a], [b]) => a - b)) {
    const at = { kind: 'cell', sheet: sheet.name, row, col } as const;
    const text = v.kind === 'text' ? v.text : '';
    const column = columnByHeader(text);
    if (!column) {
      // A near miss of a known header is a typo whose data would be lost: an error. Any other
      // column (序号, 区域 …) is the office's own, and the rest of the sheet imports without it.
      const near = closest(normaliseHeader(text), known);
      if (near) issues.push(sheetIssue('error', at, '', 'unknown-column', `不认识的列「${text}」，是否想写「${near}」？这一列不会导入。可用的列见导入模板`));
      else issues.push(sheetIssue('warning', at, '', 'ignored-column', `「${text}」不是导入的列，这一列没有导入，其他列照常导入。可用的列见导入模板`));
      continue;
    }
    const first = seen.get(column);
    if (first !== undefined) {
      issues.push(sheetIssue('error', at, column.label, 'duplicate-column', `「${column.label}」列重复（${cellAddress(row, first)} 已有）：这一列不会导入`));
      continue;
    }
    seen.set(column, col);
    columns.set(col, column);
  }
  return columns;
}

/** Reads one data row into `customers`; false for a blank row. */
function readRow(
  sheet: Sheet,
  row: number,
  cells: ReadonlyMap<number, CellValue>,
  columns: ReadonlyMap<number, Column>,
  date1904: boolean,
  customers: Map<string, SheetCustomer>,
  issues: ImportIssue[],
): boolean {
  const values = new Map<Column, Placed>();
  let any = false;
  let unitName: string | undefined;
  const pending: ImportIssue[] = [];
  for (const [col, column] of columns) {
    const v = cells.get(col);
    if (!v) continue;
    const at: CellRef = { sheet: sheet.name, row, col };
    const place = { kind: 'cell', ...at } as const;
    const result: CellResult | undefined = cellText(v, column.kind, date1904);
    if (!result) continue;
    any = true;
    if (!result.ok) {
      pending.push(sheetIssue('error', place, column.label, result.rule, result.message));
      continue;
    }
    const raw = toRaw(column, result.text);
    if (!raw.ok) {
      pending.push(sheetIssue('error', place, column.label, 'cell-format', raw.message));
      continue;
    }
    // The canonical text, so that rows of a unit that spell one phone two ways agree.
    const text = typeof raw.value === 'string' ? raw.value : result.text;
    values.set(column, { column, text, raw: raw.value, at, numeric: result.numeric });
    if (column === UNIT_NAME) unitName = text;
  }
  if (!any) return false;
  if (unitName === undefined) {
    const col = [...columns].find(([, c]) => c === UNIT_NAME)?.[0] ?? 1;
    issues.push(
      sheetIssue('error', { kind: 'cell', sheet: sheet.name, row, col }, UNIT_NAME.label, 'missing-unit', '每一行都要填单位名称（同一单位的几行可以合并单元格）：这一行没有导入'),
      ...pending,
    );
    return true;
  }
  let customer = customers.get(unitName);
  if (!customer) {
    customer = { name: unitName, rows: [], fields: new Map(), contacts: [] };
    customers.set(unitName, customer);
  }
  customer.rows.push({ sheet: sheet.name, row });
  issues.push(...pending.map((i) => ({ ...i, customer: unitName })));

  const contactFields = new Map<string, Placed>();
  for (const [column, placed] of values) {
    if (column.level === 'contact') {
      contactFields.set(column.field, placed);
      continue;
    }
    const earlier = customer.fields.get(column.field);
    if (!earlier) customer.fields.set(column.field, placed);
    else if (earlier.text !== placed.text) {
      const where = `${earlier.at.sheet === sheet.name ? '' : `${earlier.at.sheet}!`}${cellAddress(earlier.at.row, earlier.at.col)}`;
      issues.push(
        sheetIssue('error', { kind: 'cell', ...placed.at }, column.label, 'inconsistent-unit', `与 ${where} 的「${earlier.text}」不一致：同一单位的各行应填相同内容，或只在其中一行填写`, unitName),
      );
    }
  }
  const nameCell = contactFields.get(CONTACT_NAME.field);
  if (!nameCell) {
    const stray = [...contactFields.values()][0];
    if (stray) {
      const col = [...columns].find(([, c]) => c === CONTACT_NAME)?.[0];
      const place = col === undefined ? ({ kind: 'row', sheet: sheet.name, row } as const) : ({ kind: 'cell', sheet: sheet.name, row, col } as const);
      issues.push(sheetIssue('error', place, CONTACT_NAME.label, 'missing-contact-name', `这一行填了联系人的${stray.column.label}，但没有联系人姓名：这一行的联系人信息没有导入`, unitName));
    }
    return true;
  }
  const twin = customer.contacts.find((k) => k.name === nameCell.text);
  if (twin) {
    issues.push(
      sheetIssue('error', { kind: 'cell', ...nameCell.at }, CONTACT_NAME.label, 'duplicate-contact', `单位 + 联系人「${unitName}｜${nameCell.text}」在第 ${twin.row.row} 行已经有了：一位联系人只占一行`, unitName),
    );
    return true;
  }
  customer.contacts.push({ name: nameCell.text, row: { sheet: sheet.name, row }, fields: contactFields });
  return true;
}

type Raw = { ok: true; value: unknown } | { ok: false; message: string };

/** A cell's text → the value the data keeps: lists split, office spellings made canonical. */
function toRaw(column: Column, text: string): Raw {
  switch (column.kind) {
    case 'list':
      return { ok: true, value: splitList(text) };
    case 'family':
      return familyMembers(text);
    case 'familyHobbies':
      return parseFamilyHobbies(text);
    case 'date': {
      const date = canonicalDate(text);
      return date.ok ? { ok: true, value: date.text } : date;
    }
    case 'phone':
    case 'mobile':
      return { ok: true, value: canonicalPhone(text) };
    default:
      return { ok: true, value: text };
  }
}

/** The members of a 家庭成员 cell, their birthdays read like a 生日 cell's. */
function familyMembers(text: string): Raw {
  const parsed = parseFamily(text);
  if (!parsed.ok) return parsed;
  const members: FamilyMember[] = [];
  for (const m of parsed.value) {
    const date = m.birthday === undefined ? undefined : canonicalDate(m.birthday);
    if (date && !date.ok) return { ok: false, message: `${m.name ?? m.relation}的生日：${date.message}` };
    members.push(date ? { ...m, birthday: date.text } : m);
  }
  return { ok: true, value: members };
}
