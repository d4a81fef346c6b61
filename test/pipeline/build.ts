// Builds a Doc the way `tuangou render` does, through the library API (src/app/), without writing any file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument } from '../../src/app/documents.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import type { Doc } from '../../src/document/model.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DATA = path.join(ROOT, 'data');
export const FIXTURES = path.join(ROOT, 'test/fixtures/templates');
export const TODAY = '2026-11-24';

export interface BuildOptions {
  readonly data?: string;
  readonly templates?: string;
  readonly today?: string;
}

/** The Doc `tuangou render <template> <customer> --today …` would write, and the view it came from. */
export function renderDoc(template: string, customer: string, options: BuildOptions = {}): { doc: Doc; view: unknown } {
  const ws = openWorkspace({ data: options.data ?? DATA, ...(options.templates !== undefined && { templates: options.templates }) });
  const built = buildDocument(ws, { template, customer, today: options.today ?? TODAY });
  return { doc: built.doc, view: built.views[0] };
}

/** A scratch folder removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `tuangou-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the sample data folder with `edit` applied to the text of one of its files. */
export function dataCopy(into: string, file: string, edit: (text: string) => string): string {
  const dir = path.join(into, 'data');
  cpSync(DATA, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(target, after);
  return dir;
}

/** The block types of every section, in order. */
export function blockTypes(doc: Doc): string[] {
  return doc.sections.flatMap((s) => s.blocks.map((b) => b.type));
}
