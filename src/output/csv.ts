// The one CSV form every file we write has: a BOM so Excel and WPS read the Chinese as UTF-8,
// and CRLF line ends; a line break inside a field is quoted. Cells come already neutralised (import/cells.ts): neutralising is not
// idempotent by design, so it happens once, where the cell is made.
import { stringify } from 'csv-stringify/sync';

export function csvText(rows: string[][]): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR,
  // which every reader takes as the end of the row (RFC 4180 quotes any line break).
  return stringify(rows, { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
