// Reads a data folder: company.yaml, policies.yaml, products/, customers/, deals/.
// Collects every problem of every file instead of stopping at the first.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { shownPath } from '../util/paths.ts';
import type { DataSet } from './dataset.ts';
import type { Issue } from './issues.ts';
import { DEFAULT_POLICIES } from './policies.ts';
import { crossChecks } from './rules.ts';
import { CUSTOMER_ID, companySchema, customerSchema, dealSchema, policiesSchema, productSchema, targetsSchema } from './schema.ts';
import type { Company, Customer, Deal, Policies, Product } from './schema.ts';
import { checkRecord, issueAt } from './validate.ts';
import { decodeUtf8, parseYaml, type Loaded, type YamlSource } from './yaml.ts';
export type { Loaded } from './yaml.ts';
import { fsReason, isFolder, readRegular } from '../util/fs.ts';

const MAX_FILE_BYTES = 1024 * 1024;
const partialPolicies = policiesSchema.partial();

/** A data file, by its name: YAML, and not hidden (editors' and systems' own files: Emacs .#x.yaml locks, macOS ._x.yaml). */
export const isDataFile = (name: string): boolean => /\.ya?ml$/i.test(name) && !name.startsWith('.');

/** The id a data file is named after: its name without .yaml or .yml. */
export const idOfFile = (file: string): string => path.basename(file).replace(/\.ya?ml$/i, '');

/** Which customers to read: all of them, or only the one a single-customer command names. */
export interface LoadScope {
  /** The customer as typed: a customer id, or a unit name. */
  readonly customer?: string | undefined;
  /** Files read before, kept by a long-lived caller: a file unchanged on disk is not read again. */
  readonly cache?: FileCache | undefined;
  /** Text to use instead of a file's content on disk (by absolute path), e.g. a form being edited; the file need not exist. */
  readonly overrides?: ReadonlyMap<string, string> | undefined;
}

/** One file as read and checked, with the stamp of the file it was read from. */
interface CachedFile {
  readonly stamp: string;
  readonly schema: z.ZodType;
  readonly issues: readonly Issue[];
  readonly loaded: Loaded<unknown> | undefined;
}

/**
 * Data files read and checked, by absolute path, each with its file's identity, size and times:
 * a file is read again only when one of them changed. `reads` counts the files read from disk.
 */
const MAX_KEPT_SETS = 64;

export class FileCache {
  readonly files = new Map<string, CachedFile>();
  /** The last data set made per scope, with the files' results it was made from. */
  readonly sets = new Map<string, { readonly from: readonly object[]; readonly data: DataSet }>();
  reads = 0;
}

/** Changes whenever the file is replaced or written (an editor's rename, a save in place). */
const stampOf = (st: { ino: number; size: number; mtimeMs: number; ctimeMs: number }) => `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/**
 * Reads the data folder. With a customer in `scope`, customers/<id>.yaml is the only customer file
 * read, so a proposal for one unit does not parse a thousand others (≈1 ms each). When no file of
 * that name holds the customer (a unit name was given, or the file holds another id), all are read.
 */
export function loadData(dir: string, scope: LoadScope = {}): DataSet {
  const { customer, ...how } = scope;
  return (customer !== undefined && readData(dir, how, customer)) || readData(dir, how);
}

/** Every file; or, with `onlyCustomer`, its own file of the customer files, undefined when it has none. */
function readData(dir: string, how: Omit<LoadScope, 'customer'>): DataSet;
function readData(dir: string, how: Omit<LoadScope, 'customer'>, onlyCustomer: string): DataSet | undefined;
function readData(dir: string, { cache, overrides }: Omit<LoadScope, 'customer'>, onlyCustomer?: string): DataSet | undefined {
  const issues: Issue[] = [];
  let files = 0;
  const sources = new WeakMap<object, YamlSource>();
  const exists = (abs: string) => overrides?.has(abs) || existsSync(abs);

  /** The file's issues and record, from the cache when the file has not changed since. */
  const readChecked = (abs: string, schema: z.ZodType): { issues: readonly Issue[]; loaded: Loaded<unknown> | undefined } => {
    const file = shownPath(abs);
    const override = overrides?.get(abs);
    if (override !== undefined) return checkText(override, file, schema);
    let stamp: string;
    try {
      stamp = stampOf(statSync(abs));
    } catch (e) {
      return { issues: [wholeFile(file, 'unreadable', fsReason(e, 'read'))], loaded: undefined };
    }
    const cached = cache?.files.get(abs);
    if (cached?.stamp === stamp && cached.schema === schema) return cached;
    const bytes = readRegular(abs, MAX_FILE_BYTES);
    if (!Buffer.isBuffer(bytes)) return { issues: [wholeFile(file, bytes.rule, bytes.reason)], loaded: undefined };
    if (cache) cache.reads++;
    const decoded = decodeUtf8(bytes, file);
    const result = decoded.issue ? { issues: [decoded.issue], loaded: undefined } : checkText(decoded.text ?? '', file, schema);
    cache?.files.set(abs, { stamp, schema, ...result });
    return result;
  };

  const read: object[] = [];
  const readOne = <S extends z.ZodType>(abs: string, schema: S): Loaded<z.output<S>> | undefined => {
    files++;
    const result = readChecked(abs, schema);
    read.push(result);
    const { issues: found, loaded } = result;
    issues.push(...found);
    if (loaded) sources.set(loaded.value as object, loaded.source);
    return loaded as Loaded<z.output<S>> | undefined;
  };

  /** Reads every YAML file of the folder; those that do not load go into `rejected`, by name without extension. */
  const readFolder = <S extends z.ZodType>(name: string, schema: S, rejected?: Map<string, string>): Loaded<z.output<S>>[] => {
    const folder = path.join(dir, name);
    if (!existsSync(folder) && overridden(folder).length === 0) return [];
    let names: string[];
    try {
      names = [...new Set([...(existsSync(folder) ? readdirSync(folder) : []), ...overridden(folder)])];
    } catch (e) {
      issues.push(wholeFile(shownPath(folder), 'unreadable', fsReason(e, 'read')));
      return [];
    }
    return names
      .filter(isDataFile)
      .sort()
      .flatMap((f) => {
        const loaded = readOne(path.join(folder, f), schema);
        if (!loaded) rejected?.set(idOfFile(f), shownPath(path.join(folder, f)));
        return loaded ?? [];
      });
  };

  /** Names of the files in `folder` given as text only. */
  const overridden = (folder: string): string[] => [...(overrides?.keys() ?? [])].filter((f) => path.dirname(f) === folder).map((f) => path.basename(f));

  const rejected = new Map<string, string>();
  /**
   * Every customer file, or the one named after the wanted id; undefined when that file is not
   * there, does not load or holds another id, so that every file is read instead. The name is
   * matched in the folder's listing: on a case-blind disk or for a device name (nul, con) a
   * path of our own making would find a file that is not the customer's.
   */
  const readCustomers = (): Loaded<Customer>[] | undefined => {
    if (onlyCustomer === undefined) return readFolder('customers', customerSchema, rejected);
    const folder = path.join(dir, 'customers');
    if (!CUSTOMER_ID.test(onlyCustomer) || !isFolder(folder)) return undefined;
    const names = new Set([...readdirSync(folder), ...overridden(folder)]);
    const name = [`${onlyCustomer}.yaml`, `${onlyCustomer}.yml`].find((n) => names.has(n));
    const loaded = name === undefined ? undefined : readOne(path.join(folder, name), customerSchema);
    return loaded?.value.id === onlyCustomer ? [loaded] : undefined;
  };

  const customers = readCustomers();
  if (!customers) return undefined;
  if (!isFolder(dir)) {
    issues.push(wholeFile(shownPath(dir), 'no-data-dir', '数据文件夹不存在'));
  }
  const companyFile = path.join(dir, 'company.yaml');
  let company: Loaded<Company> | undefined;
  if (exists(companyFile)) company = readOne(companyFile, companySchema);
  else issues.push(wholeFile(shownPath(companyFile), 'missing-file', '缺少公司资料文件 company.yaml'));

  const policiesFile = path.join(dir, 'policies.yaml');
  const policies = exists(policiesFile) ? readOne(policiesFile, partialPolicies) : undefined;

  const products = readFolder('products', productSchema);
  const deals = readFolder('deals', dealSchema);
  const targetsFile = path.join(dir, 'targets.yaml');
  const targets = exists(targetsFile) ? readOne(targetsFile, targetsSchema) : undefined;
  // Nothing changed on disk since the last reading of this scope: the same files' results, the
  // same data. The rules across files and the assembly are skipped (a studio page reads the
  // folder for each document it lists: 1,000 customers' cross-checks ~9 ms a time).
  const scope = onlyCustomer ?? '';
  const last = cache?.sets.get(scope);
  if (overrides === undefined && last && last.from.length === read.length && last.from.every((r, i) => r === read[i])) return last.data;
  const merged: Policies = { ...DEFAULT_POLICIES, ...stripUndefined(policies?.value ?? {}) };
  issues.push(...crossChecks({ products, customers, deals, policies: merged, company, targets }, { allCustomers: onlyCustomer === undefined }));

  // Of records sharing an id (an error `check` reports), the first is kept, unless a later one's
  // file is named after the id: that is the one a command naming the customer reads alone.
  const namedAfterId = ({ value, source }: Loaded<{ id: string }>) => idOfFile(source.file) === value.id;
  const byId = <T extends { id: string }>(list: readonly Loaded<T>[], onDropped?: (dropped: Loaded<T>, kept: Loaded<T>) => void) => {
    const kept = new Map<string, Loaded<T>>();
    for (const record of list) {
      const first = kept.get(record.value.id);
      if (!first) kept.set(record.value.id, record);
      else if (!namedAfterId(first) && namedAfterId(record)) {
        kept.set(record.value.id, record);
        onDropped?.(first, record);
      } else onDropped?.(record, first);
    }
    return new Map([...kept].map(([id, { value }]) => [id, value]));
  };
  // A customer left out for its id is a rejected file too, so a mailing reports it instead of
  // quietly mailing one unit fewer (copying a file to start a new customer keeps the old id).
  const customersById = byId<Customer>(customers, (dropped, kept) => {
    const { file } = dropped.source;
    rejected.set(idOfFile(file), file);
    if (!issues.some((i) => i.file === file && i.severity === 'error')) {
      const at = `${kept.source.file}:${kept.source.locate(['id']).line}`;
      issues.push(issueAt(dropped.source, customerSchema, ['id'], 'error', 'duplicate', `客户编号「${dropped.value.id}」重复：与 ${at} 相同，这个文件里的客户不会用到`));
    }
  });
  const errorsByFile = new Map<string, Issue[]>();
  for (const issue of sortIssues(issues)) {
    if (issue.severity === 'error') errorsByFile.set(issue.file, [...(errorsByFile.get(issue.file) ?? []), issue]);
  }
  const errorsIn = (file: string): readonly Issue[] => errorsByFile.get(file) ?? [];
  const data: DataSet = {
    dir,
    files,
    ...(onlyCustomer !== undefined && { onlyCustomer }),
    company: company?.value,
    policies: merged,
    products: byId<Product>(products),
    customers: customersById,
    deals: byId<Deal>(deals),
    // A targets file with an error is left out whole: a report against half the targets would mislead.
    targets: targets && errorsIn(targets.source.file).length === 0 ? targets.value.targets : [],
    issues,
    rejectedCustomers: new Map([...rejected].map(([id, file]) => [id, { file, issues: errorsIn(file) }])),
    sourceOf: (record) => sources.get(record),
    errorsIn,
  };
  if (cache && overrides === undefined) {
    // One scope per customer opened in a long session: the oldest are let go.
    if (cache.sets.size >= MAX_KEPT_SETS) cache.sets.delete(cache.sets.keys().next().value!);
    cache.sets.set(scope, { from: read, data });
  }
  return data;
}

/** A data file's text, parsed and checked against its schema. */
function checkText(text: string, file: string, schema: z.ZodType): { issues: readonly Issue[]; loaded: Loaded<unknown> | undefined } {
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { issues: parsed.issues, loaded: undefined };
  const checked = checkRecord(parsed.source, schema);
  const issues = [...parsed.issues, ...checked.issues];
  return { issues, loaded: checked.value === undefined ? undefined : { value: checked.value, source: parsed.source } };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function wholeFile(file: string, rule: string, message: string): Issue {
  return { severity: 'error', file, line: 1, column: 1, field: '', label: '', message, rule };
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
