// The one CSV form every file we write has: a BOM so Excel and WPS read the Chinese as UTF-8,
// and CRLF line ends. Cells come already neutralised (import/cells.ts): neutralising is not
// idempotent by design, so it happens once, where the cell is made.
import { stringify } from 'csv-stringify/sync';

export function csvText(rows: string[][]): string {
  return stringify(rows, { bom: true, record_delimiter: 'windows' });
}
