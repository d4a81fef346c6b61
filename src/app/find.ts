// Finding a customer a request names: by id or exact unit name, with a hint when it is not there.
import { findCustomer, type DataSet } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import type { Customer } from '../data/schema.ts';
import { DataError } from '../errors.ts';
import { closest } from '../util/suggest.ts';

/** The customer by id or exact unit name; its file must have loaded without errors. */
export function customerNamed(data: DataSet, wanted: string): Customer {
  const customer = findCustomer(data, wanted);
  if (customer) return customer;
  const broken = data.rejectedCustomers.get(wanted)?.issues ?? [];
  if (broken.length > 0) {
    throw new DataError(`客户「${wanted}」的数据有错误，无法生成文书：\n${broken.map(formatIssue).join('\n')}`, { code: 'customer-invalid', issues: broken });
  }
  const all = [...data.customers.values()];
  const guess = closest(wanted, [...all.map((c) => c.id), ...all.map((c) => c.name)]);
  throw new DataError(`找不到客户「${wanted}」${guess ? `，是否想写「${guess}」？` : ''}`, { code: 'customer-not-found' });
}
