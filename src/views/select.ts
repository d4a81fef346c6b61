// Which customers a listing, an export or a mailing covers: class, system, status, VIP, shard.
import type { DataSet } from '../data/dataset.ts';
import type { Customer } from '../data/schema.ts';
import type { CustomerClass } from '../domain/classify.ts';
import { inShard } from '../domain/shard.ts';
import { classOf, vipOf } from './facts.ts';

export interface Selection {
  readonly classes?: readonly CustomerClass[] | undefined;
  readonly systems?: readonly string[] | undefined;
  readonly status?: readonly string[] | undefined;
  readonly vipOnly?: boolean;
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  /** Only these customers: a list a front end narrowed further (the studio's search by name). */
  readonly ids?: ReadonlySet<string> | undefined;
}

/** The customers matching every given filter, in the data set's order. */
export function selectCustomers(data: DataSet, s: Selection): Customer[] {
  return [...data.customers.values()].filter((c) => {
    const cls = classOf(c, data.policies);
    return (
      (!s.classes || (cls !== undefined && s.classes.includes(cls))) &&
      (!s.systems || s.systems.includes(c.system)) &&
      (!s.status || s.status.includes(c.status)) &&
      (!s.vipOnly || c.contacts.some((k) => vipOf(c, k, data).status !== 'none')) &&
      (!s.shard || inShard(c.id, s.shard)) &&
      (!s.ids || s.ids.has(c.id))
    );
  });
}
