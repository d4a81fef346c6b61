// Customers and deals are addressed by id, never by path: an id is looked up among the
// workspace's records, and anything else (../x, a unit name, another customer's deal) is not found.
import type { DataSet } from '../data/dataset.ts';
import type { Customer, Deal } from '../data/schema.ts';
import { AppError, DataError } from '../errors.ts';
import type { StudioContext } from './context.ts';

export interface Found {
  readonly data: DataSet;
  readonly customer: Customer;
}

/** The customer of that id, with the data it was read from; not found (404) for any other text. */
export function customerById(ctx: StudioContext, id: string): Found {
  const data = ctx.ws.usableData({ customer: id, company: false });
  const customer = data.customers.get(id);
  if (customer) return { data, customer };
  const broken = data.rejectedCustomers.get(id);
  if (broken) throw new DataError(`客户「${id}」的文件有错误，读不进来：请先改正`, { code: 'customer-invalid', issues: broken.issues });
  throw new AppError(`找不到客户「${id}」`, { code: 'customer-not-found' });
}

/** The customer's deals, the latest valid first. */
export const dealsOf = (data: DataSet, customer: Customer): Deal[] =>
  [...data.deals.values()].filter((d) => d.customer === customer.id).sort((a, b) => b.validUntil.localeCompare(a.validUntil) || a.id.localeCompare(b.id));

/** One of the customer's deals by id; not found for another customer's deal or any other text. */
export function dealOf(data: DataSet, customer: Customer, id: string): Deal {
  const deal = data.deals.get(id);
  if (deal && deal.customer === customer.id) return deal;
  throw new AppError(`客户「${customer.name}」没有方案「${id}」`, { code: 'deal-not-found' });
}

/** A customer whose file may be edited: one that loaded, or one whose file has errors to fix. */
export function editableCustomer(ctx: StudioContext, id: string): { data: DataSet; customer: Customer | undefined } {
  const data = ctx.ws.data({ customer: id });
  const customer = data.customers.get(id);
  if (customer || data.rejectedCustomers.has(id)) return { data, customer };
  throw new AppError(`找不到客户「${id}」`, { code: 'customer-not-found' });
}
