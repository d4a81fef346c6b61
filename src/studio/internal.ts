// Which fields no external paper carries (README: 对外文书的视图里根本没有…): the forms and the
// customer's page mark them 内部 so the salesperson knows what stays in the archive.
import { html } from './html.ts';

const INTERNAL: Readonly<Record<'customer' | 'contact' | 'deal', ReadonlySet<string>>> = {
  // The unit as customerPublicV names it is name, system, address, postcode, headcount; the rest is what we learned.
  customer: new Set(['id', 'status', 'phone', 'website', 'economy', 'welfareEmphasis', 'pastWelfare', 'expectedAnnualPurchase', 'chance', 'accountManager', 'intermediary', 'notes', 'visits', 'purchases', 'questions']),
  // Personal: home, private phones, birthdays, family, hobbies; and our own notes.
  contact: new Set(['mobile', 'homePhone', 'wechat', 'homeAddress', 'homePostcode', 'birthday', 'anniversary', 'family', 'hobbies', 'purchasedProducts', 'notes', 'vip', 'rank']),
  // Commission, gifts and our notes are the allocation's (internal), never the proposal's.
  deal: new Set(['commission', 'gifts', 'notes', 'status']),
};

export const isInternal = (kind: keyof typeof INTERNAL, field: string): boolean => INTERNAL[kind].has(field.split('.')[0]!);

export const internalTag = html`<span class="tag-internal" title="只在内部文书里出现，不会印在给客户的文书上">内部</span>`;
