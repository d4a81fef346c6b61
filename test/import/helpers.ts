// Shared by the import tests: temp copies of a data folder, sheets written with exceljs,
// and a snapshot of every file of a folder to prove what changed and what did not.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import { runCli, type RunResult } from '../cli/run.ts';

export const FIXTURES = path.join(import.meta.dirname, '../fixtures/import');
export const FIXTURE_DATA = path.join(FIXTURES, 'data');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-import-'));
  made.push(dir);
  return dir;
}

/** A fresh copy of a data folder in a temp dir; tests never write into the repository. */
export function copyData(from = FIXTURE_DATA): { root: string; data: string } {
  const root = tempDir();
  const data = path.join(root, 'data');
  cpSync(from, data, { recursive: true });
  return { root, data };
}

/** Every file under `dir` (relative path → content), .backup excluded unless asked. */
export function snapshot(dir: string, opts: { backup?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.backup' && !opts.backup) continue;
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.set(path.relative(dir, abs).split(path.sep).join('/'), readFileSync(abs, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export type Cell = string | number | Date | boolean | null | undefined | ExcelJS.CellValue;

/** Writes a workbook with one sheet per entry; text cells are written as text. */
export async function writeXlsx(file: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v !== undefined && v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Runs the CLI with the temp folder as working directory. */
export function tuangou(args: readonly string[], cwd: string): Promise<RunResult> {
  return runCli(args, cwd);
}

export function readYaml(data: string, rel: string): string {
  return readFileSync(path.join(data, rel), 'utf8');
}
