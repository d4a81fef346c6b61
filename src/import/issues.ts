// A problem found while importing, with the place in the spreadsheet it comes from
// (客户!F12), or in the YAML file for a value the sheet kept as it was.
import type { Severity } from '../data/issues.ts';

export type Place =
  | { readonly kind: 'cell'; readonly sheet: string; readonly row: number; readonly col: number }
  | { readonly kind: 'row'; readonly sheet: string; readonly row: number }
  | { readonly kind: 'sheet'; readonly sheet: string }
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly column: number }
  | { readonly kind: 'none' };

export interface ImportIssue {
  readonly severity: Severity;
  readonly place: Place;
  /** The column's or field's Chinese label; empty when the problem is not about one field. */
  readonly label: string;
  readonly message: string;
  /** A stable rule name: the `check` rule for data problems, or an import rule. */
  readonly rule: string;
  /** The unit the problem belongs to; absent for problems of the whole sheet. */
  readonly customer?: string;
}

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** 客户!F12, 客户!第12行, data/customers/x.yaml:3:5. */
export function placeText(p: Place): string {
  switch (p.kind) {
    case 'cell':
      return `${p.sheet}!${cellAddress(p.row, p.col)}`;
    case 'row':
      return `${p.sheet}!第${p.row}行`;
    case 'sheet':
      return p.sheet;
    case 'file':
      return `${p.file}:${p.line}:${p.column}`;
    case 'none':
      return '';
  }
}

/** `客户!F12 手机: 应为 11 位手机号…`, the one line format of every import problem. */
export function formatImportIssue(i: ImportIssue): string {
  const where = placeText(i.place);
  const head = [where, i.label].filter((s) => s !== '').join(' ');
  return head === '' ? i.message : `${head}: ${i.message}`;
}

export function sheetIssue(
  severity: Severity,
  place: Place,
  label: string,
  rule: string,
  message: string,
  customer?: string,
): ImportIssue {
  return { severity, place, label, message, rule, ...(customer === undefined ? {} : { customer }) };
}

/** Issues for --json: the place also as text and as separate fields. */
export function issueJson(i: ImportIssue): Record<string, unknown> {
  const p = i.place;
  return {
    severity: i.severity,
    location: placeText(p),
    ...(p.kind === 'cell' ? { sheet: p.sheet, cell: cellAddress(p.row, p.col), row: p.row } : {}),
    ...(p.kind === 'row' || p.kind === 'sheet' ? { sheet: p.sheet } : {}),
    ...(p.kind === 'row' ? { row: p.row } : {}),
    ...(p.kind === 'file' ? { file: p.file, line: p.line, column: p.column } : {}),
    label: i.label,
    message: i.message,
    rule: i.rule,
    ...(i.customer === undefined ? {} : { customer: i.customer }),
  };
}

/** Order for reports: sheet-wide problems, then cells by sheet, row and column, then YAML files. */
export function compareIssues(a: ImportIssue, b: ImportIssue): number {
  const rank = (p: Place) => (p.kind === 'none' || p.kind === 'sheet' ? 0 : p.kind === 'file' ? 2 : 1);
  const pa = a.place;
  const pb = b.place;
  const r = rank(pa) - rank(pb);
  if (r !== 0) return r;
  if ((pa.kind === 'cell' || pa.kind === 'row') && (pb.kind === 'cell' || pb.kind === 'row')) {
    return pa.sheet.localeCompare(pb.sheet) || pa.row - pb.row || (pa.kind === 'cell' ? pa.col : 0) - (pb.kind === 'cell' ? pb.col : 0);
  }
  if (pa.kind === 'file' && pb.kind === 'file') return pa.file.localeCompare(pb.file) || pa.line - pb.line || pa.column - pb.column;
  return 0;
}
