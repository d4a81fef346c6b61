// Customers → the import sheet, from the YAML text as written (not the typed values), so that
// importing the export back changes nothing. Cells that a spreadsheet would run as a formula
// are neutralised with a leading ' (removed again on import).
import { csvText } from '../output/csv.ts';
import { isRecord, type Rec } from '../util/record.ts';
import { COLUMNS, FAMILY_HOBBIES_FIELD, type Column } from './columns.ts';
import { familyHobbiesText, familyText, joinList, tagsText } from './compound.ts';
import { neutralise } from './cells.ts';
import { buildWorkbook, isNumberColumn, workbookBytes, type ExportCell } from './template.ts';

/** One row per contact, unit columns repeated on every row of the unit. */
export function exportRows(customers: readonly unknown[], opts: { numbers: boolean }): ExportCell[][] {
  const rows: ExportCell[][] = [];
  for (const customer of customers) {
    if (!isRecord(customer) || !Array.isArray(customer['contacts'])) continue;
    for (const contact of customer['contacts']) {
      if (!isRecord(contact)) continue;
      rows.push(COLUMNS.map((c) => cellOf(c, c.level === 'customer' ? customer : contact, opts.numbers)));
    }
  }
  return rows;
}

/** Plain decimals of at most 15 digits are exact as Excel numbers, so sums work in Excel. */
const EXACT_NUMBER = /^(?=[\d.]{1,16}$)\d+(\.\d+)?$/;

function cellOf(c: Column, record: Rec, numbers: boolean): ExportCell {
  let text: string | undefined;
  if (c.field === FAMILY_HOBBIES_FIELD) text = familyHobbiesText(record['family']);
  else {
    const raw = record[c.field];
    if (raw === undefined) return undefined;
    if (c.kind === 'family') text = familyText(raw);
    else if (c.kind === 'tags') text = tagsText(raw);
    else if (c.kind === 'list') text = Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? joinList(raw) : undefined;
    else if (typeof raw === 'string') text = raw;
  }
  if (text === undefined || text === '') return undefined;
  if (numbers && isNumberColumn(c) && EXACT_NUMBER.test(text.trim())) return Number(text.trim());
  return neutralise(text);
}

export async function xlsxBytes(customers: readonly unknown[]): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook(exportRows(customers, { numbers: true }), { instructions: false }));
}

/** UTF-8 with a BOM (so Excel shows the Chinese) and CRLF line ends. */
export function csvBytes(customers: readonly unknown[]): Uint8Array {
  const rows = exportRows(customers, { numbers: false }).map((r) => r.map((v) => (v === undefined ? '' : String(v))));
  return Buffer.from(csvText([COLUMNS.map((c) => c.label), ...rows]), 'utf8');
}
