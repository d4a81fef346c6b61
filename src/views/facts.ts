// Facts derived from the data with the domain rules: a customer's class and each contact's
// VIP status. Every document and listing takes them from here.
import { customerClass, type CustomerClass } from '../domain/classify.ts';
import { vipStatus, type VipPurchase } from '../domain/vip.ts';
import type { Contact, Customer, Policies, Product } from '../data/schema.ts';

export interface FactSources {
  readonly products: ReadonlyMap<string, Product>;
  readonly policies: Policies;
}

/** The A–D class by expected annual purchase; undefined while that is unknown. */
export function classOf(c: Customer, policies: Policies): CustomerClass | undefined {
  return c.expectedAnnualPurchase === undefined ? undefined : customerClass(c.expectedAnnualPurchase, policies.classThresholds);
}

export function vipOf(customer: Customer, contact: Contact, src: FactSources) {
  const purchases: VipPurchase[] = (customer.purchases ?? [])
    .filter((p) => p.buyer === contact.name)
    .map((p) => {
      const grade = src.products.get(p.product)?.grade;
      return { date: p.date, amountFen: p.amount, premium: grade === '高端' || grade === '中端' };
    });
  const vip = contact.vip;
  return vipStatus(
    {
      ...(contact.rank === undefined ? {} : { rank: contact.rank }),
      purchases,
      ...(vip?.nominatedBy && vip.nominatedOn ? { nomination: { by: vip.nominatedBy, date: vip.nominatedOn } } : {}),
      ...(vip?.approval ? { approval: vip.approval } : {}),
    },
    {
      singlePurchaseFen: src.policies.vip.singlePurchase,
      monthlyFen: src.policies.vip.monthlyPurchase,
      minRank: src.policies.vip.minRank,
    },
  );
}
