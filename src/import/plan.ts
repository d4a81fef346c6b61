// The import from file to plan: read the sheet, group rows into customers, match them with the
// customer files of the data folder by unit name, merge, check with the `check` rules, and
// produce the YAML each changed file would get. Nothing is written here (see apply.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { idOfFile, isDataFile, loadData } from '../data/load.ts';
import type { Loaded } from '../data/load.ts';
import type { Customer, Product } from '../data/schema.ts';
import { decodeUtf8, parseYaml } from '../data/yaml.ts';
import { DataError } from '../errors.ts';
import { versionOf } from '../output/data-lock.ts';
import { readRegular } from '../util/fs.ts';
import { shownPath } from '../util/paths.ts';
import { UNIT_NAME } from './columns.ts';
import { sheetIssue, type ImportIssue } from './issues.ts';
import { mergeCustomer, type Existing, type Merged } from './merge.ts';
import { readSpreadsheet, spreadsheetFromBytes, type Workbook } from './read.ts';
import { collectRows, type Placed, type SheetCustomer } from './rows.ts';
import { validateMerged } from './validate.ts';
import { editedText, newFileText } from './yaml-edit.ts';

export type Action = 'create' | 'update' | 'unchanged';

export interface PlanEntry {
  readonly name: string;
  readonly id: string;
  /** Absolute path of the customer file. */
  readonly file: string;
  readonly display: string;
  readonly action: Action;
  readonly changes: readonly string[];
  readonly contacts: number;
  readonly newContacts: number;
  readonly issues: readonly ImportIssue[];
  readonly errors: number;
  /** The file's new content, for create and update. */
  readonly text: string | undefined;
  /** The version of the file the update was planned on; undefined for a new file. */
  readonly version: string | undefined;
}

export interface ImportPlan {
  /** The spreadsheet's file name. */
  readonly source: string;
  readonly dataDir: string;
  readonly format: Workbook['format'];
  readonly dataRows: number;
  readonly notices: readonly string[];
  /** Problems of the sheet not tied to one unit (unknown columns, rows without a unit). */
  readonly sheetIssues: readonly ImportIssue[];
  readonly entries: readonly PlanEntry[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_YAML_BYTES = 1024 * 1024;

export interface PlanOptions {
  /** How paths are shown (relative to this folder when inside it). */
  readonly cwd: string;
}

/** The plan of importing a spreadsheet, given as a file or as its bytes and name (an upload). */
export async function planImport(sheet: string | { readonly name: string; readonly bytes: Uint8Array }, dataDir: string, opts: PlanOptions): Promise<ImportPlan> {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new DataError(`数据文件夹「${dataDir}」不存在`, { code: 'no-data-dir' });
  }
  const book = typeof sheet === 'string' ? await readSpreadsheet(sheet) : await spreadsheetFromBytes(sheet.bytes, sheet.name);
  const file = typeof sheet === 'string' ? sheet : sheet.name;
  const rows = collectRows(book);
  const display = (abs: string) => shownPath(abs, opts.cwd);
  const data = loadData(dataDir);
  const folder = readCustomerFolder(path.join(dataDir, 'customers'), display, new Set(data.customers.keys()));
  const products: Loaded<Product>[] = [...data.products.values()].flatMap((value) => {
    const source = data.sourceOf(value);
    return source ? [{ value, source }] : [];
  });

  const touched = new Set(rows.customers.map((c) => c.name));
  const others: Loaded<Customer>[] = [...data.customers.values()].flatMap((value) => {
    const source = data.sourceOf(value);
    return source && !touched.has(value.name.trim()) ? [{ value, source }] : [];
  });

  const extra = new Map<SheetCustomer, ImportIssue[]>();
  const merged: Merged[] = [];
  const files: string[] = [];
  for (const sc of rows.customers) {
    const issues: ImportIssue[] = [];
    extra.set(sc, issues);
    const matches = folder.byName.get(sc.name) ?? [];
    if (matches.length > 1) {
      const cell = sc.fields.get(UNIT_NAME.field) as Placed;
      issues.push(sheetIssue('error', { kind: 'cell', ...cell.at }, UNIT_NAME.label, 'duplicate-unit', `数据里已经有 ${matches.length} 个文件的单位名称都是「${sc.name}」（${matches.map((m) => m.display).join('、')}）：请先合并成一个（数据检查会列出）`, sc.name));
    }
    const existing = matches[0];
    const { id, file: target } = existing
      ? { id: typeof existing.value['id'] === 'string' ? existing.value['id'] : '', file: existing.file }
      : newTarget(sc, folder, dataDir, issues);
    merged.push(mergeCustomer(sc, existing, id));
    files.push(target);
  }

  const checked = validateMerged(merged, { products, others, layout: rows.layout });
  const entries = merged.map((m, i): PlanEntry => {
    const issues = [...rows.issues.filter((x) => x.customer === m.sheet.name), ...(extra.get(m.sheet) ?? []), ...m.issues, ...(checked[i] ?? [])];
    const action: Action = !m.existing ? 'create' : isDeepStrictEqual(m.value, m.existing.value) ? 'unchanged' : 'update';
    const target = files[i] as string;
    const text =
      action === 'create'
        ? newFileText(m.value, `由 tuangou import 从「${path.basename(file)}」导入`)
        : action === 'update' && m.existing
          ? editedText(m.existing.text, m.existing.value, m.value)
          : undefined;
    if (text !== undefined) verify(text, m.value, target);
    const contacts = Array.isArray(m.value['contacts']) ? m.value['contacts'].length : 0;
    return {
      name: m.sheet.name,
      id: typeof m.value['id'] === 'string' ? m.value['id'] : '',
      file: target,
      display: display(target),
      action,
      changes: m.changes,
      contacts,
      newContacts: m.newContacts,
      issues,
      errors: issues.filter((x) => x.severity === 'error').length,
      text,
      version: m.existing?.version,
    };
  });

  return {
    source: path.basename(file),
    dataDir,
    format: book.format,
    dataRows: rows.dataRows,
    notices: [...book.notices, ...rows.notices],
    sheetIssues: rows.issues.filter((x) => x.customer === undefined),
    entries,
  };
}

/**
 * The id and file of a new customer: the sheet's 客户编号 if it has one, else one made from the
 * unit name. A bad or taken id is reported (by the `check` rules where they see it); the file
 * name is safe and new whatever the sheet says.
 */
function newTarget(sc: SheetCustomer, folder: Folder, dataDir: string, issues: ImportIssue[]): { id: string; file: string } {
  const given = sc.fields.get('id');
  const taken = given !== undefined && folder.taken(given.text);
  if (given && taken && !folder.validIds.has(given.text)) {
    issues.push(sheetIssue('error', { kind: 'cell', ...given.at }, given.column.label, 'id-taken', `编号「${given.text}」已经被另一个客户文件使用`, sc.name));
  }
  const id = given ? given.text : makeId(sc.name, folder.taken);
  const fileId = given && (taken || !ID.test(given.text)) ? makeId(sc.name, folder.taken) : id;
  folder.reserve(id);
  folder.reserve(fileId);
  return { id, file: path.join(dataDir, 'customers', `${fileId}.yaml`) };
}

/** The text to write must read back as exactly the intended record (hardening.md item 39). */
function verify(text: string, expected: Record<string, unknown>, file: string): void {
  const parsed = parseYaml(text, file);
  if (!parsed.source || !isDeepStrictEqual(parsed.source.value, expected)) {
    throw new Error(`生成的 YAML 读回来与表格内容不一致（${file}），已停止，没有写入任何文件`);
  }
}

interface Folder {
  readonly byName: Map<string, Existing[]>;
  /** Ids of the customers that pass `check`'s schema (their duplicates are reported there). */
  readonly validIds: ReadonlySet<string>;
  taken(id: string): boolean;
  reserve(id: string): void;
}

/**
 * Every customer file as plain YAML values, whether or not it passes `check`, so that a unit
 * is matched (and never duplicated) even when its file has a data error. A file that cannot be
 * parsed at all stops the import: its unit could be in the sheet.
 */
function readCustomerFolder(dir: string, display: (abs: string) => string, validIds: ReadonlySet<string>): Folder {
  const byName = new Map<string, Existing[]>();
  const ids = new Set<string>();
  const names = new Set<string>();
  const unreadable: string[] = [];
  const list = existsSync(dir) ? readdirSync(dir).filter(isDataFile).sort() : [];
  for (const f of list) {
    const file = path.join(dir, f);
    names.add(idOfFile(f).toLowerCase());
    // A pipe or device there would hang the import, a huge file exhaust it.
    const bytes = readRegular(file, MAX_YAML_BYTES);
    if (!Buffer.isBuffer(bytes)) {
      unreadable.push(`${display(file)}（${bytes.reason}）`);
      continue;
    }
    const decoded = decodeUtf8(bytes, display(file));
    const parsed = decoded.text === undefined ? undefined : parseYaml(decoded.text, display(file));
    const value = parsed?.source?.value;
    if (!parsed?.source || parsed.issues.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
      unreadable.push(display(file));
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string') ids.add(record['id'].trim());
    const name = typeof record['name'] === 'string' ? record['name'].trim() : undefined;
    if (name === undefined) continue;
    const existing: Existing = { file, display: display(file), text: decoded.text ?? '', version: versionOf(bytes), source: parsed.source, value: record };
    byName.set(name, [...(byName.get(name) ?? []), existing]);
  }
  if (unreadable.length > 0) {
    throw new DataError(`数据文件夹里有 ${unreadable.length} 个客户文件无法读取：${unreadable.join('、')}。导入前请先修正，否则表格里的同名单位可能被重复建立`, {
      code: 'customer-invalid',
    });
  }
  return {
    byName,
    validIds,
    taken: (id) => ids.has(id) || names.has(id.toLowerCase()),
    reserve: (id) => {
      ids.add(id);
      names.add(id.toLowerCase());
    },
  };
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A new customer's id, which is also its file name: [a-z0-9-] only. An ASCII unit name gives
 * its own slug; a Chinese one (no pinyin table here) gives kehu-<6 hex of its SHA-256>, the
 * same for the same name on every machine. Lengthened until no file has it.
 */
export function makeId(name: string, taken: (id: string) => boolean): string {
  const slug = name.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const ascii = /^[\x20-\x7e]+$/.test(name) && slug !== '';
  if (ascii) {
    const base = RESERVED.test(slug) ? `${slug}-1` : slug.slice(0, 60).replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken(id); n++) id = `${base}-${n}`;
    return id;
  }
  const prefix = slug.slice(0, 20).replace(/-+$/, '') || 'kehu';
  const hash = createHash('sha256').update(name.normalize('NFC')).digest('hex');
  for (let len = 6; len <= hash.length; len += 2) {
    const id = `${prefix}-${hash.slice(0, len)}`;
    if (!taken(id)) return id;
  }
  throw new Error(`无法为「${name}」生成编号`);
}
