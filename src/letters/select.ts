// The mailing's stable print order: by system, then unit name.
import { SYSTEMS, type Customer } from '../data/schema.ts';

const collator = new Intl.Collator('zh-Hans-CN');

export function printOrder(customers: readonly Customer[]): Customer[] {
  return [...customers].sort(
    (a, b) => SYSTEMS.indexOf(a.system) - SYSTEMS.indexOf(b.system) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
  );
}
