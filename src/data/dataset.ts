// The loaded, validated data: the only data later stages see. Records that failed their
// schema are absent; their issues are kept so commands can tell what was left out.
import path from 'node:path';
import type { Issue } from './issues.ts';
import type { Company, Customer, Deal, Policies, Product, Target } from './schema.ts';
import type { YamlSource } from './yaml.ts';

/** A data file that did not load, and why. */
export interface Rejected {
  readonly file: string;
  readonly issues: readonly Issue[];
}

export interface DataSet {
  readonly dir: string;
  /** How many data files were read. */
  readonly files: number;
  /** Set when of the customer files only this customer's was read (a command for one customer). */
  readonly onlyCustomer?: string;
  readonly company: Company | undefined;
  readonly policies: Policies;
  readonly products: ReadonlyMap<string, Product>;
  readonly customers: ReadonlyMap<string, Customer>;
  readonly deals: ReadonlyMap<string, Deal>;
  /** The sales targets of targets.yaml; none when the file is absent or has errors. */
  readonly targets: readonly Target[];
  readonly issues: readonly Issue[];
  /** Customer files that did not load (their customer is absent), by name without extension, with their errors. */
  readonly rejectedCustomers: ReadonlyMap<string, Rejected>;
  /** The file a record came from, for error messages that point into the data. */
  sourceOf(record: object): YamlSource | undefined;
  /** The errors of one file, by its path as issues show it. */
  errorsIn(file: string): readonly Issue[];
}

/** Finds a customer by id or by its exact unit name. */
export function findCustomer(data: DataSet, idOrName: string): Customer | undefined {
  return data.customers.get(idOrName) ?? [...data.customers.values()].find((c) => c.name === idOrName);
}

/** The errors of the file `record` came from: a record that loaded may still point at what is not there. */
export function recordErrors(data: DataSet, record: object): readonly Issue[] {
  const file = data.sourceOf(record)?.file;
  return file === undefined ? [] : data.errorsIn(file);
}

/** The errors of the deal files: a deal that cannot be found may be one of them that did not load. */
export function dealFileErrors(data: DataSet): Issue[] {
  return data.issues.filter((i) => i.severity === 'error' && path.basename(path.dirname(i.file)) === 'deals');
}
