import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralise, unneutralise } from '../../src/import/cells.ts';
import { copyData, snapshot, tuangou } from './helpers.ts';

const DANGEROUS = /^[=+\-@\t\r]/;

/** The fixture data with values that a spreadsheet would run as formulas. */
function hostileData() {
  const { root, data } = copyData();
  const file = path.join(data, 'customers/zhongxue.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('title: 工会主席', 'title: "@SUM(1+1)"')
      .replace('notes: "-5 度以下不发货"', 'notes: "\\t=HYPERLINK(\\"http://example.com\\")"')
      .replace('accountManager: 钱进', `accountManager: "'=钱进"`),
  );
  return { root, data };
}

describe('formula injection', () => {
  it('neutralises = + - @ tab and CR with one leading quote, and only removes that quote again', () => {
    for (const s of ['=1+1', '+86138', '-5', '@A1', '\tx', '\rx', "'=x", "''=x"]) {
      expect(DANGEROUS.test(neutralise(s))).toBe(false);
      expect(unneutralise(neutralise(s))).toBe(s);
    }
    expect(neutralise('张伟')).toBe('张伟');
    expect(unneutralise("'张伟")).toBe("'张伟");
  });

  it('exports no cell that starts a formula, in CSV and in xlsx, and imports them back unchanged', async () => {
    const { root, data } = hostileData();
    const before = snapshot(data);
    for (const ext of ['csv', 'xlsx'] as const) {
      expect((await tuangou(['export', `out.${ext}`, '--data', data], root)).code).toBe(0);
    }
    const csv = parseCsv(readFileSync(path.join(root, 'out.csv'), 'utf8'), { bom: true }) as string[][];
    const cells = csv.flat();
    expect(cells.filter((c) => DANGEROUS.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'@SUM(1+1)", "'\t=HYPERLINK(\"http://example.com\")", "''=钱进", "'=不是公式", "'+8613800002222"]));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, 'out.xlsx'));
    const values: unknown[] = [];
    wb.getWorksheet('客户')!.eachRow((row) => row.eachCell((cell) => void values.push(cell.value)));
    expect(values.filter((v) => typeof v !== 'string' && typeof v !== 'number')).toEqual([]);
    expect(values.filter((v) => typeof v === 'string' && DANGEROUS.test(v))).toEqual([]);

    for (const ext of ['csv', 'xlsx'] as const) {
      const out = JSON.parse((await tuangou(['import', `out.${ext}`, '--data', data, '--json'], root)).stdout);
      expect(out.customers.every((c: { action: string }) => c.action === 'unchanged')).toBe(true);
    }
    expect(snapshot(data)).toEqual(before);
  });
});
