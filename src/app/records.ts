// One data record read for editing and saved back: the file's own text edited in place, so its
// comments, key order and quoting stay; checked as `check` would before anything is written;
// backed up; written atomically; refused when the file changed on disk since it was read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type { DataSet } from '../data/dataset.ts';
import { formatIssue, type Issue } from '../data/issues.ts';
import { customerSchema, dealSchema, productSchema } from '../data/schema.ts';
import { decodeUtf8, parseYaml } from '../data/yaml.ts';
import { AppError, DataError } from '../errors.ts';
import { backupBeforeWrite } from '../import/backup.ts';
import { editedText } from '../import/yaml-edit.ts';
import { assertVersion, versionOf, withDataLock } from '../output/data-lock.ts';
import { writeAtomic } from '../output/write.ts';
import { fsReason } from '../util/fs.ts';
import { shownPath } from '../util/paths.ts';
import { isRecord, type Rec } from '../util/record.ts';
import type { Workspace } from './workspace.ts';

/** The kinds of record kept one to a file, with their folder and schema. */
const RECORD_KINDS = {
  customer: { folder: 'customers', schema: customerSchema, what: '客户' },
  deal: { folder: 'deals', schema: dealSchema, what: '方案' },
  product: { folder: 'products', schema: productSchema, what: '产品' },
} as const satisfies Record<string, { folder: string; schema: z.ZodType; what: string }>;
export type RecordKind = keyof typeof RECORD_KINDS;

export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: string;
}

export interface DataRecord {
  /** Absolute path of the record's file. */
  readonly file: string;
  /** The file's text as it is on disk. */
  readonly text: string;
  /** The record as plain YAML values (text, lists, maps), as written: what a form shows. */
  readonly value: Rec;
  /** Hand it back when saving: a save is refused when the file changed since. */
  readonly version: string;
  /** The problems `check` reports for this file now. */
  readonly issues: readonly Issue[];
}

export interface SaveResult {
  readonly file: string;
  /** The file's new version, for the next edit. */
  readonly version: string;
  /** Where the file as it was before is kept. */
  readonly backupDir: string;
  /** Warnings `check` reports for the saved file (errors stop the save). */
  readonly warnings: readonly Issue[];
}

/** The file a record lives in: the one it was loaded from, a customer file that did not load, or <folder>/<id>.yaml. */
function fileOf(ws: Workspace, data: DataSet, ref: RecordRef): string {
  const { folder, what } = RECORD_KINDS[ref.kind];
  const maps = { customer: data.customers, deal: data.deals, product: data.products } as const;
  const record = maps[ref.kind].get(ref.id);
  const loaded = record && data.sourceOf(record)?.file;
  if (loaded !== undefined) return path.resolve(loaded);
  const rejected = ref.kind === 'customer' ? data.rejectedCustomers.get(ref.id)?.file : undefined;
  if (rejected !== undefined) return path.resolve(rejected);
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref.id)) {
    const file = path.join(ws.dataDir, folder, `${ref.id}.yaml`);
    try {
      readFileSync(file);
      return file;
    } catch {
      // not there either
    }
  }
  throw new AppError(`找不到${what}「${ref.id}」`, { code: ref.kind === 'customer' ? 'customer-not-found' : ref.kind === 'deal' ? 'deal-not-found' : 'data' });
}

const recordFile = (ws: Workspace, ref: RecordRef): string => fileOf(ws, ws.data(ref.kind === 'customer' ? { customer: ref.id } : {}), ref);

/** The file's text with the change made, comments and layout kept; refused when it would not read back as the record meant. */
function editedFile(file: string, req: Pick<EditRequest, 'kind' | 'change'>): string {
  const { text } = readText(file);
  const before = parseYaml(text, shownPath(file)).source?.value;
  if (!isRecord(before)) throw new DataError(`${shownPath(file)} 的内容读不出来，请先用文本编辑器改正`);
  const draft = structuredClone(before);
  const after = typeof req.change === 'function' ? (req.change(draft) ?? draft) : req.change;
  const edited = editedText(text, before, after, RECORD_KINDS[req.kind].schema);
  // What is written must read back as exactly the record meant.
  if (!isDeepStrictEqual(parseYaml(edited, shownPath(file)).source?.value, after)) {
    throw new DataError(`${shownPath(file)}：修改后的内容读回来不一致，没有保存`);
  }
  return edited;
}

function readText(file: string): { text: string; version: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DataError(`${shownPath(file)}：${fsReason(e, 'read')}`, { cause: e });
  }
  const decoded = decodeUtf8(bytes, shownPath(file));
  if (decoded.issue) throw new DataError(formatIssue(decoded.issue), { issues: [decoded.issue] });
  return { text: decoded.text ?? '', version: versionOf(bytes) };
}

/** A record's text and values to edit, with its version and current problems. */
export function readRecord(ws: Workspace, ref: RecordRef): DataRecord {
  const data = ws.data(ref.kind === 'customer' ? { customer: ref.id } : {});
  const file = fileOf(ws, data, ref);
  const { text, version } = readText(file);
  const parsed = parseYaml(text, shownPath(file));
  const value = parsed.source?.value;
  if (!isRecord(value)) {
    throw new DataError(`${shownPath(file)} 的内容读不出来，请先用文本编辑器改正：\n${parsed.issues.map(formatIssue).join('\n')}`, { issues: parsed.issues });
  }
  return { file, text, value: structuredClone(value), version, issues: ws.checkText(file, text) };
}

export interface EditRequest extends RecordRef {
  /** The version the edit was made on (from readRecord). */
  readonly version: string;
  /** The record's new values, or a change made to a copy of its values. */
  readonly change: Rec | ((value: Rec) => Rec | void);
  /** The time of the backup folder's name. */
  readonly now?: Date;
}

/**
 * Every problem `check` would report for the record's file with the change made to it as it is
 * on disk now (a form being typed in): saveRecord's checks, with nothing written.
 */
export function checkRecordEdit(ws: Workspace, req: Pick<EditRequest, 'kind' | 'id' | 'change'>): Issue[] {
  const file = recordFile(ws, req);
  return ws.checkText(file, editedFile(file, req));
}

/**
 * Saves an edit of one record. Refused, with nothing written, when the file changed since it
 * was read (code `conflict`), when another writer holds the folder (`locked`), or when the
 * edited file would have an error `check` reports (`data`, with the issues).
 */
export function saveRecord(ws: Workspace, req: EditRequest): SaveResult {
  const file = recordFile(ws, req);
  return withDataLock(ws.dataDir, () => {
    assertVersion(file, req.version);
    const edited = editedFile(file, req);
    const issues = ws.checkText(file, edited);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw new DataError(`修改有 ${errors.length} 处错误，没有保存：\n${errors.map(formatIssue).join('\n')}`, { issues: errors });
    }
    const backupDir = backupBeforeWrite(ws.dataDir, { source: `修改${RECORD_KINDS[req.kind].what}「${req.id}」`, updated: [file], created: [] }, req.now ?? new Date());
    writeAtomic(file, edited, { private: true });
    return { file, version: versionOf(edited), backupDir, warnings: issues };
  });
}
