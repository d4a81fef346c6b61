// Which customers a mailing goes to, in the stable print order: by system, then unit name.
import type { DataSet } from '../data/dataset.ts';
import { SYSTEMS, type Customer } from '../data/schema.ts';
import type { CustomerClass } from '../domain/classify.ts';
import { inShard } from '../domain/shard.ts';
import { classOf, vipOf } from '../views/facts.ts';

export interface Selection {
  readonly classes?: readonly CustomerClass[];
  readonly systems?: readonly string[];
  readonly status?: readonly string[];
  readonly vipOnly?: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
}

const collator = new Intl.Collator('zh-Hans-CN');

export function selectCustomers(data: DataSet, s: Selection): Customer[] {
  return [...data.customers.values()]
    .filter((c) => !s.classes || s.classes.includes(classOf(c, data.policies) as CustomerClass))
    .filter((c) => !s.systems || s.systems.includes(c.system))
    .filter((c) => !s.status || s.status.includes(c.status))
    .filter((c) => !s.vipOnly || c.contacts.some((k) => vipOf(c, k, data).status !== 'none'))
    .filter((c) => !s.shard || inShard(c.id, s.shard))
    .sort((a, b) => SYSTEMS.indexOf(a.system) - SYSTEMS.indexOf(b.system) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
