// Customers in and out of spreadsheets, from and to bytes: the import's plan (a dry run) and
// its application, the export, and the blank import template.
import { applyPlan, type Applied } from '../import/apply.ts';
import { csvBytes, xlsxBytes } from '../import/export.ts';
import { planImport, type ImportPlan } from '../import/plan.ts';
import { buildWorkbook, workbookBytes } from '../import/template.ts';
import { selectCustomers, type Selection } from '../views/select.ts';
import type { Workspace } from './workspace.ts';

export type { Applied, ImportPlan };

/** A spreadsheet: a file's path, or its bytes and name (.xlsx or .csv) as uploaded. */
export type SpreadsheetInput = string | { readonly name: string; readonly bytes: Uint8Array };

/**
 * What importing the spreadsheet would do — customers created, updated, unchanged, and every
 * problem by sheet and cell — with nothing written. `cwd`: paths in the plan are shown relative to it.
 */
export function planSpreadsheetImport(ws: Workspace, sheet: SpreadsheetInput, opts: { cwd?: string } = {}): Promise<ImportPlan> {
  return planImport(sheet, ws.dataDir, { cwd: opts.cwd ?? process.cwd() });
}

/**
 * Carries out a plan: with an error nothing is written, unless `forcePartial` (the customers
 * without errors are). Changed files are backed up; a file changed since the plan read it is not written over.
 */
export function applySpreadsheetImport(plan: ImportPlan, opts: { forcePartial?: boolean; now?: Date } = {}): Applied {
  return applyPlan(plan, { forcePartial: Boolean(opts.forcePartial), now: opts.now ?? new Date() });
}

export interface Exported {
  readonly bytes: Uint8Array;
  readonly customers: number;
  readonly contacts: number;
  /** Customer files with errors, not exported. */
  readonly skipped: readonly string[];
}

/** The customers (filtered) as the import sheet: one row a contact, the text as written in the files. */
export async function exportCustomers(ws: Workspace, format: 'xlsx' | 'csv', filter: Selection = {}): Promise<Exported> {
  const data = ws.data();
  const customers = selectCustomers(data, filter);
  // The text as written in the files, not the typed values: 12,345.60 stays 12,345.60.
  const raw = customers.map((c) => data.sourceOf(c)?.value);
  return {
    bytes: format === 'xlsx' ? await xlsxBytes(raw) : csvBytes(raw),
    customers: customers.length,
    contacts: customers.reduce((n, c) => n + c.contacts.length, 0),
    skipped: [...data.rejectedCustomers.values()].map((r) => r.file),
  };
}

/** A blank import template: headers with their rules, drop-down lists, an instructions sheet. */
export function importTemplate(): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook([], { instructions: true }));
}
