// The import sheet as a workbook: the header row with a note on every column (required or not,
// format, allowed values), drop-down lists for the enumerated columns, text format for the
// columns whose digits must survive (邮编 010010, phones), and frozen headers. The template is
// this sheet empty plus a 说明 sheet; the export is this sheet filled in.
import ExcelJS from 'exceljs';
import { COLUMNS, columnNote, type Column } from './columns.ts';
import { columnLetters } from './issues.ts';

export const SHEET_NAME = '客户';

/** A cell as exported: text (already neutralised), a number, or blank. */
export type ExportCell = string | number | undefined;

/** Rows below the data that still get drop-downs and text format, for rows added in Excel. */
const SPARE_ROWS = 1000;

const WIDE: Partial<Record<Column['kind'], number>> = { plain: 24, family: 36, familyHobbies: 30, date: 16, tags: 20, list: 16, email: 24, url: 22 };

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

export function isNumberColumn(c: Column): boolean {
  return c.kind === 'int' || c.kind === 'money';
}

export function buildWorkbook(rows: readonly (readonly ExportCell[])[], opts: { instructions: boolean }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuangou';
  wb.lastModifiedBy = 'tuangou';
  // Fixed dates: the same data gives the same file.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const last = rows.length + 1 + SPARE_ROWS;

  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(WIDE[c.kind] ?? 12, c.label.length * 2 + 4);
    // Text format: what is typed in stays as typed (no 010010 → 10010, no 1.38E+10).
    if (!isNumberColumn(c)) col.numFmt = '@';
    const head = ws.getCell(1, i + 1);
    head.value = c.label;
    head.numFmt = '@';
    head.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : { argb: 'FF000000' } };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.extra ? 'FFEDEDED' : 'FFDDEBF7' } };
    head.alignment = { vertical: 'middle', horizontal: 'center' };
    head.note = columnNote(c);
    if (c.allowed) {
      const letter = columnLetters(i + 1);
      (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letter}2:${letter}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.allowed.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.label,
        error: `请从下拉列表里选：${c.allowed.join('、')}`,
      });
    }
  });
  ws.getRow(1).height = 20;

  rows.forEach((cells, r) => {
    const row = ws.getRow(r + 2);
    cells.forEach((v, i) => {
      if (v !== undefined) row.getCell(i + 1).value = v;
    });
  });
  if (opts.instructions) addInstructions(wb);
  return wb;
}

function addInstructions(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('说明');
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 90;
  const lines = [
    '填写说明',
    `在「${SHEET_NAME}」工作表里填写，一行一位联系人；单位名称相同的行合成一个客户。列的顺序可以调整，列名不能改。`,
    '已有的单位（单位名称相同）会被更新，不会重复建立；空着的格子表示“不改动”，已有的内容会保留。',
    '导入前先预览：tuangou import 文件.xlsx --dry-run；确认后去掉 --dry-run 再导入。有错误时不会写入任何文件。',
    '鼠标停在每一列的列名上可以看到填写要求；红色列名是必填项。',
    '',
  ];
  lines.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const top = lines.length + 1;
  ['列名', '是否必填', '填写要求'].forEach((t, i) => {
    const cell = ws.getCell(top, i + 1);
    cell.value = t;
    cell.font = { bold: true };
  });
  COLUMNS.forEach((c, i) => {
    const row = ws.getRow(top + 1 + i);
    row.getCell(1).value = c.label;
    row.getCell(2).value = c.required ? '必填' : '';
    row.getCell(3).value = columnNote(c).split('\n').slice(1).join(' ');
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
