// Which fields no external paper carries (README: 对外文书的视图里根本没有…): the forms and the
// customer's page mark them 内部 so the salesperson knows what stays in the archive.
import type { RecordKind } from '../app/records.ts';
import { html } from './html.ts';

// The unit as customerPublicV names it is name, system, address, postcode, headcount; the rest is what we learned.
const CUSTOMER = new Set(['id', 'status', 'phone', 'website', 'economy', 'welfareEmphasis', 'pastWelfare', 'expectedAnnualPurchase', 'chance', 'accountManager', 'intermediary', 'notes', 'visits', 'purchases', 'questions']);
// Personal: home, private phones, birthdays, family, hobbies; and our own notes.
const CONTACT = new Set(['mobile', 'homePhone', 'wechat', 'homeAddress', 'homePostcode', 'birthday', 'anniversary', 'family', 'hobbies', 'purchasedProducts', 'notes', 'vip', 'rank']);
// Commission, gifts, the status and our notes are the allocation's (internal), never the proposal's.
const DEAL = new Set(['commission', 'gifts', 'notes', 'status']);
// Cost and the product compared with are never printed (domain.md §12).
const PRODUCT = new Set(['costPrice', 'comparedWith']);

/** Whether the field at a path (contacts[0].mobile, commission.rate) stays inside the company. */
export function isInternal(kind: RecordKind, field: string): boolean {
  const [top, , sub] = field.split(/[.[\]]+/);
  if (kind === 'customer') return top === 'contacts' ? sub !== undefined && CONTACT.has(sub) : CUSTOMER.has(top!);
  return (kind === 'deal' ? DEAL : PRODUCT).has(top!);
}

export const internalTag = html`<span class="tag-internal" title="只在内部文书里出现，不会印在给客户的文书上">内部</span>`;
